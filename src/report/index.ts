import type { CapacityFigure } from "../capacity/figures";
import type { Province } from "../model/province";
import { renderCsv } from "./csv";
import { renderHtml } from "./html";
import { renderMarkdown } from "./markdown";
import { buildRolloutReport } from "./rollout-rows";

export const REPORT_BASENAME = "bao-cao-trien-khai";

/**
 * The text files of the report, by file name, from the province model and the report's date (YYYY-MM-DD), which
 * dates it and decides what is overdue. The PDF is printed from the HTML file (pdf.ts).
 */
export function renderRolloutReport(province: Province, today: string, capacity: readonly CapacityFigure[] = []): Record<string, string> {
  const report = buildRolloutReport(province, today, capacity);
  return {
    [`${REPORT_BASENAME}.md`]: renderMarkdown(report),
    [`${REPORT_BASENAME}.csv`]: renderCsv(report),
    [`${REPORT_BASENAME}.html`]: renderHtml(report),
  };
}
