/**
 * npm run adopt -- <file> [--zone <name>]     (PROVINCE selects the province, default binh-thuan)
 *
 * Reads a zone as it is served today — an RFC 1035 zone file, or DNSimple's list-zone-records responses (several
 * pages one after another) — and writes config/<province>/zones/<zone>.yaml: every record with a decision (kept,
 * replaced by the plan, needs a decision, system), then prints them as a table. Exit 0 when the file is written or
 * unchanged; 1 on a usage error or bad input (every problem: file, what, fix), with nothing written.
 */
import { join } from "node:path";
import { adopt } from "../src/adopt/adopt";
import { formatProblem, problemCount } from "../src/load/problems";
import { oneArgument } from "../src/runtime/one-argument";
import { provinceName } from "../src/runtime/province-command";

const USAGE = "usage: PROVINCE=<province> npm run adopt -- <zone file or DNSimple records JSON> [--zone <zone name>]\n";

function main(): void {
  const args = oneArgument({ zone: { type: "string" } }, USAGE);
  if (!args) return;
  const file = args.argument;
  const outcome = adopt({
    root: join(__dirname, ".."),
    province: provinceName(),
    file,
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

main();
