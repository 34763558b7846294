import { createHash } from "node:crypto";
import { canonicalTerraform } from "../changes/changed-stacks";

/**
 * One resource change of a saved plan, as `terraform show -json <planfile>` gives it (its `resource_changes`):
 * https://developer.hashicorp.com/terraform/internals/json-format#change-representation.
 */
export interface PlannedChange {
  readonly address: string;
  readonly actions: readonly string[];
  readonly after: unknown;
  /** The same shape as `after`, true where the value is known only after apply. */
  readonly afterUnknown: unknown;
}

interface PlanJson {
  readonly resource_changes?: readonly { address: string; change: { actions: string[]; after?: unknown; after_unknown?: unknown } }[];
}

/** The changes a plan makes (no-ops and reads left out), sorted by address. */
export function plannedChanges(showJson: string): PlannedChange[] {
  const plan = JSON.parse(showJson) as PlanJson;
  return (plan.resource_changes ?? [])
    .filter(({ change }) => !change.actions.every((action) => action === "no-op" || action === "read"))
    .map(({ address, change }) => ({ address, actions: change.actions, after: change.after ?? null, afterUnknown: change.after_unknown ?? false }))
    .sort((a, b) => a.address.localeCompare(b.address));
}

/** A digest of what a plan changes, independent of key order, timestamps and the plan file's bytes. */
export function changesDigest(changes: readonly PlannedChange[]): string {
  return createHash("sha256").update(JSON.stringify(canonicalTerraform(changes))).digest("hex");
}

/** Whether `value` is what the approved plan said, where the approved plan knew it (`unknown` true: anything goes). */
function agrees(approved: unknown, unknown: unknown, value: unknown): boolean {
  if (unknown === true) return true;
  if (Array.isArray(approved) && Array.isArray(value)) {
    return approved.length === value.length && approved.every((item, index) => agrees(item, Array.isArray(unknown) ? unknown[index] : false, value[index]));
  }
  if (approved && value && typeof approved === "object" && typeof value === "object") {
    const keys = new Set([...Object.keys(approved), ...Object.keys(value)]);
    const unknowns = (unknown && typeof unknown === "object" ? unknown : {}) as Record<string, unknown>;
    return [...keys].every((key) => agrees((approved as Record<string, unknown>)[key], unknowns[key], (value as Record<string, unknown>)[key]));
  }
  return JSON.stringify(approved) === JSON.stringify(value);
}

/**
 * The changes of a fresh plan that the approved plan does not contain — same address, same actions, and every
 * value the approved plan knew unchanged. A stack whose apply stopped part-way (a 429, a cancelled job) plans only
 * what is left of the approved changes, so none is listed; anything else is a change nobody reviewed.
 */
export function unapprovedChanges(approved: readonly PlannedChange[], fresh: readonly PlannedChange[]): string[] {
  const byAddress = new Map(approved.map((change) => [change.address, change]));
  return fresh
    .filter((change) => {
      const reviewed = byAddress.get(change.address);
      return !reviewed || reviewed.actions.join(",") !== change.actions.join(",") || !agrees(reviewed.after, reviewed.afterUnknown, change.after);
    })
    .map((change) => `${change.address} (${change.actions.join(", ")})`);
}
