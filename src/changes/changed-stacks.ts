import { createHash } from "node:crypto";

/** A synthesized province: stack name → digest of its Terraform. */
export type StackDigests = ReadonlyMap<string, string>;

/** Keys sorted, cdktf's "//" comments (construct paths, metadata) dropped: the configuration as Terraform reads it. */
export function canonicalTerraform(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonicalTerraform);
  if (value === null || typeof value !== "object") return value;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) if (key !== "//") sorted[key] = canonicalTerraform((value as Record<string, unknown>)[key]);
  return sorted;
}

/**
 * A fingerprint of one stack's cdk.tf.json that changes exactly when Terraform would read something else: the
 * order of keys and the construct paths and metadata cdktf writes under "//" do not count.
 */
export function terraformDigest(config: unknown): string {
  return createHash("sha256").update(JSON.stringify(canonicalTerraform(config))).digest("hex");
}

/** The stacks whose Terraform differs between two syntheses of a province, added and removed stacks included; sorted. */
export function changedStacks(before: StackDigests, after: StackDigests): string[] {
  return [...new Set([...before.keys(), ...after.keys()])].filter((stack) => before.get(stack) !== after.get(stack)).sort();
}
