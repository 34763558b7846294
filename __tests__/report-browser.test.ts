import { execFileSync, spawnSync, type SpawnSyncReturns } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { loadProvince, provinceDir } from "../src/load/load-province";
import { CHROMIUM, headlessArgs, INSTALL_CHROMIUM, printPdf } from "../src/report/pdf";
import { buildRolloutReport, type RolloutReport } from "../src/report/rollout-rows";
import { pdfPages } from "./support/pdf-text";
import { npmScriptArgs } from "./support/project";
import { tempDir } from "./support/temp";

/**
 * The report in headless Chromium, as the official receives it: the PDF `npm run report` prints, and the HTML page it
 * writes beside it (one run of the command serves both).
 */

const ROOT = join(__dirname, "..");
let dir: string;
let out: string;
let run: SpawnSyncReturns<string>;
beforeAll(() => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: ${INSTALL_CHROMIUM}`);
  dir = tempDir("report-browser-");
  out = join(dir, "out");
  run = spawnSync(process.execPath, npmScriptArgs("report"), { cwd: ROOT, env: { ...process.env, PROVINCE: "binh-thuan", REPORT_DIR: out, REPORT_DATE: "2025-06-26" }, encoding: "utf8", timeout: 60_000 });
});

describe("npm run report", () => {
  it("writes HTML, PDF, Markdown and CSV; the PDF is A4, in the administrative form, with the table of 45 units", () => {
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(readdirSync(out).sort()).toEqual(["bao-cao-trien-khai.csv", "bao-cao-trien-khai.html", "bao-cao-trien-khai.md", "bao-cao-trien-khai.pdf"]);

    const pdf = readFileSync(join(out, "bao-cao-trien-khai.pdf"));
    const raw = pdf.toString("latin1");
    const pageObjects = raw.match(/\/Type\s*\/Page\b/g)?.length;
    const pages = pdfPages(join(out, "bao-cao-trien-khai.pdf"));
    expect(raw.startsWith("%PDF-")).toBe(true);
    expect(pageObjects).toBe(pages.length);
    // The body fits on two pages; the appendices list 45 units on landscape pages.
    expect(pages.length).toBeGreaterThan(4);
    const mediaBoxes = [...raw.matchAll(/\/MediaBox\s*\[0 0 ([\d.]+) ([\d.]+)\]/g)].map((m) => `${Math.round(Number(m[1]))}x${Math.round(Number(m[2]))}`);
    expect(new Set(mediaBoxes)).toEqual(new Set(["595x842", "842x595"]));

    const [first, ...rest] = pages;
    const flat = (text: string) => text.replace(/\s+/g, " ");
    for (const part of ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "SỞ KHOA HỌC VÀ CÔNG NGHỆ", "Bình Thuận, ngày 26 tháng 6 năm 2025", "BÁO CÁO", "I. Tổng quan"]) {
      expect(flat(first)).toContain(part);
    }
    // Page numbers at the top centre from page 2 on, none on page 1.
    expect(first.startsWith("1")).toBe(false);
    rest.forEach((text, index) => expect(text.trimStart().split("\n")[0]).toBe(String(index + 2)));
    const all = flat(pages.join("\n"));
    expect(all).toContain("Nơi nhận:");
    expect(all).toContain("PHÓ GIÁM ĐỐC");
    expect(all).toContain("Phụ lục I Danh sách đơn vị mới và tiến độ");
    const unitList = pages.map(flat).filter((text) => text.includes("Khai báo tên miền (hạn 05/06/2025)")).join("\n");
    const codes = report().communes.map((commune) => commune.code);
    expect(codes.filter((code) => !unitList.includes(code))).toEqual([]);
    expect(unitList).toContain("tuyphong.binhthuan.gov.vn");

    // Kept whole: the chart (its legend and every bar) on one page; each unit's section of Phụ lục II — its name,
    // its facts, its table of old units — on one page. Numbers printed the Vietnamese way (1.000).
    const chartPages = pages.map(flat).filter((text) => text.includes("Hoàn thành Đang thực hiện") || text.includes("(hạn 05/06/2025)") || text.includes("(hạn 01/07/2025)"));
    expect(chartPages.filter((text) => text.includes("Hoàn thành Đang thực hiện") && text.includes("(hạn 05/06/2025)") && text.includes("(hạn 01/07/2025)"))).toHaveLength(1);
    const details = pages.slice(pages.findIndex((text) => flat(text).includes("Phụ lục II"))).map(flat);
    const split = report().communes.filter((commune) => !details.some((text) => text.includes(`${commune.name} `) && commune.predecessors.every((old) => text.includes(old.domain))));
    expect(split.map((commune) => commune.name)).toEqual([]);
    expect(all).toMatch(/Số chứng thư số \(Certificate Manager\) \d+ Hạn mức \(có thể đề nghị tăng\) 1\.000 /);
  });

  it("says how to install Chromium when it is missing", () => {
    expect(() => printPdf(join(dir, "x.html"), join(dir, "x.pdf"), "/nonexistent/chromium")).toThrow(
      `/nonexistent/chromium is missing, so no PDF was written; ${INSTALL_CHROMIUM}`,
    );
  });
});

let built: RolloutReport | undefined;
function report(): RolloutReport {
  built ??= buildRolloutReport(loadProvince(provinceDir("binh-thuan")), "2025-06-26");
  return built;
}

describe("the HTML page in headless Chromium", () => {
  it("renders the heading, the 45 rows of new units, one section per unit and six bars", () => {
    const page = join(out, "bao-cao-trien-khai.html");
    const profile = mkdtempSync(join(dir, "profile-"));
    const dom = execFileSync(CHROMIUM, [...headlessArgs(profile), "--dump-dom", `file://${page}`], { encoding: "utf8", timeout: 60_000, stdio: ["ignore", "pipe", "pipe"] });
    expect(dom).toContain("<title>BÁO CÁO: Tình hình triển khai hạ tầng số cho các đơn vị hành chính cấp xã mới — Bình Thuận</title>");
    expect(dom).toContain('<p class="national-heading">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p>');
    const table = /<table id="don-vi-moi">[\s\S]*?<tbody>([\s\S]*?)<\/tbody>/.exec(dom);
    expect(table).not.toBeNull();
    expect(table![1].match(/<tr>/g)).toHaveLength(45);
    expect(table![1]).toContain('<a href="#don-vi-22978">Xã Tuy Phong</a>');
    expect(dom.match(/<section id="don-vi-\d+" class="unit">/g)).toHaveLength(45);
    expect(dom.match(/<svg class="bar"/g)).toHaveLength(6);
  });
});
