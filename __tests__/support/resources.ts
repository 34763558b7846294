/** Resources of one Terraform type in a synthesized stack's JSON, as plain attribute objects. */
export function resourcesIn(synthesized: string, type: { tfResourceType: string } | string): Record<string, unknown>[] {
  const name = typeof type === "string" ? type : type.tfResourceType;
  return Object.values(JSON.parse(synthesized).resource?.[name] ?? {});
}

/** A deep partial matcher: nested objects need only the keys given. */
export function like(expected: unknown): unknown {
  if (Array.isArray(expected)) return expected.map(like);
  if (expected && typeof expected === "object" && !("asymmetricMatch" in expected)) {
    return expect.objectContaining(Object.fromEntries(Object.entries(expected).map(([key, value]) => [key, like(value)])));
  }
  return expected;
}
