import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { synthesizeProvince } from "../app/synthesize";
import { checkDeployReadiness, migrationWindowWarnings } from "../load/deploy-readiness";
import { loadProvince, provinceDir } from "../load/load-province";
import { ConfigError, formatProblem } from "../load/problems";
import { STAND_IN_ADDRESSES } from "../model/gateway-addresses";
import { TERRAFORM_REQUIRED_VERSION } from "../model/provider-versions";
import { todayInVietnam } from "../model/today";
import { formatViolations } from "../policy/check-app";
import { expiredConditions } from "../policy/output-checks";
import { resourcesIn } from "../synth/terraform-json";
import { replaceOutput } from "./output-folder";
import { installedTerraformVersion, meetsMinimum } from "./terraform-version";
import { dropTokenCreationTraces } from "./token-traces";
import { failureExit, processIo } from "./command-io";
import { environmentOf, provinceName } from "./province-command";

/**
 * A synth for staging or production is followed by `cdktf diff` or `deploy`, whose `terraform init` refuses a
 * Terraform older than every stack requires (the dnsimple provider 2.x needs 1.12: its 2.0.0 CHANGELOG). Said here,
 * once, when a `terraform` is on the PATH — a warning, not an error: the Terraform written is the same whatever is
 * installed, and it can be read, guarded and measured without running Terraform at all.
 */
function warnOfOldTerraform(): void {
  const version = installedTerraformVersion();
  if (version && !meetsMinimum(version, TERRAFORM_REQUIRED_VERSION)) {
    process.stderr.write(`warning: terraform on the PATH is ${version}, older than the stacks require (${TERRAFORM_REQUIRED_VERSION}): cdktf diff and deploy will stop at terraform init\n  fix: install Terraform 1.12.2, the release the workflows pin (README, Prerequisites)\n`);
  }
}

/**
 * The synth (`npm run synth`, `cdktf synth`: main.ts runs it): PROVINCE selects config/<province>/ under `root`
 * (default lam-dong), ENV the environment (default offline, which needs no credentials). A bad config — or one
 * a real environment cannot deploy — prints every problem and exits 1 before any construct is built, so nothing
 * is half-synthesized.
 */
export function runSynth(root: string): void {
  dropTokenCreationTraces();
  try {
    const dir = provinceDir(provinceName(), root);
    const province = loadProvince(dir);
    const environment = environmentOf(province);
    const settingsFile = relative(process.cwd(), join(dir, "settings.yaml"));
    const problems = checkDeployReadiness(province, environment, settingsFile);
    if (problems.length > 0) throw new ConfigError(problems);
    // The day decides warnings only, never the Terraform: the same commit synthesizes the same stacks any day.
    const today = todayInVietnam();
    for (const warning of migrationWindowWarnings(province, settingsFile, today)) process.stderr.write(`warning: ${formatProblem(warning)}\n`);
    if (environment.name !== "offline" && !environment.gatewayAddresses) {
      process.stderr.write(
        `note: environments.${environment.name}.gatewayAddresses is not set, so the shards carry the stand-in addresses ${STAND_IN_ADDRESSES.ipv4} / ${STAND_IN_ADDRESSES.ipv6}: ` +
          "they plan, and refuse to apply until the platform's addresses are in the settings (npm run rollout-plan -- --addresses, once the platform is applied)\n",
      );
    }
    if (environment.name !== "offline") warnOfOldTerraform();
    // Synthesized into a fresh folder, moved into the real one only when every stack is written: a failure
    // leaves the previous output (and Terraform's .terraform folders in it) as it was.
    // At the project root wherever the command runs from (a subfolder's cdktf.out is one no deploy reads);
    // `cdktf synth` passes its own in CDKTF_OUTDIR.
    const outdir = resolve(process.env.CDKTF_OUTDIR || join(root, "cdktf.out"));
    const staging = mkdtempSync(join(tmpdir(), "cdktf-synth-"));
    try {
      const result = synthesizeProvince(province, environment, staging);
      if ("violations" in result) {
        process.stderr.write(formatViolations(result.violations));
        process.exitCode = 1;
        return;
      }
      for (const finding of expiredConditions(result.stacks, today)) process.stderr.write(`warning: [${finding.rule.id}] ${finding.path}: ${finding.message}\n`);
      const { reset, removed } = replaceOutput(staging, outdir);
      if (reset.length > 0) process.stderr.write(`ENV changed the backend of ${reset.length} stacks: removed their .terraform folders, so terraform init starts clean (no state migration)\n`);
      if (removed.length > 0) process.stderr.write(`removed ${removed.length} stack folders this synth did not write (another province's, or gone from the config), so that no deploy finds them: ${removed.join(", ")}\n`);
      const districts = province.retired.filter((unit) => unit.district === undefined).length;
      process.stdout.write(
        `${province.settings.province} (ENV=${environment.name}): ${province.communes.length} new communes; ${province.retired.length} retired units ` +
          `(${province.retired.length - districts} old communes, ${districts} old districts); ${resourcesIn(result.stacks).length} resources in ${result.stacks.length} stacks, written to ${relative(process.cwd(), outdir) || "."}/stacks/\n`,
      );
    } finally {
      rmSync(staging, { recursive: true, force: true });
    }
  } catch (error) {
    process.exitCode = failureExit(error, processIo);
  }
}
