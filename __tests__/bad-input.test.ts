import { mkdirSync, readdirSync, unlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { loadProvince } from "../src/load/load-province";
import { runSynthIn } from "./support/project";
import { configErrorOf, errorIn, loadFixture, TINY_NEW_UNITS, TINY_OLD_UNITS, TINY_SETTINGS, writeProvince, writeProvinceIn } from "./support/fixture-config";
import { tempDir } from "./support/temp";

/**
 * The catalogue of bad input an ops team will meet when provinces send their spreadsheets: what each one does.
 * Either the config is accepted and loads to exactly the clean model, or the error names the file, the row when
 * there is one, and a fix — never a stack trace.
 */

const SAVE_AS_UTF8 = 'save it as UTF-8: in Excel "Save As" > "CSV UTF-8 (Comma delimited)", in a text editor choose the encoding UTF-8';
const clean = loadFixture();

describe("malformed CSV", () => {
  it("an unclosed quote: names the row where the quote opened, not the end of the file", () => {
    const newUnits = TINY_NEW_UNITS.replace("00010,Xã An Phú", '00010,"Xã An Phú');
    expect(configErrorOf({ newUnits })).toBe(`The config has 1 problem; nothing was synthesized.

<dir>/new-units.csv, row 2: a cell opens a double quote (") that is never closed, so the rest of the file reads as one cell
  fix: close the quote at the end of the cell, or write a quote inside a cell as two ("")
`);
  });

  it("a quote inside an unquoted cell", () => {
    const newUnits = TINY_NEW_UNITS.replace("00020,Xã Sông Xanh", '00020,Xã "Sông" Xanh');
    expect(configErrorOf({ newUnits })).toBe(`The config has 1 problem; nothing was synthesized.

<dir>/new-units.csv, row 3: the file is not valid CSV (Invalid Opening Quote: a quote is found on field "name" at line 3, value is "Xã ")
  fix: save it as comma-separated UTF-8 text with one unit per row and quotes closed
`);
  });

  it("a row with more cells than the header (an unquoted comma)", () => {
    const oldUnits = TINY_OLD_UNITS.replace("00011,Thị trấn Đồi Cát,", "00011,Thị trấn Đồi Cát, Sông Xanh,");
    expect(configErrorOf({ oldUnits })).toBe(`The config has 1 problem; nothing was synthesized.

<dir>/old-units.csv, row 3: the row has more cells than the header (7 cells, the header has 6)
  fix: put double quotes around a cell that contains a comma ("Xã A, B"), or delete the extra cells
`);
  });

  it("quoted cells with commas and doubled quotes are fine", () => {
    const newUnits = TINY_NEW_UNITS.replace("Xã An Phú,xa,Huyện Sông Xanh", '"Xã An Phú",xa,"Huyện Sông Xanh"');
    expect(loadFixture({ newUnits })).toEqual(clean);
  });
});

describe("accepted variants of the same config", () => {
  it("a UTF-8 byte-order mark (Excel's 'CSV UTF-8' writes one) in every file", () => {
    expect(loadFixture({ newUnits: `\uFEFF${TINY_NEW_UNITS}`, oldUnits: `\uFEFF${TINY_OLD_UNITS}`, settings: `\uFEFF${TINY_SETTINGS}` })).toEqual(clean);
  });

  it("Windows line endings", () => {
    const crlf = (text: string) => text.replace(/\n/g, "\r\n");
    expect(loadFixture({ newUnits: crlf(TINY_NEW_UNITS), oldUnits: crlf(TINY_OLD_UNITS), settings: crlf(TINY_SETTINGS) })).toEqual(clean);
  });

  it("names typed in NFD (decomposed accents) match the NFC names of the other file, and the model is the same", () => {
    expect(loadFixture({ oldUnits: TINY_OLD_UNITS.normalize("NFD") })).toEqual(clean);
    expect(loadFixture({ newUnits: TINY_NEW_UNITS.normalize("NFD") })).toEqual(clean);
    // District names and takeover units in the settings are matched against the tables too.
    expect(loadFixture({ settings: TINY_SETTINGS.normalize("NFD") })).toEqual(clean);
  });

  it("stray spaces and tabs around cells are trimmed", () => {
    const padded = (text: string) => text.replace(/,/g, " ,\t").replace(/\n(?=.)/g, "\n  ");
    expect(loadFixture({ newUnits: padded(TINY_NEW_UNITS), oldUnits: padded(TINY_OLD_UNITS) })).toEqual(clean);
  });

  it("runs of white space inside a cell (double space, no-break space) collapse to one space", () => {
    // Decided: names are join keys and a doubled space is invisible in a spreadsheet, so read-table collapses
    // white space in every cell rather than report "Xã  An Phú" as naming no new unit.
    const oldUnits = TINY_OLD_UNITS.replace("00010,Xã An Phú,xa,Huyện Sông Xanh,Xã An Phú", "00010,Xã An Phú,xa,Huyện  Sông Xanh,Xã  An Phú");
    const newUnits = TINY_NEW_UNITS.replace("00020,Xã Sông Xanh", "00020,Xã\u00a0Sông   Xanh");
    expect(loadFixture({ newUnits, oldUnits })).toEqual(clean);
  });

  it("blank lines between rows", () => {
    expect(loadFixture({ oldUnits: TINY_OLD_UNITS.replace(/\n/g, "\n\n") })).toEqual(clean);
  });
});

describe("empty and misshapen tables", () => {
  it("an empty file (0 bytes)", () => {
    expect(configErrorOf({ newUnits: "" })).toBe(`The config has 1 problem; nothing was synthesized.

<dir>/new-units.csv: the file is empty
  fix: write the header row (code,name,kind,former_district) and one row per unit
`);
  });

  it("a header and no rows", () => {
    expect(configErrorOf({ oldUnits: "code,name,kind,district,merged_into\n" })).toBe(`The config has 1 problem; nothing was synthesized.

<dir>/old-units.csv: the file has a header but no rows
  fix: write the header row (code,name,kind,district,merged_into) and one row per unit
`);
  });

  it("a missing and an unknown column", () => {
    const newUnits = TINY_NEW_UNITS.replace("code,name,kind,former_district", "code,name,kind,district");
    expect(configErrorOf({ newUnits })).toBe(`The config has 2 problems; nothing was synthesized.

<dir>/new-units.csv, row 1: the header lacks the column former_district
  fix: the header must have code,name,kind,former_district and may add slug, domain, identifier_code

<dir>/new-units.csv, row 1: the header has unknown column "district"
  fix: use only code, name, kind, former_district, slug, domain, identifier_code (spelled exactly, lower case); did you mean "former_district"?
`);
  });

  it("a header written in another case is an unknown column, not silently matched", () => {
    const oldUnits = TINY_OLD_UNITS.replace("code,name,", "Code,name,");
    expect(configErrorOf({ oldUnits })).toBe(`The config has 2 problems; nothing was synthesized.

<dir>/old-units.csv, row 1: the header lacks the column code
  fix: the header must have code,name,kind,district,merged_into and may add domain, lookup, mail, successor, identifier_code

<dir>/old-units.csv, row 1: the header has unknown column "Code"
  fix: use only code, name, kind, district, merged_into, domain, lookup, mail, successor, identifier_code (spelled exactly, lower case); did you mean "code"?
`);
  });
});

describe("a file saved with another separator", () => {
  it("';' (Excel's CSV where the list separator is ';'): one problem naming the separator, not a missing and an unknown column", () => {
    const semicolons = (text: string) => text.replace(/,/g, ";");
    expect(configErrorOf({ newUnits: semicolons(TINY_NEW_UNITS), oldUnits: semicolons(TINY_OLD_UNITS).replace("Xã Bình Minh;", "Xã Bình Minh, Cũ;") })).toBe(`The config has 2 problems; nothing was synthesized.

<dir>/new-units.csv, row 1: the file is separated by ";", not by commas
  fix: save it as CSV with commas: in Excel "Save As" > "CSV UTF-8 (Comma delimited)" (a Windows whose list separator is ";" writes ";" otherwise)

<dir>/old-units.csv, row 1: the file is separated by ";", not by commas
  fix: save it as CSV with commas: in Excel "Save As" > "CSV UTF-8 (Comma delimited)" (a Windows whose list separator is ";" writes ";" otherwise)
`);
  });

  it("tabs", () => {
    expect(configErrorOf({ newUnits: TINY_NEW_UNITS.replace(/,/g, "\t") })).toContain('<dir>/new-units.csv, row 1: the file is separated by tabs, not by commas\n');
  });
});

describe("values from a list", () => {
  it("a kind written as the name writes it gets the value it stands for; one from another list gets none", () => {
    const newUnits = TINY_NEW_UNITS.replace("00010,Xã An Phú,xa,", "00010,Xã An Phú,Xã,").replace("00020,Xã Sông Xanh,xa,", "00020,Xã Sông Xanh,huyen,");
    expect(configErrorOf({ newUnits })).toBe(`The config has 2 problems; nothing was synthesized.

<dir>/new-units.csv, row 2, Xã An Phú (00010): kind "Xã" is not a kind of new unit
  fix: write xa, phuong or dac-khu; did you mean "xa"?

<dir>/new-units.csv, row 3, Xã Sông Xanh (00020): kind "huyen" is not a kind of new unit
  fix: write xa, phuong or dac-khu
`);
  });
});

describe("files in another encoding", () => {
  /** Windows-1258 bytes of the characters the tiny new-units file uses (ã is a + combining tilde 0xDE there). */
  const cp1258 = (text: string) =>
    Buffer.from(
      [...text].flatMap((char) => ({ ã: [0x61, 0xde], ú: [0xfa], ô: [0xf4], ệ: [0xea, 0xf2] })[char] ?? [...Buffer.from(char, "latin1")]),
    );

  it("Windows-1258 (Excel's plain 'CSV' on a Vietnamese Windows): names the file, the line, and how to re-save", () => {
    const dir = writeProvince();
    writeFileSync(join(dir, "new-units.csv"), cp1258(TINY_NEW_UNITS));
    expect(errorIn(dir)).toBe(`The config has 1 problem; nothing was synthesized.

<dir>/new-units.csv, row 2: the file is not UTF-8 text (it is probably Windows-1258 or another legacy encoding)
  fix: ${SAVE_AS_UTF8}
`);
  });

  it("UTF-16 with or without a byte-order mark, in a table or the settings", () => {
    const dir = writeProvince();
    writeFileSync(join(dir, "old-units.csv"), Buffer.from(`\uFEFF${TINY_OLD_UNITS}`, "utf16le"));
    writeFileSync(join(dir, "settings.yaml"), Buffer.from(TINY_SETTINGS.replace(/[^\x00-\x7f]/g, "?"), "utf16le"));
    expect(errorIn(dir)).toBe(`The config has 2 problems; nothing was synthesized.

<dir>/settings.yaml: the file is UTF-16 text, not UTF-8
  fix: ${SAVE_AS_UTF8}

<dir>/old-units.csv: the file is UTF-16 text, not UTF-8
  fix: ${SAVE_AS_UTF8}
`);
  });
});

describe("settings.yaml", () => {
  it("not YAML: one problem at the first syntax error, not its echoes", () => {
    const settings = TINY_SETTINGS.replace("gcp: { project: thu-project, region: asia-southeast1 }", "gcp: { project: thu-project, region: asia-southeast1");
    expect(configErrorOf({ settings })).toBe(`The config has 1 problem; nothing was synthesized.

<dir>/settings.yaml, row 6: the file is not valid YAML (Flow map in block collection must be sufficiently indented and end with a })
  fix: indent with spaces and quote values that contain ':' or '#'
`);
  });

  it("a tab used for indentation", () => {
    const settings = TINY_SETTINGS.replace('  "Huyện Sông Xanh"', '\t"Huyện Sông Xanh"');
    expect(configErrorOf({ settings })).toBe(`The config has 1 problem; nothing was synthesized.

<dir>/settings.yaml, row 14: the file is not valid YAML (Tabs are not allowed as indentation)
  fix: indent with spaces and quote values that contain ':' or '#'
`);
  });

  it("an empty file, or only comments", () => {
    const expected = `The config has 1 problem; nothing was synthesized.

<dir>/settings.yaml: the file is empty
  fix: write the settings as the settings reference in the README describes (config/binh-thuan/settings.yaml is a complete example)
`;
    expect(configErrorOf({ settings: "" })).toBe(expected);
    expect(configErrorOf({ settings: "# to do\n" })).toBe(expected);
  });

  it("a required key left out says it is missing, at the line of its parent", () => {
    const settings = TINY_SETTINGS.replace('cutoverDate: "2025-07-01"\n', "").replace("  tlsReportTo: tlsrpt@thu.gov.vn\n", "");
    expect(configErrorOf({ settings })).toBe(`The config has 2 problems; nothing was synthesized.

<dir>/settings.yaml, row 1: cutoverDate: is missing
  fix: add it as the settings reference in the README describes

<dir>/settings.yaml, row 7: mail.tlsReportTo: is missing
  fix: add it as the settings reference in the README describes
`);
  });

  it("a list instead of a mapping", () => {
    expect(configErrorOf({ settings: "- province\n- parentDomain\n" })).toBe(`The config has 1 problem; nothing was synthesized.

<dir>/settings.yaml, row 1: (top level): Invalid input: expected object, received array
  fix: set it as the settings reference in the README describes
`);
  });
});

describe("missing files and folders", () => {
  it("a missing file names the file and what it must start with", () => {
    const dir = writeProvince();
    unlinkSync(join(dir, "old-units.csv"));
    expect(errorIn(dir)).toBe(`The config has 1 problem; nothing was synthesized.

<dir>/old-units.csv: the file cannot be read
  fix: create it with its header row: code,name,kind,district,merged_into
`);
  });

  it("a province folder that does not exist lists the provinces that do", () => {
    const config = tempDir("config-");
    for (const name of ["binh-thuan", "an-giang"]) mkdirSync(join(config, name));
    writeFileSync(join(config, "README.txt"), "not a province");
    const dir = join(config, "binh-thuan-typo");
    expect(errorIn(dir)).toBe(`The config has 1 problem; nothing was synthesized.

<dir>: the folder does not exist; provinces: an-giang, binh-thuan
  fix: set PROVINCE to one of the provinces, or create the folder with settings.yaml, new-units.csv and old-units.csv
`);
  });
});

describe("a very large file", () => {
  // How long it takes is the bench's to measure, not a test's to assert: a quadratic grouping would not finish.
  it("50,000 old units of one district load", () => {
    const newCount = 500;
    const newUnits = ["code,name,kind,former_district", "00020,Xã Sông Xanh,xa,Huyện Sông Xanh"];
    for (let i = 1; i < newCount; i++) newUnits.push(`${10000 + i},Xã An Phú ${i},xa,Huyện Sông Xanh`);
    const oldUnits = ["code,name,kind,district,merged_into"];
    for (let i = 0; i < 50_000; i++) oldUnits.push(`${50000 + i},Xã Cũ ${i},xa,Huyện Sông Xanh,${i % newCount === 0 ? "Xã Sông Xanh" : `Xã An Phú ${i % newCount}`}`);
    const dir = writeProvince({ newUnits: newUnits.join("\n") + "\n", oldUnits: oldUnits.join("\n") + "\n" });
    const province = loadProvince(dir);
    expect(province.communes).toHaveLength(newCount);
    expect(province.retired).toHaveLength(50_001);
  });
});

describe("found by the property tests", () => {
  it("a takeover by a commune that is not the old unit's successor (synth threw a TypeError on it)", () => {
    const settings = TINY_SETTINGS.replace('"Huyện Sông Xanh": { code: "900" }', '"Huyện Sông Xanh": { code: "900", successor: Xã An Phú }');
    expect(configErrorOf({ settings })).toBe(`The config has 1 problem; nothing was synthesized.

<dir>/settings.yaml, Huyện Sông Xanh (900): takeovers: "songxanh.thu.gov.vn" goes to Xã Sông Xanh, but the unit's successor is Xã An Phú
  fix: make Xã Sông Xanh its successor (districts: "Huyện Sông Xanh": { successor: "Xã Sông Xanh" }), or remove the takeover and give Xã Sông Xanh a slug
`);
  });
});

describe("the CLI on a bad config", () => {
  it("prints every problem without a stack trace, exits 1 and writes no stacks", () => {
    const root = tempDir("project-");
    const province = "tinh-thu";
    writeProvinceIn(join(root, "config"), { oldUnits: TINY_OLD_UNITS.replace("00011,Thị trấn Đồi Cát,thi-tran,Huyện Sông Xanh,Xã Sông Xanh", "00011,Thị trấn Đồi Cát,thi-tran,Huyện Sông Xanh,Xã Song Xanh") }, province);
    const run = runSynthIn(root, { PROVINCE: province });
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(`The config has 1 problem; nothing was synthesized.

config/${province}/old-units.csv, row 3, Thị trấn Đồi Cát (00011): merged_into "Xã Song Xanh" names no new unit of config/${province}/new-units.csv
  fix: write the new unit's exact name; did you mean "Xã Sông Xanh"?
`);
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(readdirSync(root)).toEqual(["config"]);
  });

  it("refuses an empty PROVINCE (only an unset one means the default) and an unknown ENV, naming each once", () => {
    const root = tempDir("project-");
    writeProvinceIn(join(root, "config"));
    const empty = runSynthIn(root, { PROVINCE: "" });
    expect([empty.status, empty.stderr]).toEqual([1, `The config has 1 problem; nothing was synthesized.

PROVINCE: is set but empty
  fix: set PROVINCE to the name of a folder of config/ (tinh-thu), or unset it for lam-dong
`]);
    const unknown = runSynthIn(root, { PROVINCE: "tinh-thu", ENV: "prod" });
    expect([unknown.status, unknown.stderr]).toEqual([1, `The config has 1 problem; nothing was synthesized.

ENV: "prod" is not one of offline, staging, production
  fix: set ENV to offline, staging or production
`]);
    expect(readdirSync(root)).toEqual(["config"]);
  });
});
