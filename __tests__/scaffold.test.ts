import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { loadProvince } from "../src/load/load-province";
import { formatProblem } from "../src/load/problems";
import { outcomeText } from "../src/scaffold/outcome-text";
import { scaffoldProvince, type ScaffoldRequest } from "../src/scaffold/scaffold";
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
901,Thị xã Đồi Cát,99,Tỉnh Cũ
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
  const text = outcome.problems.map(formatProblem).join("\n\n").split(relative(process.cwd(), request.root)).join("<root>");
  return request.from ? text.split(relative(process.cwd(), request.from)).join("<dir>") : text;
}

describe("npm run new-province on a province in the three-file format", () => {
  const root = projectRoot();
  const from = sourceDir();
  const summary = scaffold({ root, from });
  const written = filesOf(join(root, "config", "thu"));

  it("writes the unit lists with the decided cells: slugs for one label, explicit old domains, a split's successor", () => {
    expect(Object.keys(written)).toEqual(["DECISIONS.md", "SOURCES.md", "new-units.csv", "old-units.csv", "settings.yaml"]);
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
      "  # Tỉnh Cũ (99): old portals under cu.gov.vn (parentDomain) — to confirm",
      '  "Thị xã Đồi Cát": { code: "901", parentDomain: cu.gov.vn, successor: "Phường An Phú" }',
      '  songxanh.thu.gov.vn: { newUnit: "Xã Sông Xanh", reason: "the new unit carries the district\'s name" }',
      "stacks: { communeShards: 1 }            # to confirm: sized by the scaffold (DECISIONS.md)",
    ]) expect(settings.split("\n")).toContain(line);
    expect(settings).not.toContain("existingZones");
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
      "- [ ] Tỉnh Cũ (99): `cu.gov.vn` (settings.yaml districts) — 1 old unit and 1 district were Tỉnh Cũ's",
      "- [ ] Tỉnh Thử: `Tỉnh Thử` (settings.yaml province) — Tỉnh Thử (90) and Tỉnh Cũ (99) are in no row of data/vn-2025/provinces.csv; the folder thu carries the name of Tỉnh Thử",
    ]));
    expect(summary).toContain(`new-province: wrote ${relative(process.cwd(), join(root, "config", "thu"))}/ for Tỉnh Thử from the new-units.csv, old-units.csv and districts.csv given with --from: 3 new units, 7 retired units (5 old units and 2 districts)`);
    expect(summary).toContain("  New units' domain labels   2\n  Old units' domains         2\n  Takeovers                  1\n");
    expect(summary).toContain("confirm before the first deploy:\n  Province name:\n    Tỉnh Thử: Tỉnh Thử\n  Parent domain:\n    Tỉnh Thử: thu.gov.vn\n");
  });

  it("writes a SOURCES.md that names the lists as given, their files and rows (no date), or copies theirs", () => {
    expect(written["SOURCES.md"]).toBe(`# Sources

The unit lists of this folder were scaffolded by \`npm run new-province -- thu --from ${from}\` from these
files, which came without a SOURCES.md:

| file | rows |
| --- | ---: |
| new-units.csv | 3 |
| old-units.csv | 6 |
| districts.csv | 2 |

Write here where they came from (the resolution or list they copy, its date, who sent them) and what was
corrected, so that a reviewer can check them. Who the province is, and every other decision the scaffold made,
is in DECISIONS.md.
`);
    const withSources = sourceDir();
    writeFileSync(join(withSources, "SOURCES.md"), "# Sources\n\nSở Nội vụ, 20 June 2025.\n");
    const other = projectRoot();
    scaffold({ root: other, from: withSources });
    expect(readFileSync(join(other, "config", "thu", "SOURCES.md"), "utf8")).toBe("# Sources\n\nSở Nội vụ, 20 June 2025.\n");
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

/**
 * Lists of Đồng Tháp (Nghị quyết 202/2025/QH15: Tỉnh Tiền Giang and Tỉnh Đồng Tháp → Tỉnh Đồng Tháp), a few real
 * units of each old province (dvhcvn/20250701 output/82/815 and output/87/866): Tiền Giang has the more old units.
 */
const DONG_THAP = {
  newUnits: `code,name,kind,former_district
28249,Phường Đạo Thạnh,phuong,Thành phố Mỹ Tho
28261,Phường Mỹ Tho,phuong,Thành phố Mỹ Tho
29888,Phường Mỹ Trà,phuong,Thành phố Cao Lãnh
`,
  oldUnits: `code,name,kind,district,merged_into
28249,Phường 5,phuong,Thành phố Mỹ Tho,Phường Đạo Thạnh
28252,Phường 4,phuong,Thành phố Mỹ Tho,Phường Đạo Thạnh
28282,Xã Đạo Thạnh,xa,Thành phố Mỹ Tho,Phường Đạo Thạnh
28261,Phường 1,phuong,Thành phố Mỹ Tho,Phường Mỹ Tho
28264,Phường 2,phuong,Thành phố Mỹ Tho,Phường Mỹ Tho
28279,Phường Tân Long,phuong,Thành phố Mỹ Tho,Phường Mỹ Tho
29887,Xã Mỹ Trà,xa,Thành phố Cao Lãnh,Phường Mỹ Trà
29888,Phường Mỹ Phú,phuong,Thành phố Cao Lãnh,Phường Mỹ Trà
`,
  districts: `code,name,old_province_code,old_province
815,Thành phố Mỹ Tho,82,Tỉnh Tiền Giang
866,Thành phố Cao Lãnh,87,Tỉnh Đồng Tháp
`,
};

const settingLine = (dir: string, key: string) => readFileSync(join(dir, "settings.yaml"), "utf8").split("\n").find((line) => line.startsWith(`${key}:`))!.replace(/\s+#.*$/, "");
const provinceDecision = (dir: string) => readFileSync(join(dir, "DECISIONS.md"), "utf8").split("\n").find((line) => line.includes("(settings.yaml province)"));

describe("npm run new-province on names a CSV cell must quote", () => {
  it("writes a name holding a comma or a quote quoted (RFC 4180), and the config loads it back as it was", () => {
    const named = 'Xã "Bình", Minh';
    const root = projectRoot();
    scaffold({ root, from: sourceDir({ oldUnits: OLD_UNITS.replace(/Xã Bình Minh/g, `"${named.replace(/"/g, '""')}"`) }) });
    const oldUnits = readFileSync(join(root, "config", "thu", "old-units.csv"), "utf8").split("\n");
    expect(oldUnits.filter((line) => line.startsWith("00012,"))).toEqual([
      '00012,"Xã ""Bình"", Minh",xa,Huyện Sông Xanh,Xã An Phú,,,,Xã An Phú,',
      '00012,"Xã ""Bình"", Minh",xa,Huyện Sông Xanh,Xã Sông Xanh,,,,Xã An Phú,',
    ]);
    expect(loadProvince(join(root, "config", "thu")).retired.find((unit) => unit.id === "00012")?.name).toBe(named);
  });
});

describe("npm run new-province: the lists, not the folder, say who the province is", () => {
  it("Lâm Đồng's lists in folder tinh-moi are Tỉnh Lâm Đồng under lamdong.gov.vn, and the mismatch is stated", () => {
    const root = projectRoot();
    const summary = scaffold({ root, folder: "tinh-moi", from: join(ROOT, "data", "vn-2025", "lam-dong") });
    const dir = join(root, "config", "tinh-moi");
    expect([settingLine(dir, "province"), settingLine(dir, "parentDomain"), settingLine(dir, "bucketPrefix")]).toEqual(['province: "Tỉnh Lâm Đồng"', "parentDomain: lamdong.gov.vn", "bucketPrefix: lamdong"]);
    const note = "the folder tinh-moi does not carry the name of Tỉnh Lâm Đồng: it names only config/tinh-moi/, its stacks and their state; rename it before the first deploy if that is not meant";
    expect(provinceDecision(dir)).toBe(`- [ ] Tỉnh Lâm Đồng: \`Tỉnh Lâm Đồng\` (settings.yaml province) — Nghị quyết 202/2025/QH15 merged the lists' old provinces, Tỉnh Bình Thuận (60), Tỉnh Đắk Nông (67) and Tỉnh Lâm Đồng (68), into Tỉnh Lâm Đồng (68) (data/vn-2025/provinces.csv); ${note}`);
    expect(summary.split("\n")[1]).toBe(`note: ${note}`);
  });

  it("lists of Tiền Giang (the more units) and Đồng Tháp are Tỉnh Đồng Tháp under dongthap.gov.vn, in any folder", () => {
    const root = projectRoot();
    const from = sourceDir(DONG_THAP);
    for (const folder of ["tinh-moi", "lam-dong", "dong-thap"]) {
      const summary = scaffold({ root, folder, from });
      const dir = join(root, "config", folder);
      expect([settingLine(dir, "province"), settingLine(dir, "parentDomain")]).toEqual(['province: "Tỉnh Đồng Tháp"', "parentDomain: dongthap.gov.vn"]);
      expect(provinceDecision(dir)).toMatch(/^- \[ \] Tỉnh Đồng Tháp: `Tỉnh Đồng Tháp` \(settings.yaml province\) — Nghị quyết 202\/2025\/QH15 merged the lists' old provinces, Tỉnh Tiền Giang \(82\) and Tỉnh Đồng Tháp \(87\), into Tỉnh Đồng Tháp \(82\) \(data\/vn-2025\/provinces.csv\)/);
      expect([folder, summary.includes(`note: the folder ${folder} does not carry the name of Tỉnh Đồng Tháp`)]).toEqual([folder, folder !== "dong-thap"]);
    }
  });

  it("lists of only one of the old provinces a new province merged say which are missing", () => {
    const root = projectRoot();
    const from = sourceDir({
      newUnits: DONG_THAP.newUnits.split("\n").filter((line) => !line.includes("Cao Lãnh")).join("\n"),
      oldUnits: DONG_THAP.oldUnits.split("\n").filter((line) => !line.includes("Cao Lãnh")).join("\n"),
      districts: DONG_THAP.districts.split("\n").filter((line) => !line.includes("Cao Lãnh")).join("\n"),
    });
    scaffold({ root, folder: "dong-thap", from });
    expect(provinceDecision(join(root, "config", "dong-thap"))).toBe("- [ ] Tỉnh Đồng Tháp: `Tỉnh Đồng Tháp` (settings.yaml province) — Nghị quyết 202/2025/QH15 merged the lists' old province, Tỉnh Tiền Giang (82), into Tỉnh Đồng Tháp (82) (data/vn-2025/provinces.csv); the lists have no district of Tỉnh Đồng Tháp (87)");
  });

  it("lists whose old provinces are in no one row fall back to the folder's name, else the old province with the most units, as a decision to confirm", () => {
    const root = projectRoot();
    const from = sourceDir({ ...DONG_THAP, districts: DONG_THAP.districts.replace("87,Tỉnh Đồng Tháp", "95,Tỉnh Bạc Liêu") });
    scaffold({ root, folder: "tinh-moi", from });
    scaffold({ root, folder: "bac-lieu", from });
    expect([settingLine(join(root, "config", "tinh-moi"), "province"), settingLine(join(root, "config", "bac-lieu"), "province")]).toEqual(['province: "Tỉnh Tiền Giang"', 'province: "Tỉnh Bạc Liêu"']);
    expect(provinceDecision(join(root, "config", "tinh-moi"))).toBe("- [ ] Tỉnh Tiền Giang: `Tỉnh Tiền Giang` (settings.yaml province) — the lists' old provinces went into Tỉnh Đồng Tháp (82) and Tỉnh Cà Mau (96), not into one province; no old province's name is the folder's (tinh-moi), and Tỉnh Tiền Giang has the most old units; the folder tinh-moi does not carry the name of Tỉnh Tiền Giang: it names only config/tinh-moi/, its stacks and their state; rename it before the first deploy if that is not meant");
    expect(provinceDecision(join(root, "config", "bac-lieu"))).toBe("- [ ] Tỉnh Bạc Liêu: `Tỉnh Bạc Liêu` (settings.yaml province) — the lists' old provinces went into Tỉnh Đồng Tháp (82) and Tỉnh Cà Mau (96), not into one province; the folder bac-lieu carries the name of Tỉnh Bạc Liêu");
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
    const districts = DISTRICTS.replace("901,Thị xã Đồi Cát,99,Tỉnh Cũ\n", "");
    expect(problemsOf({ root: projectRoot(), from: sourceDir({ districts }) })).toBe(`<dir>/old-units.csv, row 7, Phường An Phú (00020): district "Thị xã Đồi Cát" has no row in <dir>/districts.csv
  fix: add its row with its 3-digit GSO code (code,name,old_province_code,old_province); did you mean "Huyện Sông Xanh"?`);
  });

  it("an old province whose code and name are two old provinces of the national table", () => {
    const districts = DONG_THAP.districts.replace("82,Tỉnh Tiền Giang", "82,Tỉnh Đồng Tháp").replace("87,Tỉnh Đồng Tháp", "87,Tỉnh Bến Tre");
    expect(problemsOf({ root: projectRoot(), from: sourceDir({ ...DONG_THAP, districts }) })).toBe(`<dir>/districts.csv, row 2, Tỉnh Đồng Tháp (82): the old province's code and name disagree with <root>/data/vn-2025/provinces.csv, which has Tỉnh Tiền Giang (82) and Tỉnh Đồng Tháp (87)
  fix: correct old_province_code or old_province in every row of this old province, as <root>/data/vn-2025/provinces.csv writes it

<dir>/districts.csv, row 3, Tỉnh Bến Tre (87): the old province's code and name disagree with <root>/data/vn-2025/provinces.csv, which has Tỉnh Đồng Tháp (87) and Tỉnh Bến Tre (83)
  fix: correct old_province_code or old_province in every row of this old province, as <root>/data/vn-2025/provinces.csv writes it`);
  });

  it("a national table that merges an old province twice, or writes a list it cannot read", () => {
    const root = tempDir("project-");
    mkdirSync(join(root, "config"));
    mkdirSync(join(root, "data", "vn-2025"), { recursive: true });
    writeFileSync(join(root, "data", "vn-2025", "provinces.csv"), readFileSync(join(ROOT, "data", "vn-2025", "provinces.csv"), "utf8")
      .replace("96,Tỉnh Cà Mau,Tỉnh Bạc Liêu (95); Tỉnh Cà Mau (96)", "96,Tỉnh Cà Mau,Tỉnh Bạc Liêu (95); Tỉnh Tiền Giang (82)")
      .replace("04,Tỉnh Cao Bằng,Tỉnh Cao Bằng (04)", "04,Tỉnh Cao Bằng,Tỉnh Cao Bằng 04"));
    expect(problemsOf({ root, from: sourceDir(DONG_THAP) })).toBe(`<root>/data/vn-2025/provinces.csv, row 3, Tỉnh Cao Bằng (04): merged "Tỉnh Cao Bằng 04" is not a list of old provinces written "Tỉnh Tiền Giang (82); Tỉnh Đồng Tháp (87)"
  fix: write each old province it merged as "<name> (<2-digit code>)", separated by "; "

<root>/data/vn-2025/provinces.csv, row 35, Tỉnh Cà Mau (96): Tỉnh Tiền Giang (82) is also merged in row 31
  fix: an old province went whole into one new province: keep it in one row`);
  });

  it("a folder name that is a path, a province of the 34 whose lists are not bundled, and a name that is none", () => {
    expect(problemsOf({ root: projectRoot(), folder: "../etc" })).toBe(`<folder>: "../etc" is not a plain folder name (lower-case letters, digits and hyphens, such as lam-dong)
  fix: name the config folder like the bundled provinces (lam-dong, ha-noi): lower-case ASCII words joined by hyphens`);
    expect(problemsOf({ root: projectRoot(), folder: "dong-thap" })).toBe(`<root>/data/vn-2025/dong-thap: the lists of Tỉnh Đồng Tháp (82) are not bundled
  fix: give its new-units.csv, old-units.csv and districts.csv with --from <dir>`);
    expect(problemsOf({ root: projectRoot(), folder: "binh-thuan" })).toMatch(/: no bundled province has this folder name\n {2}fix: use one of an-giang, bac-ninh, .*, vinh-long; or give the province's new-units.csv, old-units.csv and districts.csv with --from <dir>$/);
  });

  it("the command prints every problem under one header, exits 1 and writes nothing (its process: from another directory, below)", () => {
    const root = projectRoot();
    const from = sourceDir({ districts: null });
    const text = outcomeText("scaffold-test-province", scaffoldProvince({ folder: "scaffold-test-province", from, force: false, root }));
    expect([text.exitCode, text.stdout, text.stderr.split(relative(process.cwd(), from)).join("<dir>")]).toEqual([1, "", `The province's data has 1 problem; nothing was written.

<dir>/districts.csv: the file cannot be read
  fix: create it with its header row: code,name,old_province_code,old_province
`]);
    expect(readdirSync(join(root, "config"))).toEqual([]);
  });
});

describe("npm run new-province from another directory", () => {
  /** A project of its own (the command writes into its config/), run by npm from a folder of lists inside it. */
  const project = tempDir("project-");
  mkdirSync(join(project, "config"));
  mkdirSync(join(project, "scripts"));
  for (const file of ["package.json", join("scripts", "new-province.ts")]) writeFileSync(join(project, file), readFileSync(join(ROOT, file)));
  for (const dir of ["src", "data", "node_modules"]) symlinkSync(join(ROOT, dir), join(project, dir), "dir");
  const lists = join(project, "incoming", "dong-thap");
  mkdirSync(lists, { recursive: true });
  const npm = (...args: string[]) => spawnSync("npm", ["run", "--silent", "new-province", "--", ...args], { cwd: lists, env: { ...process.env, npm_config_update_notifier: "false" }, encoding: "utf8" });

  /** The command's output for `args` as run from the lists' folder, in this process; paths shown from the project's root, as npm runs it. */
  const inProcess = (folder: string, from: string) => {
    const text = outcomeText(folder, scaffoldProvince({ folder, from, cwd: lists, force: false, root: project }));
    const fromProject = (output: string) => output.split(`${relative(process.cwd(), project)}/`).join("");
    return { status: text.exitCode, stdout: fromProject(text.stdout), stderr: fromProject(text.stderr) };
  };

  it("reads --from relative to the caller's directory", () => {
    writeFileSync(join(lists, "new-units.csv"), DONG_THAP.newUnits);
    writeFileSync(join(lists, "old-units.csv"), DONG_THAP.oldUnits);
    // The process, by npm from the lists' folder (INIT_CWD): every problem, exit 1, no stack trace, nothing written.
    const run = npm("tinh-moi", "--from", ".");
    expect([run.status, run.stdout, run.stderr]).toEqual([1, "", "The province's data has 1 problem; nothing was written.\n\nincoming/dong-thap/districts.csv: the file cannot be read\n  fix: create it with its header row: code,name,old_province_code,old_province\n"]);
    expect(inProcess("tinh-moi", ".")).toEqual({ status: run.status, stdout: run.stdout, stderr: run.stderr });
    expect(inProcess("tinh-moi", "missing").stderr).toBe("The province's data has 1 problem; nothing was written.\n\nincoming/dong-thap/missing: the folder does not exist\n  fix: give the folder that holds new-units.csv, old-units.csv and districts.csv\n");
    expect(readdirSync(join(project, "config"))).toEqual([]);

    writeFileSync(join(lists, "districts.csv"), DONG_THAP.districts);
    const written = inProcess("tinh-moi", ".");
    expect([written.status, written.stderr]).toEqual([0, ""]);
    expect(written.stdout.split("\n")[0]).toBe("new-province: wrote config/tinh-moi/ for Tỉnh Đồng Tháp from the new-units.csv, old-units.csv and districts.csv given with --from: 3 new units, 10 retired units (8 old units and 2 districts)");
    expect(written.stdout).toContain("\nnext: confirm the decisions (config/tinh-moi/DECISIONS.md), fill in the PLACEHOLDER values of config/tinh-moi/settings.yaml, then PROVINCE=tinh-moi npm run synth\n");
    expect(readFileSync(join(project, "config", "tinh-moi", "SOURCES.md"), "utf8")).toContain("`npm run new-province -- tinh-moi --from .`");
  });
});

describe("npm run new-province on the bundled data", () => {
  it("writes config/lam-dong/ exactly as the repository holds it", () => {
    const root = projectRoot();
    scaffold({ root, folder: "lam-dong" });
    expect(filesOf(join(root, "config", "lam-dong"))).toEqual(filesOf(join(ROOT, "config", "lam-dong")));
  });
});
