/**
 * `npm run report`: writes the rollout report of one province (HTML, PDF, Markdown, CSV) from its config, with the
 * capacity a deploy needs (npm run capacity's figures, from a synth of the province).
 *   PROVINCE     config folder under config/ (default lam-dong)
 *   ENV          the environment whose capacity is measured (default offline)
 *   REPORT_DIR   output folder (default report/<province>/ below the project root, git-ignored)
 *   REPORT_DATE  the report's date, YYYY-MM-DD (default today in Vietnam): dates the report, decides what is overdue
 * All files are made in a scratch folder first, so a failure leaves the previous report as it was.
 */
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { provinceCapacity } from "../src/app/province-capacity";
import { loadProvince, provinceDir } from "../src/load/load-province";
import { ConfigError } from "../src/load/problems";
import { resolveEnvironment } from "../src/model/environment";
import type { Province } from "../src/model/province";
import { formatViolations } from "../src/policy/check-app";
import { REPORT_BASENAME, renderRolloutReport } from "../src/report";
import { ReportDateError, reportDate } from "../src/report/dates";
import { PdfError, printPdf } from "../src/report/pdf";
import { environmentName, provinceName } from "../src/runtime/province-command";

function fail(message: string): void {
  process.stderr.write(`${message}\n`);
  process.exitCode = 1;
}

function main(): void {
  const province = provinceName();
  let today: string;
  let model: Province;
  try {
    today = reportDate(process.env.REPORT_DATE);
    model = loadProvince(provinceDir(province));
  } catch (error) {
    if (error instanceof ReportDateError || error instanceof ConfigError) return fail(error.message.trimEnd());
    throw error;
  }

  const outDir = resolve(process.env.REPORT_DIR || join(__dirname, "..", "report", province));
  mkdirSync(dirname(outDir), { recursive: true });
  const scratch = mkdtempSync(join(dirname(outDir), ".report-"));
  try {
    const environment = resolveEnvironment(model.settings, environmentName());
    if (typeof environment === "string") return fail(`ENV: ${environment}\n  fix: set ENV to offline, staging or production`);
    const capacity = provinceCapacity(model, environment, join(scratch, "synth"));
    if ("violations" in capacity) return fail(formatViolations(capacity.violations).trimEnd());
    rmSync(join(scratch, "synth"), { recursive: true, force: true });
    const files = renderRolloutReport(model, today, capacity.figures);
    for (const [name, content] of Object.entries(files)) writeFileSync(join(scratch, name), content, "utf8");
    const pdf = `${REPORT_BASENAME}.pdf`;
    printPdf(join(scratch, `${REPORT_BASENAME}.html`), join(scratch, pdf));
    mkdirSync(outDir, { recursive: true });
    for (const name of [`${REPORT_BASENAME}.html`, pdf, ...Object.keys(files).filter((name) => !name.endsWith(".html"))]) {
      const path = join(outDir, name);
      renameSync(join(scratch, name), path);
      process.stdout.write(`wrote ${relative(process.cwd(), path) || path}\n`);
    }
  } catch (error) {
    if (error instanceof PdfError) return fail(`${error.message}\nNothing was written.`);
    throw error;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

main();
