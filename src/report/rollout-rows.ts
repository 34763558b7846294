import type { CapacityFigure } from "../capacity/figures";
import { windowNotices } from "../model/migration-window";
import type { Commune, Province, RetiredUnit } from "../model/province";
import { forwardMailbox } from "../model/retired-mail";
import { type AdministrativeForm, administrativeForm } from "./admin-form";
import { vietnameseDate } from "./dates";
import { CELL_STATUSES, type CellStatus, cellStatus, cellText, isPastDue } from "./milestones";

/**
 * The rollout report as plain rows, built from the province model and the report's date alone (no cdktf, no
 * providers). The texts of the units' rows are decided here, the sections' in sections.ts and the administrative
 * form's in admin-form.ts, so the Markdown, CSV and HTML writers only lay them out.
 */

export const NOT_ISSUED = "chưa cấp";

export interface ReportTotals {
  readonly newUnits: number;
  readonly oldCommuneLevel: number;
  readonly oldDistricts: number;
  /** Old commune-level portals replaced by the new units' portals. */
  readonly portalsReplaced: number;
}

export interface MilestoneCell {
  readonly key: string;
  readonly status: CellStatus;
  readonly text: string;
}

export interface PredecessorRow {
  readonly id: string;
  readonly code: string;
  readonly name: string;
  /** "Xã Phong Phú (huyện Tuy Phong, mã 22978)": names repeat across districts, so the district is shown. */
  readonly label: string;
  readonly level: "xã" | "huyện";
  readonly domain: string;
  readonly lookupMode: "archive" | "redirect";
  /** What the old domain's web address serves now. */
  readonly lookupText: string;
  readonly mailMode: "forward" | "none";
  /** What happens to mail sent to the old domain. */
  readonly mailText: string;
  readonly successorName: string;
  readonly successorDomain: string;
  /** True when this new unit is the one receiving the old unit's domain, mail and redirects. */
  readonly isSuccessorHere: boolean;
  /** Set when the old unit went partly to other new units or its domain went elsewhere. */
  readonly note?: string;
}

export interface CommuneRow {
  readonly code: string;
  readonly name: string;
  readonly identifierCode: string;
  readonly domain: string;
  readonly mailDomain: string;
  readonly tenantDisplayName: string;
  readonly portalUrl: string;
  readonly predecessors: readonly PredecessorRow[];
  readonly milestones: readonly MilestoneCell[];
}

export interface MilestoneSummary {
  readonly key: string;
  readonly label: string;
  readonly short: string;
  /** dd/mm/yyyy. */
  readonly due: string;
  readonly pastDue: boolean;
  /** Units per cell status; they add up to the number of new units. */
  readonly counts: Readonly<Record<CellStatus, number>>;
}

export interface RolloutReport {
  readonly provinceId: string;
  readonly provinceName: string;
  readonly form: AdministrativeForm;
  /** The plan the report follows, as cited ("Kế hoạch 2495/KH-UBND"), and who issued it, when the settings say. */
  readonly plan: { readonly reference?: string; readonly issuer?: string };
  readonly cutoverDate: string;
  readonly totals: ReportTotals;
  /** New units that reported no status at all. */
  readonly unitsNotReported: number;
  readonly milestones: readonly MilestoneSummary[];
  readonly communes: readonly CommuneRow[];
  /** Policy rules the province waived on purpose (settings.yaml suppressions), with their reasons. */
  readonly suppressions: readonly { readonly rule: string; readonly scope: string; readonly reason: string }[];
  /** What a deploy needs of the clouds' quotas and limits (npm run capacity), when it was measured. */
  readonly capacity: readonly CapacityFigure[];
  /** Migration windows (chuyển đổi dữ liệu) not open yet or closed on the report's day, one sentence each. */
  readonly windowNotices: readonly string[];
}

const portalUrl = (domain: string) => `https://${domain}/`;

/**
 * `today` (YYYY-MM-DD) dates the report and decides which milestones are overdue; `capacity` comes from a synth of
 * the province (src/app/province-capacity.ts).
 */
