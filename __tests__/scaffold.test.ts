import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { loadProvince } from "../src/load/load-province";
import { formatProblem } from "../src/load/problems";
import { scaffoldProvince, type ScaffoldRequest } from "../src/scaffold/scaffold";
import { npmScriptArgs } from "./support/project";
import { tempDir } from "./support/temp";

/**
 * npm run new-province: a small province in the national data's three-file format exercises every rule; the
 * bundled Lâm Đồng must come out exactly as config/lam-dong/ holds it.
 */

const ROOT = join(__dirname, "..");

const NEW_UNITS = `code,name,kind,former_district
00010,Xã An Phú,xa,Huyện Sông Xanh
00020,Xã Sông Xanh,xa,Huyện Sông Xanh
00030,Phường An Phú,phuong,Thị xã Đồi Cát
`;
const OLD_UNITS = `code,name,kind,district,merged_into
00010,Xã An Phú,xa,Huyện Sông Xanh,Xã An Phú
00011,Thị trấn Sông Xanh,thi-tran,Huyện Sông Xanh,Xã Sông Xanh
00012,Xã Bình Minh,xa,Huyện Sông Xanh,Xã An Phú
00012,Xã Bình Minh,xa,Huyện Sông Xanh,Xã Sông Xanh
00013,Xã Sông Xanh,xa,Huyện Sông Xanh,Xã Sông Xanh
00020,Phường An Phú,phuong,Thị xã Đồi Cát,Phường An Phú
`;
const DISTRICTS = `code,name,old_province_code,old_province
900,Huyện Sông Xanh,90,Tỉnh Thử
901,Thị xã Đồi Cát,91,Tỉnh Cũ
`;

/** A project root with an empty config/ and the bundled national data. */
function projectRoot(): string {
  const root = tempDir("project-");
  mkdirSync(join(root, "config"));
  symlinkSync(join(ROOT, "data"), join(root, "data"), "dir");
  return root;
}

/** A folder with the three files, any of them replaced or (undefined) left out. */
function sourceDir(files: { newUnits?: string; oldUnits?: string; districts?: string | null } = {}): string {
  const dir = tempDir("source-");
  writeFileSync(join(dir, "new-units.csv"), files.newUnits ?? NEW_UNITS);
  writeFileSync(join(dir, "old-units.csv"), files.oldUnits ?? OLD_UNITS);
  if (files.districts !== null) writeFileSync(join(dir, "districts.csv"), files.districts ?? DISTRICTS);
  return dir;
}

const filesOf = (dir: string) => Object.fromEntries(readdirSync(dir).sort().map((name) => [name, readFileSync(join(dir, name), "utf8")]));

function scaffold(request: Partial<ScaffoldRequest> & { root: string }): string {
  const outcome = scaffoldProvince({ folder: "thu", force: false, ...request });
  if ("written" in outcome) return outcome.summary;
  throw new Error(outcome.problems.map(formatProblem).join("\n\n"));
}

/** The problems of a scaffold that must fail, paths shortened to <dir>, and proof that nothing was written. */
function problemsOf(request: Partial<ScaffoldRequest> & { root: string }): string {
  const outcome = scaffoldProvince({ folder: "thu", force: false, ...request });
  if ("written" in outcome) throw new Error("the scaffold wrote the config");
  expect(readdirSync(join(request.root, "config"))).toEqual([]);
  const text = outcome.problems.map(formatProblem).join("\n\n");
  return request.from ? text.split(relative(process.cwd(), request.from)).join("<dir>") : text;
}

