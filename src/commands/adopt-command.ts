import { adopt } from "../adopt/adopt";
import { formatProblem, problemCount } from "../load/problems";
import { oneArgument } from "../runtime/one-argument";
import { provinceName } from "../runtime/province-command";

const USAGE = "usage: PROVINCE=<province> npm run adopt -- <zone file or DNSimple records JSON> [--zone <zone name>]\n";

/**
 * `npm run adopt` (scripts/adopt.ts says what it reads and writes) for the project at `root`, on the process's
 * arguments and streams: here so that the script starts from the app's cached bundle, as the other commands do.
 * Sets the exit code: 0 written or unchanged; 1 a usage error or bad input, nothing written.
 */
export function runAdopt(root: string): void {
  const args = oneArgument({ zone: { type: "string" } }, USAGE);
  if (!args) return;
  const outcome = adopt({
    root,
    province: provinceName(),
    file: args.argument,
    zone: args.values.zone,
    progress: (line) => process.stderr.write(`${line}\n`),
  });
  if ("report" in outcome) {
    process.stdout.write(outcome.report);
    return;
  }
  process.stderr.write(`The adoption has ${problemCount(outcome.problems)}; nothing was written.\n\n${outcome.problems.map(formatProblem).join("\n\n")}\n`);
  process.exitCode = 1;
}
