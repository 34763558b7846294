import { existsSync, readdirSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import type { Province } from "../model/province";
import { adoptableZones } from "../model/zones";
import { readAdoptedZones } from "./adopted-zones";
import { buildProvince } from "./build-province";
import { joinUnits } from "./join-units";
import { checkStagingNames } from "./check-environments";
import { ConfigError, type ConfigProblem } from "./problems";
import { readSettings } from "./read-settings";
import { readTable } from "./read-table";
import { newUnitTable, oldUnitTable } from "./unit-tables";
import { suggestion } from "./util";

export const DEFAULT_PROVINCE = "lam-dong";

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

/** The province folders of config/, in name order. */
export function provinceFolders(root = join(__dirname, "..", "..")): string[] {
  return folderNames(join(root, "config"));
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
  const adopted = readAdoptedZones(dir, shown);
  const problems = [...settings.problems, ...newUnits.problems, ...oldUnits.problems, ...adopted.problems];
  const tablesRead = [newUnits, oldUnits].every((table) => table.rows.length + table.rejected.length > 0);
  if (!settings.settings || !tablesRead) {
    // The joins of the two tables need no settings: their problems show in the same run.
    throw new ConfigError(tablesRead ? [...problems, ...joinUnits(files, newUnits, oldUnits).problems] : problems);
  }

  // Cross-row checks run on the rows that passed, so one run reports row problems and join problems alike.
  const id = dir.split(/[\\/]/).filter(Boolean).pop() ?? DEFAULT_PROVINCE;
  const built = buildProvince(id, files, settings.settings, newUnits, oldUnits);
  problems.push(...successorProblems(id, settings.settings.supersededBy, dirname(dir), files.settings));
  if (!built.province || problems.length > 0) throw new ConfigError([...problems, ...built.problems]);
  const stagingProblems = checkStagingNames(built.province, files.settings);
  if (stagingProblems.length > 0) throw new ConfigError(stagingProblems);
  const undeclared = undeclaredZones(adopted.zones, adoptableZones(built.province));
  if (undeclared.length > 0) throw new ConfigError(undeclared);
  return { ...built.province, placeholders: settings.placeholders ?? [], adoptedZones: adopted.zones };
}

/** Adopted zones must be zones the province declares: a zone file for anything else would be silently ignored. */
function undeclaredZones(zones: readonly { zone: string; file: string }[], declared: readonly string[]): ConfigProblem[] {
  const known = new Set(declared);
  return zones
    .filter(({ zone }) => !known.has(zone))
    .map(({ zone, file }) => ({ file, message: `${zone} is not a zone of this province (a new commune's or an old unit's domain)`, fix: `remove the file, or correct the unit's domain in the config${suggestion(zone, declared)}` }));
}

/** supersededBy names another province folder beside this one: the province that runs these units now. */
function successorProblems(id: string, successor: string | undefined, configRoot: string, settingsFile: string): ConfigProblem[] {
  if (successor === undefined) return [];
  const provinces = folderNames(configRoot).filter((name) => name !== id);
  if (provinces.includes(successor)) return [];
  return [{
    file: settingsFile,
    message: successor === id ? "supersededBy names this province itself" : `supersededBy: "${successor}" is not a province folder beside this one`,
    fix: `name the folder of the province that runs these units now${suggestion(successor, provinces)}, or remove supersededBy`,
  }];
}
