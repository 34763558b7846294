import { mkdirSync } from "node:fs";
import { readBudget } from "../src/deploy/dnsimple-budget";
import { type Clock, pacedApply } from "../src/deploy/paced-apply";
import { type PlannedChange, unapprovedChanges } from "../src/deploy/plan-changes";
import { ProgressRecord } from "../src/deploy/progress-record";
import type { RolloutPlan } from "../src/deploy/rollout-plan";
import { StackRunner } from "../src/deploy/stack-runner";
import { BUCKET_CHANGE, dnsimpleApi, standIn, type StandIn, type StandInStack } from "./support/stand-in-terraform";

/**
 * Pacing against DNSimple's published responses (__tests__/fixtures/dnsimple/SOURCES.md): the whoami answer with
 * X-RateLimit-Limit 4000, Remaining 3991, Reset 1450451976 (15:19:36 UTC), and the 429 example with Remaining 0
 * and Reset 1449836141 (12:15:41 UTC), served by a local server; a stand-in terraform; a clock that records the
 * waits instead of waiting.
 */
const RESET_429 = 1449836141_000;

function fakeClock(start: number): Clock & { slept: number[] } {
  let now = start;
  const slept: number[] = [];
  return {
    slept,
    now: () => now,
    sleep: async (ms) => {
      slept.push(ms);
      now += ms;
    },
  };
}

async function pace(stacks: readonly StandInStack[], fixtures: readonly string[], batches: RolloutPlan["batches"], clock: Clock) {
  const work = standIn(stacks);
  const api = await dnsimpleApi(fixtures);
  const lines: string[] = [];
  const runner = new StackRunner({ outdir: work.outdir, plansDir: work.plans, env: { ...process.env, PATH: work.path }, lockTimeout: "10m", refresh: true, log: () => {} });
  mkdirSync(work.plans, { recursive: true });
  for (const { name } of stacks) {
    await runner.init(name);
    runner.record(await runner.plan(name));
  }
  try {
    const result = await pacedApply({
      plan: { hourlyLimit: 2400, batches },
      batches: batches.map((_, index) => index + 1),
      runner,
      dependencies: {},
      readBudget: () => readBudget(api.base, "test-token"),
      clock,
      progress: new ProgressRecord(`${work.plans}/progress`, "batch-1"),
      parallelism: 1,
      maxAttempts: 3,
      log: (line) => lines.push(line),
    });
    return { result, lines, work };
  } finally {
    await api.close();
  }
}

const batch = (stacks: string[], dnsimpleRequests: number) => ({ stacks, dnsimpleRequests, googleWrites: 0, earliestStartHours: 0 });

