/**
 * npm run rules-table: prints the README's "Policy pack" table, generated from the rules (src/policy/rules/), on
 * stdout; takes no arguments. Exit codes: 0 printed, 2 usage.
 */
import { rulesTable } from "../src/policy/rules-table";

if (process.argv.length > 2) {
  process.stderr.write("usage: npm run --silent rules-table > table.md (no arguments): prints README.md's Policy pack table from src/policy/rules/\n");
  process.exitCode = 2;
} else {
  process.stdout.write(rulesTable());
}