export function buildRolloutReport(province: Province, today: string, capacity: readonly CapacityFigure[] = []): RolloutReport {
  const { settings } = province;
  const communes = communeRows(province, today);
  const oldCommuneLevel = province.retired.filter((unit) => unit.district !== undefined).length;
  return {
    provinceId: province.id,
    provinceName: settings.province,
    form: administrativeForm(settings, today),
    plan: { reference: settings.plan?.reference, issuer: settings.plan?.issuer },
    cutoverDate: vietnameseDate(settings.cutoverDate),
    suppressions: settings.suppressions.map((suppression) => ({
      rule: suppression.rule,
      scope: suppression.unit === undefined ? "toàn tỉnh" : `đơn vị ${suppression.unit}`,
      reason: suppression.reason,
    })),
    totals: {
      newUnits: province.communes.length,
      oldCommuneLevel,
      oldDistricts: province.retired.length - oldCommuneLevel,
      portalsReplaced: oldCommuneLevel,
    },
    unitsNotReported: province.communes.filter((commune) => Object.keys(settings.rollout[commune.code] ?? {}).length === 0).length,
    milestones: milestoneSummaries(province, communes, today),
    communes,
    capacity,
    windowNotices: windowNoticeTexts(province, today),
  };
}

/** The new unit of a code, which the model has: a retired unit names only those. */
function communeLookup(province: Province): (code: string) => Commune {
  const byCode = new Map(province.communes.map((commune) => [commune.code, commune]));
  return (code) => {
    const commune = byCode.get(code);
    if (!commune) throw new Error(`retired unit names new unit ${code}, which the model does not have`);
    return commune;
  };
}

/** One row per new unit: its names and addresses, its predecessors, and its milestones as reported on `today`. */
function communeRows(province: Province, today: string): CommuneRow[] {
  const { settings } = province;
  const plannedMilestones = settings.plan?.milestones ?? [];
  const byId = new Map(province.retired.map((unit) => [unit.id, unit]));
  const communeOf = communeLookup(province);
  return province.communes.map((commune): CommuneRow => {
    const predecessors = commune.predecessors.map((id) => {
      const unit = byId.get(id);
      if (!unit) throw new Error(`${commune.name} names predecessor ${id}, which the model does not have`);
      return unit;
    });
    // Old commune-level units first, then the old districts; each group in the model's order.
    predecessors.sort((a, b) => Number(a.district === undefined) - Number(b.district === undefined));
    const reported = settings.rollout[commune.code] ?? {};
    return {
      code: commune.code,
      name: commune.name,
      identifierCode: commune.identifierCode ?? NOT_ISSUED,
      domain: commune.domain,
      mailDomain: commune.domain,
      tenantDisplayName: commune.tenantDisplayName,
      portalUrl: portalUrl(commune.domain),
      predecessors: predecessors.map((unit) => predecessorRow(unit, commune, communeOf, settings.retirement.forwardMailbox)),
      milestones: plannedMilestones.map(({ key, due }) => {
        const status = cellStatus(reported[key], due, today);
        return { key, status, text: cellText(status, reported[key]) };
      }),
    };
  });
}

/** What became of an old unit, seen from `here`, one of the new units it merged into. */
function predecessorRow(unit: RetiredUnit, here: Commune, communeOf: (code: string) => Commune, forwardPattern: string): PredecessorRow {
  const successor = communeOf(unit.successor);
  const isSuccessorHere = successor.code === here.code;
  const level = unit.district === undefined ? "huyện" : "xã";
  const where = unit.district === undefined ? `cấp huyện, mã ${unit.code}` : `${lowerFirst(unit.district)}, mã ${unit.code}`;
  return {
    id: unit.id,
    code: unit.code,
    name: unit.name,
    label: `${unit.name} (${where})`,
    level,
    domain: unit.domain,
    lookupMode: unit.lookup,
    lookupText: lookupText(unit, successor, communeOf),
    mailMode: unit.mail,
    mailText: mailText(unit, successor, communeOf, forwardPattern),
    successorName: successor.name,
    successorDomain: successor.domain,
    isSuccessorHere,
    note: splitNote(unit, here, successor, communeOf),
  };
}

