/**
 * What a unit's cell of a milestone shows. The milestones themselves are the province's (settings `plan`);
 * the statuses are what the units report (settings `rollout`).
 */

/** A status a unit reports for a milestone. */
export type ReportedStatus = "pending" | "in-progress" | "done";

/**
 * The cell's status: the one reported, or "not-reported" when the unit reported none (nothing is known, so it is
 * never shown as not done), or "overdue" when the milestone's date has passed and the unit reported it not done.
 */
export type CellStatus = ReportedStatus | "not-reported" | "overdue";

/** Every cell status, in the order of the progress bars and of the columns that count them. */
export const CELL_STATUSES: readonly CellStatus[] = ["done", "in-progress", "pending", "not-reported", "overdue"];

export const STATUS_TEXT: Readonly<Record<CellStatus, string>> = {
  done: "hoàn thành",
  "in-progress": "đang thực hiện",
  pending: "chưa thực hiện",
  "not-reported": "chưa báo cáo",
  overdue: "quá hạn",
};

/** A milestone is overdue from the day after its due date. Both dates are YYYY-MM-DD, so they compare as text. */
export function isPastDue(due: string, today: string): boolean {
  return today > due;
}

export function cellStatus(reported: ReportedStatus | undefined, due: string, today: string): CellStatus {
  if (reported === undefined) return "not-reported";
  if (reported !== "done" && isPastDue(due, today)) return "overdue";
  return reported;
}

/** "quá hạn (đang thực hiện)": an overdue cell still says what the unit reported. */
export function cellText(status: CellStatus, reported: ReportedStatus | undefined): string {
  return status === "overdue" && reported !== undefined ? `${STATUS_TEXT.overdue} (${STATUS_TEXT[reported]})` : STATUS_TEXT[status];
}

/** Headers start with a capital, like every other header of the report: "hoàn thành" → "Hoàn thành". */
export function headerCase(text: string): string {
  return text.charAt(0).toLocaleUpperCase("vi") + text.slice(1);
}
