import { readFileSync } from "node:fs";
import { CsvError, parse } from "csv-parse/sync";
import type { z } from "zod";
import type { ConfigProblem } from "./problems";
import { suggestion } from "./util";

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

/** The fix for a file saved in another encoding (Excel's plain "CSV" is Windows-1258 on Vietnamese Windows). */
export const SAVE_AS_UTF8 = 'save it as UTF-8: in Excel "Save As" > "CSV UTF-8 (Comma delimited)", in a text editor choose the encoding UTF-8';

/**
 * A file's text, or why it is not UTF-8. Node's "utf8" reading silently turns bytes of another encoding into
 * U+FFFD, which would then surface as names that match nothing; a strict decoder refuses them instead, and the
 * problem names the line of the first bad byte.
 */
export function readUtf8(file: string): { text: string } | { message: string; row?: number } | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return undefined;
  }
  const utf16 = { message: "the file is UTF-16 text, not UTF-8" };
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    // UTF-16 without a byte-order mark can decode as UTF-8, with a NUL byte beside every ASCII letter.
    return text.includes("\0") ? utf16 : { text };
  } catch {
    if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return utf16;
    const lenient = new TextDecoder("utf-8").decode(bytes);
    const bad = lenient.indexOf("\uFFFD");
    const row = bad < 0 ? undefined : lenient.slice(0, bad).split("\n").length;
    return { message: "the file is not UTF-8 text (it is probably Windows-1258 or another legacy encoding)", row };
  }
}

/** Separators that spreadsheets write instead of commas: ";" where the list separator is ";" (Vietnamese Windows), tab. */
const OTHER_SEPARATORS = [";", "\t"] as const;

/**
 * The separator of a header written with something else than commas, when that is what it is: no comma in it, and
 * split on the other separator it names at least two of the table's columns. Such a file reads as one column,
 * which would be reported as a missing and an unknown column instead of the one real problem.
 */
function otherSeparator(text: string, columns: readonly string[]): string | undefined {
  const header = text.replace(/^\uFEFF/, "").split(/\r?\n/).find((line) => line.trim() !== "") ?? "";
  if (header.includes(",")) return undefined;
  return OTHER_SEPARATORS.find((separator) => header.split(separator).filter((cell) => columns.includes(cell.trim())).length >= 2);
}

/** The line of the quote left open at the end of the text (a doubled quote "" toggles twice and cancels out). */
function unclosedQuoteLine(text: string): number | undefined {
  let opened: number | undefined;
  for (let index = text.indexOf('"'); index >= 0; index = text.indexOf('"', index + 1)) opened = opened === undefined ? index : undefined;
  return opened === undefined ? undefined : text.slice(0, opened).split("\n").length;
}

/**
 * Reads a UTF-8 CSV with a header row. Cells are put in Unicode NFC (a name typed in NFD, as some editors do, is
 * the same name), trimmed, and runs of white space inside them (double spaces, tabs, Excel's no-break spaces)
 * collapse to one space: "Xã  An Phú" is a typing slip for "Xã An Phú", not another unit, and names are join
 * keys whose white space no reviewer can see. A byte-order mark is dropped. Every row is checked, and every
 * problem reported.
 */
