import { type DriftSchedule, hourLabel } from "../deploy/drift-schedule";
import { stackList } from "./format-rollout";

const count = (value: number) => value.toLocaleString("en-US");
const percent = (part: number, whole: number) => `${Math.round((part / whole) * 100)}%`;

/** The drift schedule as a table for people: a header with the week's arithmetic, then one row per slot. */
export function formatDriftSchedule(schedule: DriftSchedule): string {
  const provinces = new Set(schedule.slots.map((slot) => slot.province)).size;
  const requests = schedule.slots.reduce((sum, slot) => sum + slot.requests, 0);
  const hours = new Set(schedule.slots.map((slot) => slot.hour)).size;
  const largest = Math.max(0, ...schedule.slots.map((slot) => slot.requests));
  const weekBudget = schedule.hourlyBudget * schedule.periodHours;
  const header =
    `Drift check of production (ENV=offline's stacks: production's): ${provinces} provinces, ${schedule.slots.length} slots in ${hours} of the week's ${schedule.periodHours} hours (hour 0 = Monday 00:00 UTC; the workflow runs at :17).\n` +
    `Each hour's drift stays within ${count(schedule.hourlyBudget)} DNSimple requests, half of the account's ${count(schedule.hourlyLimit)} (dnsimple.hourlyRequestLimit): deploys keep the other half. Largest slot ${count(largest)}.\n` +
    `Every stack refreshed once a week: ${count(requests)} requests, ${percent(requests, weekBudget)} of drift's ${count(weekBudget)} a week (${percent(requests, schedule.hourlyLimit * schedule.periodHours)} of the account's).\n\n`;
  const rows = [
    ["hour", "UTC", "province", "slot", "DNSimple requests", "stacks"],
    ...schedule.slots.map((slot) => [String(slot.hour), hourLabel(slot.hour), slot.province, `${slot.slot}/${slot.of}`, String(slot.requests), stackList(slot.stacks, slot.province)]),
  ];
  const widths = rows[0].map((_, column) => Math.max(...rows.map((cells) => cells[column].length)));
  const line = (cells: string[]) => cells.map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column]))).join("  ").trimEnd();
  return `${header}${rows.map(line).join("\n")}\n`;
}
