/**
 * npm run adopt -- <file> [--zone <name>]     (PROVINCE selects the province, default lam-dong)
 *
 * Reads a zone as it is served today — an RFC 1035 zone file, or DNSimple's list-zone-records responses (several
 * pages one after another) — and writes config/<province>/zones/<zone>.yaml: every record with a decision (kept,
 * replaced by the plan, needs a decision, system), then prints them as a table. Exit 0 when the file is written or
 * unchanged; 1 on a usage error or bad input (every problem: file, what, fix), with nothing written. The command
 * itself is src/commands/adopt-command.ts.
 */
import { join } from "node:path";
import { loadCommand } from "../src/runtime/compiled-entry";

const root = join(__dirname, "..");
const { runAdopt } = loadCommand<typeof import("../src/commands/adopt-command")>(root, "src/commands/adopt-command.ts");
process.exitCode = runAdopt(root, process.argv.slice(2));
