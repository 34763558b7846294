import { existsSync, readdirSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import type { Province } from "../model/province";
import { buildProvince } from "./build-province";
import { joinUnits } from "./join-units";
import { ConfigError } from "./problems";
import { readSettings } from "./read-settings";
import { readTable } from "./read-table";
import { newUnitTable, oldUnitTable } from "./unit-tables";

export const DEFAULT_PROVINCE = "binh-thuan";

/**
 * A province's folder name: lower-case letters and digits in hyphen-separated words. It names the stacks and the
 * state prefixes, and a path (`../../etc`, `config/binh-thuan`) must never reach outside config/.
 */
const PROVINCE_FOLDER = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Why `name` is not a province folder name, or undefined. */
export function provinceNameProblem(name: string): string | undefined {
  return PROVINCE_FOLDER.test(name) ? undefined : `"${name}" is not a plain folder name (lower-case letters, digits and hyphens, such as ${DEFAULT_PROVINCE})`;
}

/**
 * The folder of a province's config: `config/<province>/` below the project root. A PROVINCE that is a path is
 * refused, and so is an empty one (`PROVINCE=`, a variable a script forgot to fill): only an unset PROVINCE means the
 * default, which callers pass as `process.env.PROVINCE ?? DEFAULT_PROVINCE`.
 */
export function provinceDir(province: string, root = join(__dirname, "..", "..")): string {
  const problem = province === "" ? "is set but empty" : provinceNameProblem(province);
  if (problem) {
    const provinces = folderNames(join(root, "config")).join(", ") || "none";
    const fix = province === "" ? `set PROVINCE to the name of a folder of config/ (${provinces}), or unset it for ${DEFAULT_PROVINCE}` : `set PROVINCE to the name of a folder of config/ (${provinces}), not a path`;
    throw new ConfigError([{ file: "PROVINCE", message: problem, fix }]);
  }
  return join(root, "config", province);
}

function folderNames(parent: string): string[] {
  return existsSync(parent) ? readdirSync(parent, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort() : [];
}

/**
 * Reads, checks and models one province's config folder. Throws a ConfigError listing every problem found;
 * nothing downstream runs on a config with problems.
 */
export function loadProvince(dir: string): Province {
  const shown = (name: string) => relative(process.cwd(), join(dir, name)) || name;
  if (!existsSync(dir)) {
    // A mistyped PROVINCE: one problem listing the folders that do exist, not three unreadable files.
    const provinces = folderNames(dirname(dir));
    throw new ConfigError([{
      file: relative(process.cwd(), dir) || dir,
      message: `the folder does not exist; provinces: ${provinces.join(", ") || "none"}`,
      fix: `set PROVINCE to one of the provinces, or create the folder with settings.yaml, new-units.csv and old-units.csv`,
    }]);
  }
  const files = { newUnits: shown("new-units.csv"), oldUnits: shown("old-units.csv"), settings: shown("settings.yaml") };
  const settings = readSettings(files.settings);
  const newUnits = readTable(files.newUnits, newUnitTable);
  const oldUnits = readTable(files.oldUnits, oldUnitTable);
  const problems = [...settings.problems, ...newUnits.problems, ...oldUnits.problems];
  const tablesRead = [newUnits, oldUnits].every((table) => table.rows.length + table.rejected.length > 0);
  if (!settings.settings || !tablesRead) {
    // The joins of the two tables need no settings: their problems show in the same run.
    throw new ConfigError(tablesRead ? [...problems, ...joinUnits(files, newUnits, oldUnits).problems] : problems);
  }

  // Cross-row checks run on the rows that passed, so one run reports row problems and join problems alike.
  const id = dir.split(/[\\/]/).filter(Boolean).pop() ?? DEFAULT_PROVINCE;
  const built = buildProvince(id, files, settings.settings, newUnits, oldUnits);
  if (!built.province || problems.length > 0) throw new ConfigError([...problems, ...built.problems]);
  return { ...built.province, placeholders: settings.placeholders ?? [] };
}
