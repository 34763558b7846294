import { Testing, type TerraformStack } from "cdktf";
import { invokeAspects } from "cdktf/lib/synthesize/synthesizer";
import { canonicalTerraform } from "../../src/changes/changed-stacks";
import { loadProvince, provinceDir } from "../../src/load/load-province";
import { resolveEnvironment, type DeployEnvironment } from "../../src/model/environment";
import type { Province } from "../../src/model/province";
import type { TerraformJson } from "../../src/policy/synthesized";
import { buildProvinceStacks } from "../../stacks/build-app";

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

/**
 * Testing.synth's output (aspects run, keys sorted, no metadata, no paths or versions), without its cost:
 * it copies every object once per key, which is quadratic in a stack's resources.
 */
export function stableSynth(stack: TerraformStack): string {
  invokeAspects(stack);
  return JSON.stringify(canonicalTerraform(stack.toTerraform()), null, 2);
}

/** Synthesizes every stack of a province the way main.ts does, with Testing.synth's stable output. */
export function synthProvince(province: Province = realProvince(), environmentName: string | DeployEnvironment = "offline"): SynthStack[] {
  const environment = typeof environmentName === "string" ? (resolveEnvironment(province.settings, environmentName) as DeployEnvironment) : environmentName;
  const app = Testing.app();
  buildProvinceStacks(app, province, environment);
  return app.node.children
    .filter((child): child is TerraformStack => "toTerraform" in child)
    .map((stack) => {
      const json = stableSynth(stack);
      return { name: stack.node.id, json, config: JSON.parse(json) as TerraformJson };
    });
}

/** Every resource of the given type across the stacks, as [stack, address, attributes]. */
export function resourcesOf(stacks: readonly SynthStack[], type: string): { stack: string; address: string; attributes: Record<string, unknown> }[] {
  return stacks.flatMap((stack) =>
    Object.entries(stack.config.resource?.[type] ?? {}).map(([address, attributes]) => ({ stack: stack.name, address, attributes })),
  );
}
