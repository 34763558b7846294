import { stringify } from "csv-stringify/sync";
import { predecessorSummary, type RolloutReport } from "./rollout-rows";

/**
 * One row per new unit, RFC 4180 (csv-stringify): CRLF line ends, a field quoted when it holds a comma, a quote or a
 * line break, quotes doubled, and quoted too when it starts or ends with white space, which a spreadsheet would trim.
 * A UTF-8 byte-order mark leads the file so that Excel reads the Vietnamese letters as UTF-8.
 */
const CSV_BOM = "\uFEFF";

export function renderCsv(report: RolloutReport): string {
  const header = [
    "Mã đơn vị",
    "Tên đơn vị",
    "Mã định danh điện tử",
    "Tên miền",
    "Tên miền thư điện tử công vụ",
    "Tên trên hệ thống xác thực tập trung",
    "Cổng thông tin điện tử",
    "Số đơn vị cũ (xã, huyện)",
    "Đơn vị cũ (tên miền)",
    ...report.milestones.map((milestone) => `${milestone.short} (hạn ${milestone.due})`),
  ];
  const rows = report.communes.map((commune) => [
    commune.code,
    commune.name,
    commune.identifierCode,
    commune.domain,
    commune.mailDomain,
    commune.tenantDisplayName,
    commune.portalUrl,
    String(commune.predecessors.length),
    commune.predecessors.map(predecessorSummary).join("; "),
    ...commune.milestones.map((cell) => cell.text),
  ]);
  return CSV_BOM + stringify([header, ...rows], { record_delimiter: "windows", quoted_match: /^\s|\s$/ });
}