describe("npm run new-province on a province in the three-file format", () => {
  const root = projectRoot();
  const from = sourceDir();
  const summary = scaffold({ root, from });
  const written = filesOf(join(root, "config", "thu"));

  it("writes the unit lists with the decided cells: slugs for one label, explicit old domains, a split's successor", () => {
    expect(Object.keys(written)).toEqual(["DECISIONS.md", "new-units.csv", "old-units.csv", "settings.yaml"]);
    expect(written["new-units.csv"]).toBe(`code,name,kind,former_district,slug,domain,identifier_code
00010,Xã An Phú,xa,Huyện Sông Xanh,xa-anphu,,
00020,Xã Sông Xanh,xa,Huyện Sông Xanh,,,
00030,Phường An Phú,phuong,Thị xã Đồi Cát,phuong-anphu,,
`);
    expect(written["old-units.csv"]).toBe(`code,name,kind,district,merged_into,domain,lookup,mail,successor,identifier_code
00010,Xã An Phú,xa,Huyện Sông Xanh,Xã An Phú,,,,,
00011,Thị trấn Sông Xanh,thi-tran,Huyện Sông Xanh,Xã Sông Xanh,tt-songxanh.songxanh.thu.gov.vn,,,,
00012,Xã Bình Minh,xa,Huyện Sông Xanh,Xã An Phú,,,,Xã An Phú,
00012,Xã Bình Minh,xa,Huyện Sông Xanh,Xã Sông Xanh,,,,Xã An Phú,
00013,Xã Sông Xanh,xa,Huyện Sông Xanh,Xã Sông Xanh,xa-songxanh.songxanh.thu.gov.vn,,,,
00020,Phường An Phú,phuong,Thị xã Đồi Cát,Phường An Phú,,,,,
`);
  });

  it("writes settings that load: old domains under each old province's, the namesake's takeover, a district's successor", () => {
    const settings = written["settings.yaml"];
    for (const line of [
      'province: "Tỉnh Thử"                    # to confirm: the province\'s name as its documents write it',
      "parentDomain: thu.gov.vn                # to confirm: the province's domain under which commune domains are delegated",
      'oldCommuneDomainPattern: "{label}.{district}.{parent}" # to confirm: e.g. anphu.songxanh.thu.gov.vn',
      "bucketPrefix: thu                       # to confirm: bucket names are global and cannot be renamed",
      '  "Huyện Sông Xanh": { code: "900" }',
      "  # Tỉnh Cũ (91): old portals under cu.gov.vn (parentDomain) — to confirm",
      '  "Thị xã Đồi Cát": { code: "901", parentDomain: cu.gov.vn, successor: "Phường An Phú" }',
      '  songxanh.thu.gov.vn: { newUnit: "Xã Sông Xanh", reason: "the new unit carries the district\'s name" }',
      "stacks: { communeShards: 1 }            # to confirm: sized by the scaffold (DECISIONS.md)",
      "  existingZones: []                     # PLACEHOLDER: the old portals' zones that already exist in the account",
    ]) expect(settings.split("\n")).toContain(line);
    const province = loadProvince(join(root, "config", "thu"));
    expect(province.retired.map((unit) => [unit.id, unit.domain, unit.successor, unit.takenOverBy])).toEqual([
      ["00010", "anphu.songxanh.thu.gov.vn", "00010", undefined],
      ["00011", "tt-songxanh.songxanh.thu.gov.vn", "00020", undefined],
      ["00012", "binhminh.songxanh.thu.gov.vn", "00010", undefined],
      ["00013", "xa-songxanh.songxanh.thu.gov.vn", "00020", undefined],
      ["00020", "anphu.doicat.cu.gov.vn", "00030", undefined],
      ["d900", "songxanh.thu.gov.vn", "00020", "00020"],
      ["d901", "doicat.cu.gov.vn", "00030", undefined],
    ]);
  });

  it("lists every decision with its reason in DECISIONS.md, and counts them in the summary", () => {
    expect(written["DECISIONS.md"].split("\n")).toEqual(expect.arrayContaining([
      "- [ ] Xã Bình Minh (00012): `Xã An Phú` (old-units.csv successor) — split between Xã An Phú, Xã Sông Xanh; Xã An Phú lowest code",
      "- [ ] Xã Sông Xanh (00020): `songxanh.thu.gov.vn` (settings.yaml takeovers) — Huyện Sông Xanh (900) used songxanh.thu.gov.vn; Xã Sông Xanh is its successor and its zone takes the 4 delegations below it",
      "- [ ] Xã An Phú (00010): `xa-anphu` (new-units.csv slug) — Xã An Phú and Phường An Phú fold to anphu.thu.gov.vn",
      "- [ ] Thị xã Đồi Cát (901): `Phường An Phú` (settings.yaml districts) — no receiver carries its name; rows received: Phường An Phú 1",
      "- [ ] Tỉnh Cũ (91): `cu.gov.vn` (settings.yaml districts) — 1 old unit and 1 district were Tỉnh Cũ's",
    ]));
    expect(summary).toContain(`new-province: wrote ${relative(process.cwd(), join(root, "config", "thu"))}/ for Tỉnh Thử from the new-units.csv, old-units.csv and districts.csv given with --from: 3 new units, 7 retired units (5 old units and 2 districts)`);
    expect(summary).toContain("  New units' domain labels   2\n  Old units' domains         2\n  Takeovers                  1\n");
    expect(summary).toContain("confirm before the first deploy:\n  Province name:\n    Tỉnh Thử: Tỉnh Thử\n  Parent domain:\n    Tỉnh Thử: thu.gov.vn\n");
  });

  it("is deterministic, and replaces an existing folder only with --force", () => {
    expect(problemsOf({ root: projectRoot(), from: join(root, "missing") })).toContain("the folder does not exist");
    expect(scaffoldProvince({ folder: "thu", from, force: false, root })).toEqual({
      stage: "input",
      problems: [{ file: relative(process.cwd(), join(root, "config", "thu")), message: "the folder exists already", fix: "choose another folder name, or pass --force to replace it (edits made in it are lost)" }],
    });
    writeFileSync(join(root, "config", "thu", "settings.yaml"), "edited\n");
    scaffold({ root, from, force: true });
    expect(filesOf(join(root, "config", "thu"))).toEqual(written);
    expect(readdirSync(join(root, "config"))).toEqual(["thu"]);
  });
});

