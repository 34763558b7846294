import { cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { loadProvince, provinceDir } from "../src/load/load-province";
import { ConfigError } from "../src/load/problems";
import { GCP_RESOURCE_NAME } from "../src/model/cloud-names";
import { configErrorOf, errorIn, loadFixture, TINY_NEW_UNITS, TINY_OLD_UNITS, TINY_SETTINGS } from "./support/fixture-config";
import { tempDir } from "./support/temp";

describe("the real Bình Thuận config", () => {
  const province = loadProvince(provinceDir("binh-thuan"));
  const oldCommuneLevel = province.retired.filter((unit) => unit.district !== undefined);
  const districts = province.retired.filter((unit) => unit.district === undefined);

  it("has 45 new units, 121 old commune-level units and 10 old districts", () => {
    expect(province.communes).toHaveLength(45);
    expect(oldCommuneLevel).toHaveLength(121);
    expect(districts.map((unit) => unit.name)).toHaveLength(10);
  });

  it("resolves both split communes to the successor the config names", () => {
    const split = oldCommuneLevel.filter((unit) => unit.mergedInto.length > 1);
    const byCode = new Map(province.communes.map((unit) => [unit.code, unit.name]));
    expect(split.map((unit) => [unit.name, unit.mergedInto.map((code) => byCode.get(code)), byCode.get(unit.successor)])).toEqual([
      ["Xã Phong Phú", ["Xã Phan Rí Cửa", "Xã Tuy Phong"], "Xã Tuy Phong"],
      ["Xã Hòa Thắng", ["Xã Hồng Thái", "Xã Hòa Thắng"], "Xã Hòa Thắng"],
    ]);
  });

  it("tells apart the repeated old names by district", () => {
    const tanHa = oldCommuneLevel.filter((unit) => unit.name === "Xã Tân Hà").map((unit) => unit.domain);
    expect(tanHa).toEqual(["tanha.duclinh.binhthuan.gov.vn", "tanha.hamtan.binhthuan.gov.vn"]);
  });

  it("gives every new unit a unique domain, tenant and bucket", () => {
    for (const key of ["domain", "tenantDisplayName", "bucketName"] as const) {
      expect(new Set(province.communes.map((unit) => unit[key])).size).toBe(45);
    }
    expect(province.communes.find((unit) => unit.code === "22972")).toMatchObject({ domain: "phanricua.binhthuan.gov.vn", tenantDisplayName: "PhanRiCua", bucketName: "binhthuan-prod-portal-22972" });
  });

  it("derives GCP resource names from codes, each valid", () => {
    const names = [...province.communes.flatMap((unit) => [unit.backendName, ...unit.hostnames.map((host) => host.certificateName)]), ...province.retired.flatMap((unit) => unit.lookupHosts.map((host) => host.certificateName))];
    expect(names.filter((name) => !GCP_RESOURCE_NAME.test(name))).toEqual([]);
    expect(new Set(names).size).toBe(names.length);
    expect(province.communes.find((unit) => unit.code === "22978")?.hostnames.map((host) => host.certificateName)).toEqual(["c22978-apex", "c22978-www", "c22978-mta-sts", "c22978-archive"]);
  });

  it("lets each namesake commune take its old district's domain over", () => {
    const tuyPhong = province.communes.find((unit) => unit.name === "Xã Tuy Phong");
    expect(tuyPhong?.takenOver).toEqual({ oldDomain: "tuyphong.binhthuan.gov.vn", archiveHost: "luutru.tuyphong.binhthuan.gov.vn", oldUnitId: "d595" });
    expect(districts.every((unit) => unit.takenOverBy !== undefined)).toBe(true);
  });
});

describe("config validation", () => {
  it("loads the tiny fixture", () => {
    const province = loadFixture();
    expect(province.communes.map((unit) => unit.domain)).toEqual(["anphu.thu.gov.vn", "songxanh.thu.gov.vn"]);
    expect(province.retired.map((unit) => unit.id)).toEqual(["00010", "00011", "00012", "d900"]);
  });

  it("reports an unknown merged_into with the closest name, and a new unit left without predecessors", () => {
    const oldUnits = TINY_OLD_UNITS.replace("00011,Thị trấn Đồi Cát,thi-tran,Huyện Sông Xanh,Xã Sông Xanh,", "00011,Thị trấn Đồi Cát,thi-tran,Huyện Sông Xanh,Xa Song Xang,")
      .replace(/Xã Sông Xanh,Xã An Phú\n/, "Xã An Phú,Xã An Phú\n");
    expect(configErrorOf({ oldUnits })).toBe(`The config has 3 problems; nothing was synthesized.

<dir>/old-units.csv, row 3, Thị trấn Đồi Cát (00011): merged_into "Xa Song Xang" names no new unit of <dir>/new-units.csv
  fix: write the new unit's exact name; did you mean "Xã Sông Xanh"?

<dir>/old-units.csv, row 5, Xã Bình Minh (00012): this row repeats row 4
  fix: delete the duplicate row

<dir>/new-units.csv, row 3, Xã Sông Xanh (00020): no old unit has merged_into naming this unit
  fix: add its predecessors to <dir>/old-units.csv, or correct the name to match their merged_into
`);
  });

  it("requires a split unit to name the successor that receives its domain", () => {
    const oldUnits = TINY_OLD_UNITS.replace(/,Xã An Phú\n/g, ",\n");
    expect(configErrorOf({ oldUnits })).toBe(`The config has 1 problem; nothing was synthesized.

<dir>/old-units.csv, row 4, Xã Bình Minh (00012): the unit is split between Xã An Phú and Xã Sông Xanh (rows 4, 5) but no row says which receives its domain
  fix: write the receiving unit's name (e.g. "Xã An Phú") in the successor column of each of its rows
`);
  });

  it("reports malformed and clashing codes, bad kinds and every row at once", () => {
    const newUnits = TINY_NEW_UNITS + "0003,Xã Ba Bể,xa,Huyện Sông Xanh\n00010,Xã Hòa Bình,huyen,Huyện Sông Xanh\n";
    const oldUnits = TINY_OLD_UNITS + "00011,Xã Khác,xa,Huyện Sông Xanh,Xã An Phú,\n";
    expect(configErrorOf({ newUnits, oldUnits })).toBe(`The config has 3 problems; nothing was synthesized.

<dir>/new-units.csv, row 4, Xã Ba Bể (0003): code "0003" is not a 5-digit unit code
  fix: write the unit's 5-digit GSO code (mã đơn vị hành chính)

<dir>/new-units.csv, row 5, Xã Hòa Bình (00010): kind "huyen" is not a kind of new unit
  fix: write xa, phuong or dac-khu

<dir>/old-units.csv, row 6, Xã Khác (00011): code 00011 is also the code of Thị trấn Đồi Cát (00011) of Huyện Sông Xanh in row 3
  fix: each old unit has its own code: correct one of the two rows
`);
  });

  it("refuses two new units whose names fold to the same label, until one has a slug", () => {
    const newUnits = TINY_NEW_UNITS + "00030,Phường An Phú,phuong,Huyện Sông Xanh\n";
    const oldUnits = TINY_OLD_UNITS + "00013,Xã An Phú Đông,xa,Huyện Sông Xanh,Phường An Phú,\n";
    expect(configErrorOf({ newUnits, oldUnits })).toBe(`The config has 2 problems; nothing was synthesized.

<dir>/new-units.csv, row 4, Phường An Phú (00030): its domain anphu.thu.gov.vn is also the domain of Xã An Phú (00010) (row 2)
  fix: give one of them a slug (a distinct domain label) in the slug column

<dir>/new-units.csv, row 4, Phường An Phú (00030): its identity tenant name "AnPhu" is also Xã An Phú (00010)'s (row 2)
  fix: give one of them a distinct slug
`);
    const settled = newUnits.replace("code,name,kind,former_district", "code,name,kind,former_district,slug").replace("Phường An Phú,phuong,Huyện Sông Xanh", "Phường An Phú,phuong,Huyện Sông Xanh,anphu-phuong");
    expect(loadFixture({ newUnits: settled, oldUnits }).communes.map((unit) => [unit.domain, unit.tenantDisplayName])).toContainEqual(["anphu-phuong.thu.gov.vn", "AnphuPhuong"]);
  });

  it("refuses a new unit that takes an old unit's domain without an explicit takeover", () => {
    const settings = TINY_SETTINGS.replace(/takeovers:\n.*\n/, "");
    expect(configErrorOf({ settings })).toBe(`The config has 1 problem; nothing was synthesized.

<dir>/new-units.csv, row 3, Xã Sông Xanh (00020): its domain songxanh.thu.gov.vn is the domain of old unit Huyện Sông Xanh (900)
  fix: give the new unit a slug, or let it take the old domain over in <dir>/settings.yaml: takeovers: { "songxanh.thu.gov.vn": { newUnit: "Xã Sông Xanh", reason: "…" } }
`);
  });

  it("checks domain labels: LDH, at most 63 characters, at most 253 in all", () => {
    const longName = "Xã " + "Rất Dài ".repeat(12).trim();
    const newUnits = TINY_NEW_UNITS + `00030,${longName},xa,Huyện Sông Xanh\n`;
    const oldUnits = TINY_OLD_UNITS + `00013,Xã Mới,xa,Huyện Sông Xanh,${longName},\n`;
    expect(configErrorOf({ newUnits, oldUnits })).toBe(`The config has 1 problem; nothing was synthesized.

<dir>/new-units.csv, row 4, ${longName} (00030): domain "${"ratdai".repeat(12)}.thu.gov.vn" has a label longer than 63 characters ("${"ratdai".repeat(12)}")
  fix: give the unit a slug (its domain label) or a domain
`);
  });

  it("checks identifier codes and never lets a new unit reuse a closed one", () => {
    const newUnits = TINY_NEW_UNITS.replace("former_district", "former_district,identifier_code").replace("Huyện Sông Xanh\n00020", "Huyện Sông Xanh,001.02.03.H99\n00020").replace(/Huyện Sông Xanh\n$/, "Huyện Sông Xanh,000.00.00.H99\n");
    const oldUnits = TINY_OLD_UNITS.replace("merged_into,successor", "merged_into,successor,identifier_code").replace("Sông Xanh,Xã An Phú,\n", "Sông Xanh,Xã An Phú,,001.02.03.H99\n");
    expect(configErrorOf({ newUnits, oldUnits })).toBe(`The config has 2 problems; nothing was synthesized.

<dir>/new-units.csv, row 3, Xã Sông Xanh (00020): identifier_code "000.00.00.H99" does not follow the grammar of Quyết định 20/2020/QĐ-TTg (a level-1 group (letter + 2 digits) followed by the lower groups, e.g. H55.242.01, or the 13-character form 001.02.03.H10; a code of the province alone (000.00.00.H10) is not a commune's)
  fix: write the code as issued (e.g. 000.00.00.H10), or leave the cell empty until it is issued

<dir>/new-units.csv, row 2, Xã An Phú (00010): identifier_code 001.02.03.H99 is the closed code of old unit Xã An Phú (00010)
  fix: a closed code is never reused: write the code issued to the new unit
`);
  });

  it("names the settings line of a bad or unknown key, and an undeclared district", () => {
    const settings = TINY_SETTINGS.replace("policy: reject", "policy: strict").replace("bucketPrefix: thu", "bucketPrefix: thu\nbukcetPrefix: x").replace(/districts:\n.*\n/, "districts: {}\n");
    expect(configErrorOf({ settings })).toBe(`The config has 2 problems; nothing was synthesized.

<dir>/settings.yaml, row 5: unknown key "bukcetPrefix"
  fix: remove it or correct its spelling (see the settings reference in the README)

<dir>/settings.yaml, row 10: mail.dmarc.policy: Invalid option: expected one of "none"|"quarantine"|"reject"
  fix: set it as the settings reference in the README describes
`);
  });

  it("reports a header with missing or unknown columns", () => {
    const newUnits = TINY_NEW_UNITS.replace("code,name,kind,former_district", "code,name,kind,formerdistrict");
    expect(configErrorOf({ newUnits })).toContain(`<dir>/new-units.csv, row 1: the header lacks the column former_district
  fix: the header must have code,name,kind,former_district and may add slug, domain, identifier_code

<dir>/new-units.csv, row 1: the header has unknown column "formerdistrict"
  fix: use only code, name, kind, former_district, slug, domain, identifier_code (spelled exactly, lower case)`);
  });
});

describe("errors that lead the right way", () => {
  /** A copy of the real Bình Thuận folder with one file edited. */
  const binhThuanWith = (file: string, edit: (text: string) => string): string => {
    const dir = join(tempDir("province-"), "binh-thuan");
    cpSync(provinceDir("binh-thuan"), dir, { recursive: true });
    // Its successor beside it, as in config/ (supersededBy names a province folder).
    mkdirSync(join(dir, "..", "lam-dong"));
    writeFileSync(join(dir, file), edit(readFileSync(join(dir, file), "utf8")));
    return dir;
  };

  it("a misspelt new unit's name: the fix corrects the new unit, not its old units and the takeovers", () => {
    const dir = binhThuanWith("new-units.csv", (text) => text.replace(",Xã Tuy Phong,", ",Xã Tuy Phog,"));
    expect(errorIn(dir)).toBe(`The config has 1 problem; nothing was synthesized.

<dir>/new-units.csv, row 14, Xã Tuy Phog (22978): no old unit has merged_into naming this unit, while rows 19, 20 of <dir>/old-units.csv name "Xã Tuy Phong", which is not a new unit
  fix: correct this unit's name to "Xã Tuy Phong", as its old units write it
`);
  });

  it("a split unit's missing successor shows in the same run as a misspelt merged_into", () => {
    const oldUnits = TINY_OLD_UNITS.replace("Xã Sông Xanh,Xã An Phú\n", "Xã Sông Xan,\n").replace("Xã An Phú,Xã An Phú\n", "Xã An Phú,\n");
    expect(configErrorOf({ oldUnits })).toBe(`The config has 2 problems; nothing was synthesized.

<dir>/old-units.csv, row 5, Xã Bình Minh (00012): merged_into "Xã Sông Xan" names no new unit of <dir>/new-units.csv
  fix: write the new unit's exact name; did you mean "Xã Sông Xanh"?

<dir>/old-units.csv, row 4, Xã Bình Minh (00012): the unit is split between Xã An Phú and Xã Sông Xan (rows 4, 5) but no row says which receives its domain
  fix: write the receiving unit's name (e.g. "Xã An Phú") in the successor column of each of its rows
`);
  });

  it("a split unit's misspelt merged_into beside a right successor: the advice points at the right name, once", () => {
    const oldUnits = TINY_OLD_UNITS.replace("00012,Xã Bình Minh,xa,Huyện Sông Xanh,Xã An Phú,Xã An Phú", "00012,Xã Bình Minh,xa,Huyện Sông Xanh,Xã An Phu,Xã An Phú");
    expect(configErrorOf({ oldUnits })).toBe(`The config has 1 problem; nothing was synthesized.

<dir>/old-units.csv, row 4, Xã Bình Minh (00012): merged_into "Xã An Phu" names no new unit of <dir>/new-units.csv
  fix: write the new unit's exact name; did you mean "Xã An Phú"?
`);
  });

  it("the joins of the two tables are checked even when the settings do not parse", () => {
    const oldUnits = TINY_OLD_UNITS.replace("Huyện Sông Xanh,Xã Sông Xanh,", "Huyện Sông Xanh,Xã Sông Xan,");
    expect(configErrorOf({ oldUnits, settings: TINY_SETTINGS.replace("policy: reject", "policy: strict") })).toBe(`The config has 2 problems; nothing was synthesized.

<dir>/settings.yaml, row 9: mail.dmarc.policy: Invalid option: expected one of "none"|"quarantine"|"reject"
  fix: set it as the settings reference in the README describes

<dir>/old-units.csv, row 3, Thị trấn Đồi Cát (00011): merged_into "Xã Sông Xan" names no new unit of <dir>/new-units.csv
  fix: write the new unit's exact name; did you mean "Xã Sông Xanh"?
`);
  });

  it("refuses a PROVINCE that is not a plain folder name under config/", () => {
    const root = tempDir("project-");
    for (const name of ["binh-thuan", "lam-dong"]) mkdirSync(join(root, "config", name), { recursive: true });
    const problemOf = (province: string) => {
      try {
        provinceDir(province, root);
      } catch (error) {
        if (error instanceof ConfigError) return error.message;
      }
      return "accepted";
    };
    expect(problemOf("../../etc")).toBe(`The config has 1 problem; nothing was synthesized.

PROVINCE: "../../etc" is not a plain folder name (lower-case letters, digits and hyphens, such as lam-dong)
  fix: set PROVINCE to the name of a folder of config/ (binh-thuan, lam-dong), not a path
`);
    expect(["config/binh-thuan", "binh-thuan/", "/etc", "..", "Lam-Dong"].map(problemOf).filter((message) => message === "accepted")).toEqual([]);
    expect(problemOf("lam-dong")).toBe("accepted");
  });
});

describe("old districts", () => {
  const TWO_PROVINCES = TINY_SETTINGS.replace('"Huyện Sông Xanh": { code: "900" }', '"Huyện Sông Xanh": { code: "900", parentDomain: cu.gov.vn }').replace(/takeovers:\n.*\n/, "");

  it("a district's parentDomain places it and its old communes under its old province's domain", () => {
    const province = loadFixture({ settings: TWO_PROVINCES });
    expect(province.retired.map((unit) => unit.domain)).toEqual(["anphu.songxanh.cu.gov.vn", "doicat.songxanh.cu.gov.vn", "binhminh.songxanh.cu.gov.vn", "songxanh.cu.gov.vn"]);
    expect(province.communes.map((unit) => unit.domain)).toEqual(["anphu.thu.gov.vn", "songxanh.thu.gov.vn"]);
  });

  it("a district's label and communeDomainPattern rename its domain and its communes'", () => {
    const settings = TWO_PROVINCES.replace("parentDomain: cu.gov.vn }", 'parentDomain: cu.gov.vn, label: huyen-songxanh, communeDomainPattern: "{label}-{district}.{parent}" }');
    expect(loadFixture({ settings }).retired.map((unit) => unit.domain)).toEqual(["anphu-huyen-songxanh.cu.gov.vn", "doicat-huyen-songxanh.cu.gov.vn", "binhminh-huyen-songxanh.cu.gov.vn", "huyen-songxanh.cu.gov.vn"]);
  });

  it("the qualifier of a repeated district name is not part of its label", () => {
    const rename = (text: string) => text.replace(/Huyện Sông Xanh/g, "Huyện Sông Xanh (Tỉnh Cũ)");
    const province = loadFixture({ newUnits: rename(TINY_NEW_UNITS), oldUnits: rename(TINY_OLD_UNITS), settings: rename(TINY_SETTINGS) });
    expect(province.retired.find((unit) => unit.id === "d900")).toMatchObject({ domain: "songxanh.thu.gov.vn", takenOverBy: "00020" });
  });

  it("a district that had no commune is succeeded by the new unit that names it as its former district", () => {
    const newUnits = TINY_NEW_UNITS + "00030,Đặc khu Đảo Xa,dac-khu,Huyện Đảo Xa\n";
    const settings = TINY_SETTINGS.replace('"Huyện Sông Xanh": { code: "900" }', '"Huyện Sông Xanh": { code: "900" }\n  "Huyện Đảo Xa": { code: "901" }');
    expect(loadFixture({ newUnits, settings: settings + "  daoxa.thu.gov.vn: { newUnit: Đặc khu Đảo Xa, reason: \"the special zone carries the district's name\" }\n" }).retired.find((unit) => unit.id === "d901")).toMatchObject({ mergedInto: ["00030"], successor: "00030", takenOverBy: "00030" });
    expect(configErrorOf({ newUnits })).toBe(`The config has 1 problem; nothing was synthesized.

<dir>/new-units.csv, row 4, Đặc khu Đảo Xa (00030): no old unit has merged_into naming this unit, and its former_district "Huyện Đảo Xa" is neither an old unit's district nor declared in <dir>/settings.yaml
  fix: for a district that had no commune, declare it under districts: "Huyện Đảo Xa": { code: "<its GSO district code>" }; otherwise add the unit's predecessors to <dir>/old-units.csv, or correct its name to match their merged_into
`);
  });
});
