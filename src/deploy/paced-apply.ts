import { type BudgetWait, type Clock, count, minutes, pastDeadline, untilReset, utc, waitForBudget } from "./budget-wait";
import type { Budget } from "./dnsimple-budget";
import { hitRateLimit } from "./dnsimple-budget";
import { unapprovedChanges } from "./plan-changes";
import type { ProgressRecord } from "./progress-record";
import type { RolloutPlan } from "./rollout-plan";
import { StackFailure, type StackRunner } from "./stack-runner";

export { type Clock, SYSTEM_CLOCK } from "./budget-wait";

export interface PacedApplyOptions {
  readonly plan: RolloutPlan;
  /** The batches this job applies, 1-based, in order. */
  readonly batches: readonly number[];
  readonly runner: StackRunner;
  /** Each stack's dependencies (cdktf.out/manifest.json): a stack waits for those of its own batch. */
  readonly dependencies: Readonly<Record<string, readonly string[]>>;
  readonly readBudget: () => Promise<Budget>;
  readonly clock: Clock;
  readonly progress: ProgressRecord;
  /** Stacks applied at once within a batch (each its own terraform). */
  readonly parallelism: number;
  /** Tries of one stack, the first included, when DNSimple answers 429 or the plan went stale part-way. */
  readonly maxAttempts: number;
  /** Epoch ms after which no stack starts and no wait begins (the job's time is nearly up). */
  readonly deadline?: number;
  readonly log: (line: string) => void;
}

export interface PacedApplyResult {
  readonly applied: readonly string[];
  readonly failed: readonly { readonly stack: string; readonly reason: string }[];
  /** Set when the run stopped before the end (deadline or cancel): the batch to resume from. */
  readonly resumeFrom?: number;
}

/**
 * Applies a province's approved plans batch by batch (issue 17's rollout plan): before each batch it reads
 * DNSimple's budget and waits for the window when the batch does not fit; each stack is its own terraform, so one
 * failure never touches another; a stack that meets DNSimple's 429 waits for X-RateLimit-Reset, plans what is left
 * and applies it only when the approved plan contains it. A failed batch stops the batches after it; a stop
 * (deadline or cancel) names the batch to resume from.
 */
