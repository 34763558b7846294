/**
 * npm run capacity: what a deploy of the province needs of Google Cloud and DNSimple — every quota, hard limit and
 * rate it meets, from the synthesized stacks — so that quota increases are requested before the deploy.
 *   PROVINCE    config folder under config/ (default lam-dong)
 *   ENV         offline (default), staging or production
 *   --generated=NEW,OLD   instead of PROVINCE, the benchmark's generated province of NEW new and OLD old units
 *                         (src/capacity/generated-province.ts; e.g. --generated=400,1200, larger than any real province)
 *
 * Exit codes: 0 the table printed; 1 a bad config or a policy violation; 2 a usage error. The command itself is
 * src/commands/capacity-command.ts (tests run it in-process).
 */
import { join } from "node:path";
import { loadCommand } from "../src/runtime/compiled-entry";

const { runCapacity } = loadCommand<typeof import("../src/commands/capacity-command")>(join(__dirname, ".."), "src/commands/capacity-command.ts");
process.exitCode = runCapacity(process.argv.slice(2));
