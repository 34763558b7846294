/**
 * `npm run deploy`'s command (scripts/deploy-stacks.ts documents it): its options, usage errors and exit codes, with
 * the environment, the output and the signals given to it, so that it runs the same in its own process and in a
 * test's.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { type BudgetWait, minutes, untilReset, utc, waitForBudget } from "../deploy/budget-wait";
import { DNSIMPLE_API, hitRateLimit, readBudget } from "../deploy/dnsimple-budget";
import { type Clock, pacedApply, SYSTEM_CLOCK } from "../deploy/paced-apply";
import { ProgressRecord } from "../deploy/progress-record";
import { parseRolloutPlan, RolloutPlanError } from "../deploy/rollout-plan";
import { readManifest, stacksInOrder } from "../deploy/stack-order";
import { StackRunner } from "../deploy/stack-runner";
import { lockCheck } from "../deploy/provider-lock";
import { type CommandIo, commandArgs, failureExit, UsageError } from "../runtime/command-io";

export const USAGE = `usage: npm run deploy -- plan  --plans DIR [--outdir cdktf.out] [--stacks a,b] [--no-refresh] [--no-lock] [--lock-file F] [--commit SHA]
                               [--wait-for-budget N] [--attempts 3] [--dnsimple-api URL]
       npm run deploy -- apply --plans DIR --rollout FILE --batch N[-M] [--progress DIR] [--parallelism 2] [--attempts 3]
                               [--stop-after MIN] [--grace MIN] [--dnsimple-api URL] [--lock-file F] [--commit SHA]
       npm run deploy -- lock-check --lock-file F [--outdir cdktf.out]
`;

/**
 * What the command reads and writes besides its arguments (env: DNSIMPLE_TOKEN, DNSIMPLE_API and terraform's
 * environment; stderr: progress, problems and usage), and what it waits on: the script gives it the process's.
 */
export interface DeployIo extends CommandIo {
  /** What the pacing waits on (default the system's). */
  readonly clock?: Clock;
  /** Makes SIGINT and SIGTERM call `stop` (an apply's; the script's process listens until it exits). */
  readonly onSignal?: (stop: (signal: "SIGINT" | "SIGTERM") => void) => void;
}

/**
 * Runs one deploy command; resolves to its exit code (0 done, 1 a stack or the check failed, 2 usage, 3 stopped).
 * A usage error prints the usage; a rollout plan that is not one prints each problem, without a stack trace.
 */
export async function runDeploy(argv: readonly string[], io: DeployIo): Promise<number> {
  try {
    return await deploy(argv, io);
  } catch (error) {
    if (!(error instanceof RolloutPlanError)) return failureExit(error, io, { usage: USAGE });
    io.stderr(`${error.message}\n`);
    return 1;
  }
}

function positive(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0) throw new UsageError(`--${name} ${value}: a positive number`);
  return number;
}

function nonNegative(value: string, name: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0) throw new UsageError(`--${name} ${value}: a whole number of requests`);
  return number;
}

/** The plan's pacing: DNSimple's budget read with the environment's token. */
function budgetWait(io: Required<Pick<DeployIo, "env" | "clock">> & { say: (line: string) => void }, api: string, need: number, runner: StackRunner): { wait: BudgetWait; need: number } {
  const token = io.env.DNSIMPLE_TOKEN;
  if (!token) throw new UsageError("--wait-for-budget needs DNSIMPLE_TOKEN in the environment (the environment's DNSimple account)");
  return { wait: { readBudget: () => readBudget(api, token), clock: io.clock, log: io.say, isStopped: () => runner.isStopped }, need };
}

function batchRange(value: string | undefined, total: number): number[] {
  const match = /^(\d+)(?:-(\d+))?$/.exec(value ?? "");
  const first = Number(match?.[1]);
  const last = match?.[2] === undefined ? first : Number(match[2]);
  if (!match || first < 1 || last < first || last > total) throw new UsageError(`--batch ${value ?? "(missing)"}: a batch number or range within 1-${total}`);
  return Array.from({ length: last - first + 1 }, (_, index) => first + index);
}

