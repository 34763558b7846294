import { readFileSync } from "node:fs";
import { CsvError, parse } from "csv-parse/sync";
import type { z } from "zod";
import type { ConfigProblem } from "./problems";

export interface TableSpec<Row> {
  readonly required: readonly string[];
  readonly optional: readonly string[];
  readonly row: z.ZodType<Row>;
  /** How to fix a bad value, per column. */
  readonly fixes: Readonly<Record<string, string>>;
  /** How a row names its unit in a message, from whatever of its cells are there. */
  readonly describe: (cells: Record<string, string>) => string | undefined;
}

export type Numbered<Row> = Row & { readonly row: number };

export interface TableResult<Row> {
  readonly rows: Numbered<Row>[];
  /** Cells of the rows refused, so that cross-row checks do not report their absence as a second problem. */
  readonly rejected: Record<string, string>[];
  readonly problems: ConfigProblem[];
}

/**
 * Reads a UTF-8 CSV with a header row. Cells are trimmed and put in Unicode NFC (a name typed in NFD, as some
 * editors do, is the same name); a byte-order mark is dropped. Every row is checked, and every problem reported.
 */
export function readTable<Row>(file: string, spec: TableSpec<Row>): TableResult<Row> {
  const problems: ConfigProblem[] = [];
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return { rows: [], rejected: [], problems: [{ file, message: "the file cannot be read", fix: "create it with its header row: " + spec.required.join(",") }] };
  }
  let records: { record: Record<string, string>; info: { lines: number; columns: { name: string }[] } }[];
  try {
    records = parse(text, { columns: true, bom: true, trim: true, skip_empty_lines: true, relax_column_count_less: true, info: true });
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const row = (error as CsvError & { lines?: number }).lines;
    return { rows: [], rejected: [], problems: [{ file, row, message: `the file is not valid CSV (${error.message})`, fix: "save it as comma-separated UTF-8 text with one unit per row and quotes closed" }] };
  }
  if (records.length === 0) {
    return { rows: [], rejected: [], problems: [{ file, message: "the file has no rows", fix: `write the header row (${spec.required.join(",")}) and one row per unit` }] };
  }

  const columns = records[0].info.columns.map((column) => column.name);
  const missing = spec.required.filter((column) => !columns.includes(column));
  const unknown = columns.filter((column) => !spec.required.includes(column) && !spec.optional.includes(column));
  if (missing.length > 0) {
    problems.push({ file, row: 1, message: `the header lacks the column${missing.length > 1 ? "s" : ""} ${missing.join(", ")}`, fix: `the header must have ${spec.required.join(",")} and may add ${spec.optional.join(", ")}` });
  }
  if (unknown.length > 0) {
    problems.push({ file, row: 1, message: `the header has unknown column${unknown.length > 1 ? "s" : ""} ${unknown.map((c) => `"${c}"`).join(", ")}`, fix: `use only ${[...spec.required, ...spec.optional].join(", ")} (spelled exactly, lower case)` });
  }
  if (problems.length > 0) return { rows: [], rejected: [], problems };

  const rows: Numbered<Row>[] = [];
  const rejected: Record<string, string>[] = [];
  for (const { record, info } of records) {
    // A short row (trailing optional cells left out) reads as empty cells.
    const cells = Object.fromEntries(columns.map((column) => [column, (record[column] ?? "").normalize("NFC")]));
    const parsed = spec.row.safeParse(cells);
    if (parsed.success) {
      rows.push({ ...parsed.data, row: info.lines });
      continue;
    }
    rejected.push(cells);
    for (const issue of parsed.error.issues) {
      const column = String(issue.path[0]);
      problems.push({
        file,
        row: info.lines,
        unit: spec.describe(cells),
        message: `${column} ${cells[column] ? `"${cells[column]}" ` : ""}${issue.message}`,
        fix: spec.fixes[column] ?? "correct the value",
      });
    }
  }
  return { rows, rejected, problems };
}
