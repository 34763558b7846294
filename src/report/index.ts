import type { Province } from "../model/province";
import { renderCsv } from "./csv";
import { renderHtml } from "./html";
import { renderMarkdown } from "./markdown";
import { buildRolloutReport } from "./rollout-rows";

export const REPORT_BASENAME = "bao-cao-trien-khai";

/** The three report files, by file name, from the province model alone. */
export function renderRolloutReport(province: Province, options: { generatedOn?: string } = {}): Record<string, string> {
  const report = buildRolloutReport(province, options);
  return {
    [`${REPORT_BASENAME}.md`]: renderMarkdown(report),
    [`${REPORT_BASENAME}.csv`]: renderCsv(report),
    [`${REPORT_BASENAME}.html`]: renderHtml(report),
  };
}