function options(argv: readonly string[], env: NodeJS.ProcessEnv) {
  return commandArgs({
    args: [...argv],
    strict: true,
    allowPositionals: true,
    options: {
      plans: { type: "string" },
      outdir: { type: "string", default: "cdktf.out" },
      stacks: { type: "string" },
      "no-refresh": { type: "boolean", default: false },
      "no-lock": { type: "boolean", default: false },
      "wait-for-budget": { type: "string" },
      "lock-file": { type: "string" },
      "lock-timeout": { type: "string", default: "10m" },
      commit: { type: "string" },
      rollout: { type: "string" },
      batch: { type: "string" },
      progress: { type: "string" },
      parallelism: { type: "string" },
      attempts: { type: "string" },
      "stop-after": { type: "string" },
      grace: { type: "string" },
      "dnsimple-api": { type: "string", default: env.DNSIMPLE_API ?? DNSIMPLE_API },
    },
  });
}

async function deploy(argv: readonly string[], io: DeployIo): Promise<number> {
  const { env } = io;
  const clock = io.clock ?? SYSTEM_CLOCK;
  const say = (line: string) => io.stderr(`${line}\n`);
  const { values, positionals } = options(argv, env);
  const command = positionals[0];
  const outdir = resolve(values.outdir);
  if (command === "lock-check") {
    if (!values["lock-file"]) throw new UsageError("lock-check needs --lock-file");
    return lockCheck(outdir, resolve(values["lock-file"]), say, env);
  }
  if ((command !== "plan" && command !== "apply") || !values.plans) throw new UsageError(command ? `${command}: needs --plans DIR` : "no command");
  const plansDir = resolve(values.plans);
  const lockFile = values["lock-file"] ? resolve(values["lock-file"]) : undefined;
  if (lockFile && !existsSync(lockFile)) throw new UsageError(`--lock-file ${values["lock-file"]}: no such file (npm run deploy -- lock-check writes one to commit)`);
  const dependencies = readManifest(outdir);
  const runner = new StackRunner({ outdir, plansDir, env, lockTimeout: values["lock-timeout"], lockFile, refresh: !values["no-refresh"], lock: !values["no-lock"], log: say });

  if (command === "plan") {
    mkdirSync(plansDir, { recursive: true });
    const named = values.stacks ? values.stacks.split(",").filter(Boolean) : [];
    const stacks = stacksInOrder(dependencies, named);
    const pacing = values["wait-for-budget"] === undefined ? undefined : budgetWait({ env, clock, say }, values["dnsimple-api"], nonNegative(values["wait-for-budget"], "wait-for-budget"), runner);
    const attempts = positive(values.attempts, "attempts", 3);
    if (pacing) await waitForBudget(pacing.wait, "plan", pacing.need);
    let failures = 0;
    for (const [index, stack] of stacks.entries()) {
      say(`plan ${index + 1}/${stacks.length}: ${stack}`);
      try {
        await runner.init(stack);
        let plan = await runner.plan(stack);
        // A refresh that met DNSimple's 429 (the provider does not retry): plan it again once the window resets.
        for (let attempt = 1; pacing && plan.exitCode !== 0 && plan.exitCode !== 2 && hitRateLimit(plan.text) && attempt < attempts; attempt++) {
          const budget = await pacing.wait.readBudget();
          const waitMs = untilReset(budget, pacing.wait.clock);
          say(`plan ${index + 1}/${stacks.length}: ${stack} met DNSimple's rate limit (HTTP 429): waiting until ${utc(budget.resetAt)} (${minutes(waitMs)}), then attempt ${attempt + 1} of ${attempts}`);
          await pacing.wait.clock.sleep(waitMs);
          plan = await runner.plan(stack);
        }
        runner.record(plan);
        if (plan.exitCode !== 0 && plan.exitCode !== 2) failures++;
        say(`plan ${index + 1}/${stacks.length}: ${stack}: ${plan.exitCode === 0 || plan.exitCode === 2 ? `${plan.changes.length} resource change${plan.changes.length === 1 ? "" : "s"}` : "FAILED"}`);
      } catch (error) {
        failures++;
        writeFileSync(join(plansDir, `${stack}.exit`), "1\n");
        writeFileSync(join(plansDir, `${stack}.txt`), `${(error as Error).message}\n`);
        say(`plan ${index + 1}/${stacks.length}: ${stack}: FAILED: ${(error as Error).message}`);
      }
    }
    writeFileSync(join(plansDir, "approved.json"), `${JSON.stringify({ commit: values.commit ?? "", stacks }, null, 2)}\n`);
    say(`planned ${stacks.length - failures} of ${stacks.length} stacks into ${plansDir}`);
    return failures > 0 ? 1 : 0;
  }

  if (!values.rollout) throw new UsageError("apply needs --rollout FILE (npm run --silent rollout-plan -- --json > FILE)");
  const plan = parseRolloutPlan(readFileSync(values.rollout, "utf8"), values.rollout);
  const batches = batchRange(values.batch, plan.batches.length);
  const approvedFile = join(plansDir, "approved.json");
  if (!existsSync(approvedFile)) throw new UsageError(`${approvedFile}: missing; the plans of the plan job (npm run deploy -- plan) are what is applied`);
  const approvedCommit = (JSON.parse(readFileSync(approvedFile, "utf8")) as { commit?: string }).commit ?? "";
  if (values.commit && approvedCommit !== values.commit) {
    say(`refused: the plans were made at ${approvedCommit || "an unrecorded commit"}, this checkout is ${values.commit}; plan again`);
    return 1;
  }
  const token = env.DNSIMPLE_TOKEN;
  if (!token) throw new UsageError("apply needs DNSIMPLE_TOKEN in the environment (the environment's DNSimple account)");
  const grace = positive(values.grace, "grace", 5) * 60_000;
  const stopAfter = values["stop-after"] === undefined ? undefined : positive(values["stop-after"], "stop-after", 0) * 60_000;
  const deadline = stopAfter === undefined ? undefined : clock.now() + stopAfter;
  let stopping: Promise<boolean> | undefined;
  const stop = (signal: "SIGINT" | "SIGTERM", why: string) => {
    if (stopping) return;
    say(`${why}: forwarding ${signal} once to every running terraform and waiting up to ${grace / 60_000} min for each to write its state and release its lock`);
    stopping = runner.stop(signal, grace);
  };
  io.onSignal?.((signal) => stop(signal, `${signal} received`));
  const timer = stopAfter === undefined ? undefined : setTimeout(() => stop("SIGTERM", `--stop-after ${stopAfter / 60_000} min reached`), stopAfter);
  timer?.unref();
  try {
    const result = await pacedApply({
      plan,
      batches,
      runner,
      dependencies,
      readBudget: () => readBudget(values["dnsimple-api"], token),
      clock,
      progress: new ProgressRecord(resolve(values.progress ?? join(plansDir, "progress")), `batch-${batches[0]}`),
      parallelism: positive(values.parallelism, "parallelism", 2),
      maxAttempts: positive(values.attempts, "attempts", 3),
      deadline,
      log: say,
    });
    if (stopping && !(await stopping)) say(`a terraform did not exit within ${grace / 60_000} min: its state lock may remain; see the runbook (force-unlock)`);
    if (result.resumeFrom !== undefined) {
      io.stdout(`resume-from=${result.resumeFrom}\n`);
      say(`resume from batch ${result.resumeFrom}: rerun the failed job, or dispatch the deploy with from_batch=${result.resumeFrom}`);
    }
    if (result.failed.length > 0) return 1;
    return result.resumeFrom !== undefined ? 3 : 0;
  } finally {
    if (timer) clearTimeout(timer);
  }
}
