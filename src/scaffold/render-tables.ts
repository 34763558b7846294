import { stringify } from "csv-stringify/sync";
import { newUnitTable, oldUnitTable } from "../load/unit-tables";
import type { ProvincePlan } from "./plan";

/** A table with its header row, a cell quoted when it holds a comma, a quote or a line break (RFC 4180), LF line ends. */
function table(columns: readonly string[], rows: readonly Record<string, string | number | undefined>[]): string {
  return stringify([...rows], { header: true, columns: [...columns], record_delimiter: "unix" });
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
