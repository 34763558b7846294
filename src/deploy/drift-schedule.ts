import { createHash } from "node:crypto";

/**
 * When the drift check (drift.yml) refreshes which stacks of production, so that it fits DNSimple's hourly budget
 * with room for deploys. DNSimple allows an account 2,400 requests an hour (developer.dnsimple.com/v2/#rate-limiting),
 * shared by every province, staging and production; a refresh of the whole country is ~77,000 requests, more than
 * the account's day, and Thanh Hóa alone is 4,231, more than its hour.
 *
 * - Each province's stacks are packed into slots of at most DRIFT_SHARE of the hour's requests (first fit
 *   decreasing on each stack's refresh requests; a stack alone over the share gets a slot of its own).
 * - The slots are spread over the week (DRIFT_PERIOD_HOURS, hour 0 = Monday 00:00 UTC), at most DRIFT_SHARE of the
 *   hour's requests in any hour: 168 × 1,200 = 201,600 requests a week for drift, against the country's ~77,000.
 *   A day (24 × 1,200 = 28,800) could not hold it; a week leaves room for provinces to grow and for packing loss.
 * - Each province has a preferred hour, a stable hash of its folder name (sha256, modulo the period); provinces are
 *   placed in order of that hour (then name), each slot in the first hour from there (the previous slot's next hour
 *   for the later slots) with room for it. A province's hours so depend only on the provinces placed before it:
 *   adding one moves only those after it whose hours it takes, never one it does not meet; removing one frees its
 *   hours. Name order instead would move every province after the new one.
 */

/**
 * The drift's share of each hour's requests: half. Deploys keep the other half — a deploy batch is packed up to
 * the whole hour (npm run rollout-plan), so with drift at most half it waits at most one window reset; and a DNSimple
 * window runs an hour from its first request, not a clock hour, so one window can hold the end of one slot and the
 * start of the next: even then drift alone stays within the hour's limit.
 */
export const DRIFT_SHARE = 0.5;

/** A week, in hours: hour 0 is Monday 00:00 UTC (date -u +%u, +%H in the workflow). */
export const DRIFT_PERIOD_HOURS = 7 * 24;

/** One stack's requests on a refresh (StackLoad.dnsimpleRefreshRequests). */
export interface StackRefresh {
  readonly stack: string;
  readonly dnsimpleRefreshRequests: number;
}

/** Some stacks of one province, refreshed together in one hour. */
export interface DriftSlot {
  readonly province: string;
  /** 1-based, within the province. */
  readonly slot: number;
  /** How many slots the province has. */
  readonly of: number;
  /** Hour of the period: 0 is Monday 00:00 UTC. */
  readonly hour: number;
  /** Stack names, in name order. */
  readonly stacks: readonly string[];
  readonly requests: number;
}

/** The JSON of `npm run rollout-plan -- --drift --json`; drift.yml picks the hour's slots from it. */
export interface DriftSchedule {
  /** DNSimple's hourly limit (settings dnsimple.hourlyRequestLimit). */
  readonly hourlyLimit: number;
  /** The most requests drift makes in one hour: DRIFT_SHARE of the limit. */
  readonly hourlyBudget: number;
  readonly periodHours: number;
  /** Every stack of every province exactly once, by hour then province. */
  readonly slots: readonly DriftSlot[];
}

/** A schedule that cannot be made: the period has no hour left for a slot. */
export class DriftScheduleError extends Error {}

const byName = (a: string, b: string) => a.localeCompare(b, "en", { numeric: true });

/** The most requests drift makes in one hour of an account with this hourly limit. */
export const driftBudget = (hourlyLimit: number): number => Math.floor(hourlyLimit * DRIFT_SHARE);

/** A province's stacks in slots of at most `budget` requests, largest first (first fit decreasing). */
export function packSlots(stacks: readonly StackRefresh[], budget: number): { stacks: string[]; requests: number }[] {
  const slots: { stacks: string[]; requests: number }[] = [];
  const sorted = [...stacks].sort((a, b) => b.dnsimpleRefreshRequests - a.dnsimpleRefreshRequests || byName(a.stack, b.stack));
  for (const { stack, dnsimpleRefreshRequests: requests } of sorted) {
    const slot = slots.find((candidate) => candidate.requests + requests <= budget);
    if (slot) {
      slot.stacks.push(stack);
      slot.requests += requests;
    } else slots.push({ stacks: [stack], requests });
  }
  return slots.map((slot) => ({ stacks: slot.stacks.sort(byName), requests: slot.requests }));
}

/** The province's preferred hour: a stable hash of its folder name, so that it does not depend on the others. */
export function preferredHour(province: string, periodHours = DRIFT_PERIOD_HOURS): number {
  return Number.parseInt(createHash("sha256").update(province).digest("hex").slice(0, 8), 16) % periodHours;
}

/** The drift schedule of these provinces (folder name → its stacks' refresh requests). */
export function driftSchedule(provinces: ReadonlyMap<string, readonly StackRefresh[]>, hourlyLimit: number, periodHours = DRIFT_PERIOD_HOURS): DriftSchedule {
  const budget = driftBudget(hourlyLimit);
  const used = new Array<number>(periodHours).fill(0);
  const order = [...provinces.keys()].sort((a, b) => preferredHour(a, periodHours) - preferredHour(b, periodHours) || byName(a, b));
  const slots: DriftSlot[] = [];
  for (const province of order) {
    const packed = packSlots(provinces.get(province)!, budget);
    let from = preferredHour(province, periodHours);
    packed.forEach((slot, index) => {
      // The first hour from `from` with room; a slot over the budget (one stack alone) needs an empty hour.
      const offset = Array.from({ length: periodHours }, (_, step) => step).find((step) => {
        const hour = (from + step) % periodHours;
        return used[hour] === 0 || used[hour] + slot.requests <= budget;
      });
      if (offset === undefined) {
        throw new DriftScheduleError(`the drift check does not fit ${periodHours} hours at ${budget} DNSimple requests an hour: no hour left for ${province}'s slot ${index + 1} (${slot.requests} requests)`);
      }
      const hour = (from + offset) % periodHours;
      used[hour] += slot.requests;
      slots.push({ province, slot: index + 1, of: packed.length, hour, stacks: slot.stacks, requests: slot.requests });
      from = hour + 1;
    });
  }
  slots.sort((a, b) => a.hour - b.hour || byName(a.province, b.province) || a.slot - b.slot);
  return { hourlyLimit, hourlyBudget: budget, periodHours, slots };
}

const DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/** "Tue 03": the day and UTC hour an hour of the week starts (the workflow runs at :17 of it). */
export function hourLabel(hour: number): string {
  return `${DAYS[Math.floor(hour / 24) % 7]} ${String(hour % 24).padStart(2, "0")}`;
}
