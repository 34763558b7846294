/**
 * npm run rollout-plan: how a province's first deploy is paced — every stack once, in batches whose DNSimple
 * requests fit the account's hourly limit (README, Runbook → First deploy).
 *   PROVINCE   config folder under config/ (default lam-dong)
 *   ENV        offline (default), staging or production
 *
 *   npm run rollout-plan                       the batches as a table
 *   npm run rollout-plan -- --json             the same as JSON ({"hourlyLimit": N, "batches": [...]}), for the deploy workflow
 *   npm run rollout-plan -- --addresses [DIR]  after the platform stack's first apply: the settings lines that carry its
 *                                              addresses, from `terraform output -json` in DIR (default
 *                                              cdktf.out/stacks/<province>-platform, where cdktf deployed it)
 *   npm run rollout-plan -- --drift [--json]   the drift check's week (src/deploy/drift-schedule.ts): every province of
 *                                              config/ but plans of record (supersededBy), synthesized with ENV=offline
 *                                              (production's stacks, no credentials); PROVINCE and ENV are not read
 *
 * Exit codes: 0 done; 1 a bad config, a policy violation, no addresses to read, or a drift week that does not fit;
 * 2 a usage error. The command itself is src/commands/rollout-plan-command.ts (tests run it in-process).
 */
import { join } from "node:path";
import { loadCommand } from "../src/runtime/compiled-entry";

const { runRolloutPlan } = loadCommand<typeof import("../src/commands/rollout-plan-command")>(join(__dirname, ".."), "src/commands/rollout-plan-command.ts");

runRolloutPlan(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
