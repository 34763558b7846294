import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { App, TerraformStack } from "cdktf";
import { DEFAULT_PROVINCE, loadProvince, provinceDir } from "./src/load/load-province";
import { ConfigError } from "./src/load/problems";
import { resolveEnvironment } from "./src/model/environment";
import { dropTokenCreationTraces } from "./src/runtime/token-traces";
import { checkPolicies, formatViolations } from "./src/policy/check-app";
import { buildProvinceStacks } from "./stacks/build-app";

/**
 * Synthesizes one province: PROVINCE selects config/<province>/ (default binh-thuan), ENV the environment
 * (default offline, which needs no credentials). A bad config prints every problem and exits 1 before any
 * construct is built, so nothing is half-synthesized.
 */
function main(): void {
  // Mapping every token's creation trace through tsx's source maps cost more than the synth itself.
  process.setSourceMapsEnabled(false);
  dropTokenCreationTraces();
  try {
    const province = loadProvince(provinceDir(process.env.PROVINCE || DEFAULT_PROVINCE));
    const environment = resolveEnvironment(province.settings, process.env.ENV || "offline");
    if (typeof environment === "string") throw new ConfigError([{ file: "ENV", message: environment, fix: "set ENV to offline, staging or production" }]);
    // Synthesized into a fresh folder, copied over the real one only when every stack is written: a failure
    // leaves the previous output (and Terraform's .terraform folders in it) as it was.
    const outdir = process.env.CDKTF_OUTDIR || "cdktf.out";
    const staging = mkdtempSync(join(tmpdir(), "cdktf-synth-"));
    try {
      const app = new App({ outdir: staging });
      const policy = buildProvinceStacks(app, province, environment);
      const violations = checkPolicies(app, policy);
      if (violations.length > 0) {
        process.stderr.write(formatViolations(violations));
        process.exitCode = 1;
        return;
      }
      app.synth();
      cpSync(staging, outdir, { recursive: true });
      const stacks = app.node.children.filter((child) => child instanceof TerraformStack).length;
      process.stdout.write(`${province.settings.province} (ENV=${environment.name}): ${province.communes.length} new and ${province.retired.length} retired units in ${stacks} stacks, written to ${outdir}/stacks/\n`);
    } finally {
      rmSync(staging, { recursive: true, force: true });
    }
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(error.message);
    process.exitCode = 1;
  }
}

main();
