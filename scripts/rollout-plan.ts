/**
 * npm run rollout-plan: how a province's first deploy is paced — every stack once, in batches whose DNSimple
 * requests fit the account's hourly limit (README, Runbook → First deploy).
 *   PROVINCE   config folder under config/ (default binh-thuan)
 *   ENV        offline (default), staging or production
 *
 *   npm run rollout-plan                       the batches as a table
 *   npm run rollout-plan -- --json             the same as JSON ({"hourlyLimit": N, "batches": [...]}), for the deploy workflow
 *   npm run rollout-plan -- --addresses [DIR]  after the platform stack's first apply: the settings lines that carry its
 *                                              addresses, from `terraform output -json` in DIR (default
 *                                              cdktf.out/stacks/<province>-platform, where cdktf deployed it)
 *   npm run rollout-plan -- --drift [--json]   the drift check's week (src/deploy/drift-schedule.ts): every province of
 *                                              config/ but plans of record (supersededBy), synthesized with ENV=offline
 *                                              (production's stacks, no credentials); PROVINCE and ENV are not read
 *
 * Exit codes: 0 done; 1 a bad config, a policy violation, no addresses to read, or a drift week that does not fit;
 * 2 a usage error.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { isIPv4, isIPv6 } from "node:net";
import { availableParallelism, tmpdir } from "node:os";
import { join, relative } from "node:path";
import { parseArgs } from "node:util";
import { GATEWAY_ADDRESS_OUTPUTS } from "../src/model/gateway-addresses";
import { inParallel } from "../src/changes/in-parallel";
import { driftSchedule, DriftScheduleError } from "../src/deploy/drift-schedule";
import { loadProvince, provinceDir, provinceFolders } from "../src/load/load-province";
import { ConfigError } from "../src/load/problems";
import { type DeployEnvironment } from "../src/model/environment";
import { isDocumentationAddress } from "../src/model/gateway-addresses";
import type { Province } from "../src/model/province";
import { synthesizeTree } from "../src/guard/synthesize-tree";
import { formatViolations } from "../src/policy/check-app";
import { formatDriftSchedule } from "../src/rollout/format-drift-schedule";
import { formatRolloutPlan } from "../src/rollout/format-rollout";
import { planRollout } from "../src/rollout/plan-rollout";
import { stackLoads } from "../src/rollout/stack-load";
import { platformStackId } from "../src/stacks/province-stack";
import { synthesizeProvince } from "../src/app/synthesize";
import { readManifest } from "../src/deploy/stack-order";
import { environmentOf, provinceName } from "../src/runtime/province-command";
import { readSynthesizedStacks } from "../src/synth/terraform-json";

const ROOT = join(__dirname, "..");
const USAGE = "usage: npm run rollout-plan [-- --json | --addresses [DIR]]   (PROVINCE, ENV from the environment)\n       npm run rollout-plan -- --drift [--json]        (every province)\n";

class UsageError extends Error {}

/** A failure the user can act on: the message says what and how; exit 1. */
class Refusal extends Error {}

