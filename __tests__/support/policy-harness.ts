import { Aspects, TerraformStack } from "cdktf";
import { Protection } from "../../src/constructs/protection";
import type { Settings } from "../../src/model/settings";
import { checkPolicies } from "../../src/policy/check-app";
import { PolicyPack } from "../../src/policy/policy-pack";
import { loadFixture } from "./fixture-config";
import { testApp } from "./synth-province";

export const tiny = loadFixture();

/** Runs the pack over whatever `build` declares in one protected stack; returns "RULE message" lines. */
export function violationsOf(build: (stack: TerraformStack) => void, settings: Settings = tiny.settings, protect = true) {
  const app = testApp();
  const stack = new TerraformStack(app, "stack");
  const pack = new PolicyPack({ settings, declaredNames: new Set(["anphu.thu.gov.vn", "qlvb.thu.gov.vn", "34.120.7.9"]) });
  if (protect) Aspects.of(stack).add(new Protection());
  Aspects.of(stack).add(pack);
  pack.register(stack);
  build(stack);
  return { lines: checkPolicies(app, pack).map((violation) => `${violation.rule} ${violation.message}`), pack };
}
