import { STATUS_TEXT } from "./milestones";
import { totalsLines, type CommuneRow, type RolloutReport } from "./rollout-rows";

/** The report as Markdown (CommonMark with GitHub tables), for the repository and for e-mail. */

/** Escapes text for a Markdown table cell or paragraph: no character of the data can start markup. */
export function mdEscape(text: string): string {
  return text.replace(/[\\`*_{}[\]<>&|~]/g, (char) => `\\${char}`).replace(/\r?\n/g, " ");
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(" | ")} |`;
  return [line(header.map(mdEscape)), line(header.map(() => "---")), ...rows.map((row) => line(row.map(mdEscape)))].join("\n");
}

function communeSection(commune: CommuneRow): string {
  const facts = [
    ["Mã đơn vị", commune.code],
    ["Mã định danh điện tử", commune.identifierCode],
    ["Tên miền", commune.domain],
    ["Tên miền thư điện tử công vụ", commune.mailDomain],
    ["Tenant xác thực tập trung", commune.tenantDisplayName],
    ["Cổng thông tin", commune.portalUrl],
  ];
  const predecessors = table(
    ["Đơn vị cũ", "Tên miền cũ", "Tra cứu", "Thư điện tử", "Ghi chú"],
    commune.predecessors.map((row) => [row.label, row.domain, row.lookupText, row.mailText, row.note ?? ""]),
  );
  return [
    `### ${mdEscape(commune.name)}`,
    "",
    ...facts.map(([label, value]) => `- ${mdEscape(label)}: ${mdEscape(value)}`),
    "",
    `Đơn vị cũ (${commune.predecessors.length}):`,
    "",
    predecessors,
  ].join("\n");
}

export function renderMarkdown(report: RolloutReport): string {
  const meta = [
    `Theo ${report.plan} của UBND tỉnh ${report.provinceName}; mô hình chính quyền hai cấp vận hành từ ngày ${report.cutoverDate}.`,
    report.generatedOn === undefined ? undefined : `Ngày lập báo cáo: ${report.generatedOn}.`,
  ].filter((line): line is string => line !== undefined);
  const overview = table(
    ["Mã", "Đơn vị mới", "Tên miền", "Mã định danh", "Đơn vị cũ (xã, huyện)", ...report.milestones.map((m) => m.short)],
    report.communes.map((commune) => [
      commune.code,
      commune.name,
      commune.domain,
      commune.identifierCode,
      String(commune.predecessors.length),
      ...commune.milestones.map((cell) => cell.text),
    ]),
  );
  const progress = table(
    ["Mốc", "Hạn", STATUS_TEXT.done, STATUS_TEXT["in-progress"], STATUS_TEXT.pending],
    report.milestones.map((m) => [m.label, m.due, String(m.counts.done), String(m.counts["in-progress"]), String(m.counts.pending)]),
  );
  return [
    `# ${mdEscape(report.title)}`,
    "",
    ...meta.map(mdEscape),
    "",
    "## Tổng quan",
    "",
    table(["Chỉ tiêu", "Số lượng"], totalsLines(report)),
    "",
    "## Tiến độ theo mốc kế hoạch",
    "",
    progress,
    "",
    "## Ngoại lệ chính sách đã chấp thuận",
    "",
    report.suppressions.length === 0 ? "Không có." : table(["Quy tắc", "Phạm vi", "Lý do"], report.suppressions.map((s) => [s.rule, s.scope, s.reason])),
    "",
    "## Các đơn vị mới",
    "",
    overview,
    "",
    "## Chi tiết từng đơn vị",
    "",
    report.communes.map(communeSection).join("\n\n"),
    "",
  ].join("\n");
}