export function readTable<Row>(file: string, spec: TableSpec<Row>): TableResult<Row> {
  const problems: ConfigProblem[] = [];
  const read = readUtf8(file);
  if (!read) {
    return { rows: [], rejected: [], problems: [{ file, message: "the file cannot be read", fix: "create it with its header row: " + spec.required.join(",") }] };
  }
  if (!("text" in read)) return { rows: [], rejected: [], problems: [{ file, row: read.row, message: read.message, fix: SAVE_AS_UTF8 }] };
  const text = read.text;
  const separator = otherSeparator(text, [...spec.required, ...spec.optional]);
  if (separator) {
    const named = separator === "\t" ? "tabs" : `"${separator}"`;
    return { rows: [], rejected: [], problems: [{ file, row: 1, message: `the file is separated by ${named}, not by commas`, fix: `save it as CSV with commas: in Excel "Save As" > "CSV UTF-8 (Comma delimited)" (a Windows whose list separator is ";" writes ";" otherwise)` }] };
  }
  let records: { record: Record<string, string>; info: { lines: number; columns: { name: string }[] } }[];
  try {
    records = parse(text, { columns: true, bom: true, trim: true, skip_empty_lines: true, relax_column_count_less: true, info: true });
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const row = (error as CsvError & { lines?: number }).lines;
    if (error.code === "CSV_QUOTE_NOT_CLOSED") {
      // csv-parse reports the last line, where it gave up; the quote that never closed is what needs fixing.
      return { rows: [], rejected: [], problems: [{ file, row: unclosedQuoteLine(text), message: "a cell opens a double quote (\") that is never closed, so the rest of the file reads as one cell", fix: 'close the quote at the end of the cell, or write a quote inside a cell as two ("")' }] };
    }
    if (error.code === "CSV_RECORD_INCONSISTENT_COLUMNS") {
      const { columns, record } = error as CsvError & { columns?: unknown[]; record?: unknown[] };
      const counts = columns && record ? ` (${record.length} cells, the header has ${columns.length})` : "";
      return { rows: [], rejected: [], problems: [{ file, row, message: `the row has more cells than the header${counts}`, fix: 'put double quotes around a cell that contains a comma ("Xã A, B"), or delete the extra cells' }] };
    }
    return { rows: [], rejected: [], problems: [{ file, row, message: `the file is not valid CSV (${error.message})`, fix: "save it as comma-separated UTF-8 text with one unit per row and quotes closed" }] };
  }
  if (records.length === 0) {
    const empty = text.replace(/^\uFEFF/, "").trim() === "";
    return { rows: [], rejected: [], problems: [{ file, message: empty ? "the file is empty" : "the file has a header but no rows", fix: `write the header row (${spec.required.join(",")}) and one row per unit` }] };
  }

  const columns = records[0].info.columns.map((column) => column.name);
  const missing = spec.required.filter((column) => !columns.includes(column));
  const unknown = columns.filter((column) => !spec.required.includes(column) && !spec.optional.includes(column));
  if (missing.length > 0) {
    problems.push({ file, row: 1, message: `the header lacks the column${missing.length > 1 ? "s" : ""} ${missing.join(", ")}`, fix: `the header must have ${spec.required.join(",")}${spec.optional.length > 0 ? ` and may add ${spec.optional.join(", ")}` : ""}` });
  }
  if (unknown.length > 0) {
    // A misspelt required column shows as one missing and one unknown: name the missing one meant.
    const nearest = suggestion(unknown[0], missing);
    problems.push({ file, row: 1, message: `the header has unknown column${unknown.length > 1 ? "s" : ""} ${unknown.map((c) => `"${c}"`).join(", ")}`, fix: `use only ${[...spec.required, ...spec.optional].join(", ")} (spelled exactly, lower case)${nearest}` });
  }
  if (problems.length > 0) return { rows: [], rejected: [], problems };

  const rows: Numbered<Row>[] = [];
  const rejected: Record<string, string>[] = [];
  for (const { record, info } of records) {
    // A short row (trailing optional cells left out) reads as empty cells.
    const cells = Object.fromEntries(columns.map((column) => [column, (record[column] ?? "").normalize("NFC").replace(/\s+/g, " ").trim()]));
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
        // A value outside a list (a kind, a lookup mode) gets the valid one it is a slip for: "Xã" → xa, "thi tran" → thi-tran.
        fix: (spec.fixes[column] ?? "correct the value") + (issue.code === "invalid_value" && cells[column] ? suggestion(cells[column], issue.values.map(String), 2) : ""),
      });
    }
  }
  return { rows, rejected, problems };
}
