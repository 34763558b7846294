/**
 * npm run verify -- [--nameserver host:port] [--handover-nameserver host:port] [--dns-only] [--state DIR]
 *                   [--https-address host:port] [--ca FILE]
 *
 * Asks the DNS for every record PROVINCE declares for ENV (its zones, and the records the hand-over zones must
 * hold) and, unless --dns-only, fetches every hostname of the gateway over HTTPS. Exit codes: 0 everything answers
 * as declared; 1 mismatches (each named on stdout); 2 nothing was checked: a usage error, a bad config or state, a
 * policy violation. The command itself is src/commands/verify-command.ts (tests run it in-process).
 */
import { join } from "node:path";
import { loadCommand } from "../src/runtime/compiled-entry";

const root = join(__dirname, "..");
const { runVerify } = loadCommand<typeof import("../src/commands/verify-command")>(root, "src/commands/verify-command.ts");
void runVerify(process.argv.slice(2), root).then((code) => (process.exitCode = code));
