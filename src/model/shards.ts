/**
 * Stable assignment of units to stacks: FNV-1a of the unit's id, modulo the shard count. It depends on nothing
 * but the id, so adding, renaming or retiring one unit changes that unit's stack only.
 */
export function shardOf(id: string, shardCount: number): number {
  let hash = 0x811c9dc5;
  for (const char of id) {
    hash ^= char.charCodeAt(0);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % shardCount;
}

/** Units grouped by shard, in shard order; empty shards are left out. */
export function groupByShard<T>(units: readonly T[], idOf: (unit: T) => string, shardCount: number): [number, T[]][] {
  const shards = new Map<number, T[]>();
  for (const unit of units) {
    const shard = shardOf(idOf(unit), shardCount);
    const members = shards.get(shard);
    if (members) members.push(unit);
    else shards.set(shard, [unit]);
  }
  return [...shards.entries()].sort(([a], [b]) => a - b);
}
