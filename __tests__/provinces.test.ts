import { cpSync, mkdirSync, symlinkSync } from "node:fs";
import { join, relative } from "node:path";
import { loadProvince, provinceDir } from "../src/load/load-province";
import { NATIONAL_DATA, NATIONAL_PROVINCES, readNationalProvinces } from "../src/scaffold/national-provinces";
import { scaffoldProvince } from "../src/scaffold/scaffold";
import { describeProvinceChecks, documentedCounts, foldersOf } from "./support/province-checks";
import { tempDir } from "./support/temp";

/**
 * Every province: the national data reads with the loader's table specs and checks, and every config of config/
 * loads (loader only; provinces-synth.test.ts synthesizes some). The checks run over the folders there are, so
 * that `npm run new-province` followed by `npm test` passes; a temp project root proves it for a province whose
 * lists are not bundled.
 */

const ROOT = join(__dirname, "..");

describe("this project", () => {
  describeProvinceChecks(ROOT);

  it("bundles the lists of every province its national SOURCES.md counts, and provinces.csv has the 34 provinces from 63 old ones", () => {
    expect([...documentedCounts(ROOT).keys()].sort()).toEqual(foldersOf(join(ROOT, NATIONAL_DATA)));
    const { national } = readNationalProvinces(ROOT);
    expect([national!.provinces.length, national!.provinces.flatMap((row) => row.merged).length]).toEqual([34, 63]);
  });

  it("lam-dong runs Bình Thuận's 45 communes today, its old portals under binhthuan.gov.vn and Đắk Nông's under daknong.gov.vn", () => {
    const lamDong = loadProvince(provinceDir("lam-dong"));
    const binhThuan = loadProvince(provinceDir("binh-thuan"));
    expect(lamDong.communes).toHaveLength(124);
    const codes = new Set(lamDong.communes.map((commune) => commune.code));
    expect(binhThuan.communes.filter((commune) => !codes.has(commune.code))).toEqual([]);
    const domainOf = (id: string) => lamDong.retired.find((unit) => unit.id === id)?.domain;
    expect([domainOf("22978"), domainOf("d595"), domainOf("d663"), domainOf("d677")]).toEqual(["phongphu.tuyphong.binhthuan.gov.vn", "tuyphong.binhthuan.gov.vn", "dakmil.daknong.gov.vn", "donduong.lamdong.gov.vn"]);
    expect(lamDong.communes.find((commune) => commune.code === "22972")?.domain).toBe("phanricua.lamdong.gov.vn");
  });

  it("ha-noi gives each of its 199 split units a successor among the units it went to", () => {
    const haNoi = loadProvince(provinceDir("ha-noi"));
    const splits = haNoi.retired.filter((unit) => unit.district !== undefined && unit.mergedInto.length > 1);
    expect(splits).toHaveLength(199);
    expect(splits.filter((unit) => !unit.mergedInto.includes(unit.successor))).toEqual([]);
  });
});

/**
 * A project whose national data bundles Cao Bằng's lists but not Quảng Ninh's, onboarded as a province would be:
 * `npm run new-province -- quang-ninh --from <Quảng Ninh's lists>`. Its config/ (Cao Bằng's, linked
 * read-only) gains a province no bundled folder names, and the same checks pass over it.
 */
describe("a project after npm run new-province --from the lists of a province it does not bundle", () => {
  const root = tempDir("onboarded-");
  const lists = join(root, "incoming", "quang-ninh");
  mkdirSync(join(root, NATIONAL_DATA), { recursive: true });
  mkdirSync(join(root, "config"));
  for (const file of [NATIONAL_PROVINCES, join(NATIONAL_DATA, "SOURCES.md"), join(NATIONAL_DATA, "cao-bang"), join("config", "cao-bang")]) symlinkSync(join(ROOT, file), join(root, file));
  cpSync(join(ROOT, NATIONAL_DATA, "quang-ninh"), lists, { recursive: true });
  const outcome = scaffoldProvince({ root, folder: "quang-ninh", from: lists, force: false });

  it("scaffolds the province", () => {
    expect("written" in outcome && outcome.summary.split("\n")[0]).toBe(`new-province: wrote ${relative(process.cwd(), join(root, "config", "quang-ninh"))}/ for Tỉnh Quảng Ninh from the new-units.csv, old-units.csv and districts.csv given with --from: 54 new units, 184 retired units (171 old units and 13 districts)`);
    expect([foldersOf(join(root, NATIONAL_DATA)), foldersOf(join(root, "config"))]).toEqual([["cao-bang"], ["cao-bang", "quang-ninh"]]);
  });

  describeProvinceChecks(root);
});
