import { calendarDate } from "../load/settings-schema";
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

/** The report's date: REPORT_DATE when set (a day, YYYY-MM-DD), else today in Vietnam. */
export function reportDate(value: string | undefined, now: Date = new Date()): string {
  if (!value) return todayInVietnam(now);
  if (!calendarDate.safeParse(value).success) {
    throw new ReportDateError(`REPORT_DATE=${value}: not a day written YYYY-MM-DD\n  fix: e.g. REPORT_DATE=2025-06-26, or leave it unset for today`);
  }
  return value;
}
