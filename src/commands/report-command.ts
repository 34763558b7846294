import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { provinceCapacity } from "../app/province-capacity";
import { loadProvince, provinceDir } from "../load/load-province";
import type { DeployEnvironment } from "../model/environment";
import type { Province } from "../model/province";
import { formatViolations } from "../policy/check-app";
import { REPORT_BASENAME, renderRolloutReport } from "../report";
import { ReportDateError, reportDate } from "../report/dates";
import { PdfError, printPdf } from "../report/pdf";
import { type CommandIo, failureExit, processIo } from "../runtime/command-io";
import { environmentOf, provinceName } from "../runtime/province-command";

/**
 * `npm run report` (scripts/report.ts says what it reads and writes) for the project at `root`: here so that the
 * script starts from the app's cached bundle, as the other commands do. Returns the exit code: 0 written, 1 nothing
 * written (a bad REPORT_DATE, config or ENV, a policy violation, no Chromium). All files are made in a scratch folder
 * first, so a failure leaves the previous report as it was.
 */
export function runReport(root: string, io: CommandIo = processIo): number {
  const fail = (message: string) => {
    io.stderr(`${message}\n`);
    return 1;
  };
  const province = provinceName(io.env);
  let today: string;
  let model: Province;
  let environment: DeployEnvironment;
  try {
    today = reportDate(io.env.REPORT_DATE);
    model = loadProvince(provinceDir(province, root));
    environment = environmentOf(model, io.env);
  } catch (error) {
    if (error instanceof ReportDateError) return fail(error.message);
    return failureExit(error, io);
  }

  const outDir = resolve(io.env.REPORT_DIR || join(root, "report", province));
  mkdirSync(dirname(outDir), { recursive: true });
  const scratch = mkdtempSync(join(dirname(outDir), ".report-"));
  try {
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
      io.stdout(`wrote ${relative(process.cwd(), path) || path}\n`);
    }
    return 0;
  } catch (error) {
    if (error instanceof PdfError) return fail(`${error.message}\nNothing was written.`);
    throw error;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
