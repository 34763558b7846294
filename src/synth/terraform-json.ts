import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * The one reader of what a synth wrote: each stack's `cdk.tf.json` under `<outdir>/stacks/<stack>/` (cdktf's
 * layout), and the one iterator over its resources. Everything that looks at synthesized Terraform — the rules on
 * the output, capacity, DNS, the guard, `changed`, the deploy runner — goes through here.
 */

/** The file cdktf writes per stack. */
const STACK_FILE = "cdk.tf.json";

/** A stack as Terraform receives it: its name and its JSON configuration. */
export interface SynthesizedStack {
  readonly name: string;
  readonly config: TerraformJson;
}

type Blocks = Record<string, Record<string, Record<string, unknown>>>;

export interface TerraformJson {
  readonly resource?: Blocks;
  readonly data?: Blocks;
  readonly output?: Record<string, { value: unknown }>;
  readonly locals?: Record<string, unknown>;
  readonly variable?: Record<string, unknown>;
  readonly provider?: Record<string, readonly Record<string, unknown>[]>;
  readonly terraform?: { readonly required_version?: string; readonly required_providers?: Record<string, { source?: string; version?: string }>; readonly backend?: Record<string, unknown> };
}

/** One resource (or data source) of a synthesized stack. */
export interface SynthesizedResource {
  readonly stack: string;
  readonly type: string;
  readonly address: string;
  readonly attributes: Record<string, unknown>;
  /** The construct path cdktf records in the resource's metadata, e.g. binh-thuan-retired-3/retired-22978/archive/folder. */
  readonly path: string;
}

/** One stack's configuration, from its folder (`<outdir>/stacks/<stack>`); undefined when the folder holds none. */
export function readStackIn(stackDir: string): TerraformJson | undefined {
  const file = join(stackDir, STACK_FILE);
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as TerraformJson) : undefined;
}

/** The stacks a synth wrote into `outdir`, sorted by name, as Terraform will read them. */
export function readSynthesizedStacks(outdir: string): SynthesizedStack[] {
  const dir = join(outdir, "stacks");
  return readdirSync(dir)
    .sort()
    .map((name) => ({ name, config: JSON.parse(readFileSync(join(dir, name, STACK_FILE), "utf8")) as TerraformJson }));
}

function entries(stack: SynthesizedStack, blocks: Blocks | undefined, type?: string): SynthesizedResource[] {
  const types = type ? [type] : Object.keys(blocks ?? {});
  return types.flatMap((name) =>
    Object.entries(blocks?.[name] ?? {}).map(([address, attributes]) => ({
      stack: stack.name,
      type: name,
      address,
      attributes,
      path: (attributes["//"] as { metadata?: { path?: string } } | undefined)?.metadata?.path ?? `${stack.name}/${name}.${address}`,
    })),
  );
}

/** The resources of the stacks, all or of one type. */
export function resourcesIn(stacks: readonly SynthesizedStack[], type?: string): SynthesizedResource[] {
  return stacks.flatMap((stack) => entries(stack, stack.config.resource, type));
}

/** The data sources of the stacks, all or of one type. */
export function dataSourcesIn(stacks: readonly SynthesizedStack[], type?: string): SynthesizedResource[] {
  return stacks.flatMap((stack) => entries(stack, stack.config.data, type));
}

/** How many resources of each type the stacks declare. */
export function countByType(stacks: readonly SynthesizedStack[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { type } of resourcesIn(stacks)) counts.set(type, (counts.get(type) ?? 0) + 1);
  return counts;
}
