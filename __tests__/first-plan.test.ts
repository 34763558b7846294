import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { type DeployEnvironment, resolveEnvironment } from "../src/model/environment";
import { configErrorOf, TINY_SETTINGS } from "./support/fixture-config";
import { realProvince, realStacks, synthProvince, type SynthStack } from "./support/synth-province";
import { tempDir } from "./support/temp";

/**
 * The first plan works with nothing applied (issue 17): a shard of Bình Thuận, as synthesized, run by the real
 * Terraform on this machine (1.11.4; no provider can be downloaded, so what needs google or dnsimple is left
 * out: the stand-in check and the stand_ins output are kept as they are, and each A/AAAA record becomes a
 * terraform_data of the same value with the same dependency on the check). Local backend, no state.
 */

const terraform = spawnSync("terraform", ["version"], { encoding: "utf8" });
const haveTerraform = terraform.status === 0;
// A machine without Terraform (it is not a Debian package) skips them, saying so.
if (!haveTerraform) process.stderr.write("first-plan.test.ts: terraform is not on the PATH; the real-Terraform tests are skipped (install Terraform >= 1.11 to run them)\n");

type Json = Record<string, unknown>;

/** The part of a synthesized stack that Terraform's built-in provider runs: checks, address records, plain outputs. */
function builtinOnly(stack: SynthStack): Json {
  const checks = (stack.config.resource?.terraform_data ?? {}) as Record<string, Json>;
  const kept = new Set(Object.keys(checks).map((address) => `terraform_data.${address}`));
  const data: Record<string, Json> = { ...checks };
  for (const [address, record] of Object.entries((stack.config.resource?.dnsimple_zone_record ?? {}) as Record<string, Json>)) {
    if (record.type !== "A" && record.type !== "AAAA") continue;
    const dependsOn = ((record.depends_on as string[] | undefined) ?? []).filter((target) => kept.has(target));
    data[`record_${address}`] = { input: { zone: record.zone_name, name: record.name, type: record.type, value: record.value }, depends_on: dependsOn };
  }
  const outputs = Object.fromEntries(Object.entries(stack.config.output ?? {}).filter(([, output]) => !JSON.stringify(output).includes("${")));
  return { terraform: { backend: stack.config.terraform?.backend }, locals: stack.config.locals, resource: { terraform_data: data }, output: outputs };
}

interface Run {
  readonly status: number | null;
  readonly out: string;
}

/** Writes the stack where cdktf would (its backend path is relative to it) and returns a runner of terraform in it. */
function workspace(root: string, stack: SynthStack): (...args: string[]) => Run {
  const dir = join(root, "cdktf.out", "stacks", stack.name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "cdk.tf.json"), JSON.stringify(builtinOnly(stack), null, 2));
  const env: NodeJS.ProcessEnv = { ...process.env, CHECKPOINT_DISABLE: "1", TF_IN_AUTOMATION: "1", TF_INPUT: "0" };
  delete env.TF_CLI_CONFIG_FILE;
  return (...args) => {
    const run = spawnSync("terraform", [...args, "-no-color"], { cwd: dir, env, encoding: "utf8" });
    // Terraform wraps long messages and frames them with │: compare words.
    return { status: run.status, out: `${run.stdout}${run.stderr}`.replace(/[│╷╵]/g, " ").replace(/\s+/g, " ") };
  };
}

const province = realProvince();
const SHARD = "binh-thuan-communes-0";

