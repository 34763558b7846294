import { BUCKET_CREATIONS_PER_SECOND, CERTIFICATE_QUOTAS } from "../model/cloud-limits";
import type { StackLoad } from "./stack-load";

/**
 * One batch of a first deploy: stacks applied together (none depends on another), after every earlier batch.
 * The JSON of `npm run rollout-plan -- --json` is exactly these fields (README, Runbook → First deploy).
 */
export interface RolloutBatch {
  /** Stack names, in name order. */
  readonly stacks: readonly string[];
  /** DNSimple API requests of their first apply (creates). At most the hourly limit, unless one stack alone exceeds it. */
  readonly dnsimpleRequests: number;
  /** DNSimple requests a refresh of these stacks makes once they exist: the most a rerun spends before creating. */
  readonly dnsimpleRefreshRequests: number;
  /** Google Cloud create calls of their first apply. */
  readonly googleWrites: number;
  /** The least minutes Google's rates allow for them (Certificate Manager writes, bucket creations). */
  readonly googleMinutes: number;
  /** Hours after the first batch's start at which this one may start at the earliest. */
  readonly earliestStartHours: number;
  /** The least hours from its start until the next batch may start (Google's rates; the windows it waits through). */
  readonly hours: number;
  /** Its stacks carry the stand-in gateway addresses: they apply only once the platform's are in the settings. */
  readonly waitsForGatewayAddresses: boolean;
}

export interface RolloutPlan {
  /** DNSimple API requests an hour (settings dnsimple.hourlyRequestLimit). */
  readonly hourlyLimit: number;
  readonly batches: readonly RolloutBatch[];
}

/** Hours as the JSON gives them: two decimals, rounded up so that no wait is shortened. */
const roundUp = (hours: number) => Math.max(0, Math.ceil(hours * 100 - 1e-9) / 100);

/** The least minutes Google's per-project rates allow for these stacks' writes. */
function googleMinutes(loads: readonly StackLoad[]): number {
  const certificateWrites = loads.reduce((sum, load) => sum + load.google.certificateManagerWrites, 0);
  const buckets = loads.reduce((sum, load) => sum + load.google.bucketCreations, 0);
  return Math.max(certificateWrites / CERTIFICATE_QUOTAS.writesPerMinute, buckets / (BUCKET_CREATIONS_PER_SECOND * 60));
}

/** The stacks by dependency level: those that depend on nothing first, each stack one level past its last dependency. */
function levels(names: readonly string[], dependencies: Readonly<Record<string, readonly string[]>>): string[][] {
  const level = new Map<string, number>();
  const levelOf = (name: string, trail: readonly string[]): number => {
    if (trail.includes(name)) throw new Error(`dependency cycle among stacks: ${[...trail, name].join(" → ")}`);
    const known = level.get(name);
    if (known !== undefined) return known;
    const deps = (dependencies[name] ?? []).filter((dependency) => names.includes(dependency));
    const own = deps.length === 0 ? 0 : 1 + Math.max(...deps.map((dependency) => levelOf(dependency, [...trail, name])));
    level.set(name, own);
    return own;
  };
  const byLevel: string[][] = [];
  for (const name of names) (byLevel[levelOf(name, [])] ??= []).push(name);
  return byLevel.filter(Boolean);
}

const byName = (a: string, b: string) => a.localeCompare(b, "en", { numeric: true });

/**
 * Orders every stack exactly once into batches of a first deploy. Dependency levels come one after the other
 * (the platform, then the shards, then the gateway). Within a level, a stack whose requests alone exceed the hour
 * gets a batch of its own, first, spanning several windows (the deploy waits on 429s); the others are packed
 * largest first (first fit decreasing) into what the account's current window has left, else into a new window.
 *
 * Time follows DNSimple's rate limit as documented (developer.dnsimple.com/v2/#rate-limiting: a window resets an
 * hour after its first request, X-RateLimit-Reset): a batch starts when the previous one is done and, if it makes
 * requests, when the current window has room for all of them — else when that window resets. Google's rates give
 * a batch its least duration (googleMinutes); how long Terraform takes beyond that is not known, so the times are
 * earliest times.
 */
export function planRollout(loads: readonly StackLoad[], dependencies: Readonly<Record<string, readonly string[]>>, hourlyLimit: number): RolloutPlan {
  const byStack = new Map(loads.map((load) => [load.stack, load]));
  const batches: RolloutBatch[] = [];
  let clock = 0;
  let window = { opened: Number.NEGATIVE_INFINITY, used: 0 };

  for (const level of levels([...byStack.keys()].sort(byName), dependencies)) {
    let pending = level.map((name) => byStack.get(name)!).sort((a, b) => b.dnsimpleRequests - a.dnsimpleRequests || byName(a.stack, b.stack));
    while (pending.length > 0) {
      const open = clock < window.opened + 1;
      const room = open ? hourlyLimit - window.used : 0;
      const fit = (capacity: number) => {
        const picked: StackLoad[] = [];
        let sum = 0;
        for (const load of pending) {
          if (sum + load.dnsimpleRequests > capacity) continue;
          picked.push(load);
          sum += load.dnsimpleRequests;
        }
        return picked;
      };
      // A stack over the limit goes alone, first; the others fill what the open window has left, else a new one.
      const over = pending[0].dnsimpleRequests > hourlyLimit;
      const shared = over ? [] : fit(room);
      const picked = over ? [pending[0]] : shared.length > 0 ? shared : fit(hourlyLimit);
      pending = pending.filter((load) => !picked.includes(load));

      const requests = picked.reduce((sum, load) => sum + load.dnsimpleRequests, 0);
      const minutes = googleMinutes(picked);
      let start = clock;
      // How long the batch waits on its own requests: the hours until the last window it needs opens.
      let waits = 0;
      if (over) {
        // It spends what the open window has left, then whole windows, each opening as the previous resets.
        const opened = open ? window.opened : clock - 1;
        const rest = requests - room;
        const more = Math.ceil(rest / hourlyLimit);
        window = { opened: opened + more, used: rest - (more - 1) * hourlyLimit };
        waits = window.opened - start;
      } else if (requests > 0 && shared.length > 0) {
        window = { opened: window.opened, used: window.used + requests };
      } else if (requests > 0) {
        start = open ? window.opened + 1 : clock;
        window = { opened: start, used: requests };
      }
      const hours = Math.max(minutes / 60, waits);
      batches.push({
        stacks: picked.map((load) => load.stack).sort(byName),
        dnsimpleRequests: requests,
        dnsimpleRefreshRequests: picked.reduce((sum, load) => sum + load.dnsimpleRefreshRequests, 0),
        googleWrites: picked.reduce((sum, load) => sum + load.google.writes, 0),
        googleMinutes: roundUp(minutes),
        earliestStartHours: roundUp(start),
        hours: roundUp(hours),
        waitsForGatewayAddresses: picked.some((load) => load.standIns),
      });
      clock = start + hours;
    }
  }
  return { hourlyLimit, batches };
}

/** The least hours the whole rollout takes: the last batch's start and duration. */
export function totalHours(plan: RolloutPlan): number {
  const last = plan.batches.at(-1);
  return last ? roundUp(last.earliestStartHours + last.hours) : 0;
}
