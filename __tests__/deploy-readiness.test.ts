import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { checkDeployReadiness, migrationWindowWarnings } from "../src/load/deploy-readiness";
import { loadProvince, provinceDir } from "../src/load/load-province";
import { ConfigError, formatProblem } from "../src/load/problems";
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
  const province = loadProvince(provinceDir("lam-dong"));
  const settingsFile = "config/lam-dong/settings.yaml";
  const text = readFileSync(join(ROOT, settingsFile), "utf8").split("\n");
  /** The row of the first line that starts with `key:` (after indentation), from `after` on. */
  const row = (key: string, after = 0) => text.findIndex((line, index) => index >= after && line.trimStart().startsWith(`${key}:`)) + 1;
  const placeholder = (key: string, line: number, env: string) =>
    `${settingsFile}, row ${line}: ${key} is still a placeholder, which ENV=${env} cannot deploy\n  fix: write the real value and remove the PLACEHOLDER marker`;

  it("names every placeholder key production would use, and only those", () => {
    const production = row("production");
    expect(lines(checkDeployReadiness(province, environment(province, "production"), settingsFile))).toEqual([
      placeholder("mail.dkim", row("dkim"), "production"),
      placeholder("portalAdminGroup", row("portalAdminGroup"), "production"),
      placeholder("legacyTenants", row("legacyTenants"), "production"),
      placeholder("environments.production.gcpProject", row("gcpProject", production), "production"),
      placeholder("environments.production.dnsimpleAccount", row("dnsimpleAccount", production), "production"),
      placeholder("environments.production.stateBucket", row("stateBucket", production), "production"),
    ]);
  });

  it("staging names its own environment's keys, not production's", () => {
    const keys = checkDeployReadiness(province, environment(province, "staging"), settingsFile).map((problem) => problem.message.split(" ")[0]);
    expect(keys.filter((key) => key.startsWith("environments."))).toEqual(["environments.staging.gcpProject", "environments.staging.dnsimpleAccount", "environments.staging.stateBucket"]);
  });

  it("offline accepts them", () => {
    expect(checkDeployReadiness(province, environment(province, "offline"), settingsFile)).toEqual([]);
  });

  it("ENV=production npm run synth on the shipped config exits 1, names the keys, writes nothing and prints no stack trace", () => {
    const outdir = join(tempDir("readiness-"), "out");
    const run = spawnSync(process.execPath, npmScriptArgs("synth"), { cwd: ROOT, env: { ...process.env, PROVINCE: "lam-dong", ENV: "production", CDKTF_OUTDIR: outdir }, encoding: "utf8" });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^The config has 6 problems; nothing was synthesized\.\n\nconfig\/lam-dong\/settings\.yaml, row \d+: mail\.dkim is still a placeholder, which ENV=production cannot deploy\n/);
    expect(run.stderr).toContain("environments.production.stateBucket is still a placeholder");
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(outdir)).toBe(false);
  });
});

describe("a province superseded by another (a plan of record)", () => {
  const province = realProvince();
  const refusal = (env: string) =>
    `config/binh-thuan/settings.yaml: the province is superseded by lam-dong (supersededBy: lam-dong): it is kept as a plan of record, which ENV=${env} does not deploy\n  fix: deploy lam-dong instead (PROVINCE=lam-dong); remove supersededBy only if this province is to run its units itself`;

  it("is refused by staging and production, naming its successor, and alone", () => {
    for (const env of ["staging", "production"]) expect(lines(checkDeployReadiness(province, environment(province, env), "config/binh-thuan/settings.yaml"))).toEqual([refusal(env)]);
  });

  it("still synthesizes offline", () => {
    expect(checkDeployReadiness(province, environment(province, "offline"), "config/binh-thuan/settings.yaml")).toEqual([]);
  });

  it("ENV=staging npm run synth prints the refusal alone (the synth reports readiness problems as the lam-dong run above shows: exit 1, nothing written, no stack trace)", () => {
    expect(new ConfigError(checkDeployReadiness(province, environment(province, "staging"), "config/binh-thuan/settings.yaml")).message).toBe(`The config has 1 problem; nothing was synthesized.\n\n${refusal("staging")}\n`);
  });
});

