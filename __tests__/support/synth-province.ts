import { Testing, type TerraformStack } from "cdktf";
import { loadProvince, provinceDir } from "../../src/load/load-province";
import { resolveEnvironment, type DeployEnvironment } from "../../src/model/environment";
import type { Province } from "../../src/model/province";
import { buildProvinceStacks } from "../../stacks/build-app";

/** A synthesized stack: its name and its Terraform JSON. */
export interface SynthStack {
  readonly name: string;
  readonly json: string;
  readonly config: TerraformJson;
}

export interface TerraformJson {
  resource?: Record<string, Record<string, Record<string, unknown>>>;
  output?: Record<string, { value: unknown }>;
  data?: Record<string, Record<string, unknown>>;
  terraform?: Record<string, unknown>;
}

export function realProvince(): Province {
  return loadProvince(provinceDir("binh-thuan"));
}

/** Synthesizes every stack of a province the way main.ts does, with Testing.synth's stable output. */
export function synthProvince(province: Province = realProvince(), environmentName = "offline"): SynthStack[] {
  const environment = resolveEnvironment(province.settings, environmentName) as DeployEnvironment;
  const app = Testing.app();
  buildProvinceStacks(app, province, environment);
  return app.node.children
    .filter((child): child is TerraformStack => "toTerraform" in child)
    .map((stack) => {
      const json = Testing.synth(stack, true);
      return { name: stack.node.id, json, config: JSON.parse(json) as TerraformJson };
    });
}

/** Every resource of the given type across the stacks, as [stack, address, attributes]. */
export function resourcesOf(stacks: readonly SynthStack[], type: string): { stack: string; address: string; attributes: Record<string, unknown> }[] {
  return stacks.flatMap((stack) =>
    Object.entries(stack.config.resource?.[type] ?? {}).map(([address, attributes]) => ({ stack: stack.name, address, attributes })),
  );
}
