import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { GoogleProvider } from "@cdktf/provider-google/lib/provider";
import { StorageBucket } from "@cdktf/provider-google/lib/storage-bucket";
import { App, TerraformOutput, TerraformStack } from "cdktf";
import fc from "fast-check";
import { loadProvince, provinceDir } from "../src/load/load-province";
import { resolveEnvironment, type DeployEnvironment } from "../src/model/environment";
import type { Province } from "../src/model/province";
import { compiledEntry, loadCompiled } from "../src/runtime/compiled-entry";
import { meetsMinimum } from "../src/runtime/terraform-version";
import { TERRAFORM_REQUIRED_VERSION } from "../src/model/provider-versions";
import { buildProvinceStacks } from "../src/app/build-app";
import { loadFixture, TINY_SETTINGS, writeProvinceIn } from "./support/fixture-config";
import { runSynthIn } from "./support/project";
import { generatedProvince, provinceFiles } from "./support/generate-province";
import { testApp } from "./support/synth-province";
import { tempDir } from "./support/temp";

const ROOT = join(__dirname, "..");

/** The constructs cdktf's own preparing pass adds to an app's stacks: the wiring of cross-stack references. */
function crossStackWiring(app: App): string[] {
  const stacks = app.node.children.filter((child): child is TerraformStack => child instanceof TerraformStack);
  const before = new Set(stacks.flatMap((stack) => stack.node.findAll().map((node) => node.node.path)));
  for (const stack of stacks) TerraformStack.prototype.prepareStack.call(stack);
  return stacks.flatMap((stack) => stack.node.findAll().map((node) => node.node.path)).filter((path) => !before.has(path));
}

function provinceApp(province: Province, environmentName: string): App {
  const app = new App({ outdir: tempDir("prepare-"), skipValidation: true });
  buildProvinceStacks(app, province, resolveEnvironment(province.settings, environmentName) as DeployEnvironment);
  return app;
}

describe("no stack reads another's resources (ProvinceStack skips cdktf's preparing pass)", () => {
  it("would be caught: a reference across two stacks makes cdktf add an output and a remote state", () => {
    const app = testApp();
    const stack = (id: string) => {
      const created = new TerraformStack(app, id);
      new GoogleProvider(created, "google", { project: "p" });
      return created;
    };
    const bucket = new StorageBucket(stack("a"), "bucket", { name: "b", location: "ASIA" });
    new TerraformOutput(stack("b"), "name", { value: bucket.name });
    expect(crossStackWiring(app).length).toBeGreaterThan(0);
  });

  // Bình Thuận for the real thing, both kinds of backend; the generated provinces below for the variety.
  it.each([
    ["binh-thuan", "offline"],
    ["binh-thuan", "staging"],
  ])("%s (ENV=%s)", (folder, environment) => {
    expect(crossStackWiring(provinceApp(loadProvince(provinceDir(folder)), environment))).toEqual([]);
  });

  it("generated provinces", () => {
    fc.assert(
      fc.property(generatedProvince({ mistakes: false }), (generated) => {
        expect(crossStackWiring(provinceApp(loadFixture(provinceFiles(generated)), "offline"))).toEqual([]);
      }),
      { numRuns: 10 },
    );
  });
});

describe("the synth", () => {
  // One run for three facts: from a subfolder, offline, with only an old `terraform` on the PATH that logs each call.
  it("runs no Terraform (cdktf's validations would run `terraform version` per stack), offline warns of none, and writes to cdktf.out at the project root, also when the command runs from a subfolder", () => {
    const root = tempDir("project-");
    writeProvinceIn(join(root, "config"));
    const bin = tempDir("bin-");
    writeFileSync(join(bin, "terraform"), '#!/bin/sh\necho "$@" >> "${0%/*}/calls.log"\necho \'{"terraform_version":"1.11.4"}\'\n', { mode: 0o755 });
    const run = runSynthIn(root, { PATH: bin, PROVINCE: "tinh-thu" }, join(root, "config"));
    expect([run.status, run.stderr, run.stdout]).toEqual([0, "", expect.stringMatching(/^Tỉnh Thử \(ENV=offline\): 2 new communes; 4 retired units \(3 old communes, 1 old districts\); \d+ resources in 4 stacks, written to \.\.\/cdktf\.out\/stacks\/\n$/)]);
    expect(readdirSync(bin)).toEqual(["terraform"]);
    expect([readdirSync(root).sort(), readdirSync(join(root, "config"))]).toEqual([["cdktf.out", "config"], ["tinh-thu"]]);
    expect(readdirSync(join(root, "cdktf.out", "stacks"))).toHaveLength(4);
  });
});

