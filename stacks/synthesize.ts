import { App, TerraformStack } from "cdktf";
import type { DeployEnvironment } from "../src/model/environment";
import type { Province } from "../src/model/province";
import { checkPolicies } from "../src/policy/check-app";
import type { PolicyViolation } from "../src/policy/policy-pack";
import { buildProvinceStacks } from "./build-app";

export type SynthResult = { readonly violations: readonly PolicyViolation[] } | { readonly stacks: number };

/**
 * Builds a province's stacks and writes them to `outdir` — unless the policy pack finds a violation, which is
 * checked over the whole app first so that nothing is written then.
 */
export function synthesizeProvince(province: Province, environment: DeployEnvironment, outdir: string): SynthResult {
  const app = new App({ outdir });
  const policy = buildProvinceStacks(app, province, environment);
  const violations = checkPolicies(app, policy);
  if (violations.length > 0) return { violations };
  app.synth();
  return { stacks: app.node.children.filter((child) => child instanceof TerraformStack).length };
}