/** Where the old portal answers: the archive, the heir's archive host, or a 301 to the successor. */
function lookupText(unit: RetiredUnit, successor: Commune, communeOf: (code: string) => Commune): string {
  if (unit.takenOverBy !== undefined) {
    const heir = communeOf(unit.takenOverBy);
    const archive = heir.takenOver?.archiveHost ?? unit.domain;
    return `Lưu trữ (tra cứu) tại ${portalUrl(archive)}; tên miền cũ nay là cổng thông tin của ${heir.name}`;
  }
  if (unit.lookup === "archive") return `Lưu trữ (tra cứu) tại ${portalUrl(unit.domain)}`;
  return `Chuyển hướng 301 đến cổng thông tin của ${successor.name} (${portalUrl(successor.domain)})`;
}

/** Where the old domain's mail goes: the heir's own, forwarded to the successor, or refused. */
function mailText(unit: RetiredUnit, successor: Commune, communeOf: (code: string) => Commune, forwardPattern: string): string {
  if (unit.takenOverBy !== undefined) return `Tên miền thư nay là của ${communeOf(unit.takenOverBy).name}`;
  if (unit.mail === "forward") return `Chuyển tiếp thư đến ${forwardMailbox(forwardPattern, successor.domain)}`;
  return "Từ chối thư (không nhận thư đến tên miền cũ)";
}

/** For a split unit: which part merged here, and who received its domain, mail and lookup. */
function splitNote(unit: RetiredUnit, here: Commune, successor: Commune, communeOf: (code: string) => Commune): string | undefined {
  const others = unit.mergedInto.filter((code) => code !== here.code).map((code) => communeOf(code).name);
  if (successor.code !== here.code) return `Chỉ một phần sáp nhập vào ${here.name}; tên miền, thư và việc tra cứu giao cho ${successor.name}`;
  if (others.length > 0) return `Một phần sáp nhập vào ${others.join(", ")}; tên miền, thư và việc tra cứu giao cho ${here.name}`;
  return undefined;
}

/** Each planned milestone with how many units stand where, and whether it is overdue on `today`. */
function milestoneSummaries(province: Province, communes: readonly CommuneRow[], today: string): MilestoneSummary[] {
  return (province.settings.plan?.milestones ?? []).map((milestone, index): MilestoneSummary => {
    const counts = Object.fromEntries(CELL_STATUSES.map((status) => [status, 0])) as Record<CellStatus, number>;
    for (const commune of communes) counts[commune.milestones[index].status] += 1;
    return { key: milestone.key, label: milestone.label, short: milestone.short, due: vietnameseDate(milestone.due), pastDue: isPastDue(milestone.due, today), counts };
  });
}

/** A migration window that has not opened or has closed on `today`, in the report's words. */
function windowNoticeTexts(province: Province, today: string): string[] {
  return windowNotices(province, today).map(({ entry, window, state, units }) => {
    const which = entry === undefined ? `của ${units.length} đơn vị cũ` : `của ${units[0].name} (${entry})`;
    const span = `từ ngày ${vietnameseDate(window.from)} đến trước ngày ${vietnameseDate(window.until)}`;
    return state === "closed"
      ? `Thời hạn chuyển đổi dữ liệu vào lưu trữ ${which} (${span}) đã kết thúc: quyền ghi không còn hiệu lực.`
      : `Thời hạn chuyển đổi dữ liệu vào lưu trữ ${which} (${span}) chưa bắt đầu: quyền ghi chưa có hiệu lực.`;
  });
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** "Xã Phong Phú (…): phongphu.tuyphong.binhthuan.gov.vn", one old unit on one line of text. */
export function predecessorSummary(row: PredecessorRow): string {
  return `${row.label}: ${row.domain}${row.isSuccessorHere ? "" : ` (tên miền giao cho ${row.successorName})`}`;
}
