import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "yaml";
import { generateProvince } from "../src/capacity/generated-province";
import { loadProvince } from "../src/load/load-province";
import { settingsSchema } from "../src/model/settings";
import { type DeployEnvironment, resolveEnvironment } from "../src/model/environment";
import { formatRolloutPlan, hoursAndMinutes, stackList } from "../src/rollout/format-rollout";
import { planRollout, type RolloutPlan, totalHours } from "../src/rollout/plan-rollout";
import { type StackLoad, stackLoads } from "../src/rollout/stack-load";
import { synthesizeProvince } from "../src/app/synthesize";
import { readManifest } from "../src/deploy/stack-order";
import { runRolloutPlan } from "../src/commands/rollout-plan-command";
import { npmScriptArgs, ROOT } from "./support/project";
import { tempDir } from "./support/temp";

/** A stack's load with only what pacing looks at. */
const load = (stack: string, dnsimpleRequests: number, extra: Partial<StackLoad> = {}): StackLoad => ({
  stack,
  dnsimpleRequests,
  dnsimpleRefreshRequests: 0,
  google: { writes: 0, certificateManagerWrites: 0, bucketCreations: 0 },
  standIns: false,
  ...extra,
});

const shape = (plan: RolloutPlan) => plan.batches.map((batch) => [batch.stacks.join(" "), batch.dnsimpleRequests, batch.earliestStartHours, batch.hours]);

/**
 * npm run rollout-plan in this process (src/commands/rollout-plan-command.ts, which the script runs): its exit code and
 * what it wrote. PROVINCE=binh-thuan and ENV=offline unless `env` says otherwise.
 */
