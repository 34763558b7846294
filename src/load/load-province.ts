import { existsSync, readdirSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import type { Province } from "../model/province";
import { buildProvince } from "./build-province";
import { ConfigError } from "./problems";
import { readSettings } from "./read-settings";
import { readTable } from "./read-table";
import { newUnitTable, oldUnitTable } from "./unit-tables";

export const DEFAULT_PROVINCE = "binh-thuan";

/** The folder of a province's config: `config/<province>/` below the project root. */
export function provinceDir(province: string, root = join(__dirname, "..", "..")): string {
  return join(root, "config", province);
}

/**
 * Reads, checks and models one province's config folder. Throws a ConfigError listing every problem found;
 * nothing downstream runs on a config with problems.
 */
export function loadProvince(dir: string): Province {
  const shown = (name: string) => relative(process.cwd(), join(dir, name)) || name;
  if (!existsSync(dir)) {
    // A mistyped PROVINCE: one problem listing the folders that do exist, not three unreadable files.
    const parent = dirname(dir);
    const provinces = existsSync(parent) ? readdirSync(parent, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort() : [];
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
  if (!settings.settings || !tablesRead) throw new ConfigError(problems);

  // Cross-row checks run on the rows that passed, so one run reports row problems and join problems alike.
  const id = dir.split(/[\\/]/).filter(Boolean).pop() ?? DEFAULT_PROVINCE;
  const built = buildProvince(id, files, settings.settings, newUnits, oldUnits);
  if (!built.province || problems.length > 0) throw new ConfigError([...problems, ...built.problems]);
  return built.province;
}