describe("paced by DNSimple's rate-limit headers", () => {
  let work: StandIn | undefined;
  afterEach(() => work?.remove());

  it("a batch that does not fit waits for X-RateLimit-Reset (plus 5 s), then starts", async () => {
    const clock = fakeClock(RESET_429 - 30 * 60_000);
    const run = await pace([{ name: "p-communes-1" }], ["rate-limited.http", "whoami-success.http"], [batch(["p-communes-1"], 1800)], clock);
    work = run.work;
    expect(clock.slept).toEqual([30 * 60_000 + 5_000]);
    expect(run.lines).toEqual([
      "batch 1/1: needs ~1,800 DNSimple requests, 0 of 2,400 left: waiting until 12:15 UTC (30 min)",
      "batch 1/1: ~1,800 DNSimple requests planned, 3,991 of 4,000 left until 15:19 UTC: starting",
      "batch 1/1: p-communes-1 applied (Resources: 1 added, 0 changed, 0 destroyed; 1 of 1 in this batch), 3,991 requests left until 15:19 UTC",
      "batch 1/1 done: 1 stack applied",
    ]);
    expect(run.result).toEqual({ applied: ["p-communes-1"], failed: [] });
  });

  it("a 429 during an apply is not fatal: it waits for the reset, plans what is left, and applies it", async () => {
    const clock = fakeClock(RESET_429 - 10 * 60_000);
    // After the 429, what is left of the approved plan: the bucket, its id now known.
    const rest = [{ ...BUCKET_CHANGE, after: { ...BUCKET_CHANGE.after, id: "thu-prod-portal-00001" }, after_unknown: {} }];
    const run = await pace([{ name: "p-communes-1", apply: ["429", "ok"], retryChanges: rest }], ["whoami-success.http", "rate-limited.http", "whoami-success.http"], [batch(["p-communes-1"], 100)], clock);
    work = run.work;
    expect(clock.slept).toEqual([10 * 60_000 + 5_000]);
    expect(run.lines).toEqual([
      "batch 1/1: ~100 DNSimple requests planned, 3,991 of 4,000 left until 15:19 UTC: starting",
      "batch 1/1: p-communes-1 met DNSimple's rate limit (HTTP 429): waiting until 12:15 UTC (10 min), then attempt 2 of 3",
      "batch 1/1: p-communes-1 applied (Resources: 1 added, 0 changed, 0 destroyed; 1 of 1 in this batch), 3,991 requests left until 15:19 UTC",
      "batch 1/1 done: 1 stack applied",
    ]);
    const planFile = `${work.plans}/p-communes-1.attempt-2.tfplan`;
    expect(work.calls("p-communes-1").filter((line) => /^(plan|apply)/.test(line)).map((line) => line.replace(work!.plans, "PLANS"))).toEqual([
      "plan -input=false -no-color -lock-timeout=10m -detailed-exitcode -out=PLANS/p-communes-1.tfplan",
      "apply -input=false -no-color -lock-timeout=10m PLANS/p-communes-1.tfplan",
      "plan -input=false -no-color -lock-timeout=10m -detailed-exitcode -out=PLANS/p-communes-1.attempt-2.tfplan",
      `apply -input=false -no-color -lock-timeout=10m ${planFile.replace(work.plans, "PLANS")}`,
    ]);
  });

  it("a stack planned again after a stale plan is refused when it would change what nobody approved", async () => {
    const replace = [{ ...BUCKET_CHANGE, actions: ["delete", "create"] }];
    const run = await pace([{ name: "p-communes-1", apply: ["stale"], retryChanges: replace }, { name: "p-communes-2" }], ["whoami-success.http"], [batch(["p-communes-1", "p-communes-2"], 100)], fakeClock(RESET_429));
    work = run.work;
    expect(run.result.failed).toEqual([{ stack: "p-communes-1", reason: "refused: the plan now makes changes nobody approved: google_storage_bucket.portal (delete, create); plan again and review" }]);
    // The other stack of the batch is applied all the same; nothing was slept.
    expect(run.result.applied).toEqual(["p-communes-2"]);
    expect(run.lines[1]).toBe("batch 1/1: p-communes-1's approved plan is stale (part of it was applied before): planning what is left, attempt 2 of 3");
  });

  it("gives up after the bounded attempts and names why", async () => {
    const run = await pace([{ name: "p-communes-1", apply: ["429"] }], ["whoami-success.http"], [batch(["p-communes-1"], 100)], fakeClock(RESET_429));
    work = run.work;
    expect(run.result).toEqual({ applied: [], failed: [{ stack: "p-communes-1", reason: "DNSimple's rate limit (HTTP 429) after 3 attempts: resume later" }], resumeFrom: 1 });
  });

  it("reads a 429 answer to whoami as no budget until its reset", async () => {
    const api = await dnsimpleApi(["rate-limited.http"]);
    try {
      expect(await readBudget(api.base, "t")).toEqual({ limit: 2400, remaining: 0, resetAt: RESET_429 });
    } finally {
      await api.close();
    }
  });
});

describe("what an approved plan covers", () => {
  const approved: PlannedChange[] = [{ address: "a.b", actions: ["create"], after: { name: "x", id: null }, afterUnknown: { id: true } }];
  it("accepts the same change with a value that was unknown now known, and refuses a changed known value or another action", () => {
    expect(unapprovedChanges(approved, [{ address: "a.b", actions: ["create"], after: { name: "x", id: "123" }, afterUnknown: {} }])).toEqual([]);
    expect(unapprovedChanges(approved, [{ address: "a.b", actions: ["create"], after: { name: "y", id: null }, afterUnknown: { id: true } }])).toEqual(["a.b (create)"]);
    expect(unapprovedChanges(approved, [{ address: "a.c", actions: ["create"], after: {}, afterUnknown: {} }])).toEqual(["a.c (create)"]);
  });
});