describe("the Terraform on the PATH", () => {
  it("is compared with the stacks' required version: older or newer, by each part's number", () => {
    expect(["1.11.4", "1.12.0", "1.12.2", "1.9.9", "2.0.0", "0.15.5"].map((version) => meetsMinimum(version, TERRAFORM_REQUIRED_VERSION))).toEqual([false, true, true, false, true, false]);
  });

  // This machine's Terraform, where there is one (it is no Debian package: a machine without it skips this).
  const terraform = spawnSync("terraform", ["version", "-json"], { encoding: "utf8" });
  (terraform.status === 0 ? it : it.skip)("older than required makes a staging synth warn once, with the fix (offline, above, does not)", () => {
    const installed = JSON.parse(terraform.stdout).terraform_version as string;
    const root = tempDir("project-");
    const settings = 'environments:\n  staging: { gcpProject: thu-stg, dnsimpleAccount: "1", dnsimpleSandbox: false, stateBucket: thu-state-stg, gatewayAddresses: { ipv4: "34.120.7.9", ipv6: "2600:1901:0:7::" }, organizationPolicies: { domainRestrictedSharing: false, publicAccessPrevention: false } }\n';
    writeProvinceIn(join(root, "config"), { settings: TINY_SETTINGS + settings });
    const staging = runSynthIn(root, { PROVINCE: "tinh-thu", ENV: "staging" });
    const warning = `warning: terraform on the PATH is ${installed}, older than the stacks require (>= 1.12.0): cdktf diff and deploy will stop at terraform init\n  fix: install Terraform 1.12.2, the release the workflows pin (README, Prerequisites)\n`;
    expect([staging.status, staging.stderr]).toEqual([0, meetsMinimum(installed, TERRAFORM_REQUIRED_VERSION) ? "" : warning]);
  });
});

describe("the compiled entry", () => {
  function project(): string {
    const dir = tempDir("compiled-entry-");
    writeFileSync(join(dir, "package.json"), "{}\n");
    writeFileSync(join(dir, "tsconfig.json"), "{}\n");
    writeFileSync(join(dir, "entry.ts"), 'import { value } from "./part";\nexport const answer = (): number => value * 2;\n');
    writeFileSync(join(dir, "part.ts"), "export const value: number = 1;\n");
    return dir;
  }

  it("is built once, then reused while its files are unchanged", () => {
    const dir = project();
    const first = compiledEntry(dir, "entry.ts");
    expect(loadCompiled<{ answer(): number }>(dir, "entry.ts").answer()).toBe(2);
    expect(compiledEntry(dir, "entry.ts").file).toBe(first.file);
    expect(readdirSync(join(dir, ".cache", "compiled")).sort()).toEqual([first.file.split("/").pop(), "entry.inputs.json"].sort());
    rmSync(dir, { recursive: true, force: true });
  });

  it("keeps V8's code cache beside the bundle, written by the first process that loads it", () => {
    const dir = project();
    const load = `require(${JSON.stringify(join(ROOT, "src/runtime/compiled-entry.ts"))}).loadCompiled(${JSON.stringify(dir)}, "entry.ts").answer()`;
    const run = spawnSync(process.execPath, ["--require", "tsx/cjs", "-e", load], { cwd: ROOT, encoding: "utf8" });
    expect(run.status).toBe(0);
    const bundle = compiledEntry(dir, "entry.ts").file.split("/").pop()!;
    expect(readdirSync(join(dir, ".cache", "compiled")).sort()).toEqual([bundle, `${bundle}.code-cache`, "entry.inputs.json"].sort());
    rmSync(dir, { recursive: true, force: true });
  });

  it("is rebuilt when a file it was made from or a setting changes", () => {
    const dir = project();
    const first = compiledEntry(dir, "entry.ts").file;
    writeFileSync(join(dir, "part.ts"), "export const value: number = 5;\n");
    expect(loadCompiled<{ answer(): number }>(dir, "entry.ts").answer()).toBe(10);
    const second = compiledEntry(dir, "entry.ts").file;
    expect(second).not.toBe(first);
    writeFileSync(join(dir, "tsconfig.json"), '{ "compilerOptions": { "target": "ES2022" } }\n');
    expect(compiledEntry(dir, "entry.ts").file).not.toBe(second);
    rmSync(dir, { recursive: true, force: true });
  });
});

describe("the synth command", () => {
  it("is the same for npm run synth and cdktf synth", () => {
    const script = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { scripts: { synth: string } }).scripts.synth;
    const app = (JSON.parse(readFileSync(join(ROOT, "cdktf.json"), "utf8")) as { app: string }).app;
    expect(app).toBe(script);
    expect(script).toMatch(/ --require tsx\/cjs main\.ts$/);
  });
});