(haveTerraform ? describe : describe.skip)("the first plan of a shard, by the real Terraform (local backend, no state)", () => {
  let root: string;
  beforeEach(() => {
    root = tempDir("first-plan-");
  });

  it("on stand-ins: plans (saying which values are stand-ins), and the apply refuses before any address record", () => {
    // Bình Thuận offline as the run synthesized it once for every test file that needs it.
    const shard = realStacks().find((stack) => stack.name === SHARD)!;
    const tf = workspace(root, shard);
    expect(tf("init", "-input=false")).toMatchObject({ status: 0, out: expect.stringContaining("Terraform has been successfully initialized!") });
    const plan = tf("plan", "-input=false");
    expect(plan.status).toBe(0);
    expect(plan.out).toContain('+ stand_ins = { + gateway_ipv4 = "192.0.2.1" + gateway_ipv6 = "2001:db8::1" + why = "documentation addresses (RFC 5737, RFC 3849), never routed: ENV=offline is never deployed;');
    expect(plan.out).toMatch(/Plan: \d+ to add, 0 to change, 0 to destroy\./);

    const apply = tf("apply", "-input=false", "-auto-approve");
    expect(apply.status).toBe(1);
    expect(apply.out).toContain("Error: Resource precondition failed");
    expect(apply.out).toContain(
      "This stack carries the stand-in gateway addresses 192.0.2.1 / 2001:db8::1, which are never applied: ENV=offline is never deployed; staging and production take the platform's addresses from environments.<env>.gatewayAddresses in config/binh-thuan/settings.yaml.",
    );
    expect(apply.out).not.toContain("Apply complete");
    // Nothing that carries an address was created: the state, if any, holds no record.
    const state = join(root, `terraform.${SHARD}.tfstate`);
    const created = existsSync(state) ? (JSON.parse(readFileSync(state, "utf8")).resources as { name: string }[]).map((resource) => resource.name) : [];
    expect(created.filter((name) => name.startsWith("record_"))).toEqual([]);
  });

  it("with the platform's addresses in the settings: plans and applies them, with no check", () => {
    const offline = resolveEnvironment(province.settings, "offline") as DeployEnvironment;
    const shard = synthProvince(province, { ...offline, gatewayAddresses: { ipv4: "34.120.7.9", ipv6: "2600:1901:0:7::" } }).find((stack) => stack.name === SHARD)!;
    const tf = workspace(root, shard);
    expect(tf("init", "-input=false")).toMatchObject({ status: 0, out: expect.stringContaining("Terraform has been successfully initialized!") });
    const plan = tf("plan", "-input=false");
    expect(plan.status).toBe(0);
    expect(plan.out).not.toContain("stand_ins");
    expect(plan.out).not.toContain("192.0.2.1");
    const apply = tf("apply", "-input=false", "-auto-approve");
    expect(apply.status).toBe(0);
    const records = (JSON.parse(readFileSync(join(root, `terraform.${SHARD}.tfstate`), "utf8")).resources as { name: string; instances: { attributes: { input: { value: { value: string } } } }[] }[]).filter((resource) => resource.name.startsWith("record_"));
    expect(records.length).toBeGreaterThan(0);
    expect(new Set(records.map((resource) => resource.instances[0].attributes.input.value.value))).toEqual(new Set(["34.120.7.9", "2600:1901:0:7::"]));
  });
});

describe("environments.<env>.gatewayAddresses in the settings", () => {
  const withAddresses = (staging: string, production: string) => `${TINY_SETTINGS}environments:
  staging:
    gcpProject: thu-staging
    dnsimpleAccount: "1234"
    stateBucket: thu-tfstate-stg
    gatewayAddresses: ${staging}
  production:
    gcpProject: thu-production
    dnsimpleAccount: "1234"
    stateBucket: thu-tfstate
    gatewayAddresses: ${production}
`;

  it("refuses what is not an address of its kind, a stand-in, and unknown keys", () => {
    expect(configErrorOf({ settings: withAddresses('{ ipv4: 192.0.2.1, ipv6: "2600:1901::7::1" }', "{ ipv4: 34.120.7.9, ipv6: 34.120.7.10, ipv5: x }") })).toBe(`The config has 4 problems; nothing was synthesized.

<dir>/settings.yaml, row 22: environments.staging.gatewayAddresses.ipv4: is a documentation address (a stand-in), never the gateway's: write what \`npm run rollout-plan -- --addresses\` prints
  fix: set it as the settings reference in the README describes

<dir>/settings.yaml, row 22: environments.staging.gatewayAddresses.ipv6: must be an IPv6 address, as \`npm run rollout-plan -- --addresses\` prints it
  fix: set it as the settings reference in the README describes

<dir>/settings.yaml, row 27: environments.production.gatewayAddresses.ipv6: must be an IPv6 address, as \`npm run rollout-plan -- --addresses\` prints it
  fix: set it as the settings reference in the README describes

<dir>/settings.yaml, row 27: environments.production.gatewayAddresses: unknown key "ipv5"
  fix: remove it or correct its spelling (see the settings reference in the README)
`);
  });
});
