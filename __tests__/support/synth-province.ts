import { closeSync, existsSync, openSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { type App, Testing } from "cdktf";
import { canonicalTerraform } from "../../src/changes/changed-stacks";
import { loadProvince, provinceDir } from "../../src/load/load-province";
import { resolveEnvironment, type DeployEnvironment } from "../../src/model/environment";
import type { Province } from "../../src/model/province";
import { formatViolations } from "../../src/policy/check-app";
import type { TerraformJson } from "../../src/synth/terraform-json";
import { synthesizeProvince } from "../../src/app/synthesize";
import { tempDir } from "./temp";

export type { TerraformJson };

/** A synthesized stack: its name and its Terraform JSON. */
export interface SynthStack {
  readonly name: string;
  readonly json: string;
  readonly config: TerraformJson;
}

/** The day the tests judge migration windows and IAM conditions on (the synth itself takes no day). */
export const TEST_TODAY = "2026-11-29";

export function realProvince(): Province {
  return loadProvince(provinceDir("binh-thuan"));
}

/** An app for a test that declares constructs itself: Testing.app's, its output folder among the test's temp folders. */
export function testApp(): App {
  return Testing.app({ outdir: tempDir("cdktf-") });
}

/**
 * Synthesizes every stack of a province as main.ts does (synthesizeProvince: the policy pack, the rules on the written
 * Terraform, cdk.tf.json into a temp folder); a violation fails the test with the synth's own message. Each stack
 * comes as Terraform reads it, keys sorted and cdktf's "//" metadata left out, so snapshots do not hold paths.
 */
export function synthProvince(province: Province = realProvince(), environmentName: string | DeployEnvironment = "offline"): SynthStack[] {
  const environment = typeof environmentName === "string" ? (resolveEnvironment(province.settings, environmentName) as DeployEnvironment) : environmentName;
  const result = synthesizeProvince(province, environment, tempDir("synth-"));
  if ("violations" in result) throw new Error(formatViolations(result.violations));
  return result.stacks.map((stack) => {
    const config = canonicalTerraform(stack.config) as TerraformJson;
    return { name: stack.name, json: JSON.stringify(config, null, 2), config };
  });
}

/**
 * A bundled province's stacks (offline), synthesized once per test run: the first test file that asks writes them
 * into the run's temp folder (global-setup.ts), the others read them there instead of synthesizing again.
 */
export function sharedStacks(folder: string): SynthStack[] {
  const runDir = process.env.COMMUNE_INFRA_TEST_RUN;
  if (!runDir) return synthProvince(loadProvince(provinceDir(folder)));
  const file = join(runDir, `${folder}-offline.json`);
  // One worker synthesizes while the others wait for its file: jest starts the slowest files first, and those that
  // share a province would otherwise all synthesize it at once. A worker that fails gives the lock up.
  const lock = `${file}.lock`;
  while (!existsSync(file)) {
    try {
      closeSync(openSync(lock, "wx"));
    } catch {
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
      continue;
    }
    try {
      const stacks = synthProvince(loadProvince(provinceDir(folder)));
      // Whole or not at all: another worker may read it meanwhile.
      writeFileSync(`${file}.${process.pid}`, JSON.stringify(stacks.map(({ name, config }) => ({ name, config }))));
      renameSync(`${file}.${process.pid}`, file);
      return stacks;
    } finally {
      rmSync(lock, { force: true });
    }
  }
  const stored = JSON.parse(readFileSync(file, "utf8")) as { name: string; config: TerraformJson }[];
  return stored.map(({ name, config }) => ({ name, json: JSON.stringify(config, null, 2), config }));
}

/** Bình Thuận's stacks (offline), synthesized once per test run (sharedStacks). */
export function realStacks(): SynthStack[] {
  return sharedStacks("binh-thuan");
}

/** Every resource of the given type across the stacks, as [stack, address, attributes]. */
export function resourcesOf(stacks: readonly SynthStack[], type: string): { stack: string; address: string; attributes: Record<string, unknown> }[] {
  return stacks.flatMap((stack) =>
    Object.entries(stack.config.resource?.[type] ?? {}).map(([address, attributes]) => ({ stack: stack.name, address, attributes })),
  );
}
