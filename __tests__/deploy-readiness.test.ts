import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { checkDeployReadiness } from "../src/load/deploy-readiness";
import { formatProblem } from "../src/load/problems";
import { type DeployEnvironment, resolveEnvironment } from "../src/model/environment";
import type { Province } from "../src/model/province";
import { replaceOutput } from "../src/runtime/output-folder";
import { npmScriptArgs, ROOT, runSynthIn, WITHOUT_TERRAFORM } from "./support/project";
import { loadFixture, TINY_SETTINGS, writeProvinceIn } from "./support/fixture-config";
import { realProvince, TEST_TODAY } from "./support/synth-province";
import { tempDir } from "./support/temp";

const environment = (province: Province, name: string) => resolveEnvironment(province.settings, name) as DeployEnvironment;
const lines = (problems: readonly Parameters<typeof formatProblem>[0][]) => problems.map(formatProblem);

describe("a real deploy refuses placeholders", () => {
  const province = realProvince();
  const settingsFile = "config/binh-thuan/settings.yaml";
  const text = readFileSync(join(ROOT, settingsFile), "utf8").split("\n");
  /** The row of the first line that starts with `key:` (after indentation), from `after` on. */
  const row = (key: string, after = 0) => text.findIndex((line, index) => index >= after && line.trimStart().startsWith(`${key}:`)) + 1;
  const placeholder = (key: string, line: number, env: string) =>
    `${settingsFile}, row ${line}: ${key} is still a placeholder, which ENV=${env} cannot deploy\n  fix: write the real value and remove the PLACEHOLDER marker`;

  it("names every placeholder key production would use, and only those", () => {
    const production = row("production");
    expect(lines(checkDeployReadiness(province, environment(province, "production"), settingsFile, TEST_TODAY).errors)).toEqual([
      placeholder("dnsimple.existingZones", row("existingZones"), "production"),
      placeholder("mail.dkim", row("dkim"), "production"),
      placeholder("portalAdminGroup", row("portalAdminGroup"), "production"),
      placeholder("legacyTenants", row("legacyTenants"), "production"),
      placeholder("environments.production.gcpProject", row("gcpProject", production), "production"),
      placeholder("environments.production.dnsimpleAccount", row("dnsimpleAccount", production), "production"),
      placeholder("environments.production.stateBucket", row("stateBucket", production), "production"),
    ]);
  });

  it("staging names its own environment's keys, not production's", () => {
    const keys = checkDeployReadiness(province, environment(province, "staging"), settingsFile, TEST_TODAY).errors.map((problem) => problem.message.split(" ")[0]);
    expect(keys.filter((key) => key.startsWith("environments."))).toEqual(["environments.staging.gcpProject", "environments.staging.dnsimpleAccount", "environments.staging.stateBucket"]);
  });

  it("offline accepts them", () => {
    expect(checkDeployReadiness(province, environment(province, "offline"), settingsFile, TEST_TODAY)).toEqual({ errors: [], warnings: [] });
  });

  it("ENV=production npm run synth on the shipped config exits 1, names the keys, writes nothing and prints no stack trace", () => {
    const outdir = join(tempDir("readiness-"), "out");
    const run = spawnSync(process.execPath, npmScriptArgs("synth"), { cwd: ROOT, env: { ...process.env, PROVINCE: "binh-thuan", ENV: "production", CDKTF_OUTDIR: outdir }, encoding: "utf8" });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^The config has 7 problems; nothing was synthesized\.\n\nconfig\/binh-thuan\/settings\.yaml, row \d+: dnsimple\.existingZones is still a placeholder, which ENV=production cannot deploy\n/);
    expect(run.stderr).toContain("environments.production.stateBucket is still a placeholder");
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(outdir)).toBe(false);
  });
});

describe("a migration window that has closed", () => {
  const closed = loadFixture({ settings: TINY_SETTINGS + 'retirement: { migrationWindow: { from: "2025-07-01", until: "2026-01-01" }, migrationWindows: { "00011": { from: "2025-07-01", until: "2026-06-01" } } }\n' });

  it("is an error for staging and production, naming the window and the units it leaves without writers", () => {
    const deployable = { ...closed, settings: { ...closed.settings, environments: { production: { gcpProject: "thu-prod", dnsimpleAccount: "1", dnsimpleSandbox: false, stateBucket: "thu-state" } } } };
    expect(lines(checkDeployReadiness(deployable, environment(deployable, "production"), "settings.yaml", TEST_TODAY).errors)).toEqual([
      "settings.yaml: retirement.migrationWindow closed on 2026-01-01: nobody may write the archives of its 3 old units any more, so no grant is declared\n  fix: extend until if old content is still to be copied in; once it is all in, remove migrationWindow (the window is closed)",
      'settings.yaml, Thị trấn Đồi Cát (00011): retirement.migrationWindows: 00011 closed on 2026-06-01, so no grant is declared\n  fix: extend until if its old content is still to be copied in; once it is in, remove the entry "00011"',
    ]);
  });

  it("is a warning offline", () => {
    const readiness = checkDeployReadiness(closed, environment(closed, "offline"), "settings.yaml", TEST_TODAY);
    expect(readiness.errors).toEqual([]);
    expect(readiness.warnings.map((warning) => warning.message)).toEqual([
      "retirement.migrationWindow closed on 2026-01-01: nobody may write the archives of its 3 old units any more, so no grant is declared",
      "retirement.migrationWindows: 00011 closed on 2026-06-01, so no grant is declared",
    ]);
  });

  it("an open window is no problem", () => {
    const open = loadFixture({ settings: TINY_SETTINGS + 'retirement: { migrationWindow: { from: "2026-12-01", until: "2027-07-01" } }\n' });
    expect(checkDeployReadiness(open, environment(open, "offline"), "settings.yaml", TEST_TODAY)).toEqual({ errors: [], warnings: [] });
  });
});

