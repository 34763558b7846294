import { newUnitTable, oldUnitTable } from "../load/unit-tables";
import type { ProvincePlan } from "./plan";

/** A CSV cell: quoted when it holds a comma, a quote or a line break (RFC 4180), as csv-parse reads it back. */
function cell(value: string | number | undefined): string {
  if (value === undefined) return "";
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function table(columns: readonly string[], rows: readonly Record<string, string | number | undefined>[]): string {
  return [columns.join(","), ...rows.map((row) => columns.map((column) => cell(row[column])).join(","))].join("\n") + "\n";
}

/**
 * The config's two unit lists: the source's rows in the source's order, with every column a config may carry, and
 * the scaffold's decisions in their cells (slugs; successors of split units; old units' explicit domains).
 */
export function renderTables(plan: ProvincePlan): { newUnits: string; oldUnits: string } {
  const { source, domains, splitSuccessors } = plan;
  const newUnits = table(
    [...newUnitTable.required, ...newUnitTable.optional],
    source.newRows.map((row) => ({ ...row, slug: row.slug ?? domains.slugs.get(row.code) })),
  );
  const oldUnits = table(
    [...oldUnitTable.required, ...oldUnitTable.optional],
    source.oldRows.map((row) => ({ ...row, domain: row.domain ?? domains.oldDomains.get(row.code), successor: row.successor ?? splitSuccessors.get(row.code) })),
  );
  return { newUnits, oldUnits };
}
