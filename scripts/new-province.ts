/**
 * npm run new-province -- <folder> [--from <dir>] [--force]
 *
 * Writes config/<folder>/ for one province: from the bundled national data (data/vn-2025/<folder>/), or from any
 * folder holding new-units.csv, old-units.csv and districts.csv in that format (a relative path is the caller's
 * directory's). Bad input prints every problem (file, row, unit, fix) and exits 1 with nothing written.
 */
import { join } from "node:path";
import { oneArgument } from "../src/runtime/one-argument";
import { outcomeText } from "../src/scaffold/outcome-text";
import { scaffoldProvince } from "../src/scaffold/scaffold";

const USAGE = "usage: npm run new-province -- <folder> [--from <dir>] [--force]\n";

function main(): void {
  const args = oneArgument(process.argv.slice(2), { from: { type: "string" }, force: { type: "boolean" } }, USAGE);
  if (!args) {
    process.exitCode = 1;
    return;
  }
  const folder = args.argument;
  // npm runs scripts in the project root; a relative --from is the caller's, whose directory npm passes in INIT_CWD.
  const outcome = scaffoldProvince({ folder, from: args.values.from, cwd: process.env.INIT_CWD, force: args.values.force ?? false, root: join(__dirname, "..") });
  const { exitCode, stdout, stderr } = outcomeText(folder, outcome);
  process.stdout.write(stdout);
  process.stderr.write(stderr);
  process.exitCode = exitCode;
}

main();
