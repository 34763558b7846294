import { readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * The stacks of a synth in deploy order, from the dependencies cdktf records in cdktf.out/manifest.json: the
 * platform, then the shards, then the gateway, whatever their names. The workflows' helpers (scripts/plan-comment.ts)
 * and the deploy runner share it.
 */
export type Tier = "platform" | "shards" | "gateway" | "other";

interface ManifestStack {
  readonly dependencies?: readonly string[];
}

export function tierOf(stack: string): Tier {
  if (stack.endsWith("-platform")) return "platform";
  if (/-(communes|retired)-\d+$/.test(stack)) return "shards";
  if (stack.endsWith("-gateway")) return "gateway";
  return "other";
}

const TIER_RANK: Record<Tier, number> = { platform: 0, shards: 1, other: 2, gateway: 3 };

function compareStacks(a: string, b: string): number {
  return TIER_RANK[tierOf(a)] - TIER_RANK[tierOf(b)] || a.localeCompare(b, "en", { numeric: true });
}

/** Topological order of the stacks (Kahn), the ready ones taken by tier then name; throws on a cycle. */
export function orderStacks(dependencies: Readonly<Record<string, readonly string[]>>): string[] {
  const names = Object.keys(dependencies);
  const pending = new Map(names.map((name) => [name, new Set((dependencies[name] ?? []).filter((d) => d in dependencies))]));
  const ordered: string[] = [];
  while (pending.size > 0) {
    const ready = [...pending].filter(([, deps]) => deps.size === 0).map(([name]) => name).sort(compareStacks);
    if (ready.length === 0) throw new Error(`dependency cycle among stacks: ${[...pending.keys()].join(", ")}`);
    const next = ready[0];
    ordered.push(next);
    pending.delete(next);
    for (const deps of pending.values()) deps.delete(next);
  }
  return ordered;
}

/** The stacks in deploy order; only those named in `only` when it names any (names not synthesized are dropped). */
export function stacksInOrder(dependencies: Readonly<Record<string, readonly string[]>>, only: readonly string[] = []): string[] {
  const stacks = orderStacks(dependencies);
  return only.length > 0 ? stacks.filter((stack) => only.includes(stack)) : stacks;
}

export function readManifest(outdir: string): Record<string, readonly string[]> {
  const manifest = JSON.parse(readFileSync(join(outdir, "manifest.json"), "utf8")) as { stacks?: Record<string, ManifestStack> };
  const result: Record<string, readonly string[]> = {};
  for (const [name, stack] of Object.entries(manifest.stacks ?? {})) result[name] = stack.dependencies ?? [];
  return result;
}

