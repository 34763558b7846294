import { todayInVietnam } from "../model/today";

/** Dates as Vietnamese documents write them. Dates travel as YYYY-MM-DD strings, with no time zone to go wrong. */

/** 2025-06-05 → 05/06/2025. */
export function vietnameseDate(iso: string): string {
  const [year, month, day] = iso.split("-");
  return `${day}/${month}/${year}`;
}

/**
 * The place and date line of a document (Nghị định 30/2020/NĐ-CP, Phụ lục I): "Bình Thuận, ngày 05 tháng 02 năm
 * 2026". A day below 10 and the months 1 and 2 take a leading zero; other months do not ("tháng 6").
 */
export function placeAndDate(place: string, iso: string): string {
  const [year, month, day] = iso.split("-").map(Number);
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${place}, ngày ${pad(day)} tháng ${month <= 2 ? pad(month) : month} năm ${year}`;
}


export class ReportDateError extends Error {}

/**
 * The first day a report of the reorganisation can bear: 2025 is the year it was decided (Nghị quyết 60-NQ/TW,
 * 12 April 2025) and planned (Bình Thuận's Kế hoạch 2495/KH-UBND, June 2025). A date before it is a typo.
 */
export const FIRST_REPORT_DAY = "2025-01-01";

/** A year after `today`: a report dated further ahead is a typo too. */
function lastReportDay(today: string): string {
  const [year, month, day] = today.split("-").map(Number);
  return new Date(Date.UTC(year + 1, month - 1, day)).toISOString().slice(0, 10);
}

/**
 * The report's date: REPORT_DATE when set (a day, YYYY-MM-DD, from FIRST_REPORT_DAY to a year from now), else
 * today in Vietnam. Each refusal says which of the three is wrong: the writing, the calendar, or the range.
 */
export function reportDate(value: string | undefined, now: Date = new Date()): string {
  const today = todayInVietnam(now);
  if (!value) return today;
  const fail = (problem: string, fix = "e.g. REPORT_DATE=2025-06-26, or leave it unset for today") => new ReportDateError(`REPORT_DATE=${value}: ${problem}\n  fix: ${fix}`);
  const written = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!written) throw fail("not written YYYY-MM-DD");
  const [year, month, day] = written.slice(1).map(Number);
  if (month < 1 || month > 12) throw fail(`not a day of the calendar (there is no month ${month})`);
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > days) throw fail(`not a day of the calendar (month ${month} of ${year} has ${days} days)`);
  const last = lastReportDay(today);
  if (value < FIRST_REPORT_DAY || value > last) throw fail(`outside the days a report of the reorganisation can bear, ${FIRST_REPORT_DAY} to ${last}`, `write a day in that range, or leave it unset for today (${today})`);
  return value;
}
