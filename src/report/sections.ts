import type { Block, Cell, Section } from "./blocks";
import { headerCase, STATUS_TEXT, CELL_STATUSES } from "./milestones";
import { capacitySection } from "./capacity-section";
import type { CommuneRow, RolloutReport } from "./rollout-rows";
import { vietnameseNumber } from "./numbers";

/**
 * The report's body and appendices as sections of plain blocks, every text decided here; the HTML and Markdown
 * writers lay them out and number them (I., II., …; Phụ lục I, II, …). A new section is one more function
 * returning a Section, listed in bodySections or appendixSections.
 */

export const NO_MILESTONES = "Kế hoạch chưa khai báo mốc tiến độ nào, nên báo cáo chưa theo dõi được tiến độ (khai báo các mốc tại mục plan.milestones của tệp settings.yaml).";

/** A right-aligned cell: a count printed the Vietnamese way (1.234), or a text such as a code, as it is. */
const number = (value: number | string): Cell => ({ kind: "number", text: typeof value === "number" ? vietnameseNumber(value) : value });

/**
 * "Thực hiện Kế hoạch 2495/KH-UBND của …, Sở … báo cáo tình hình … như sau:"; without a plan to cite (the scaffold
 * writes none), "Sở … báo cáo tình hình … như sau:" — nothing unknown is asked for where nothing is followed.
 */
export function openingText(report: RolloutReport): string {
  const { form, plan } = report;
  const following = plan.reference === undefined ? "" : `Thực hiện ${plan.reference}${plan.issuer === undefined ? "" : ` của ${plan.issuer}`}, `;
  return `${following}${form.issuerName} báo cáo ${lowerFirstWord(form.title)} (mô hình chính quyền địa phương hai cấp vận hành từ ngày ${report.cutoverDate}) như sau:`;
}

/** Under an appendix's title: "(Kèm theo Báo cáo số 15/BC-SKHCN ngày 26/06/2025 của Sở …)". */
export function appendixReference(report: RolloutReport): string {
  const { form } = report;
  return `(Kèm theo Báo cáo số ${form.number.trim()} ngày ${form.date} của ${form.issuerName})`;
}

/** Lower-cases the first letter unless the first word is an abbreviation such as UBND. */
function lowerFirstWord(text: string): string {
  return /^\p{Lu}\p{Lu}/u.test(text) ? text : text.charAt(0).toLocaleLowerCase("vi") + text.slice(1);
}

export function bodySections(report: RolloutReport): Section[] {
  return [overview(report), progress(report), suppressions(report)];
}

export function appendixSections(report: RolloutReport): Section[] {
  return [unitList(report), unitDetails(report), ...(report.capacity.length > 0 ? [capacitySection(report.capacity)] : [])];
}

function overview(report: RolloutReport): Section {
  const { totals, milestones } = report;
  const overdue = milestones.reduce((sum, milestone) => sum + milestone.counts.overdue, 0);
  const rows: Cell[][] = [
    ["Số đơn vị hành chính cấp xã mới", number(totals.newUnits)],
    ["Số đơn vị hành chính cấp xã cũ", number(totals.oldCommuneLevel)],
    ["Số huyện, thị xã, thành phố cũ (cấp huyện)", number(totals.oldDistricts)],
    ["Cổng thông tin điện tử được thay thế", number(`${vietnameseNumber(totals.portalsReplaced)} cổng cũ cấp xã → ${vietnameseNumber(totals.newUnits)} cổng mới`)],
    ["Số đơn vị mới đã báo cáo tiến độ", number(totals.newUnits - report.unitsNotReported)],
    ["Số đơn vị mới chưa báo cáo tiến độ", number(report.unitsNotReported)],
    ["Số mốc kế hoạch đã qua hạn", number(milestones.length === 0 ? "chưa khai báo mốc" : `${vietnameseNumber(milestones.filter((m) => m.pastDue).length)}/${vietnameseNumber(milestones.length)}`)],
    ["Số lượt quá hạn (đơn vị báo cáo chưa hoàn thành mốc đã qua hạn)", number(overdue)],
  ];
  const windows = report.windowNotices.map((text): Block => ({ kind: "paragraph", text }));
  return { id: "tong-quan", title: "Tổng quan", blocks: [{ kind: "table", id: "tong-quan-bang", header: ["Chỉ tiêu", "Số lượng"], rows }, ...windows] };
}

