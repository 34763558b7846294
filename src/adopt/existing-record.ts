import type { AdoptedRecord } from "../model/adopted-zone";

/** A record as an export gives it, before anyone decided about it. */
export type ExistingRecord = Omit<AdoptedRecord, "decision">;

/** A zone read from an export: its name and records, or what is wrong with the export. */
export type ExportRead = { readonly zone: string; readonly records: ExistingRecord[] } | { readonly problems: string[] };

/** Records in a stable order (apex first, then by name, type, priority, content): the file never depends on the export's order. */
export function sortRecords<R extends ExistingRecord>(records: readonly R[]): R[] {
  const key = (record: R) => [record.name, record.type, String(record.priority ?? -1).padStart(6, "0"), record.content];
  return [...records].sort((a, b) => {
    const [left, right] = [key(a), key(b)];
    for (let index = 0; index < left.length; index++) if (left[index] !== right[index]) return left[index] < right[index] ? -1 : 1;
    return (a.id ?? 0) - (b.id ?? 0);
  });
}

/** Whether two exports' records are the same record: by DNSimple id when both have one, else by what they hold. */
export function sameRecord(a: ExistingRecord, b: ExistingRecord): boolean {
  if (a.id !== undefined && b.id !== undefined) return a.id === b.id;
  return a.name === b.name && a.type === b.type && a.content === b.content && a.priority === b.priority;
}
