/**
 * Helpers for the CI workflows (.github/workflows/*.yml), run with `npx tsx scripts/plan-comment.ts <command>`:
 *
 *   order    [outdir] [stack…]          stack names in deploy order, one a line: platform, then the shards, then the
 *                                       gateway; only the given stacks when some are named (those not synthesized
 *                                       are left out)
 *   tier     <tier> [outdir]            the stacks of one tier (platform | shards | gateway), one a line
 *   outputs  <changed>                  from `npm run changed`'s output: the step outputs `provinces` (JSON list)
 *                                       and `stacks` (JSON: province → its changed stacks), for $GITHUB_OUTPUT; a
 *                                       plan of record (supersededBy) is left out of both, and of the overview
 *   overview <changed> <ref>            the pull request's overview comment: what changed, or that nothing is to plan
 *   render   <plans> <outdir> [stack…]  one province's plan comment (PROVINCE): the guard's result from
 *                                       <plans>/guard.txt and .exit, each stack's plan from <plans>/<stack>.txt and
 *                                       .exit (npm run deploy -- plan); named stacks the synth no longer has are
 *                                       listed as removed
 *   select   <changed>                  the lines of `npm run changed` a pull request plans: every province whose
 *                                       config changed (CONFIG_CHANGED), and for a code change at most three more,
 *                                       deployed to staging (DEPLOYED) first: see representativeProvinces
 *   batches  <rollout.json> <from>      the deploy's batch matrix from the rollout plan: batches=[from, …, last]
 *
 * The order follows the dependencies recorded in cdktf.out/manifest.json (cross-stack references add them), with
 * ties broken by tier and name, so a later stack is planned after the stacks it depends on.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { readSettings } from "../src/load/read-settings";
import { parseRolloutPlan, type RolloutPlan } from "../src/deploy/rollout-plan";
import { readManifest, stacksInOrder, tierOf } from "../src/deploy/stack-order";


/** Hidden markers by which the workflow finds its comments again (scripts/sticky-comment.js reads them too). */
export const OVERVIEW_MARKER = "<!-- commune-infra-plan -->";
export const planMarker = (province: string) => `<!-- commune-infra-plan province=${province} -->`;
/** GitHub rejects comment bodies over 65,536 characters. */
export const COMMENT_LIMIT = 65_000;

export interface StackPlan {
  readonly stack: string;
  /** The exit code of `cdktf diff` (0 planned, else an error), or of `terraform plan -detailed-exitcode` (2: changes). */
  readonly exitCode: number;
  readonly output: string;
}

export interface GuardRun {
  readonly exitCode: number;
  readonly output: string;
}

type Outcome = "none" | "changes" | "error";

function outcome(plan: StackPlan): Outcome {
  if (plan.exitCode === 2) return "changes";
  if (plan.exitCode !== 0) return "error";
  return /No changes\./.test(plan.output) ? "none" : "changes";
}

const STATUS: Record<Outcome, string> = { none: "✅ no changes", changes: "📝 changes", error: "❌ error" };

/**
 * The summary line Terraform prints ("Plan: 1 to add, …", "No changes. …", "Changes to Outputs:"), or the first
 * error; `cdktf diff` puts the stack's name before each line, which is dropped.
 */
function headline(plan: StackPlan): string {
  const patterns = [/Plan: \d+ to add.*/, /No changes\..*/, /Changes to Outputs:.*/, /Error:.*/];
  for (const pattern of patterns) {
    const found = pattern.exec(plan.output);
    if (found) return found[0].trim().replace(/\|/g, "\\|");
  }
  return "";
}

/** A fenced block of at most `share` characters; an over-long text keeps its end, where summaries and errors are. */
function fenced(text: string, share: number): string {
  const body = text.length > share ? `… (${text.length - share} characters cut; the whole output is in the job log)\n${text.slice(-share)}` : text;
  const fence = body.includes("```") ? "~~~~" : "```";
  return [`${fence}text`, body, fence].join("\n");
}

const details = (summary: string, text: string, share: number) => [`<details><summary>${summary}</summary>`, "", fenced(text.trimEnd(), share), "", "</details>", ""].join("\n");

export interface PlanContext {
  readonly province: string;
  readonly environment: string;
  readonly sha?: string;
  readonly guard?: GuardRun;
  /** Changed stacks the working tree no longer synthesizes (their resources are not planned). */
  readonly removed?: readonly string[];
}

