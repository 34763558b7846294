import { adopt } from "../adopt/adopt";
import { formatProblem, problemCount } from "../load/problems";
import { type CommandIo, processIo } from "../runtime/command-io";
import { oneArgument } from "../runtime/one-argument";
import { provinceName } from "../runtime/province-command";

const USAGE = "usage: PROVINCE=<province> npm run adopt -- <zone file or DNSimple records JSON> [--zone <zone name>]\n";

/**
 * `npm run adopt` (scripts/adopt.ts says what it reads and writes) for the project at `root`, with `argv` (its
 * arguments after `--`): here so that the script starts from the app's cached bundle, as the other commands do.
 * Returns the exit code: 0 written or unchanged; 1 a usage error or bad input, nothing written.
 */
export function runAdopt(root: string, argv: readonly string[], io: CommandIo = processIo): number {
  const args = oneArgument(argv, { zone: { type: "string" } }, USAGE, io);
  if (!args) return 1;
  const outcome = adopt({
    root,
    province: provinceName(io.env),
    file: args.argument,
    zone: args.values.zone,
    progress: (line) => io.stderr(`${line}\n`),
  });
  if ("report" in outcome) {
    io.stdout(outcome.report);
    return 0;
  }
  io.stderr(`The adoption has ${problemCount(outcome.problems)}; nothing was written.\n\n${outcome.problems.map(formatProblem).join("\n\n")}\n`);
  return 1;
}
