import type { Province } from "../model/province";
import { shardOf } from "../model/shards";
import type { Decision } from "./decision";

/**
 * Resources per unit, measured on Lâm Đồng's synth (a least-squares fit over its stacks: 36 per commune, 28 per
 * old unit or district), a commune rounded up to a takeover's 40; and what a stack may hold by that estimate,
 * so that the real count stays well under the 1,000 that keep a plan fast and a shard's first deploy within
 * DNSimple's hourly API limit.
 */
export const COMMUNE_RESOURCES = 40;
export const RETIRED_RESOURCES = 28;
export const STACK_BUDGET = 800;

/**
 * stacks.communeShards for a province, from its model. A commune's shard is a hash of its code and its old units
 * share their successor's stack (src/model/shards.ts, src/app/build-app.ts), so the estimate is per actual shard:
 * the fewest shards whose every stack stays within the budget. Units that hash together can need many more
 * shards than the average would.
 */
export function sizeShards(province: Province, decisions: Decision[]): number {
  const weight = new Map(province.communes.map((commune) => [commune.code, COMMUNE_RESOURCES]));
  for (const unit of province.retired) weight.set(unit.successor, weight.get(unit.successor)! + RETIRED_RESOURCES);
  const total = [...weight.values()].reduce((sum, value) => sum + value, 0);
  let shards = Math.max(1, Math.ceil(total / STACK_BUDGET));
  for (; ; shards++) {
    const load = new Map<number, number>();
    for (const [code, resources] of weight) load.set(shardOf(code, shards), (load.get(shardOf(code, shards)) ?? 0) + resources);
    if (Math.max(...load.values()) <= STACK_BUDGET) break;
  }
  decisions.push({
    kind: "shards",
    subject: province.settings.province,
    where: "settings.yaml stacks",
    value: `communeShards: ${shards}`,
    reason: `${province.communes.length} communes (about ${COMMUNE_RESOURCES} resources each) with their ${province.retired.length} old units and districts (about ${RETIRED_RESOURCES} each), at most ${STACK_BUDGET} per stack`,
  });
  return shards;
}