function progress(report: RolloutReport): Section {
  const { milestones } = report;
  if (milestones.length === 0) return { id: "tien-do", title: "Tiến độ theo mốc kế hoạch", blocks: [{ kind: "paragraph", text: NO_MILESTONES }] };
  const explanation =
    `Tình hình đến ngày ${report.form.date}, theo báo cáo của các đơn vị. "${headerCase(STATUS_TEXT["not-reported"])}": đơn vị chưa gửi tình trạng của mốc. ` +
    `"${headerCase(STATUS_TEXT.overdue)}": mốc đã qua hạn mà đơn vị báo cáo chưa hoàn thành (không tính vào hai cột "${headerCase(STATUS_TEXT["in-progress"])}" và "${headerCase(STATUS_TEXT.pending)}").`;
  const rows = milestones.map((m): Cell[] => [m.label, m.pastDue ? `${m.due} (đã qua hạn)` : m.due, ...CELL_STATUSES.map((status) => number(m.counts[status]))]);
  return {
    id: "tien-do",
    title: "Tiến độ theo mốc kế hoạch",
    blocks: [
      { kind: "paragraph", text: explanation },
      { kind: "progress-bars", milestones },
      { kind: "table", id: "tien-do-bang", header: ["Mốc", "Hạn", ...CELL_STATUSES.map((status) => headerCase(STATUS_TEXT[status]))], rows },
    ],
  };
}

function suppressions(report: RolloutReport): Section {
  const title = "Ngoại lệ chính sách đã chấp thuận";
  if (report.suppressions.length === 0) return { id: "ngoai-le", title, blocks: [{ kind: "paragraph", text: "Không có." }] };
  const rows = report.suppressions.map((s) => [s.rule, s.scope, s.reason]);
  return { id: "ngoai-le", title, blocks: [{ kind: "table", id: "ngoai-le-bang", header: ["Quy tắc", "Phạm vi", "Lý do"], rows }] };
}

function unitList(report: RolloutReport): Section {
  const header = ["Mã", "Đơn vị mới", "Tên miền", "Mã định danh", "Số đơn vị cũ (xã, huyện)", ...report.milestones.map((m) => `${m.short} (hạn ${m.due})`)];
  const rows = report.communes.map((c): Cell[] => [
    number(c.code),
    { kind: "link", text: c.name, target: unitId(c) },
    c.domain,
    c.identifierCode,
    number(c.predecessors.length),
    ...c.milestones.map((cell): Cell => ({ kind: "status", text: cell.text, status: cell.status })),
  ]);
  return { id: "phu-luc-don-vi-moi", title: "Danh sách đơn vị mới và tiến độ", blocks: [{ kind: "table", id: "don-vi-moi", header, rows }] };
}

const unitId = (commune: CommuneRow) => `don-vi-${commune.code}`;

function unitDetails(report: RolloutReport): Section {
  const parts = report.communes.map((c): Section => ({
    id: unitId(c),
    title: c.name,
    blocks: [
      {
        kind: "facts",
        items: [
          ["Mã đơn vị", c.code],
          ["Mã định danh điện tử", c.identifierCode],
          ["Tên miền", c.domain],
          ["Tên miền thư điện tử công vụ", c.mailDomain],
          ["Tên trên hệ thống xác thực tập trung", c.tenantDisplayName],
          ["Cổng thông tin điện tử", c.portalUrl],
        ],
      },
      {
        kind: "table",
        header: ["Đơn vị cũ", "Tên miền cũ", "Tra cứu", "Thư điện tử", "Ghi chú"],
        rows: c.predecessors.map((p) => [p.label, p.domain, p.lookupText, p.mailText, p.note ?? ""]),
      },
    ],
  }));
  return { id: "phu-luc-chi-tiet", title: "Chi tiết từng đơn vị", blocks: [], parts };
}