describe("migration windows: warnings on the day, never a different Terraform", () => {
  const windows = 'retirement: { migrationWindow: { from: "2025-07-01", until: "2026-01-01" }, migrationWindows: { "00011": { from: "2027-01-01", until: "2027-06-01" } } }\n';
  const fixture = loadFixture({ settings: TINY_SETTINGS + windows });

  it("a closed window and one not open yet are warnings that name the window and the units it covers", () => {
    expect(lines(migrationWindowWarnings(fixture, "settings.yaml", TEST_TODAY))).toEqual([
      "settings.yaml: retirement.migrationWindow closed on 2026-01-01: its grants to the successors' admins on the archives of its 3 old units are declared but grant nothing any more\n  fix: extend until if old content is still to be copied in; once it is all in, remove migrationWindow and deploy (the grants go)",
      "settings.yaml, Thị trấn Đồi Cát (00011): retirement.migrationWindows: 00011 opens on 2027-01-01: its grants to the successor's admins on its archive are declared but grant nothing until then\n  fix: nothing to do if that is the planned start; move from earlier if the copying must start sooner",
    ]);
  });

  it("an open window is no warning; the day it closes (Vietnam) it is", () => {
    const open = loadFixture({ settings: TINY_SETTINGS + 'retirement: { migrationWindow: { from: "2026-12-01", until: "2027-07-01" } }\n' });
    expect(migrationWindowWarnings(open, "settings.yaml", "2027-06-30")).toEqual([]);
    expect(migrationWindowWarnings(open, "settings.yaml", "2027-07-01").map((warning) => warning.message)).toEqual([
      "retirement.migrationWindow closed on 2027-07-01: its grants to the successors' admins on the archives of its 4 old units are declared but grant nothing any more",
    ]);
  });

  it("a real environment refuses no window: readiness only looks at placeholders", () => {
    const deployable = { ...fixture, settings: { ...fixture.settings, environments: { production: { gcpProject: "thu-prod", dnsimpleAccount: "1", dnsimpleSandbox: false, stateBucket: "thu-state" } } } };
    expect(checkDeployReadiness(deployable, environment(deployable, "production"), "settings.yaml")).toEqual([]);
  });

  describe("ENV=production npm run synth on two days, with the clock of the synth process set by a preload", () => {
    const work = tempDir("clock-");
    // Sets the process's clock without a hook in the app: `new Date()` and `Date.now()` answer the given instant.
    const fakeClock = join(work, "fake-clock.js");
    writeFileSync(fakeClock, "const fixed = Date.parse(process.env.FAKE_NOW);\nconst Real = Date;\nglobalThis.Date = class extends Real { constructor(...args) { if (args.length === 0) super(fixed); else super(...args); } static now() { return fixed; } };\n");
    // A province production can deploy (no placeholders, the gateway's addresses known, its organization's
    // exceptions granted), so the synth's only notes are the day's.
    const root = tempDir("project-");
    const production = 'environments:\n  production: { gcpProject: thu-prod, dnsimpleAccount: "1", dnsimpleSandbox: false, stateBucket: thu-state, gatewayAddresses: { ipv4: "34.120.7.9", ipv6: "2600:1901:0:7::" }, organizationPolicies: { domainRestrictedSharing: false, publicAccessPrevention: false } }\n';
    writeProvinceIn(join(root, "config"), { settings: `${TINY_SETTINGS}retirement: { migrationWindow: { from: "2026-12-01", until: "2027-07-01" } }\n${production}` });
    const synthOn = (instant: string) => {
      const outdir = join(work, instant.slice(0, 10));
      const run = runSynthIn(root, { ...WITHOUT_TERRAFORM, PROVINCE: "tinh-thu", ENV: "production", CDKTF_OUTDIR: outdir, FAKE_NOW: instant }, root, ["--require", fakeClock]);
      const stacks = existsSync(join(outdir, "stacks")) ? readdirSync(join(outdir, "stacks")).sort() : [];
      return { run, stacks, files: stacks.map((stack) => readFileSync(join(outdir, "stacks", stack, "cdk.tf.json"), "utf8")) };
    };
    // The window: 2026-12-01 to 2027-07-01 (Vietnam). 2027-03-01 is inside it; 2027-06-30T17:00Z is 1 July in Vietnam.
    const during = synthOn("2027-03-01T03:00:00Z");
    const after = synthOn("2027-06-30T17:00:00Z");

    it("both exit 0; the day after the window closes warns, naming it, and the day inside it does not", () => {
      expect([during.run.status, after.run.status]).toEqual([0, 0]);
      expect(during.run.stderr).toBe("");
      expect(after.run.stderr).toMatch(/^warning: config\/tinh-thu\/settings\.yaml: retirement\.migrationWindow closed on 2027-07-01: its grants to the successors' admins on the archives of its \d+ old units are declared but grant nothing any more\n/);
      expect(after.run.stderr).toMatch(/\nwarning: \[IAM-003\] tinh-thu-communes-\d+\/\S+: grants roles\/storage\.objectUser to group:\S+, and \d+ other grants, only before 2027-07-01T00:00:00\+07:00, which has passed: they grant nothing\n$/);
    });

    it("writes byte-identical Terraform, the window's grants declared with their condition in both", () => {
      expect(during.stacks.length).toBeGreaterThanOrEqual(3);
      expect(after.stacks).toEqual(during.stacks);
      expect(after.files).toEqual(during.files);
      expect(during.files.join("\n")).toContain('request.time >= timestamp(\\"2026-12-01T00:00:00+07:00\\") && request.time < timestamp(\\"2027-07-01T00:00:00+07:00\\")');
    });
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

  // One project for the two: an offline synth of tinh-thu after tinh-hai's, then the staging synth after it.
  const root = tempDir("project-");
  const staging = 'environments:\n  staging: { gcpProject: thu-stg, dnsimpleAccount: "1", dnsimpleSandbox: false, stateBucket: thu-state-stg, gatewayAddresses: { ipv4: "34.120.7.9", ipv6: "2600:1901:0:7::" }, organizationPolicies: { domainRestrictedSharing: false, publicAccessPrevention: false } }\n';
  writeProvinceIn(join(root, "config"), { settings: TINY_SETTINGS + staging }, "tinh-thu");
  writeProvinceIn(join(root, "config"), {}, "tinh-hai");
  const synth = (province: string, env: string) => runSynthIn(root, { ...WITHOUT_TERRAFORM, PROVINCE: province, ENV: env });

  it("a synth of one province after another's leaves only its own stacks, and says which it removed", () => {
    expect(synth("tinh-hai", "offline").status).toBe(0);
    const run = synth("tinh-thu", "offline");
    expect([run.status, run.stderr]).toEqual([0, "removed 4 stack folders this synth did not write (another province's, or gone from the config), so that no deploy finds them: tinh-hai-communes-1, tinh-hai-communes-2, tinh-hai-gateway, tinh-hai-platform\n"]);
    expect(readdirSync(join(root, "cdktf.out", "stacks"))).toEqual(["tinh-thu-communes-1", "tinh-thu-communes-2", "tinh-thu-gateway", "tinh-thu-platform"]);
  });

  it("the synth clears what an offline init left before writing staging's stacks", () => {
    const platform = join(root, "cdktf.out", "stacks", "tinh-thu-platform");
    expect(JSON.parse(readFileSync(join(platform, "cdk.tf.json"), "utf8")).terraform.backend).toEqual({ local: expect.anything() });
    mkdirSync(join(platform, ".terraform"));
    writeFileSync(join(platform, ".terraform", "terraform.tfstate"), JSON.stringify({ backend: { type: "local" } }));
    const run = synth("tinh-thu", "staging");
    expect([run.status, run.stderr]).toEqual([0, "ENV changed the backend of 1 stacks: removed their .terraform folders, so terraform init starts clean (no state migration)\n"]);
    expect(existsSync(join(platform, ".terraform"))).toBe(false);
    expect(JSON.parse(readFileSync(join(platform, "cdk.tf.json"), "utf8")).terraform.backend).toEqual({ gcs: { bucket: "thu-state-stg", prefix: "tinh-thu/staging/tinh-thu-platform" } });
  });
});
