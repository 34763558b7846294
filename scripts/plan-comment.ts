/**
 * Helpers for the CI workflows (.github/workflows/*.yml), run with `npx tsx scripts/plan-comment.ts <command>`:
 *
 *   order  [outdir]          stack names in deploy order, one a line: platform, then the shards, then the gateway
 *   tier   <tier> [outdir]   the stacks of one tier (platform | shards | gateway), one a line
 *   render <plans> [outdir]  the pull-request comment (Markdown) for the plans in <plans>/<stack>.txt and
 *                            <plans>/<stack>.exit (terraform plan -detailed-exitcode: 0 none, 2 changes, else error)
 *
 * The order follows the dependencies recorded in cdktf.out/manifest.json (cross-stack references add them), with
 * ties broken by tier and name, so a later stack is planned after the stacks whose remote state it reads.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

export const PLAN_MARKER = "<!-- commune-infra-plan -->";
/** GitHub rejects comment bodies over 65,536 characters. */
export const COMMENT_LIMIT = 65_000;

export type Tier = "platform" | "shards" | "gateway" | "other";

interface ManifestStack {
  readonly dependencies?: readonly string[];
}

export function tierOf(stack: string): Tier {
  if (stack.endsWith("-platform")) return "platform";
  if (/-(communes|retired)-\d+$/.test(stack)) return "shards";
  if (stack.endsWith("-gateway")) return "gateway";
  return "other";
}

const TIER_RANK: Record<Tier, number> = { platform: 0, shards: 1, other: 2, gateway: 3 };

function compareStacks(a: string, b: string): number {
  return TIER_RANK[tierOf(a)] - TIER_RANK[tierOf(b)] || a.localeCompare(b, "en", { numeric: true });
}

/** Topological order of the stacks (Kahn), the ready ones taken by tier then name; throws on a cycle. */
export function orderStacks(dependencies: Readonly<Record<string, readonly string[]>>): string[] {
  const names = Object.keys(dependencies);
  const pending = new Map(names.map((name) => [name, new Set((dependencies[name] ?? []).filter((d) => d in dependencies))]));
  const ordered: string[] = [];
  while (pending.size > 0) {
    const ready = [...pending].filter(([, deps]) => deps.size === 0).map(([name]) => name).sort(compareStacks);
    if (ready.length === 0) throw new Error(`dependency cycle among stacks: ${[...pending.keys()].join(", ")}`);
    const next = ready[0];
    ordered.push(next);
    pending.delete(next);
    for (const deps of pending.values()) deps.delete(next);
  }
  return ordered;
}

export function readManifest(outdir: string): Record<string, readonly string[]> {
  const manifest = JSON.parse(readFileSync(join(outdir, "manifest.json"), "utf8")) as { stacks?: Record<string, ManifestStack> };
  const result: Record<string, readonly string[]> = {};
  for (const [name, stack] of Object.entries(manifest.stacks ?? {})) result[name] = stack.dependencies ?? [];
  return result;
}

export interface StackPlan {
  readonly stack: string;
  /** terraform plan -detailed-exitcode: 0 no changes, 2 changes, anything else an error. */
  readonly exitCode: number;
  readonly output: string;
}

function status(exitCode: number): string {
  if (exitCode === 0) return "✅ no changes";
  if (exitCode === 2) return "📝 changes";
  return "❌ error";
}

/** The summary line Terraform prints ("Plan: 1 to add, …" or "No changes. …"), or the first error. */
function headline(plan: StackPlan): string {
  const lines = plan.output.split("\n").map((line) => line.trim());
  const found =
    lines.find((line) => /^Plan: \d+ to add/.test(line)) ??
    lines.find((line) => line.startsWith("No changes.")) ??
    lines.find((line) => line.startsWith("Error:"));
  return (found ?? "").replace(/\|/g, "\\|");
}

/** Markdown for the one pull-request comment, updated in place (found by PLAN_MARKER), kept under GitHub's limit. */
export function renderComment(plans: readonly StackPlan[], context: { environment: string; sha?: string }): string {
  const head = [
    PLAN_MARKER,
    `### Terraform plan — \`${context.environment}\`${context.sha ? ` at ${context.sha.slice(0, 7)}` : ""}`,
    "",
    "Planned in dependency order (platform, shards, gateway) with `-lock=false`; nothing was applied.",
    "",
    "| # | stack | result | summary |",
    "| ---: | --- | --- | --- |",
    ...plans.map((plan, index) => `| ${index + 1} | \`${plan.stack}\` | ${status(plan.exitCode)} | ${headline(plan)} |`),
    "",
  ].join("\n");
  const budget = COMMENT_LIMIT - head.length;
  const sections = plans.map((plan) => ({ plan, body: plan.output.trimEnd() }));
  // Share the remaining room between the stacks; an over-long plan keeps its end, where the summary and errors are.
  const share = Math.max(500, Math.floor(budget / Math.max(1, sections.length)) - 200);
  const details = sections.map(({ plan, body }) => {
    const text = body.length > share ? `… (${body.length - share} characters cut; full plan in the job log)\n${body.slice(-share)}` : body;
    const fence = text.includes("```") ? "~~~~" : "```";
    return [`<details><summary><code>${plan.stack}</code>: ${status(plan.exitCode)}</summary>`, "", `${fence}text`, text, fence, "", "</details>", ""].join("\n");
  });
  return `${head}\n${details.join("\n")}`.slice(0, COMMENT_LIMIT);
}

export function readPlans(plansDir: string, stacks: readonly string[]): StackPlan[] {
  return stacks
    .filter((stack) => existsSync(join(plansDir, `${stack}.exit`)))
    .map((stack) => {
      const outputFile = join(plansDir, `${stack}.txt`);
      const output = existsSync(outputFile) ? readFileSync(outputFile, "utf8") : "";
      const exitCode = Number.parseInt(readFileSync(join(plansDir, `${stack}.exit`), "utf8").trim(), 10);
      return { stack, exitCode: Number.isNaN(exitCode) ? 1 : exitCode, output };
    });
}

function main(argv: readonly string[]): number {
  const [command, ...args] = argv;
  if (command === "order") {
    process.stdout.write(`${orderStacks(readManifest(args[0] ?? "cdktf.out")).join("\n")}\n`);
    return 0;
  }
  if (command === "tier") {
    const [tier, outdir] = args;
    const stacks = orderStacks(readManifest(outdir ?? "cdktf.out")).filter((stack) => tierOf(stack) === tier);
    process.stdout.write(stacks.length > 0 ? `${stacks.join("\n")}\n` : "");
    return 0;
  }
  if (command === "render" && args[0]) {
    const stacks = orderStacks(readManifest(args[1] ?? "cdktf.out"));
    const plans = readPlans(args[0], stacks);
    process.stdout.write(renderComment(plans, { environment: process.env.ENV ?? "offline", sha: process.env.PLAN_SHA }));
    return 0;
  }
  process.stderr.write("usage: plan-comment.ts order [outdir] | tier <platform|shards|gateway> [outdir] | render <plansdir> [outdir]\n");
  return 2;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
