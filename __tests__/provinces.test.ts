import { readdirSync } from "node:fs";
import { join } from "node:path";
import { loadProvince, provinceDir } from "../src/load/load-province";
import { provinceLabel } from "../src/scaffold/domains";
import { readNationalProvinces } from "../src/scaffold/national-provinces";
import { identifyProvince } from "../src/scaffold/province-identity";
import { readSource } from "../src/scaffold/source";

/**
 * Every province: the national data reads with the loader's table specs and checks, and config/ carries a config
 * that loads for every bundled province (loader only; provinces-synth.test.ts synthesizes some).
 */

const DATA = join(__dirname, "..", "data", "vn-2025");
const folders = (dir: string) => readdirSync(dir, { withFileTypes: true }).filter((entry) => entry.isDirectory() && !entry.name.startsWith(".")).map((entry) => entry.name).sort();
const bundled = folders(DATA);

describe("the national data", () => {
  it("has 32 provinces, 3,155 new units and 9,578 old units with 419 split (the counts of its SOURCES.md), and reads without a problem", () => {
    let newUnits = 0;
    let oldUnits = 0;
    let splits = 0;
    for (const province of bundled) {
      const { source, problems } = readSource(join(DATA, province));
      expect([province, problems]).toEqual([province, []]);
      newUnits += source!.newRows.length;
      oldUnits += source!.joined.oldDrafts.length;
      splits += source!.joined.oldDrafts.filter((draft) => draft.mergedInto.length > 1).length;
    }
    expect([bundled.length, newUnits, oldUnits, splits]).toEqual([32, 3155, 9578, 419]);
  });
});

describe("the national table of the 34 provinces (data/vn-2025/provinces.csv)", () => {
  const { national, problems } = readNationalProvinces(join(__dirname, ".."));

  it("reads without a problem: 34 provinces from 63 old ones", () => {
    expect(problems).toEqual([]);
    expect([national!.provinces.length, national!.provinces.flatMap((row) => row.merged).length]).toEqual([34, 63]);
  });

  it.each(bundled)("names %s after its folder, from every old province its districts.csv names", (folder) => {
    const { source } = readSource(join(DATA, folder));
    const { identity } = identifyProvince(source!, folder, national!);
    expect([provinceLabel(identity!.name), identity!.folderNote, identity!.reason.includes("the lists have no district")]).toEqual([folder.replace(/-/g, ""), undefined, false]);
  });
});

describe("config/", () => {
  it("carries the seed example and every bundled province", () => {
    expect(folders(join(__dirname, "..", "config"))).toEqual(["binh-thuan", ...bundled].sort());
  });

  it.each(bundled)("%s loads with every new unit, old unit and district of its data", (folder) => {
    const { source } = readSource(join(DATA, folder));
    const province = loadProvince(provinceDir(folder));
    expect(province.communes.map((commune) => commune.code).sort()).toEqual(source!.newRows.map((row) => row.code).sort());
    expect(province.retired.map((unit) => unit.id).sort()).toEqual([...source!.joined.oldDrafts.map((draft) => draft.rows[0].code), ...[...source!.districts.values()].map((district) => `d${district.code}`)].sort());
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