/** Markdown for one province's pull-request comment, updated in place (found by its marker), kept under GitHub's limit. */
export function renderComment(plans: readonly StackPlan[], context: PlanContext): string {
  const removed = context.removed ?? [];
  const guard = context.guard;
  const head = [
    planMarker(context.province),
    `### Terraform plan — ${context.province}, \`${context.environment}\`${context.sha ? ` at ${context.sha.slice(0, 7)}` : ""}`,
    "",
    ...(guard ? [guard.exitCode === 0 ? "Guard: ✅ passed — nothing protected is lost." : "Guard: ❌ **BLOCKED** — a change would lose protected resources or records; see below.", ""] : []),
    plans.length > 0
      ? "The stacks planned, in dependency order (`npm run deploy -- plan`); nothing was applied."
      : "No stack of this province was planned.",
    "",
    ...(plans.length > 0 ? ["| # | stack | result | summary |", "| ---: | --- | --- | --- |", ...plans.map((plan, index) => `| ${index + 1} | \`${plan.stack}\` | ${STATUS[outcome(plan)]} | ${headline(plan)} |`), ""] : []),
    ...(removed.length > 0
      ? [`Removed by this pull request (not planned: their resources stay in their Terraform state until moved or destroyed by hand): ${removed.map((stack) => `\`${stack}\``).join(", ")}.`, ""]
      : []),
  ].join("\n");
  const texts = [...(guard ? [{ summary: `guard: ${guard.exitCode === 0 ? "passed" : "BLOCKED"}`, text: guard.output }] : []), ...plans.map((plan) => ({ summary: `<code>${plan.stack}</code>: ${STATUS[outcome(plan)]}`, text: plan.output }))];
  // Share the remaining room between the outputs.
  const share = Math.max(500, Math.floor((COMMENT_LIMIT - head.length) / Math.max(1, texts.length)) - 200);
  return `${head}\n${texts.map(({ summary, text }) => details(summary, text, share)).join("\n")}`.slice(0, COMMENT_LIMIT);
}

/** `npm run changed`'s lines (`<province> <stack>`) as province → its stacks, in the order printed. */
export function parseChanged(text: string): Map<string, string[]> {
  const byProvince = new Map<string, string[]>();
  for (const line of text.split("\n").map((l) => l.trim()).filter(Boolean)) {
    const [province, stack, ...rest] = line.split(" ");
    if (!stack || rest.length > 0) throw new Error(`not a "<province> <stack>" line of npm run changed: "${line}"`);
    byProvince.set(province, [...(byProvince.get(province) ?? []), stack]);
  }
  return byProvince;
}

/** The step outputs the pull-request workflow's matrix is built from. */
export function workflowOutputs(changed: ReadonlyMap<string, readonly string[]>): string {
  return `provinces=${JSON.stringify([...changed.keys()])}\nstacks=${JSON.stringify(Object.fromEntries(changed))}\n`;
}

/** The pull request's one overview comment: the changed stacks per province, or that there is nothing to plan. */
export function renderOverview(changed: ReadonlyMap<string, readonly string[]>, context: { environment: string; ref: string; sha?: string; omitted?: readonly string[] }): string {
  const stacks = [...changed.values()].flat().length;
  const lines = [OVERVIEW_MARKER, `### Terraform plan — \`${context.environment}\`${context.sha ? ` at ${context.sha.slice(0, 7)}` : ""}`, ""];
  if (changed.size === 0) {
    lines.push(`**Nothing to plan:** no stack's Terraform differs from \`${context.ref}\` (\`npm run changed -- ${context.ref}\` printed nothing).`);
  } else {
    lines.push(
      `This pull request changes ${stacks} stack${stacks === 1 ? "" : "s"} in ${changed.size} province${changed.size === 1 ? "" : "s"} (\`npm run changed -- ${context.ref}\`); each province is guarded and planned in its own job and comment.`,
      "",
      "| province | changed stacks |",
      "| --- | --- |",
      ...[...changed].map(([province, list]) => `| ${province} | ${list.map((stack) => `\`${stack}\``).join(", ")} |`),
    );
  }
  const omitted = context.omitted ?? [];
  if (omitted.length > 0) {
    lines.push("", `A code change reaches ${omitted.length} more province${omitted.length === 1 ? "" : "s"}, not planned here (a representative set is, within the DNSimple hour): ${omitted.join(", ")}.`);
  }
  return `${lines.join("\n")}\n`.slice(0, COMMENT_LIMIT);
}

/**
 * A code change can change every province's Terraform; planning all of them would spend tens of thousands of
 * DNSimple requests and 33 jobs. These stand for the rest, in this order: lam-dong (a merged province: old
 * provinces' domains, Bình Thuận's communes), ha-noi (the most split units and top-level retired zones) and
 * ho-chi-minh (the most stacks). Not binh-thuan: a plan of record, which is never planned.
 */
export const REPRESENTATIVE_PROVINCES = ["lam-dong", "ha-noi", "ho-chi-minh"] as const;
const REPRESENTATIVE_COUNT = 3;

/**
 * The provinces a pull request plans: every province whose own config changed, and, for the others a code change
 * reaches, at most three — those deployed to staging first (a plan against real state tells more than one of
 * everything to add), the representative ones first among them. Returns what to plan and what is left out.
 */
export function representativeProvinces(changed: ReadonlyMap<string, readonly string[]>, configChanged: ReadonlySet<string>, deployed: ReadonlySet<string>): { planned: Map<string, readonly string[]>; omitted: string[] } {
  const preference = (province: string) => {
    const index = (REPRESENTATIVE_PROVINCES as readonly string[]).indexOf(province);
    return index < 0 ? REPRESENTATIVE_PROVINCES.length : index;
  };
  const byCode = [...changed.keys()]
    .filter((province) => !configChanged.has(province))
    .sort((a, b) => Number(!deployed.has(a)) - Number(!deployed.has(b)) || preference(a) - preference(b) || a.localeCompare(b));
  const chosen = new Set([...[...changed.keys()].filter((province) => configChanged.has(province)), ...byCode.slice(0, REPRESENTATIVE_COUNT)]);
  return { planned: new Map([...changed].filter(([province]) => chosen.has(province))), omitted: byCode.slice(REPRESENTATIVE_COUNT).sort() };
}

function readRun(plansDir: string, name: string): { exitCode: number; output: string } | undefined {
  const exitFile = join(plansDir, `${name}.exit`);
  if (!existsSync(exitFile)) return undefined;
  const outputFile = join(plansDir, `${name}.txt`);
  const exitCode = Number.parseInt(readFileSync(exitFile, "utf8").trim(), 10);
  return { exitCode: Number.isNaN(exitCode) ? 1 : exitCode, output: existsSync(outputFile) ? readFileSync(outputFile, "utf8") : "" };
}

export function readPlans(plansDir: string, stacks: readonly string[]): StackPlan[] {
  return stacks.flatMap((stack) => {
    const run = readRun(plansDir, stack);
    return run ? [{ stack, ...run }] : [];
  });
}

/**
 * The changed provinces that are planned: not a plan of record (supersededBy), which staging refuses to synthesize
 * (its successor deploys its units). A province folder the change deleted has no settings and stays.
 */
export function withoutPlansOfRecord(changed: ReadonlyMap<string, readonly string[]>, configRoot = "config"): Map<string, readonly string[]> {
  return new Map([...changed].filter(([province]) => !readSettings(join(configRoot, province, "settings.yaml")).settings?.supersededBy));
}

/** The deploy's batch matrix for $GITHUB_OUTPUT, from the batch `from` (the workflow's input) to the plan's last. */
export function batchMatrix(plan: RolloutPlan, from: string): string {
  const first = Number(from);
  if (!Number.isInteger(first) || first < 1 || first > plan.batches.length) throw new Error(`from_batch ${from}: the rollout plan has batches 1 to ${plan.batches.length}`);
  return `batches=${JSON.stringify(Array.from({ length: plan.batches.length - first + 1 }, (_, index) => first + index))}\n`;
}

function main(argv: readonly string[]): number {
  const [command, ...args] = argv;
  const ordered = (outdir: string | undefined, only: readonly string[]) => stacksInOrder(readManifest(outdir ?? "cdktf.out"), only);
  const print = (lines: readonly string[]) => process.stdout.write(lines.map((line) => `${line}\n`).join(""));
  if (command === "order") {
    print(ordered(args[0], args.slice(1)));
    return 0;
  }
  if (command === "tier" && args[0]) {
    print(ordered(args[1], []).filter((stack) => tierOf(stack) === args[0]));
    return 0;
  }
  if (command === "outputs" && args[0]) {
    process.stdout.write(workflowOutputs(withoutPlansOfRecord(parseChanged(readFileSync(args[0], "utf8")))));
    return 0;
  }
  if (command === "overview" && args[0] && args[1]) {
    const omitted = (process.env.OMITTED ?? "").split(/\s+/).filter(Boolean);
    process.stdout.write(renderOverview(withoutPlansOfRecord(parseChanged(readFileSync(args[0], "utf8"))), { environment: process.env.ENV ?? "offline", ref: args[1], sha: process.env.PLAN_SHA, omitted }));
    return 0;
  }
  if (command === "select" && args[0]) {
    const words = (name: string) => new Set((process.env[name] ?? "").split(/\s+/).filter(Boolean));
    const { planned, omitted } = representativeProvinces(withoutPlansOfRecord(parseChanged(readFileSync(args[0], "utf8"))), words("CONFIG_CHANGED"), words("DEPLOYED"));
    print([...planned].flatMap(([province, stacks]) => stacks.map((stack) => `${province} ${stack}`)));
    if (omitted.length > 0) process.stderr.write(`not planned (code change, represented by the others): ${omitted.join(" ")}\n`);
    return 0;
  }
  if (command === "batches" && args[0] && args[1]) {
    process.stdout.write(batchMatrix(parseRolloutPlan(readFileSync(args[0], "utf8"), args[0]), args[1]));
    return 0;
  }
  if (command === "render" && args[0] && args[1]) {
    const [plansDir, outdir, ...named] = args;
    const stacks = ordered(outdir, named);
    process.stdout.write(
      renderComment(readPlans(plansDir, stacks), {
        province: process.env.PROVINCE ?? "",
        environment: process.env.ENV ?? "offline",
        sha: process.env.PLAN_SHA,
        guard: readRun(plansDir, "guard"),
        removed: named.filter((stack) => !stacks.includes(stack)),
      }),
    );
    return 0;
  }
  process.stderr.write(
    "usage: plan-comment.ts order [outdir] [stack…] | tier <platform|shards|gateway> [outdir] | outputs <changed> | overview <changed> <ref> | render <plansdir> <outdir> [stack…] | select <changed> | batches <rollout.json> <from>\n",
  );
  return 2;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
