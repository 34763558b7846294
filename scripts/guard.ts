import { join } from "node:path";
import { runGuard } from "../src/commands/guard-command";

/** npm run guard -- <git-ref>: src/commands/guard-command.ts says what it compares and when it blocks. */
runGuard(join(__dirname, ".."), process.argv[2]).then((code) => (process.exitCode = code));
