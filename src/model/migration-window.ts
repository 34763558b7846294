import type { MigrationWindow } from "./province";

/**
 * A migration window's grant lasts until the start of `until`, in Vietnam's time (UTC+7): a window that closes
 * on 2027-07-01 lets people write through 30 June.
 */
const VIETNAM_OFFSET = "+07:00";

export function windowStart(window: MigrationWindow): string {
  return `${window.from}T00:00:00${VIETNAM_OFFSET}`;
}

export function windowEnd(window: MigrationWindow): string {
  return `${window.until}T00:00:00${VIETNAM_OFFSET}`;
}

/** Whether a grant for the window still means anything on `today` (YYYY-MM-DD): it has not closed yet. */
export function isWindowOpen(window: MigrationWindow, today: string): boolean {
  return today < window.until;
}

/** The IAM condition that limits a grant to the window. */
export function windowCondition(window: MigrationWindow): string {
  return `request.time >= timestamp("${windowStart(window)}") && request.time < timestamp("${windowEnd(window)}")`;
}
