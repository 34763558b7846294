/**
 * npm run new-province -- <folder> [--from <dir>] [--force]
 *
 * Writes config/<folder>/ for one province: from the bundled national data (data/vn-2025/<folder>/), or from any
 * folder holding new-units.csv, old-units.csv and districts.csv in that format (a relative path is the caller's
 * directory's). Bad input prints every problem (file, row, unit, fix) and exits 1 with nothing written.
 */
import { join } from "node:path";
import { formatProblem } from "../src/load/problems";
import { oneArgument } from "../src/runtime/one-argument";
import { scaffoldProvince } from "../src/scaffold/scaffold";

const USAGE = "usage: npm run new-province -- <folder> [--from <dir>] [--force]\n";

function main(): void {
  const args = oneArgument({ from: { type: "string" }, force: { type: "boolean" } }, USAGE);
  if (!args) return;
  const folder = args.argument;
  // npm runs scripts in the project root; a relative --from is the caller's, whose directory npm passes in INIT_CWD.
  const outcome = scaffoldProvince({ folder, from: args.values.from, cwd: process.env.INIT_CWD, force: args.values.force ?? false, root: join(__dirname, "..") });
  if ("written" in outcome) {
    process.stdout.write(outcome.summary);
    process.stdout.write(`\nnext: confirm the decisions (${join("config", folder, "DECISIONS.md")}), fill in the PLACEHOLDER values of ${join("config", folder, "settings.yaml")}, then PROVINCE=${folder} npm run synth\n`);
    return;
  }
  const count = outcome.problems.length === 1 ? "1 problem" : `${outcome.problems.length} problems`;
  const header = outcome.stage === "input"
    ? `The province's data has ${count}; nothing was written.`
    : `The config the scaffold would write has ${count} it could not settle; nothing was written. Settle them in the input (its new-units.csv and old-units.csv may carry slug, domain and successor columns), or report them as a bug of the scaffold.`;
  process.stderr.write(`${header}\n\n${outcome.problems.map(formatProblem).join("\n\n")}\n`);
  process.exitCode = 1;
}

main();
