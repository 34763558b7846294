import { existsSync } from "node:fs";
import { join, relative } from "node:path";
import { type JoinedUnits, joinUnits } from "../load/join-units";
import { type ConfigProblem, describeRow } from "../load/problems";
import { readTable } from "../load/read-table";
import { type DistrictRow, districtTable, type NewRow, newUnitTable, type OldRow, oldUnitTable } from "../load/unit-tables";
import { suggestion } from "../load/util";

/** A province given in the national data's three-file format (data/vn-2025/<province>/). */
export interface ProvinceSource {
  /** The three files as messages show them. */
  readonly files: { readonly newUnits: string; readonly oldUnits: string; readonly districts: string };
  readonly newRows: readonly NewRow[];
  readonly oldRows: readonly OldRow[];
  readonly districts: ReadonlyMap<string, DistrictRow>;
  readonly joined: JoinedUnits;
  /** The folder's SOURCES.md, when it has one. */
  readonly sourcesFile?: string;
}

/**
 * Reads and checks a province's three files with the loader's table specs and joins, so that bad input gets the
 * same messages as a bad config; adds the checks of districts.csv: every district a unit names has a row there
 * (with its code), and every row there is a district some unit names.
 */
export function readSource(dir: string): { source?: ProvinceSource; problems: ConfigProblem[] } {
  const shown = (name: string) => relative(process.cwd(), join(dir, name)) || name;
  const files = { newUnits: shown("new-units.csv"), oldUnits: shown("old-units.csv"), districts: shown("districts.csv") };
  const newUnits = readTable(files.newUnits, newUnitTable);
  const oldUnits = readTable(files.oldUnits, oldUnitTable);
  const districtTableRead = readTable(files.districts, districtTable);
  const problems: ConfigProblem[] = [...newUnits.problems, ...oldUnits.problems, ...districtTableRead.problems];
  const tablesRead = [newUnits, oldUnits].every((table) => table.rows.length + table.rejected.length > 0);
  if (!tablesRead) return { problems };

  const joined = joinUnits(files, newUnits, oldUnits, { successorsDecided: true });
  problems.push(...joined.problems);

  const districts = new Map<string, DistrictRow>();
  const byCode = new Map<string, DistrictRow>();
  for (const row of districtTableRead.rows) {
    const sameName = districts.get(row.name);
    const sameCode = byCode.get(row.code);
    if (sameName) problems.push({ file: files.districts, row: row.row, unit: row.name, message: `the district is also in row ${sameName.row}`, fix: "delete the duplicate row" });
    else if (sameCode) problems.push({ file: files.districts, row: row.row, unit: row.name, message: `code ${row.code} is also the code of ${sameCode.name} in row ${sameCode.row}`, fix: "each district has its own code: correct one of the two rows" });
    else {
      districts.set(row.name, row);
      byCode.set(row.code, row);
    }
  }
  // A district on a refused row is not reported again as missing.
  const refused = new Set(districtTableRead.rejected.map((cells) => cells.name));
  const tableNames = [...districts.keys()];
  const districtsRead = districtTableRead.rows.length + districtTableRead.rejected.length > 0;
  const missing = (name: string) => districtsRead && !districts.has(name) && !refused.has(name);
  for (const [name, rows] of joined.districtRows) {
    if (missing(name)) problems.push({ file: files.oldUnits, row: rows[0].row, unit: describeRow(rows[0]), message: `district "${name}" has no row in ${files.districts}`, fix: `add its row with its 3-digit GSO code (code,name,old_province_code,old_province)${suggestion(name, tableNames)}` });
  }
  for (const [name, rows] of joined.communelessDistricts) {
    if (missing(name)) problems.push({ file: files.newUnits, row: rows[0].row, unit: describeRow(rows[0]), message: `no old unit has merged_into naming this unit, and its former_district "${name}" has no row in ${files.districts}`, fix: `for a district that had no commune, add its row to ${files.districts}; otherwise add the unit's predecessors to ${files.oldUnits}, or correct its name to match their merged_into` });
  }
  const named = new Set([...joined.districtRows.keys(), ...joined.communelessDistricts.keys()]);
  for (const row of districts.values()) {
    if (!named.has(row.name)) problems.push({ file: files.districts, row: row.row, unit: row.name, message: "no unit names this district", fix: `delete the row, or write its name as the district column of ${files.oldUnits} does${suggestion(row.name, [...named])}` });
  }

  const refusedRows = newUnits.rejected.length + oldUnits.rejected.length + districtTableRead.rejected.length > 0;
  if (problems.length > 0 || refusedRows) return { problems };
  const sourcesFile = existsSync(join(dir, "SOURCES.md")) ? join(dir, "SOURCES.md") : undefined;
  return { source: { files, newRows: newUnits.rows, oldRows: oldUnits.rows, districts, joined, sourcesFile }, problems };
}
