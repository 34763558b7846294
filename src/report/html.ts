import type { MilestoneStatus } from "./milestones";
import { STATUS_TEXT } from "./milestones";
import { totalsLines, type CommuneRow, type RolloutReport } from "./rollout-rows";

/** The report as one self-contained HTML page: inline CSS, no scripts, no external assets; prints on A4. */

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[char]!);
}

const CSS = `
:root { color-scheme: light; }
body { font-family: "Segoe UI", "Noto Sans", "DejaVu Sans", Arial, sans-serif; font-size: 14px; line-height: 1.45; color: #1b1b1b; margin: 24px auto; max-width: 1320px; padding: 0 16px; }
h1 { font-size: 22px; margin: 0 0 4px; color: #8b0000; }
h2 { font-size: 18px; margin: 28px 0 8px; border-bottom: 2px solid #8b0000; padding-bottom: 2px; }
h3 { font-size: 15px; margin: 20px 0 6px; }
p.meta { margin: 2px 0; color: #444; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 12px; }
th, td { border: 1px solid #b8b8b8; padding: 4px 6px; text-align: left; vertical-align: top; }
th { background: #f1ece4; font-weight: 600; }
tbody tr:nth-child(even) td { background: #fafafa; }
td.num, th.num { text-align: right; white-space: nowrap; }
.totals { width: auto; min-width: 50%; }
.totals td.num { font-size: 16px; font-weight: 600; }
.status { display: inline-block; padding: 1px 6px; border-radius: 3px; font-size: 12px; white-space: nowrap; }
.status-done { background: #d9f2dd; color: #14532d; }
.status-in-progress { background: #fff1c2; color: #6b4e00; }
.status-pending { background: #eeeeee; color: #444; }
.mono { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: 12.5px; overflow-wrap: anywhere; }
.nowrap { white-space: nowrap; overflow-wrap: normal; }
#don-vi-moi { font-size: 13px; }
#don-vi-moi th { font-size: 12px; }
#don-vi-moi td { padding: 3px 5px; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 4px 0 8px; }
dl.facts dt { color: #555; }
dl.facts dd { margin: 0; }
table.predecessors { table-layout: fixed; }
table.predecessors th:nth-child(1) { width: 18%; }
table.predecessors th:nth-child(2) { width: 20%; }
table.predecessors th:nth-child(3) { width: 28%; }
table.predecessors th:nth-child(4) { width: 17%; }
table.predecessors td { overflow-wrap: anywhere; }
.note { color: #7a3e00; font-size: 12.5px; }
section.commune { break-inside: avoid; }
@media print { body { margin: 0; max-width: none; font-size: 11px; } h2 { break-after: avoid; } }
`;

const status = (value: MilestoneStatus) => `<span class="status status-${value}">${escapeHtml(STATUS_TEXT[value])}</span>`;

function row(cells: readonly string[], tag: "td" | "th" = "td"): string {
  return `<tr>${cells.map((cell) => `<${tag}>${cell}</${tag}>`).join("")}</tr>`;
}

function communeSection(commune: CommuneRow): string {
  const facts: [string, string][] = [
    ["Mã đơn vị", escapeHtml(commune.code)],
    ["Mã định danh điện tử", escapeHtml(commune.identifierCode)],
    ["Tên miền", `<span class="mono">${escapeHtml(commune.domain)}</span>`],
    ["Tên miền thư điện tử công vụ", `<span class="mono">${escapeHtml(commune.mailDomain)}</span>`],
    ["Tenant xác thực tập trung", `<span class="mono">${escapeHtml(commune.tenantDisplayName)}</span>`],
    ["Cổng thông tin", `<span class="mono">${escapeHtml(commune.portalUrl)}</span>`],
  ];
  const predecessors = commune.predecessors.map((unit) =>
    row([
      escapeHtml(unit.label),
      `<span class="mono">${escapeHtml(unit.domain)}</span>`,
      escapeHtml(unit.lookupText),
      escapeHtml(unit.mailText),
      unit.note === undefined ? "" : `<span class="note">${escapeHtml(unit.note)}</span>`,
    ]),
  );
  return `<section class="commune" id="don-vi-${escapeHtml(commune.code)}">
<h3>${escapeHtml(commune.name)}</h3>
<dl class="facts">${facts.map(([label, value]) => `<dt>${escapeHtml(label)}</dt><dd>${value}</dd>`).join("")}</dl>
<table class="predecessors">
<caption hidden>Đơn vị cũ của ${escapeHtml(commune.name)}</caption>
<thead>${row(["Đơn vị cũ", "Tên miền cũ", "Tra cứu", "Thư điện tử", "Ghi chú"], "th")}</thead>
<tbody>
${predecessors.join("\n")}
</tbody>
</table>
</section>`;
}

