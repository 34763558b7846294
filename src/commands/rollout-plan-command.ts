import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { isIPv4, isIPv6 } from "node:net";
import { availableParallelism, tmpdir } from "node:os";
import { join, relative } from "node:path";
import { parseArgs } from "node:util";
import { synthesizeProvince } from "../app/synthesize";
import { inParallel } from "../changes/in-parallel";
import { driftSchedule, DriftScheduleError } from "../deploy/drift-schedule";
import { readManifest } from "../deploy/stack-order";
import { synthesizeTree } from "../guard/synthesize-tree";
import { loadProvince, provinceDir, provinceFolders } from "../load/load-province";
import { type DeployEnvironment } from "../model/environment";
import { GATEWAY_ADDRESS_OUTPUTS, isDocumentationAddress } from "../model/gateway-addresses";
import type { Province } from "../model/province";
import { formatViolations } from "../policy/check-app";
import { formatDriftSchedule } from "../rollout/format-drift-schedule";
import { formatRolloutPlan } from "../rollout/format-rollout";
import { planRollout } from "../rollout/plan-rollout";
import { stackLoads } from "../rollout/stack-load";
import { platformStackId } from "../stacks/province-stack";
import { readSynthesizedStacks } from "../synth/terraform-json";
import { type CommandIo, failureExit, processIo, UsageError } from "../runtime/command-io";
import { environmentOf, provinceName } from "../runtime/province-command";

/**
 * `npm run rollout-plan` (scripts/rollout-plan.ts says what it prints and its exit codes). Here as a function of its
 * arguments, environment and output streams, so that tests run it in-process; the script only hands it the process's.
 */

/** This checkout: the project whose config/ the drift schedule synthesizes. */
const ROOT = join(__dirname, "..", "..");

const USAGE =
  "usage: npm run rollout-plan [-- --json | --addresses [DIR]]   (PROVINCE, ENV from the environment)\n       npm run rollout-plan -- --drift [--json]        (every province)\n";

/** A failure the user can act on: the message says what and how; exit 1. */
class Refusal extends Error {}

interface RolloutPlanOptions {
  readonly json: boolean;
  readonly drift: boolean;
  readonly addresses?: string | true;
}

function parse(argv: readonly string[]): RolloutPlanOptions {
  const options = { json: { type: "boolean" }, addresses: { type: "boolean" }, drift: { type: "boolean" } } as const;
  // Named here rather than in parseArgs' words, which change between Node releases.
  const unknown = argv.find((arg) => arg.startsWith("-") && !Object.keys(options).some((name) => arg === `--${name}`));
  if (unknown) throw new UsageError(`unknown option "${unknown}"`);
  const { values, positionals } = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
  if (values.json && values.addresses) throw new UsageError("--json and --addresses do not go together");
  if (values.drift && values.addresses) throw new UsageError("--drift and --addresses do not go together");
  if (positionals.length > (values.addresses ? 1 : 0)) throw new UsageError(`unexpected argument "${positionals.at(-1)}"`);
  return { json: values.json === true, drift: values.drift === true, addresses: values.addresses ? (positionals[0] ?? true) : undefined };
}

