import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { loadProvince, provinceDir } from "../../src/load/load-province";
import type { Province } from "../../src/model/province";
import { NATIONAL_DATA, readNationalProvinces } from "../../src/scaffold/national-provinces";
import { identifyProvince, listedOldProvinces } from "../../src/scaffold/province-identity";
import { readSource } from "../../src/scaffold/source";

/**
 * The checks `npm test` runs on every province of a project root, over the folders the root holds (never a fixed
 * list): onboarding a province with `npm run new-province` keeps them green. Declared as describe/it blocks, so
 * that a test can run the same checks over a temp project root.
 */

/** Sub-folders of `dir` (links to folders too), sorted; not staging folders (.new-…). */
export const foldersOf = (dir: string): string[] =>
  existsSync(dir) ? readdirSync(dir).filter((name) => !name.startsWith(".") && statSync(join(dir, name)).isDirectory()).sort() : [];

/** A province's row of the counts table of data/vn-2025/SOURCES.md. */
export interface DocumentedCounts {
  readonly province: string;
  readonly newUnits: number;
  readonly oldUnits: number;
  readonly rows: number;
  readonly splits: number;
  readonly districts: number;
  readonly oldProvinces: readonly string[];
}

/** "| lam-dong | Tỉnh Lâm Đồng | 124 | 103/20/1 | 333 | 335 | 2 | 28 | Tỉnh Bình Thuận, … | 1671/NQ-UBTVQH15 (…) |" */
const COUNTS_ROW = /^\| ([a-z0-9-]+) \| ([^|]+) \| (\d+) \| \d+\/\d+\/\d+ \| (\d+) \| (\d+) \| (\d+) \| (\d+) \| ([^|]+) \| [^|]+ \|$/;

/** The counts table of the national data's SOURCES.md, by folder. */
export function documentedCounts(root: string): Map<string, DocumentedCounts> {
  const text = readFileSync(join(root, NATIONAL_DATA, "SOURCES.md"), "utf8");
  return new Map(text.split("\n").flatMap((line) => {
    const cells = COUNTS_ROW.exec(line);
    if (!cells) return [];
    const [, folder, province, newUnits, oldUnits, rows, splits, districts, oldProvinces] = cells;
    return [[folder, { province, newUnits: +newUnits, oldUnits: +oldUnits, rows: +rows, splits: +splits, districts: +districts, oldProvinces: oldProvinces.split(", ").sort() }]];
  }));
}

export function describeProvinceChecks(root: string): void {
  const bundled = foldersOf(join(root, NATIONAL_DATA));
  const configs = foldersOf(join(root, "config"));

  describe("the national data", () => {
    const { national, problems } = readNationalProvinces(root);
    const documented = documentedCounts(root);

    it("provinces.csv reads without a problem", () => {
      expect(problems).toEqual([]);
    });

    it.each(bundled)("%s reads without a problem, has the counts its SOURCES.md row gives, and provinces.csv names it after its folder", (folder) => {
      const { source, problems: sourceProblems } = readSource(join(root, NATIONAL_DATA, folder));
      expect(sourceProblems).toEqual([]);
      const identity = identifyProvince(source!, folder, national!).identity!;
      expect({
        province: identity.name,
        newUnits: source!.newRows.length,
        oldUnits: source!.joined.oldDrafts.length,
        rows: source!.oldRows.length,
        splits: source!.joined.oldDrafts.filter((draft) => draft.mergedInto.length > 1).length,
        districts: source!.districts.size,
        oldProvinces: listedOldProvinces(source!).map((province) => province.name).sort(),
      }).toEqual(documented.get(folder));
      // Named after its folder, from all the old provinces the table merged into it.
      expect([identity.folderNote, identity.reason.includes("the lists have no district")]).toEqual([undefined, false]);
    });
  });

  describe("config/", () => {
    it("carries a config for every bundled province", () => {
      expect(bundled.filter((folder) => !configs.includes(folder))).toEqual([]);
    });

    // Loaded once for both checks below.
    const loaded = new Map<string, Province>();
    const load = (folder: string) => loaded.get(folder) ?? loaded.set(folder, loadProvince(provinceDir(folder, root))).get(folder)!;

    it.each(configs)("%s loads and says where its lists came from (SOURCES.md)", (folder) => {
      expect(load(folder).communes.length).toBeGreaterThan(0);
      expect(existsSync(join(root, "config", folder, "SOURCES.md"))).toBe(true);
    });

    it.each(bundled)("%s has every new unit, old unit and district of its bundled lists", (folder) => {
      const province = load(folder);
      const { source } = readSource(join(root, NATIONAL_DATA, folder));
      expect(province.communes.map((commune) => commune.code).sort()).toEqual(source!.newRows.map((row) => row.code).sort());
      expect(province.retired.map((unit) => unit.id).sort()).toEqual([...source!.joined.oldDrafts.map((draft) => draft.rows[0].code), ...[...source!.districts.values()].map((district) => `d${district.code}`)].sort());
    });
  });
}