export function renderHtml(report: RolloutReport): string {
  const totals = totalsLines(report).map(([label, value]) => `<tr><td>${escapeHtml(label)}</td><td class="num">${escapeHtml(value)}</td></tr>`);
  const progress = report.milestones.map(
    (m) =>
      `<tr><td>${escapeHtml(m.label)}</td><td class="num">${escapeHtml(m.due)}</td><td class="num">${m.counts.done}</td><td class="num">${m.counts["in-progress"]}</td><td class="num">${m.counts.pending}</td></tr>`,
  );
  const overview = report.communes.map(
    (c) =>
      `<tr><td class="num">${escapeHtml(c.code)}</td><td class="nowrap"><a href="#don-vi-${escapeHtml(c.code)}">${escapeHtml(c.name)}</a></td><td class="mono nowrap">${escapeHtml(c.domain)}</td><td class="nowrap">${escapeHtml(c.identifierCode)}</td><td class="num">${c.predecessors.length}</td>${c.milestones.map((cell) => `<td>${status(cell.status)}</td>`).join("")}</tr>`,
  );
  const generated = report.generatedOn === undefined ? "" : `\n<p class="meta">Ngày lập báo cáo: ${escapeHtml(report.generatedOn)}</p>`;
  return `<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(report.title)}</title>
<style>${CSS}</style>
</head>
<body>
<h1>${escapeHtml(report.title)}</h1>
<p class="meta">Theo ${escapeHtml(report.plan)} của UBND tỉnh ${escapeHtml(report.provinceName)}; mô hình chính quyền hai cấp vận hành từ ngày ${escapeHtml(report.cutoverDate)}.</p>${generated}

<h2>Tổng quan</h2>
<table class="totals" id="tong-quan">
<tbody>
${totals.join("\n")}
</tbody>
</table>

<h2>Tiến độ theo mốc kế hoạch</h2>
<table id="tien-do">
<thead>${row(["Mốc", "Hạn", STATUS_TEXT.done, STATUS_TEXT["in-progress"], STATUS_TEXT.pending].map(escapeHtml), "th")}</thead>
<tbody>
${progress.join("\n")}
</tbody>
</table>

<h2>Ngoại lệ chính sách đã chấp thuận</h2>
${
  report.suppressions.length === 0
    ? "<p>Không có.</p>"
    : `<table id="ngoai-le">\n<thead>${row(["Quy tắc", "Phạm vi", "Lý do"].map(escapeHtml), "th")}</thead>\n<tbody>\n${report.suppressions.map((s) => row([s.rule, s.scope, s.reason].map(escapeHtml))).join("\n")}\n</tbody>\n</table>`
}

<h2>Các đơn vị mới</h2>
<table id="don-vi-moi">
<thead>${row(["Mã", "Đơn vị mới", "Tên miền", "Mã định danh", "Đơn vị cũ (xã, huyện)", ...report.milestones.map((m) => `${m.short} (hạn ${m.due})`)].map(escapeHtml), "th")}</thead>
<tbody>
${overview.join("\n")}
</tbody>
</table>

<h2>Chi tiết từng đơn vị</h2>
${report.communes.map(communeSection).join("\n")}
</body>
</html>
`;
}
