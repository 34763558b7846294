/**
 * `npm run report`: writes the rollout report of one province (HTML, PDF, Markdown, CSV) from its config, with the
 * capacity a deploy needs (npm run capacity's figures, from a synth of the province).
 *   PROVINCE     config folder under config/ (default lam-dong)
 *   ENV          the environment whose capacity is measured (default offline)
 *   REPORT_DIR   output folder (default report/<province>/ below the project root, git-ignored)
 *   REPORT_DATE  the report's date, YYYY-MM-DD (default today in Vietnam): dates the report, decides what is overdue
 * All files are made in a scratch folder first, so a failure leaves the previous report as it was. Exit codes: 0
 * written; 1 nothing written. The command itself is src/commands/report-command.ts.
 */
import { join } from "node:path";
import { loadCommand } from "../src/runtime/compiled-entry";

const root = join(__dirname, "..");
const { runReport } = loadCommand<typeof import("../src/commands/report-command")>(root, "src/commands/report-command.ts");
process.exitCode = runReport(root);
