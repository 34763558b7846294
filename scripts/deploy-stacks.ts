/**
 * npm run deploy -- <plan|apply|lock-check> …: the deploy workflow's runner, usable by hand the same way. Every
 * stack is its own terraform process (run in cdktf.out/stacks/<stack>, in a process group of its own), so one
 * stack's failure never signals another; every locking command waits for a lock at most --lock-timeout; TF_INPUT=0.
 *
 *   plan        plans every stack of the synth (or --stacks) to <plans>/<stack>.tfplan, with what it changes
 *               (<stack>.changes.json, from terraform show -json), its text (<stack>.txt, .exit) and
 *               <plans>/approved.json (the commit); --no-refresh for pull requests; --no-lock for a read-only
 *               identity (drift); --wait-for-budget N waits until DNSimple's budget has N requests left before the
 *               first stack, and plans a stack again after X-RateLimit-Reset when its refresh met a 429 (--attempts)
 *   apply       applies the approved plans of --batch N (or N-M) of --rollout (npm run rollout-plan -- --json):
 *               waits for DNSimple's budget before each batch, retries a stack that met a 429 after
 *               X-RateLimit-Reset (planning what is left, which must be part of the approved plan), records progress
 *   lock-check  writes the providers every stack requires into a scratch folder, runs terraform providers lock
 *               for linux_amd64 and compares with the committed --lock-file
 *
 * Exit codes: 0 done; 1 a stack failed (the others were not touched), or the check failed; 2 usage; 3 stopped
 * before the end (--stop-after, or SIGINT/SIGTERM: forwarded once to each running terraform, which gets --grace
 * to write its state and release its lock) — resume with the batch it prints. Progress goes to stderr.
 */
import { processIo } from "../src/runtime/command-io";
import { runDeploy } from "../src/commands/deploy-command";

if (require.main === module) {
  runDeploy(process.argv.slice(2), {
    ...processIo,
    onSignal: (stop) => {
      process.on("SIGINT", () => stop("SIGINT"));
      process.on("SIGTERM", () => stop("SIGTERM"));
    },
  }).then((code) => (process.exitCode = code));
}
