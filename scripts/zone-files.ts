/**
 * npm run zone-files -- --out DIR [--state DIR] [--serial N]
 *
 * Writes every zone PROVINCE declares for ENV as an RFC 1035 master file, DIR/<zone>.zone, and for every zone the
 * config does not manage but must hold records, DIR/handover/<zone>.zone. Exit codes: 0 written; 1 a bad config,
 * state or policy violation (every problem listed, nothing written); 2 a usage error. The command itself is
 * src/commands/zone-files-command.ts (tests run it in-process).
 */
import { join } from "node:path";
import { loadCommand } from "../src/runtime/compiled-entry";

const root = join(__dirname, "..");
const { runZoneFiles } = loadCommand<typeof import("../src/commands/zone-files-command")>(root, "src/commands/zone-files-command.ts");
process.exitCode = runZoneFiles(process.argv.slice(2), root);
