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
  readonly provider?: Record<string, readonly Record<string, unknown>[]>;
  readonly terraform?: { readonly required_version?: string; readonly required_providers?: Record<string, { source?: string; version?: string }>; readonly backend?: unknown };
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
