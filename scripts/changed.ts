import { join } from "node:path";
import { runChanged } from "../src/commands/changed-command";

/** npm run changed -- <git-ref> [--environments staging,production]: src/commands/changed-command.ts says what it prints. */
runChanged(join(__dirname, ".."), process.argv.slice(2)).then((code) => (process.exitCode = code));
