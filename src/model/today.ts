/** Today in Vietnam (UTC+7), YYYY-MM-DD, whatever the machine's time zone: windows and deadlines are Vietnamese dates. */
export function todayInVietnam(now: Date = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Ho_Chi_Minh", year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}