/** The batches of the province's first deploy, printed as a table or JSON. */
function printPlan(province: Province, environment: DeployEnvironment, json: boolean, io: CommandIo): number {
  io.stderr(`rollout-plan: synthesizing ${province.id} (ENV=${environment.name})…\n`);
  const work = mkdtempSync(join(tmpdir(), "rollout-plan-"));
  try {
    const result = synthesizeProvince(province, environment, work);
    if ("violations" in result) {
      io.stderr(formatViolations(result.violations));
      return 1;
    }
    const plan = planRollout(stackLoads(result.stacks), readManifest(work), province.settings.dnsimple.hourlyRequestLimit);
    const settingsFile = relative(process.cwd(), join(provinceDir(province.id), "settings.yaml"));
    io.stdout(json ? `${JSON.stringify(plan, null, 2)}\n` : formatRolloutPlan(plan, { provinceId: province.id, provinceName: province.settings.province, environment: environment.name, settingsFile }));
    return 0;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * The drift check's week: each province's stacks (ENV=offline synthesizes exactly production's, without
 * credentials), packed into hour slots and spread over the week. Plans of record (supersededBy) are never deployed.
 * Each province is its own `npm run synth` process, as many at a time as there are cores: cdktf keeps every token
 * of a process in a global registry, so one process synthesizing the country runs out of memory.
 */
async function printDriftSchedule(json: boolean, io: CommandIo): Promise<number> {
  const provinces: { folder: string; hourlyLimit: number }[] = [];
  for (const folder of provinceFolders()) {
    const province = loadProvince(provinceDir(folder));
    if (province.settings.supersededBy) io.stderr(`rollout-plan: ${folder} is a plan of record (supersededBy: ${province.settings.supersededBy}): never deployed, no drift\n`);
    else provinces.push({ folder, hourlyLimit: province.settings.dnsimple.hourlyRequestLimit });
  }
  if (provinces.length === 0) throw new Refusal("no province to check in config/");
  const parallel = Math.min(availableParallelism(), provinces.length);
  io.stderr(`rollout-plan: synthesizing ${provinces.length} provinces (ENV=offline), ${parallel} at a time…\n`);
  const work = mkdtempSync(join(tmpdir(), "rollout-plan-"));
  try {
    let finished = 0;
    const synthesized = await inParallel(provinces, parallel, async ({ folder }) => {
      const outdir = join(work, folder);
      const run = await synthesizeTree(ROOT, outdir, { PROVINCE: folder, ENV: "offline" });
      io.stderr(`rollout-plan: synthesized ${folder}${run.ok ? "" : " (failed)"} (${++finished} of ${provinces.length})\n`);
      const loads = run.ok ? stackLoads(readSynthesizedStacks(outdir)) : undefined;
      rmSync(outdir, { recursive: true, force: true });
      return { folder, loads, stderr: run.stderr };
    });
    const failed = synthesized.filter((result) => !result.loads);
    if (failed.length > 0) throw new Refusal(`${failed.map((result) => `${result.folder} does not synthesize:\n${result.stderr.trimEnd()}`).join("\n")}\nno drift week without every province`);
    // One DNSimple account for every province: the smallest limit any of them states.
    const schedule = driftSchedule(new Map(synthesized.map((result) => [result.folder, result.loads!])), Math.min(...provinces.map((province) => province.hourlyLimit)));
    io.stdout(json ? `${JSON.stringify(schedule, null, 2)}\n` : formatDriftSchedule(schedule));
    return 0;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The settings lines with the platform's addresses, read from its outputs with `terraform output -json`. */
function printAddresses(province: Province, environment: DeployEnvironment, dir: string, io: CommandIo): number {
  if (environment.name === "offline") throw new UsageError("--addresses reads a deployed platform: set ENV=staging or ENV=production (ENV=offline is never deployed)");
  if (!existsSync(dir)) throw new Refusal(`${dir} does not exist: synthesize (npm run synth) and deploy the platform stack with ENV=${environment.name} first, or name the folder where it was deployed`);
  const run = spawnSync("terraform", [`-chdir=${dir}`, "output", "-json"], { encoding: "utf8", env: io.env });
  if (run.error) throw new Refusal(`terraform could not be run (${run.error.message}): install Terraform and log in as for the deploy`);
  if (run.status !== 0) throw new Refusal(`terraform output in ${dir} failed:\n${run.stderr.trim()}`);
  const outputs = JSON.parse(run.stdout || "{}") as Record<string, { value?: unknown }>;
  const read = (name: string, valid: (address: string) => boolean) => {
    const value = outputs[name]?.value;
    return typeof value === "string" && valid(value) && !isDocumentationAddress(value) ? value : undefined;
  };
  const ipv4 = read(GATEWAY_ADDRESS_OUTPUTS.ipv4, isIPv4);
  const ipv6 = read(GATEWAY_ADDRESS_OUTPUTS.ipv6, isIPv6);
  if (!ipv4 || !ipv6) {
    throw new Refusal(`the state in ${dir} has no ${GATEWAY_ADDRESS_OUTPUTS.ipv4} and ${GATEWAY_ADDRESS_OUTPUTS.ipv6} outputs with the gateway's addresses: apply the ${platformStackId(province)} stack (ENV=${environment.name}) first`);
  }
  const settingsFile = relative(process.cwd(), join(provinceDir(province.id), "settings.yaml"));
  io.stdout(
    `# The gateway's addresses, from the outputs of ${platformStackId(province)} (ENV=${environment.name}).\n` +
      `# Paste under environments.${environment.name} in ${settingsFile}, then synthesize again: the shards publish them.\n` +
      `    gatewayAddresses:\n      ipv4: "${ipv4}"\n      ipv6: "${ipv6}"\n`,
  );
  return 0;
}

/** What the user can act on, said without a stack trace, and its exit code; anything else is a bug and throws. */
function fail(error: unknown, io: CommandIo): number {
  if (error instanceof Refusal || error instanceof DriftScheduleError) {
    io.stderr(`rollout-plan: ${error.message}\n`);
    return 1;
  }
  return failureExit(error, io, { usage: USAGE, prefix: "rollout-plan: " });
}

/** Runs `npm run rollout-plan` with `argv` (its arguments after `--`); resolves to its exit code. */
export async function runRolloutPlan(argv: readonly string[], io: CommandIo = processIo): Promise<number> {
  try {
    const options = parse(argv);
    if (options.drift) return await printDriftSchedule(options.json, io);
    const province = loadProvince(provinceDir(provinceName(io.env)));
    const environment = environmentOf(province, io.env);
    if (options.addresses) return printAddresses(province, environment, options.addresses === true ? join("cdktf.out", "stacks", platformStackId(province)) : options.addresses, io);
    return printPlan(province, environment, options.json, io);
  } catch (error) {
    return fail(error, io);
  }
}