function parse(argv: readonly string[]): { json: boolean; drift: boolean; addresses?: string | true } {
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
function printPlan(province: Province, environment: DeployEnvironment, json: boolean): void {
  process.stderr.write(`rollout-plan: synthesizing ${province.id} (ENV=${environment.name})…\n`);
  const work = mkdtempSync(join(tmpdir(), "rollout-plan-"));
  try {
    const result = synthesizeProvince(province, environment, work);
    if ("violations" in result) {
      process.stderr.write(formatViolations(result.violations));
      process.exitCode = 1;
      return;
    }
    const plan = planRollout(stackLoads(result.stacks), readManifest(work), province.settings.dnsimple.hourlyRequestLimit);
    const settingsFile = relative(process.cwd(), join(provinceDir(province.id), "settings.yaml"));
    process.stdout.write(json ? `${JSON.stringify(plan, null, 2)}\n` : formatRolloutPlan(plan, { provinceId: province.id, provinceName: province.settings.province, environment: environment.name, settingsFile }));
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
async function printDriftSchedule(json: boolean): Promise<void> {
  const provinces: { folder: string; hourlyLimit: number }[] = [];
  for (const folder of provinceFolders()) {
    const province = loadProvince(provinceDir(folder));
    if (province.settings.supersededBy) process.stderr.write(`rollout-plan: ${folder} is a plan of record (supersededBy: ${province.settings.supersededBy}): never deployed, no drift\n`);
    else provinces.push({ folder, hourlyLimit: province.settings.dnsimple.hourlyRequestLimit });
  }
  if (provinces.length === 0) throw new Refusal("no province to check in config/");
  const parallel = Math.min(availableParallelism(), provinces.length);
  process.stderr.write(`rollout-plan: synthesizing ${provinces.length} provinces (ENV=offline), ${parallel} at a time…\n`);
  const work = mkdtempSync(join(tmpdir(), "rollout-plan-"));
  try {
    let finished = 0;
    const synthesized = await inParallel(provinces, parallel, async ({ folder }) => {
      const outdir = join(work, folder);
      const run = await synthesizeTree(ROOT, outdir, { PROVINCE: folder, ENV: "offline" });
      process.stderr.write(`rollout-plan: synthesized ${folder}${run.ok ? "" : " (failed)"} (${++finished} of ${provinces.length})\n`);
      const loads = run.ok ? stackLoads(readSynthesizedStacks(outdir)) : undefined;
      rmSync(outdir, { recursive: true, force: true });
      return { folder, loads, stderr: run.stderr };
    });
    const failed = synthesized.filter((result) => !result.loads);
    if (failed.length > 0) throw new Refusal(`${failed.map((result) => `${result.folder} does not synthesize:\n${result.stderr.trimEnd()}`).join("\n")}\nno drift week without every province`);
    // One DNSimple account for every province: the smallest limit any of them states.
    const schedule = driftSchedule(new Map(synthesized.map((result) => [result.folder, result.loads!])), Math.min(...provinces.map((province) => province.hourlyLimit)));
    process.stdout.write(json ? `${JSON.stringify(schedule, null, 2)}\n` : formatDriftSchedule(schedule));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The settings lines with the platform's addresses, read from its outputs with `terraform output -json`. */
function printAddresses(province: Province, environment: DeployEnvironment, dir: string): void {
  if (environment.name === "offline") throw new UsageError("--addresses reads a deployed platform: set ENV=staging or ENV=production (ENV=offline is never deployed)");
  if (!existsSync(dir)) throw new Refusal(`${dir} does not exist: synthesize (npm run synth) and deploy the platform stack with ENV=${environment.name} first, or name the folder where it was deployed`);
  const run = spawnSync("terraform", [`-chdir=${dir}`, "output", "-json"], { encoding: "utf8" });
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
  process.stdout.write(
    `# The gateway's addresses, from the outputs of ${platformStackId(province)} (ENV=${environment.name}).\n` +
      `# Paste under environments.${environment.name} in ${settingsFile}, then synthesize again: the shards publish them.\n` +
      `    gatewayAddresses:\n      ipv4: "${ipv4}"\n      ipv6: "${ipv6}"\n`,
  );
}

/** What the user can act on, said without a stack trace; anything else is a bug and throws. */
function fail(error: unknown): void {
  if (error instanceof UsageError) {
    process.stderr.write(`rollout-plan: ${error.message}\n${USAGE}`);
    process.exitCode = 2;
  } else if (error instanceof ConfigError) {
    process.stderr.write(error.message);
    process.exitCode = 1;
  } else if (error instanceof Refusal || error instanceof DriftScheduleError) {
    process.stderr.write(`rollout-plan: ${error.message}\n`);
    process.exitCode = 1;
  } else throw error;
}

function main(): void {
  try {
    const options = parse(process.argv.slice(2));
    if (options.drift) {
      printDriftSchedule(options.json).catch(fail);
      return;
    }
    const province = loadProvince(provinceDir(provinceName()));
    const environment = environmentOf(province);
    if (options.addresses) printAddresses(province, environment, options.addresses === true ? join("cdktf.out", "stacks", platformStackId(province)) : options.addresses);
    else printPlan(province, environment, options.json);
  } catch (error) {
    fail(error);
  }
}

main();