describe("switching ENV", () => {
  /** A stack folder as Terraform leaves it after init: its backend in cdk.tf.json and the .terraform folder. */
  const stackFolder = (outdir: string, stack: string, backend: object) => {
    mkdirSync(join(outdir, "stacks", stack, ".terraform"), { recursive: true });
    writeFileSync(join(outdir, "stacks", stack, "cdk.tf.json"), JSON.stringify({ terraform: { backend } }));
    writeFileSync(join(outdir, "stacks", stack, ".terraform", "terraform.tfstate"), "{}");
  };

  it("removes the .terraform folder of a stack whose backend changed, keeps the others, and drops every stack the synth did not write", () => {
    const outdir = tempDir("out-");
    const staging = tempDir("staging-");
    stackFolder(outdir, "p-platform", { local: { path: "a" } });
    stackFolder(outdir, "p-gateway", { gcs: { bucket: "b", prefix: "p/staging/p-gateway" } });
    mkdirSync(join(staging, "stacks", "p-platform"), { recursive: true });
    mkdirSync(join(staging, "stacks", "p-gateway"), { recursive: true });
    writeFileSync(join(staging, "stacks", "p-platform", "cdk.tf.json"), JSON.stringify({ terraform: { backend: { gcs: { bucket: "b", prefix: "p/staging/p-platform" } } } }));
    writeFileSync(join(staging, "stacks", "p-gateway", "cdk.tf.json"), JSON.stringify({ terraform: { backend: { gcs: { bucket: "b", prefix: "p/staging/p-gateway" } } } }));
    stackFolder(outdir, "p-retired-3", { local: { path: "c" } });
    stackFolder(outdir, "q-platform", { local: { path: "d" } });
    expect(replaceOutput(staging, outdir)).toEqual({ reset: ["p-platform"], removed: ["p-retired-3", "q-platform"] });
    // A stack of this province the synth no longer writes goes, and another province's: a glob would deploy them.
    expect(existsSync(join(outdir, "stacks", "p-retired-3"))).toBe(false);
    expect(existsSync(join(outdir, "stacks", "q-platform"))).toBe(false);
    expect(existsSync(join(outdir, "stacks", "p-platform", ".terraform"))).toBe(false);
    expect(existsSync(join(outdir, "stacks", "p-gateway", ".terraform", "terraform.tfstate"))).toBe(true);
    expect(JSON.parse(readFileSync(join(outdir, "stacks", "p-platform", "cdk.tf.json"), "utf8")).terraform.backend.gcs.prefix).toBe("p/staging/p-platform");
  });

  it("a synth of one province after another's leaves only its own stacks, and says which it removed", () => {
    const root = tempDir("project-");
    writeProvinceIn(join(root, "config"), {}, "tinh-thu");
    writeProvinceIn(join(root, "config"), {}, "tinh-hai");
    expect(runSynthIn(root, { PROVINCE: "tinh-hai" }).status).toBe(0);
    const run = runSynthIn(root, { PROVINCE: "tinh-thu" });
    expect([run.status, run.stderr]).toEqual([0, "removed 4 stack folders this synth did not write (another province's, or gone from the config), so that no deploy finds them: tinh-hai-communes-1, tinh-hai-communes-2, tinh-hai-gateway, tinh-hai-platform\n"]);
    expect(readdirSync(join(root, "cdktf.out", "stacks"))).toEqual(["tinh-thu-communes-1", "tinh-thu-communes-2", "tinh-thu-gateway", "tinh-thu-platform"]);
  });

  it("the synth clears what an offline init left before writing staging's stacks", () => {
    const root = tempDir("project-");
    const staging = "environments:\n  staging: { gcpProject: thu-stg, dnsimpleAccount: \"1\", dnsimpleSandbox: false, stateBucket: thu-state-stg }\n";
    writeProvinceIn(join(root, "config"), { settings: TINY_SETTINGS + staging });
    const synth = (env: string) => runSynthIn(root, { ...WITHOUT_TERRAFORM, PROVINCE: "tinh-thu", ENV: env });
    expect(synth("offline").status).toBe(0);
    const platform = join(root, "cdktf.out", "stacks", "tinh-thu-platform");
    mkdirSync(join(platform, ".terraform"));
    writeFileSync(join(platform, ".terraform", "terraform.tfstate"), JSON.stringify({ backend: { type: "local" } }));
    const run = synth("staging");
    expect([run.status, run.stderr]).toEqual([0, "ENV changed the backend of 1 stacks: removed their .terraform folders, so terraform init starts clean (no state migration)\n"]);
    expect(existsSync(join(platform, ".terraform"))).toBe(false);
    expect(JSON.parse(readFileSync(join(platform, "cdk.tf.json"), "utf8")).terraform.backend).toEqual({ gcs: { bucket: "thu-state-stg", prefix: "tinh-thu/staging/tinh-thu-platform" } });
  });
});