async function rolloutPlan(args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const status = await runRolloutPlan(args, { env: { ...process.env, PROVINCE: "binh-thuan", ENV: "offline", ...env }, stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
  return { status, stdout, stderr };
}

/** Every stack once; each batch within the limit unless it is one stack over it; no stack before a dependency. */
function expectSound(plan: RolloutPlan, loads: readonly StackLoad[], dependencies: Readonly<Record<string, readonly string[]>>): void {
  const placed = plan.batches.flatMap((batch) => batch.stacks);
  expect([...placed].sort()).toEqual(loads.map((each) => each.stack).sort());
  expect(new Set(placed).size).toBe(placed.length);
  for (const batch of plan.batches) {
    if (batch.stacks.length > 1) expect([batch.stacks, batch.dnsimpleRequests <= plan.hourlyLimit]).toEqual([batch.stacks, true]);
  }
  const batchOf = new Map(plan.batches.flatMap((batch, index) => batch.stacks.map((stack) => [stack, index] as const)));
  for (const [stack, deps] of Object.entries(dependencies)) for (const dep of deps) expect([stack, dep, batchOf.get(dep)! < batchOf.get(stack)!]).toEqual([stack, dep, true]);
  // A window holds at most the limit: batches that start within an hour of a window's opening share it.
  plan.batches.forEach((batch, index) => {
    if (batch.dnsimpleRequests > plan.hourlyLimit) return;
    const sameHour = plan.batches.filter((other, at) => at <= index && other.dnsimpleRequests > 0 && batch.earliestStartHours - other.earliestStartHours < 1 && other.dnsimpleRequests <= plan.hourlyLimit);
    expect([index, sameHour.reduce((sum, other) => sum + other.dnsimpleRequests, 0) <= plan.hourlyLimit]).toEqual([index, true]);
  });
}

describe("planRollout", () => {
  const dependencies = { "p-platform": [], "p-communes-0": ["p-platform"], "p-communes-1": ["p-platform"], "p-communes-2": ["p-platform"], "p-communes-3": ["p-platform"], "p-gateway": ["p-platform", "p-communes-0", "p-communes-1", "p-communes-2", "p-communes-3"] };

  it("packs each level largest first into the window's room, and waits for the window to reset", () => {
    const loads = [load("p-platform", 100), load("p-communes-0", 1500), load("p-communes-1", 900), load("p-communes-2", 1200), load("p-communes-3", 300), load("p-gateway", 0)];
    const plan = planRollout(loads, dependencies, 2400);
    // The platform opens a window (100 used); 1500 and 300 fill its room of 2300 (1200 and 900 would not);
    // 1200 and 900 wait for the reset an hour later; the gateway makes no request and follows at once.
    expect(shape(plan)).toEqual([
      ["p-platform", 100, 0, 0],
      ["p-communes-0 p-communes-3", 1800, 0, 0],
      ["p-communes-1 p-communes-2", 2100, 1, 0],
      ["p-gateway", 0, 1, 0],
    ]);
    expect(totalHours(plan)).toBe(1);
    expectSound(plan, loads, dependencies);
  });

  it("gives a stack over the hourly limit a batch of its own, spanning as many windows as it needs", () => {
    const loads = [load("p-platform", 0), load("p-communes-0", 5000), load("p-communes-1", 2000), load("p-communes-2", 100), load("p-communes-3", 0), load("p-gateway", 0)];
    const plan = planRollout(loads, dependencies, 2400);
    expect(shape(plan)).toEqual([
      ["p-platform", 0, 0, 0],
      // 5,000 requests: windows at 0, 1 and 2 (2,400 + 2,400 + 200); the deploy waits on 429s for 2 hours.
      ["p-communes-0", 5000, 0, 2],
      // The third window (opened at 2) has 2,200 left: 2,000 + 100 + the stack of none.
      ["p-communes-1 p-communes-2 p-communes-3", 2100, 2, 0],
      ["p-gateway", 0, 2, 0],
    ]);
    expectSound(plan, loads, dependencies);
  });

  it("lasts at least as long as Google's rates allow: Certificate Manager's 300 writes a minute, a bucket every 2 s", () => {
    const loads = [load("p-platform", 0, { google: { writes: 10, certificateManagerWrites: 1, bucketCreations: 1 } }), load("p-communes-0", 10, { google: { writes: 9000, certificateManagerWrites: 9000, bucketCreations: 40 } })];
    const plan = planRollout(loads, { "p-communes-0": ["p-platform"] }, 2400);
    expect(plan.batches.map((batch) => [batch.googleWrites, batch.googleMinutes, batch.earliestStartHours, batch.hours])).toEqual([[10, 0.04, 0, 0.01], [9000, 30, 0.01, 0.5]]);
    expect(totalHours(plan)).toBe(0.51);
  });

  it("marks the batches that carry stand-in addresses, and refuses a dependency cycle", () => {
    const plan = planRollout([load("p-platform", 0), load("p-communes-0", 10, { standIns: true })], { "p-communes-0": ["p-platform"] }, 2400);
    expect(plan.batches.map((batch) => batch.waitsForGatewayAddresses)).toEqual([false, true]);
    expect(() => planRollout([load("a", 0), load("b", 0)], { a: ["b"], b: ["a"] }, 2400)).toThrow("dependency cycle among stacks: a → b → a");
  });
});

/**
 * Bình Thuận's first deploy as `npm run rollout-plan -- --json` prints it, the command run once in this process (it
 * synthesizes the province as for a deploy): the tests below read its plan.
 */
let binhThuanRun: Awaited<ReturnType<typeof rolloutPlan>>;
let binhThuan: RolloutPlan;
beforeAll(async () => {
  binhThuanRun = await rolloutPlan(["--json"]);
  binhThuan = JSON.parse(binhThuanRun.stdout) as RolloutPlan;
});

describe("the rollout of a synthesized province", () => {
  it("Bình Thuận: the platform, the shards in two batches an hour apart, the gateway (DNSimple's 2,400 an hour)", () => {
    expect(binhThuan.batches.map((batch) => [batch.stacks.map((stack) => stack.replace("binh-thuan-", "")).join(" "), batch.dnsimpleRequests, batch.googleWrites, batch.earliestStartHours, batch.waitsForGatewayAddresses])).toEqual([
      ["platform", 0, 12, 0, false],
      ["communes-0 communes-1 communes-3 communes-6 communes-8 communes-9", 2303, 1182, 0.01, true],
      ["communes-2 communes-4 communes-5 communes-7", 871, 511, 1.01, true],
      ["gateway", 0, 8, 1.03, false],
    ]);
    // The same model as npm run capacity: 3,174 requests in all for a first deploy.
    expect(binhThuan.batches.reduce((sum, batch) => sum + batch.dnsimpleRequests, 0)).toBe(3174);
  });

  it("the table says when and where the shards wait for the gateway's addresses", () => {
    expect(formatRolloutPlan(binhThuan, { provinceId: "binh-thuan", provinceName: "Bình Thuận", environment: "production", settingsFile: "config/binh-thuan/settings.yaml" })).toBe(
      `Bình Thuận (ENV=production): 12 stacks in 4 batches, at least 1:02 (h:mm).
DNSimple allows 2400 API requests an hour (dnsimple.hourlyRequestLimit), shared by staging, production and every province of the account: run one deploy at a time.

batch  stacks                     DNSimple requests  Google writes  earliest start  total hours
1      platform                   0                  12             0:00            0:01
  … the stacks from batch 2 on wait for the gateway's addresses: once batch 1 is applied, run \`npm run rollout-plan -- --addresses\` and paste what it prints under environments.production in config/binh-thuan/settings.yaml, then synthesize again
2      communes 0, 1, 3, 6, 8, 9  2303               1182           0:01            0:04
3      communes 2, 4, 5, 7        871                511            1:01            1:02
4      gateway                    0                  8              1:02            1:02
`,
    );
    expect([hoursAndMinutes(0), hoursAndMinutes(1.01), hoursAndMinutes(2.5)]).toEqual(["0:00", "1:01", "2:30"]);
    expect(stackList(["x-platform", "x-communes-2", "x-communes-10", "other"], "x")).toBe("platform; communes 2, 10; other");
  });

  // 40 new and 120 old units (a third of the synth of 120/360): 14 shards, enough for stacks over the limit and for
  // batches that pack two.
  it("a generated province of 40 new and 120 old units, at a low limit: every stack once, in order, within the limit", () => {
    const generated = loadProvince(generateProvince(tempDir("rollout-generated-"), { id: "rollout-40", name: "Tỉnh Thử Nghiệm", newUnits: 40, oldUnits: 120, seed: 40 }).dir);
    const work = tempDir("rollout-");
    const result = synthesizeProvince(generated, resolveEnvironment(generated.settings, "offline") as DeployEnvironment, work);
    if ("violations" in result) throw new Error(JSON.stringify(result.violations));
    const loads = stackLoads(result.stacks);
    const dependencies = readManifest(work);
    const biggest = Math.max(...loads.map((each) => each.dnsimpleRequests));
    const plan = planRollout(loads, dependencies, Math.floor(biggest * 0.8));
    expectSound(plan, loads, dependencies);
    expect(plan.batches.filter((batch) => batch.dnsimpleRequests > plan.hourlyLimit)).toHaveLength(loads.filter((each) => each.dnsimpleRequests > plan.hourlyLimit).length);
    expect(plan.batches.length).toBeGreaterThan(3);
    expect(plan.batches.some((batch) => batch.stacks.length > 1)).toBe(true);
  });
});

describe("npm run rollout-plan", () => {
  const usage = "usage: npm run rollout-plan [-- --json | --addresses [DIR]]   (PROVINCE, ENV from the environment)\n       npm run rollout-plan -- --drift [--json]        (every province)\n";

  it("a usage error, run as npm runs it: the message and the usage on stderr, nothing on stdout, exit 2", () => {
    const result = spawnSync(process.execPath, [...npmScriptArgs("rollout-plan"), "--bogus"], { cwd: ROOT, env: { ...process.env, PROVINCE: "binh-thuan", ENV: "offline" }, encoding: "utf8" });
    expect([result.status, result.stdout, result.stderr]).toEqual([2, "", `rollout-plan: unknown option "--bogus"\n${usage}`]);
  });

  it.each([
    [["--bogus"], 'rollout-plan: unknown option "--bogus"'],
    [["--json=yes"], 'rollout-plan: unknown option "--json=yes"'],
    [["--json", "--addresses"], "rollout-plan: --json and --addresses do not go together"],
    [["--drift", "--addresses"], "rollout-plan: --drift and --addresses do not go together"],
    [["--json", "extra"], 'rollout-plan: unexpected argument "extra"'],
    [["--addresses"], "rollout-plan: --addresses reads a deployed platform: set ENV=staging or ENV=production (ENV=offline is never deployed)"],
  ])("%j is a usage error (exit 2)", async (args, message) => {
    const result = await rolloutPlan(args);
    expect([result.status, result.stdout, result.stderr]).toEqual([2, "", `${message}\n${usage}`]);
  });

  it("--json: exactly hourlyLimit and batches, every stack once, with the documented fields", () => {
    expect([binhThuanRun.status, binhThuanRun.stderr]).toEqual([0, "rollout-plan: synthesizing binh-thuan (ENV=offline)…\n"]);
    expect(binhThuanRun.stdout).toBe(`${JSON.stringify(binhThuan, null, 2)}\n`);
    expect(Object.keys(binhThuan)).toEqual(["hourlyLimit", "batches"]);
    expect(binhThuan.hourlyLimit).toBe(2400);
    // Bình Thuận's 12 stacks, each in one batch.
    const placed = binhThuan.batches.flatMap((batch) => batch.stacks);
    expect([...placed].sort()).toEqual(["binh-thuan-gateway", "binh-thuan-platform", ...Array.from({ length: 10 }, (_, shard) => `binh-thuan-communes-${shard}`)].sort());
    for (const batch of binhThuan.batches) {
      expect(Object.keys(batch)).toEqual(["stacks", "dnsimpleRequests", "dnsimpleRefreshRequests", "googleWrites", "googleMinutes", "earliestStartHours", "hours", "waitsForGatewayAddresses"]);
    }
  });

  it("--addresses with no deployed platform says what to do (exit 1)", async () => {
    const result = await rolloutPlan(["--addresses", join(tmpdir(), "no-such-platform")], { ENV: "staging" });
    expect([result.status, result.stdout, result.stderr]).toEqual([1, "", `rollout-plan: ${join(tmpdir(), "no-such-platform")} does not exist: synthesize (npm run synth) and deploy the platform stack with ENV=staging first, or name the folder where it was deployed\n`]);
  });

  const haveTerraform = spawnSync("terraform", ["version"]).status === 0;
  (haveTerraform ? it : it.skip)("--addresses prints the settings lines from the platform's real outputs, which the settings accept", async () => {
    const dir = tempDir("platform-");
    const env: NodeJS.ProcessEnv = { ...process.env, CHECKPOINT_DISABLE: "1" };
    delete env.TF_CLI_CONFIG_FILE;
    const terraform = (...args: string[]) => spawnSync("terraform", [`-chdir=${dir}`, ...args], { env, encoding: "utf8" });
    writeFileSync(join(dir, "main.tf.json"), JSON.stringify({ output: { gateway_ipv4: { value: "34.120.7.9" }, gateway_ipv6: { value: "2600:1901:0:7::" } } }));
    // Before the apply there is no state: nothing to read.
    expect(terraform("init", "-input=false").status).toBe(0);
    const before = await rolloutPlan(["--addresses", dir], { ENV: "production", TF_CLI_CONFIG_FILE: "" });
    expect([before.status, before.stderr]).toEqual([1, `rollout-plan: the state in ${dir} has no gateway_ipv4 and gateway_ipv6 outputs with the gateway's addresses: apply the binh-thuan-platform stack (ENV=production) first\n`]);
    expect(terraform("apply", "-input=false", "-auto-approve").status).toBe(0);
    const result = await rolloutPlan(["--addresses", dir], { ENV: "production", TF_CLI_CONFIG_FILE: "" });
    expect([result.status, result.stderr]).toEqual([0, ""]);
    expect(result.stdout).toBe(`# The gateway's addresses, from the outputs of binh-thuan-platform (ENV=production).
# Paste under environments.production in config/binh-thuan/settings.yaml, then synthesize again: the shards publish them.
    gatewayAddresses:
      ipv4: "34.120.7.9"
      ipv6: "2600:1901:0:7::"
`);
    // Pasted where it says, the settings take it.
    const settings = parse(`environments:\n  production:\n${result.stdout}`) as { environments: { production: unknown } };
    expect(settingsSchema.shape.environments.parse({ production: { gcpProject: "binhthuan-prod", dnsimpleAccount: "1", stateBucket: "binhthuan-tfstate", ...(settings.environments.production as object) } })).toEqual({
      production: { gcpProject: "binhthuan-prod", dnsimpleAccount: "1", dnsimpleSandbox: false, stateBucket: "binhthuan-tfstate", gatewayAddresses: { ipv4: "34.120.7.9", ipv6: "2600:1901:0:7::" } },
    });
  });
});