export async function pacedApply(options: PacedApplyOptions): Promise<PacedApplyResult> {
  const { plan, clock, log, progress, runner } = options;
  const applied: string[] = [];
  const failed: { stack: string; reason: string }[] = [];
  const total = plan.batches.length;
  const budgetLine = async () => {
    try {
      const budget = await options.readBudget();
      return `${count(budget.remaining)} requests left until ${utc(budget.resetAt)}`;
    } catch {
      return "DNSimple's budget unread";
    }
  };

  const wait: BudgetWait = { readBudget: options.readBudget, clock, log, deadline: options.deadline, isStopped: () => runner.isStopped };

  const applyStack = async (label: string, stack: string): Promise<string> => {
    const approved = runner.approved(stack);
    if (approved.changes.length === 0) return "no changes in the approved plan";
    await runner.init(stack);
    let planFile = runner.planFile(stack);
    for (let attempt = 1; ; attempt++) {
      const result = await runner.apply(stack, planFile);
      if (result.code === 0) return /Resources: [^.]*\./.exec(result.output)?.[0].replace(/\.$/, "") ?? "applied";
      if (runner.isStopped) throw new StackFailure(`stopped while applying (terraform ${result.signal ? `ended by ${result.signal}` : `exit ${result.code}`}); the resumed deploy plans what is left`, true);
      const limited = hitRateLimit(result.output);
      const stale = /Saved plan is stale/.test(result.output);
      if (!limited && !stale) throw new StackFailure(`terraform apply failed (exit ${result.code}): ${/Error: .*/.exec(result.output)?.[0] ?? "see the log above"}`);
      if (attempt >= options.maxAttempts) throw new StackFailure(`${limited ? "DNSimple's rate limit (HTTP 429)" : "a stale plan"} after ${attempt} attempts: resume later`);
      if (limited) {
        const budget = await options.readBudget();
        const waitMs = untilReset(budget, clock);
        if (pastDeadline(wait, waitMs)) throw new StackFailure(`DNSimple's rate limit (HTTP 429) until ${utc(budget.resetAt)}, after this job's time: resume in the next job`);
        log(`${label}: ${stack} met DNSimple's rate limit (HTTP 429): waiting until ${utc(budget.resetAt)} (${minutes(waitMs)}), then attempt ${attempt + 1} of ${options.maxAttempts}`);
        await clock.sleep(waitMs);
      } else {
        log(`${label}: ${stack}'s approved plan is stale (part of it was applied before): planning what is left, attempt ${attempt + 1} of ${options.maxAttempts}`);
      }
      // What is left of the approved changes, and nothing else: an apply that stopped part-way plans the rest.
      const fresh = await runner.plan(stack, `.attempt-${attempt + 1}`);
      if (fresh.exitCode !== 0 && fresh.exitCode !== 2) throw new StackFailure(`terraform plan failed (exit ${fresh.exitCode}) before attempt ${attempt + 1}`);
      if (fresh.changes.length === 0) return "applied (nothing left to change)";
      const unapproved = unapprovedChanges(approved.changes, fresh.changes);
      if (unapproved.length > 0) throw new StackFailure(`refused: the plan now makes changes nobody approved: ${unapproved.slice(0, 5).join("; ")}${unapproved.length > 5 ? ` and ${unapproved.length - 5} more` : ""}; plan again and review`);
      planFile = runner.planFile(stack, `.attempt-${attempt + 1}`);
    }
  };

  for (const number of options.batches) {
    const batch = plan.batches[number - 1];
    const label = `batch ${number}/${total}`;
    const todo = batch.stacks.filter((stack) => !progress.has(stack));
    if (todo.length === 0) {
      log(`${label}: every stack already applied (progress record)`);
      continue;
    }
    if (pastDeadline(wait) || runner.isStopped || !(await waitForBudget(wait, label, batch.dnsimpleRequests))) return { applied, failed, resumeFrom: number };

    const outcome = new Map<string, "ok" | "failed">();
    const interrupted: string[] = [];
    const inBatch = new Set(todo);
    const pending = [...todo];
    const active = new Map<string, Promise<void>>();
    let finished = 0;
    const start = (stack: string) => {
      const run = (async () => {
        try {
          const summary = await applyStack(label, stack);
          progress.markApplied(stack);
          applied.push(stack);
          outcome.set(stack, "ok");
          finished++;
          log(`${label}: ${stack} applied (${summary}; ${finished} of ${todo.length} in this batch), ${await budgetLine()}`);
        } catch (error) {
          if (!(error instanceof StackFailure)) throw error;
          if (error.interrupted || runner.isStopped) {
            interrupted.push(stack);
            log(`${label}: ${stack} interrupted: ${error.message}`);
            return;
          }
          outcome.set(stack, "failed");
          failed.push({ stack, reason: error.message });
          finished++;
          log(`${label}: ${stack} FAILED: ${error.message} (the other stacks go on)`);
        }
      })();
      active.set(stack, run.finally(() => active.delete(stack)));
    };
    while (pending.length > 0 || active.size > 0) {
      for (const stack of [...pending]) {
        const waitsFor = (options.dependencies[stack] ?? []).filter((dependency) => inBatch.has(dependency));
        const blocked = waitsFor.find((dependency) => outcome.get(dependency) === "failed");
        if (blocked) {
          pending.splice(pending.indexOf(stack), 1);
          outcome.set(stack, "failed");
          failed.push({ stack, reason: `not applied: it depends on ${blocked}, which failed` });
          log(`${label}: ${stack} not applied: it depends on ${blocked}, which failed`);
          continue;
        }
        if (active.size >= options.parallelism || runner.isStopped || pastDeadline(wait) || !waitsFor.every((dependency) => outcome.get(dependency) === "ok")) continue;
        pending.splice(pending.indexOf(stack), 1);
        start(stack);
      }
      if (active.size === 0) break;
      await Promise.race(active.values());
    }
    const notStarted = pending.length + interrupted.length;
    if (failed.length > 0) {
      log(`${label}: ${failed.length} stack${failed.length === 1 ? "" : "s"} not applied (${failed.map((failure) => failure.stack).join(", ")}); the later batches are not started`);
      return { applied, failed, resumeFrom: number };
    }
    if (notStarted > 0) {
      log(`${label}: stopping with ${notStarted} stack${notStarted === 1 ? "" : "s"} not applied (this job's time is up, or it was cancelled)`);
      return { applied, failed, resumeFrom: number };
    }
    log(`${label} done: ${todo.length} stack${todo.length === 1 ? "" : "s"} applied`);
  }
  return { applied, failed };
}
