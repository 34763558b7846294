import type { Budget } from "./dnsimple-budget";

/** The clock the pacing reads and sleeps on; tests inject one that does not wait. */
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const SYSTEM_CLOCK: Clock = { now: () => Date.now(), sleep: (ms) => new Promise((done) => setTimeout(done, ms)) };

/** What waiting for DNSimple's budget needs: the budget, a clock, where to say so, and when to give up. */
export interface BudgetWait {
  readonly readBudget: () => Promise<Budget>;
  readonly clock: Clock;
  readonly log: (line: string) => void;
  /** Epoch ms after which no wait begins (the job's time is nearly up). */
  readonly deadline?: number;
  /** A stop (cancel) was asked for: no wait begins. */
  readonly isStopped: () => boolean;
}

/** After the reset DNSimple names, a few seconds more: the server's window and this clock are not one clock. */
export const RESET_MARGIN_MS = 5_000;

export const count = (value: number) => value.toLocaleString("en-US");
export const utc = (epochMs: number) => `${new Date(epochMs).toISOString().slice(11, 16)} UTC`;
export const minutes = (ms: number) => `${Math.max(1, Math.round(ms / 60_000))} min`;

/** How long until the window DNSimple names resets (with the margin). */
export const untilReset = (budget: Budget, clock: Clock) => Math.max(1_000, budget.resetAt + RESET_MARGIN_MS - clock.now());

/** Whether a wait of `waitMs` from now would run past the deadline. */
export const pastDeadline = (wait: BudgetWait, waitMs = 0) => wait.deadline !== undefined && wait.clock.now() + waitMs > wait.deadline;

/**
 * Waits until DNSimple's budget fits `need` requests (developer.dnsimple.com/v2/#rate-limiting: the window resets
 * at X-RateLimit-Reset); false when the deadline or a stop comes first. A need over the whole hour starts after one
 * reset: it cannot fit any window.
 */
export async function waitForBudget(wait: BudgetWait, label: string, need: number): Promise<boolean> {
  for (let waited = 0; ; waited++) {
    const budget = await wait.readBudget();
    if (need <= budget.remaining || (waited > 0 && need > budget.limit)) {
      const over = need > budget.limit ? ` (more than the hour's ${count(budget.limit)}: the rollout plan should split it)` : "";
      wait.log(`${label}: ~${count(need)} DNSimple requests planned${over}, ${count(budget.remaining)} of ${count(budget.limit)} left until ${utc(budget.resetAt)}: starting`);
      return true;
    }
    const waitMs = untilReset(budget, wait.clock);
    if (pastDeadline(wait, waitMs) || wait.isStopped()) {
      wait.log(`${label}: needs ~${count(need)} DNSimple requests, ${count(budget.remaining)} left until ${utc(budget.resetAt)}, and this job's time ends first: not waiting`);
      return false;
    }
    wait.log(`${label}: needs ~${count(need)} DNSimple requests, ${count(budget.remaining)} of ${count(budget.limit)} left: waiting until ${utc(budget.resetAt)} (${minutes(waitMs)})`);
    await wait.clock.sleep(waitMs);
  }
}
