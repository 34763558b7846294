/**
 * Bench-only baseline: a flat cdktf app declaring the same stacks, providers, resources, data sources, locals and outputs
 * as a real synth, with no config, validation or constructs. Its input (written by bench/run.ts from a real
 * synth's cdk.tf.json files, minus cdktf's "//" metadata) is re-declared as generic TerraformResource /
 * TerraformDataSource / TerraformOutput elements, one TerraformStack per original stack, every top-level
 * attribute passed through addOverride. bench/run.ts bundles it with the deep provider modules the real app's bundle
 * holds, so the provider import cost is in the baseline too. Usage: node <bundle> <input.json>.
 */
import { readFileSync } from "node:fs";
import {
  App,
  GcsBackend,
  LocalBackend,
  TerraformDataSource,
  TerraformLocal,
  TerraformOutput,
  TerraformProvider,
  TerraformResource,
  TerraformStack,
} from "cdktf";
import type { Construct } from "constructs";

export interface FlatStack {
  readonly name: string;
  readonly dependencies: readonly string[];
  readonly terraform?: {
    readonly backend?: Record<string, Record<string, unknown>>;
    readonly required_providers?: Record<string, { source?: string; version?: string }>;
    /** Any other key of the terraform block (required_version). */
    readonly [key: string]: unknown;
  };
  readonly provider?: Record<string, Record<string, unknown>[]>;
  readonly resource?: Record<string, Record<string, Record<string, unknown>>>;
  readonly data?: Record<string, Record<string, Record<string, unknown>>>;
  readonly output?: Record<string, Record<string, unknown>>;
  readonly locals?: Record<string, unknown>;
}

export interface FlatInput {
  readonly stacks: readonly FlatStack[];
}

class RawProvider extends TerraformProvider {
  constructor(scope: Construct, id: string, type: string, source?: string, version?: string) {
    super(scope, id, {
      terraformResourceType: type,
      terraformProviderSource: source,
      terraformGeneratorMetadata: { providerName: type, providerVersion: version },
    });
  }
}

function overrideAll(element: { addOverride(path: string, value: unknown): void }, config: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(config)) element.addOverride(key, value);
}

function main(): void {
  const input = process.argv[2];
  if (!input) throw new Error("usage: flat-main <input.json>");
  const parsed = JSON.parse(readFileSync(input, "utf8")) as FlatInput;

  const app = new App();
  const stacks = new Map<string, TerraformStack>();
  for (const spec of parsed.stacks) {
    const stack = new TerraformStack(app, spec.name);
    stacks.set(spec.name, stack);
    for (const [kind, config] of Object.entries(spec.terraform?.backend ?? {})) {
      if (kind === "local") new LocalBackend(stack, config);
      else if (kind === "gcs") new GcsBackend(stack, config as { bucket: string });
      else stack.addOverride(`terraform.backend.${kind}`, config);
    }
    // The rest of the terraform block (required_version) as the real stacks write it: an override.
    for (const [key, value] of Object.entries(spec.terraform ?? {})) {
      if (key !== "backend" && key !== "required_providers") stack.addOverride(`terraform.${key}`, value);
    }
    for (const [type, configs] of Object.entries(spec.provider ?? {})) {
      const required = spec.terraform?.required_providers?.[type];
      configs.forEach((config, index) => overrideAll(new RawProvider(stack, `${type}-${index}`, type, required?.source, required?.version), config));
    }
    for (const [type, byName] of Object.entries(spec.resource ?? {})) {
      for (const [name, config] of Object.entries(byName)) {
        const resource = new TerraformResource(stack, name, { terraformResourceType: type });
        resource.overrideLogicalId(name);
        overrideAll(resource, config);
      }
    }
    for (const [type, byName] of Object.entries(spec.data ?? {})) {
      for (const [name, config] of Object.entries(byName)) {
        const source = new TerraformDataSource(stack, name, { terraformResourceType: type });
        source.overrideLogicalId(name);
        overrideAll(source, config);
      }
    }
    for (const [name, expression] of Object.entries(spec.locals ?? {})) {
      const local = new TerraformLocal(stack, name, expression);
      local.overrideLogicalId(name);
    }
    for (const [name, config] of Object.entries(spec.output ?? {})) {
      const { value, ...rest } = config;
      const output = new TerraformOutput(stack, name, { value, staticId: true });
      overrideAll(output, rest);
    }
  }
  for (const spec of parsed.stacks) {
    for (const dependency of spec.dependencies) {
      const target = stacks.get(dependency);
      if (target) stacks.get(spec.name)!.addDependency(target);
    }
  }
  app.synth();
}

main();
