import { App } from "cdktf";
import type { DeployEnvironment } from "../model/environment";
import type { Province } from "../model/province";
import { checkPolicies } from "../policy/check-app";
import type { PolicyViolation } from "../policy/policy-pack";
import { readSynthesizedStacks, type SynthesizedStack } from "../synth/terraform-json";
import { buildProvinceStacks } from "./build-app";

/** The violations, or the stacks as written (read back once, for the rules on the Terraform and for the caller). */
export type SynthResult = { readonly violations: readonly PolicyViolation[] } | { readonly stacks: readonly SynthesizedStack[] };

/**
 * Builds a province's stacks and writes them to `outdir` — a staging folder the caller moves into place only when
 * no violation is returned. The construct rules run over the whole app first, so nothing is written when one
 * fails; the rules on the written Terraform run on what was written.
 */
export function synthesizeProvince(province: Province, environment: DeployEnvironment, outdir: string): SynthResult {
  // cdktf's validations here are two: that each stack declares its resources' providers (ProvinceStack declares
  // both) and, per terraform_data, a `terraform version` run on this machine — ten or more processes per synth,
  // and a synth that fails without Terraform installed. Every stack requires Terraform >= 1.12 anyway.
  const app = new App({ outdir, skipValidation: true });
  const policy = buildProvinceStacks(app, province, environment);
  if (checkPolicies(app, policy).length > 0) return { violations: policy.violations };
  app.synth();
  const stacks = readSynthesizedStacks(outdir);
  policy.checkSynthesized(stacks);
  if (policy.violations.length > 0) return { violations: policy.violations };
  return { stacks };
}
