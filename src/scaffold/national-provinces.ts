import { join, relative } from "node:path";
import { type ConfigProblem, describeRow } from "../load/problems";
import { readTable } from "../load/read-table";
import { type NationalProvinceRow, nationalProvinceTable } from "../load/unit-tables";

/** The national data below the project root: one folder per bundled province, and the table of the 34. */
export const NATIONAL_DATA = join("data", "vn-2025");
export const NATIONAL_PROVINCES = join(NATIONAL_DATA, "provinces.csv");

export interface NationalProvinces {
  /** The file as messages show it. */
  readonly file: string;
  readonly provinces: readonly NationalProvinceRow[];
}

/**
 * Reads data/vn-2025/provinces.csv with the loader's table reader; checks that no old province is merged into
 * two new ones, and no code is used twice.
 */
export function readNationalProvinces(root: string): { national?: NationalProvinces; problems: ConfigProblem[] } {
  const file = relative(process.cwd(), join(root, NATIONAL_PROVINCES)) || NATIONAL_PROVINCES;
  const table = readTable(file, nationalProvinceTable);
  const problems = [...table.problems];
  const rowOfCode = new Map<string, number>();
  const rowOfOld = new Map<string, number>();
  for (const row of table.rows) {
    const unit = describeRow(row);
    const sameCode = rowOfCode.get(row.code);
    if (sameCode) problems.push({ file, row: row.row, unit, message: `code ${row.code} is also the code of row ${sameCode}`, fix: "each province has its own code: correct one of the two rows" });
    rowOfCode.set(row.code, row.row);
    for (const old of row.merged) {
      const sameOld = rowOfOld.get(old.code);
      if (sameOld) problems.push({ file, row: row.row, unit, message: `${old.name} (${old.code}) is also merged in row ${sameOld}`, fix: "an old province went whole into one new province: keep it in one row" });
      rowOfOld.set(old.code, row.row);
    }
  }
  if (problems.length > 0 || table.rejected.length > 0) return { problems };
  return { national: { file, provinces: table.rows }, problems };
}
