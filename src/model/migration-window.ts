import type { MigrationWindow, Province, RetiredUnit } from "./province";

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

/** The IAM condition that limits a grant to the window: the grant is declared whatever the day, the condition decides. */
export function windowCondition(window: MigrationWindow): string {
  return `request.time >= timestamp("${windowStart(window)}") && request.time < timestamp("${windowEnd(window)}")`;
}

/** Where a window stands on `today` (YYYY-MM-DD, Vietnam): not open yet, open, or closed. */
export type WindowState = "not-open" | "open" | "closed";

export function windowState(window: MigrationWindow, today: string): WindowState {
  if (today < window.from) return "not-open";
  return today < window.until ? "open" : "closed";
}

/**
 * A window whose grants mean nothing on `today` (not open yet, or closed): the province-wide window
 * (`entry` undefined) or one unit's own entry under `migrationWindows`, with the archive units it covers.
 */
export interface WindowNotice {
  readonly entry?: string;
  readonly window: MigrationWindow;
  readonly state: Exclude<WindowState, "open">;
  readonly units: readonly RetiredUnit[];
}

/**
 * The windows that grant nothing on `today`. The synth never asks this (its Terraform is the same on any day):
 * the synth command warns with it and the rollout report lists it.
 */
export function windowNotices(province: Province, today: string): WindowNotice[] {
  const { migrationWindow, migrationWindows } = province.settings.retirement;
  const archived = province.retired.filter((unit) => unit.archiveFolder !== undefined);
  const notices: WindowNotice[] = [];
  const provinceWide = archived.filter((unit) => !migrationWindows[unit.id]);
  if (migrationWindow && provinceWide.length > 0) {
    const state = windowState(migrationWindow, today);
    if (state !== "open") notices.push({ window: migrationWindow, state, units: provinceWide });
  }
  for (const unit of archived.filter((candidate) => migrationWindows[candidate.id])) {
    const window = migrationWindows[unit.id];
    const state = windowState(window, today);
    if (state !== "open") notices.push({ entry: unit.id, window, state, units: [unit] });
  }
  return notices;
}
