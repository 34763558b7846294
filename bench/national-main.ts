/**
 * Bench-only entry: every province folder under one directory synthesized into one App, in one process (the
 * "all provinces at once" case of bench/run.ts). Usage: node national-main.js <folder of province folders>.
 * Not part of the deployed app: main.ts synthesizes one province per run. Does what main.ts does, per province:
 * load, build the stacks, run the policy packs over the whole app before writing (one pass visits every stack,
 * each stack's aspects recording into its own province's pack), synthesize into a staging folder and copy it to
 * CDKTF_OUTDIR.
 */
import { cpSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { App } from "cdktf";
import { loadProvince } from "../src/load/load-province";
import { ConfigError } from "../src/load/problems";
import { resolveEnvironment } from "../src/model/environment";
import { dropTokenCreationTraces } from "../src/runtime/token-traces";
import { checkPolicies, formatViolations } from "../src/policy/check-app";
import { buildProvinceStacks } from "../stacks/build-app";

function main(): void {
  dropTokenCreationTraces();
  const root = process.argv[2];
  if (!root) throw new Error("usage: national-main <folder of province folders>");
  const folders = readdirSync(root)
    .filter((name) => statSync(join(root, name)).isDirectory())
    .sort();
  const outdir = process.env.CDKTF_OUTDIR || "cdktf.out";
  const staging = mkdtempSync(join(tmpdir(), "cdktf-national-"));
  try {
    const app = new App({ outdir: staging });
    const packs = folders.map((folder) => {
      const province = loadProvince(join(root, folder));
      const environment = resolveEnvironment(province.settings, "offline");
      if (typeof environment === "string") throw new Error(environment);
      return buildProvinceStacks(app, province, environment);
    });
    if (packs.length === 0) throw new Error(`no province folders under ${root}`);
    checkPolicies(app, packs[0]);
    const violations = packs.flatMap((pack) => pack.violations);
    if (violations.length > 0) {
      process.stderr.write(formatViolations(violations));
      process.exitCode = 1;
      return;
    }
    app.synth();
    cpSync(staging, outdir, { recursive: true });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(error.message);
    process.exitCode = 1;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

main();