describe("npm run new-province on bad input", () => {
  it("a missing file", () => {
    expect(problemsOf({ root: projectRoot(), from: sourceDir({ districts: null }) })).toBe(`<dir>/districts.csv: the file cannot be read
  fix: create it with its header row: code,name,old_province_code,old_province`);
  });

  it("wrong columns", () => {
    expect(problemsOf({ root: projectRoot(), from: sourceDir({ districts: DISTRICTS.replace("old_province_code,old_province", "old_province_code,province_name") }) })).toBe(`<dir>/districts.csv, row 1: the header lacks the column old_province
  fix: the header must have code,name,old_province_code,old_province

<dir>/districts.csv, row 1: the header has unknown column "province_name"
  fix: use only code, name, old_province_code, old_province (spelled exactly, lower case); did you mean "old_province"?`);
  });

  it("an old unit naming no new unit and a district without a code, at once", () => {
    const oldUnits = OLD_UNITS.replace("00010,Xã An Phú,xa,Huyện Sông Xanh,Xã An Phú", "00010,Xã An Phú,xa,Huyện Sông Xanh,Xã An Phu");
    const districts = DISTRICTS.replace("901,Thị xã Đồi Cát", ",Thị xã Đồi Cát");
    expect(problemsOf({ root: projectRoot(), from: sourceDir({ oldUnits, districts }) })).toBe(`<dir>/districts.csv, row 3, Thị xã Đồi Cát: code is not a 3-digit district code
  fix: write the district's 3-digit GSO code (mã đơn vị hành chính cấp huyện)

<dir>/old-units.csv, row 2, Xã An Phú (00010): merged_into "Xã An Phu" names no new unit of <dir>/new-units.csv
  fix: write the new unit's exact name; did you mean "Xã An Phú"?`);
  });

  it("a district no row of districts.csv declares", () => {
    const districts = DISTRICTS.replace("901,Thị xã Đồi Cát,91,Tỉnh Cũ\n", "");
    expect(problemsOf({ root: projectRoot(), from: sourceDir({ districts }) })).toBe(`<dir>/old-units.csv, row 7, Phường An Phú (00020): district "Thị xã Đồi Cát" has no row in <dir>/districts.csv
  fix: add its row with its 3-digit GSO code (code,name,old_province_code,old_province); did you mean "Huyện Sông Xanh"?`);
  });

  it("a folder name that is a path, and a province that is not bundled", () => {
    expect(problemsOf({ root: projectRoot(), folder: "../etc" })).toBe(`<folder>: "../etc" is not a plain folder name (lower-case letters, digits and hyphens, such as binh-thuan)
  fix: name the config folder like the bundled provinces (lam-dong, ha-noi): lower-case ASCII words joined by hyphens`);
    expect(problemsOf({ root: projectRoot(), folder: "binh-thuan" })).toMatch(/: no bundled province has this folder name\n {2}fix: use one of an-giang, bac-ninh, .*, vinh-long; or give the province's new-units.csv, old-units.csv and districts.csv with --from <dir>$/);
  });

  it("the command prints every problem, exits 1, shows no stack trace and writes nothing", () => {
    const from = sourceDir({ districts: null });
    const run = spawnSync(process.execPath, [...npmScriptArgs("new-province"), "scaffold-test-province", "--from", from], { cwd: ROOT, encoding: "utf8" });
    expect([run.status, run.stdout, run.stderr.split(relative(ROOT, from)).join("<dir>")]).toEqual([1, "", `The province's data has 1 problem; nothing was written.

<dir>/districts.csv: the file cannot be read
  fix: create it with its header row: code,name,old_province_code,old_province
`]);
    expect(existsSync(join(ROOT, "config", "scaffold-test-province"))).toBe(false);
    rmSync(from, { recursive: true, force: true });
  });
});

describe("npm run new-province on the bundled data", () => {
  it("writes config/lam-dong/ exactly as the repository holds it", () => {
    const root = projectRoot();
    scaffold({ root, folder: "lam-dong" });
    expect(filesOf(join(root, "config", "lam-dong"))).toEqual(filesOf(join(ROOT, "config", "lam-dong")));
  });
});
