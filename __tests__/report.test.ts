import { existsSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { runReport } from "../src/commands/report-command";
import { loadProvince, provinceDir } from "../src/load/load-province";
import type { Province } from "../src/model/province";
import { NOT_DECLARED } from "../src/report/admin-form";
import { renderCsv } from "../src/report/csv";
import { todayInVietnam } from "../src/model/today";
import { placeAndDate, reportDate } from "../src/report/dates";
import { ADDRESS, escapeHtml } from "../src/report/escape";
import { renderHtml } from "../src/report/html";
import { mdEscape, renderMarkdown } from "../src/report/markdown";
import { buildRolloutReport, type CommuneRow } from "../src/report/rollout-rows";
import { NO_MILESTONES } from "../src/report/sections";
import { loadFixture, TINY_SETTINGS } from "./support/fixture-config";
import { ROOT } from "./support/project";
import { tempDir } from "./support/temp";

const TODAY = "2025-06-26";
const province = loadProvince(provinceDir("binh-thuan"));
const report = buildRolloutReport(province, TODAY);
const commune = (name: string): CommuneRow => {
  const found = report.communes.find((row) => row.name === name);
  if (!found) throw new Error(`no ${name} in the report`);
  return found;
};
const withRollout = (rollout: Province["settings"]["rollout"]): Province => ({ ...province, settings: { ...province.settings, rollout } });
/** The page's text outside tags, from <body> on (the style sheet and title left out). */
const bodyText = (html: string) => html.slice(html.indexOf("<body>")).replace(/<[^>]*>/g, "");

describe("rollout report rows (real Bình Thuận config)", () => {
  it("totals 45 new units, 121 old commune-level units, 10 old districts, 121 portals replaced", () => {
    expect(report.totals).toEqual({ newUnits: 45, oldCommuneLevel: 121, oldDistricts: 10, portalsReplaced: 121 });
    expect(report.communes).toHaveLength(45);
  });

  it("follows the plan of the settings: its reference, issuer and six milestones in order", () => {
    expect(report.plan).toEqual({ reference: "Kế hoạch 2495/KH-UBND", issuer: "Ủy ban nhân dân tỉnh Bình Thuận" });
    expect(report.milestones.map((m) => [m.key, m.due, m.pastDue])).toEqual([
      ["domains", "05/06/2025", true],
      ["addresses", "09/06/2025", true],
      ["dataNetwork", "15/06/2025", true],
      ["guidance", "20/06/2025", true],
      ["meetingRooms", "25/06/2025", true],
      ["goLive", "01/07/2025", false],
    ]);
  });

  it("describes Xã Tuy Phong with its names, identity name, portal and predecessors", () => {
    const tuyPhong = commune("Xã Tuy Phong");
    expect(tuyPhong).toMatchObject({
      code: "22978",
      identifierCode: "chưa cấp",
      domain: "tuyphong.binhthuan.gov.vn",
      mailDomain: "tuyphong.binhthuan.gov.vn",
      tenantDisplayName: "TuyPhong",
      portalUrl: "https://tuyphong.binhthuan.gov.vn/",
    });
    expect(tuyPhong.predecessors.map((row) => [row.name, row.domain])).toEqual([
      ["Xã Phan Dũng", "phandung.tuyphong.binhthuan.gov.vn"],
      ["Xã Phong Phú", "phongphu.tuyphong.binhthuan.gov.vn"],
      ["Huyện Tuy Phong", "tuyphong.binhthuan.gov.vn"],
    ]);
    const phongPhu = tuyPhong.predecessors[1];
    expect(phongPhu.lookupText).toBe("Lưu trữ (tra cứu) tại https://phongphu.tuyphong.binhthuan.gov.vn/");
    expect(phongPhu.mailText).toBe("Chuyển tiếp thư đến vanthu@tuyphong.binhthuan.gov.vn");
    expect(phongPhu.note).toBe("Một phần sáp nhập vào Xã Phan Rí Cửa; tên miền, thư và việc tra cứu giao cho Xã Tuy Phong");
    // The old district's domain is the new commune's now: its old portal is read at luutru.<domain>.
    expect(tuyPhong.predecessors[2].lookupText).toBe(
      "Lưu trữ (tra cứu) tại https://luutru.tuyphong.binhthuan.gov.vn/; tên miền cũ nay là cổng thông tin của Xã Tuy Phong",
    );
  });

  it("lists the split Xã Phong Phú under Xã Phan Rí Cửa too, saying its domain goes to Xã Tuy Phong", () => {
    const phongPhu = commune("Xã Phan Rí Cửa").predecessors.find((row) => row.name === "Xã Phong Phú");
    expect(phongPhu).toMatchObject({ domain: "phongphu.tuyphong.binhthuan.gov.vn", isSuccessorHere: false, successorName: "Xã Tuy Phong" });
    expect(phongPhu?.note).toBe("Chỉ một phần sáp nhập vào Xã Phan Rí Cửa; tên miền, thư và việc tra cứu giao cho Xã Tuy Phong");
  });

  it("shows redirects to the successor's portal, refused mail and issued codes in Vietnamese", () => {
    const changed: Province = {
      ...province,
      communes: province.communes.map((unit) => (unit.code === "22978" ? { ...unit, identifierCode: "000.00.00.H10" } : unit)),
      retired: province.retired.map((unit) => (unit.id === "22975" ? { ...unit, lookup: "redirect" as const, mail: "none" as const } : unit)),
    };
    const tuyPhong = buildRolloutReport(changed, TODAY).communes.find((row) => row.code === "22978")!;
    expect(tuyPhong.identifierCode).toBe("000.00.00.H10");
    expect(tuyPhong.predecessors[0]).toMatchObject({
      lookupText: "Chuyển hướng 301 đến cổng thông tin của Xã Tuy Phong (https://tuyphong.binhthuan.gov.vn/)",
      mailText: "Từ chối thư (không nhận thư đến tên miền cũ)",
    });
  });
});

describe("statuses: not reported, overdue, and their counts", () => {
  it("reports nothing reported as 'chưa báo cáo', never as 'chưa thực hiện' or overdue", () => {
    expect(report.unitsNotReported).toBe(45);
    for (const milestone of report.milestones) {
      expect(milestone.counts).toEqual({ done: 0, "in-progress": 0, pending: 0, "not-reported": 45, overdue: 0 });
    }
    expect(new Set(report.communes.flatMap((row) => row.milestones.map((cell) => cell.text)))).toEqual(new Set(["chưa báo cáo"]));
  });

  it("marks a milestone past its date and reported not done as overdue, saying what was reported", () => {
    const rollout = {
      "22978": { domains: "done", addresses: "in-progress", dataNetwork: "pending" },
      "22918": { domains: "done", goLive: "in-progress" },
      "22924": { goLive: "pending" },
    } as const;
    const changed = buildRolloutReport(withRollout(rollout), TODAY);
    const cells = (code: string) => changed.communes.find((row) => row.code === code)!.milestones.map((cell) => [cell.status, cell.text]);
    expect(cells("22978")).toEqual([
      ["done", "hoàn thành"],
      ["overdue", "quá hạn (đang thực hiện)"],
      ["overdue", "quá hạn (chưa thực hiện)"],
      ["not-reported", "chưa báo cáo"],
      ["not-reported", "chưa báo cáo"],
      ["not-reported", "chưa báo cáo"],
    ]);
    // goLive is due 01/07/2025: on 26/06 not yet overdue.
    expect(cells("22918")[5]).toEqual(["in-progress", "đang thực hiện"]);
    expect(cells("22924")[5]).toEqual(["pending", "chưa thực hiện"]);
    expect(changed.unitsNotReported).toBe(42);
    expect(changed.milestones.map((m) => [m.key, m.counts])).toEqual([
      ["domains", { done: 2, "in-progress": 0, pending: 0, "not-reported": 43, overdue: 0 }],
      ["addresses", { done: 0, "in-progress": 0, pending: 0, "not-reported": 44, overdue: 1 }],
      ["dataNetwork", { done: 0, "in-progress": 0, pending: 0, "not-reported": 44, overdue: 1 }],
      ["guidance", { done: 0, "in-progress": 0, pending: 0, "not-reported": 45, overdue: 0 }],
      ["meetingRooms", { done: 0, "in-progress": 0, pending: 0, "not-reported": 45, overdue: 0 }],
      ["goLive", { done: 0, "in-progress": 1, pending: 1, "not-reported": 43, overdue: 0 }],
    ]);
  });

  it("is overdue from the day after the due date, by the injected date", () => {
    const rollout = withRollout({ "22918": { goLive: "in-progress" } });
    const goLive = (today: string) => buildRolloutReport(rollout, today).milestones[5];
    expect(goLive("2025-07-01")).toMatchObject({ pastDue: false, counts: { "in-progress": 1, overdue: 0 } });
    expect(goLive("2025-07-02")).toMatchObject({ pastDue: true, counts: { "in-progress": 0, overdue: 1 } });
  });

  it("counts a settings fixture with one unit reported and one not, through the loader", () => {
    const fixture = loadFixture({
      settings: `${TINY_SETTINGS}plan:
  reference: Kế hoạch 7/KH-UBND
  issuer: Ủy ban nhân dân Tỉnh Thử
  milestones:
    - { key: domains, due: "2025-06-05", short: Tên miền, label: Khai báo tên miền }
    - { key: goLive, due: "2025-07-01", short: Vận hành, label: Vận hành chính thức }
rollout:
  "00010": { domains: in-progress, goLive: done }
`,
    });
    const tiny = buildRolloutReport(fixture, TODAY);
    expect(tiny.unitsNotReported).toBe(1);
    expect(tiny.communes.map((row) => [row.code, row.milestones.map((cell) => cell.text)])).toEqual([
      ["00010", ["quá hạn (đang thực hiện)", "hoàn thành"]],
      ["00020", ["chưa báo cáo", "chưa báo cáo"]],
    ]);
    expect(tiny.milestones.map((m) => m.counts)).toEqual([
      { done: 0, "in-progress": 0, pending: 0, "not-reported": 1, overdue: 1 },
      { done: 1, "in-progress": 0, pending: 0, "not-reported": 1, overdue: 0 },
    ]);
    const markdown = renderMarkdown(tiny);
    expect(markdown).toContain("| Số đơn vị mới đã báo cáo tiến độ | 1 |\n| Số đơn vị mới chưa báo cáo tiến độ | 1 |\n| Số mốc kế hoạch đã qua hạn | 1/2 |\n| Số lượt quá hạn (đơn vị báo cáo chưa hoàn thành mốc đã qua hạn) | 1 |");
    expect(markdown).toContain(
      "| Mốc | Hạn | Hoàn thành | Đang thực hiện | Chưa thực hiện | Chưa báo cáo | Quá hạn |\n| --- | --- | --- | --- | --- | --- | --- |\n" +
        "| Khai báo tên miền | 05/06/2025 (đã qua hạn) | 0 | 0 | 0 | 1 | 1 |\n| Vận hành chính thức | 01/07/2025 | 1 | 0 | 0 | 1 | 0 |",
    );
    expect(markdown).toContain("Thực hiện Kế hoạch 7/KH-UBND của Ủy ban nhân dân Tỉnh Thử, (chưa khai báo) báo cáo tình hình triển khai");
  });

  it("says clearly that no milestones are declared when plan.milestones is empty", () => {
    const bare = buildRolloutReport(loadFixture({ settings: `${TINY_SETTINGS}plan:\n  milestones: []\n` }), TODAY);
    expect(bare.milestones).toEqual([]);
    expect(renderMarkdown(bare)).toContain(`## II. Tiến độ theo mốc kế hoạch\n\n${NO_MILESTONES}\n`);
    const html = renderHtml(bare);
    expect(html).toContain(`<h2>II. Tiến độ theo mốc kế hoạch</h2>\n<p>Kế hoạch chưa khai báo mốc tiến độ nào`);
    expect(html).not.toContain("<svg");
    expect(parse(renderCsv(bare), { bom: true })[0]).toHaveLength(9);
  });
});

describe("the HTML page", () => {
  const html = renderHtml(buildRolloutReport(withRollout({ "22978": { domains: "done", addresses: "in-progress" }, "22918": { domains: "in-progress" } }), TODAY));

  it("draws one stacked SVG bar per milestone, one segment per status present, sized by its count", () => {
    const bars = [...html.matchAll(/<svg class="bar"[^>]*data-milestone="(\w+)">([\s\S]*?)<\/svg>/g)];
    expect(bars.map((bar) => bar[1])).toEqual(["domains", "addresses", "dataNetwork", "guidance", "meetingRooms", "goLive"]);
    const segments = bars.map((bar) => [...bar[2].matchAll(/data-status="([\w-]+)" data-count="(\d+)">.*?<rect x="([\d.]+)" y="0" width="([\d.]+)"/g)].map((m) => [m[1], Number(m[2]), Number(m[3]), Number(m[4])]));
    // 22918 reported domains (due 05/06) in progress: overdue on 26/06.
    expect(segments[0]).toEqual([
      ["done", 1, 0, 6.67],
      ["not-reported", 43, 6.67, 286.66],
      ["overdue", 1, 293.33, 6.67],
    ]);
    expect(segments[1].map(([status, count]) => [status, count])).toEqual([["not-reported", 44], ["overdue", 1]]);
    expect(segments[5].map(([status, count]) => [status, count])).toEqual([["not-reported", 45]]);
    for (const bar of segments) expect(bar.reduce((sum, [, , , width]) => sum + Number(width), 0)).toBeCloseTo(300, 6);
    expect(html).toContain('aria-label="Khai báo tên miền: 1 hoàn thành, 0 đang thực hiện, 0 chưa thực hiện, 43 chưa báo cáo, 1 quá hạn"');
    // Drawn in the page: no script, nothing fetched.
    expect(html).not.toMatch(/<script|<img|<link|src=|url\(/);
  });

  it("keeps every e-mail address, web address and domain on one line", () => {
    expect(html).toContain(".addr { white-space: nowrap;");
    expect(html).toContain('Chuyển tiếp thư đến <span class="addr">vanthu@tuyphong.binhthuan.gov.vn</span>');
    expect(html).toContain('<dd><span class="addr">https://tuyphong.binhthuan.gov.vn/</span></dd>');
    expect(html).toContain('<td><span class="addr">phongphu.tuyphong.binhthuan.gov.vn</span></td>');
    const outside = bodyText(html.replace(/<span class="addr">[^<]*<\/span>/g, ""));
    expect(outside.match(ADDRESS)).toBeNull();
    expect(bodyText(html).match(ADDRESS)!.length).toBeGreaterThan(45 * 6);
  });

  it("uses Vietnamese terms and capitalised headers throughout", () => {
    for (const text of [html, renderMarkdown(report), renderCsv(report)]) expect(text).not.toMatch(/tenant/i);
    expect(html).toContain("<dt>Tên trên hệ thống xác thực tập trung</dt><dd>TuyPhong</dd>");
    const headers = [...html.matchAll(/<th[^>]*>([^<]*)<\/th>/g)].map((m) => m[1]);
    expect(headers.length).toBeGreaterThan(45 * 5);
    expect(headers.filter((text) => !/^\p{Lu}/u.test(text))).toEqual([]);
    const headings = [...html.matchAll(/<h[23]>([^<]*)<\/h[23]>/g)].map((m) => m[1]);
    expect(headings.slice(0, 5)).toEqual(["I. Tổng quan", "II. Tiến độ theo mốc kế hoạch", "III. Ngoại lệ chính sách đã chấp thuận", "Danh sách đơn vị mới và tiến độ", "Chi tiết từng đơn vị"]);
  });

  it("has the administrative form of Nghị định 30/2020/NĐ-CP, its parts in order, texts from the settings", () => {
    const parts = [
      '<p class="national-heading">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p>',
      '<p class="motto"><span>Độc lập - Tự do - Hạnh phúc</span></p>',
      '<p class="parent-body">UBND TỈNH BÌNH THUẬN</p>',
      '<p class="issuer">SỞ KHOA HỌC VÀ CÔNG NGHỆ</p>',
      '<p class="number">Số: <span class="number-value">      /BC-SKHCN</span></p>',
      '<p class="place-date">Bình Thuận, ngày 26 tháng 6 năm 2025</p>',
      '<h1 class="document-type">BÁO CÁO</h1>',
      '<p class="document-title">Tình hình triển khai hạ tầng số cho các đơn vị hành chính cấp xã mới</p>',
      '<p class="opening">Thực hiện Kế hoạch 2495/KH-UBND của Ủy ban nhân dân tỉnh Bình Thuận, Sở Khoa học và Công nghệ báo cáo tình hình triển khai hạ tầng số cho các đơn vị hành chính cấp xã mới (mô hình chính quyền địa phương hai cấp vận hành từ ngày 01/07/2025) như sau:</p>',
      "<h2>I. Tổng quan</h2>",
      '<p class="recipients-heading">Nơi nhận:</p><p>- UBND tỉnh (để báo cáo);</p><p>- Các sở, ban, ngành tỉnh;</p><p>- UBND các xã, phường, đặc khu;</p><p>- Lưu: VT, CĐS.</p>',
      '<div class="signature"><p class="signer-title">KT. GIÁM ĐỐC</p><p class="signer-title">PHÓ GIÁM ĐỐC</p><p class="signature-space"></p><p class="signer-name"><span class="missing">(chưa khai báo)</span></p></div>',
      '<p class="appendix-number">Phụ lục I</p>',
      '<p class="appendix-ref">(Kèm theo Báo cáo số /BC-SKHCN ngày 26/06/2025 của Sở Khoa học và Công nghệ)</p>',
      '<p class="appendix-number">Phụ lục II</p>',
    ];
    const positions = parts.map((part) => html.indexOf(part));
    expect(positions.filter((position) => position < 0)).toEqual([]);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(html).toContain("@page { size: A4; margin: 20mm 15mm 20mm 30mm;");
  });

  it("says, under the overview, which migration windows grant nothing on its day (and nothing while they are open)", () => {
    const windows = loadFixture({ settings: TINY_SETTINGS + 'retirement: { migrationWindow: { from: "2025-07-01", until: "2026-01-01" }, migrationWindows: { "00011": { from: "2027-01-01", until: "2027-06-01" } } }\n' });
    expect(buildRolloutReport(windows, "2026-02-05").windowNotices).toEqual([
      "Thời hạn chuyển đổi dữ liệu vào lưu trữ của 3 đơn vị cũ (từ ngày 01/07/2025 đến trước ngày 01/01/2026) đã kết thúc: quyền ghi không còn hiệu lực.",
      "Thời hạn chuyển đổi dữ liệu vào lưu trữ của Thị trấn Đồi Cát (00011) (từ ngày 01/01/2027 đến trước ngày 01/06/2027) chưa bắt đầu: quyền ghi chưa có hiệu lực.",
    ]);
    expect(renderMarkdown(buildRolloutReport(windows, "2026-02-05"))).toContain("Thời hạn chuyển đổi dữ liệu vào lưu trữ của 3 đơn vị cũ");
    expect(buildRolloutReport(province, "2027-01-15").windowNotices).toEqual([]);
  });

  it("cites the plan only when the settings name one", () => {
    const opening = (settings: string) => /<p class="opening">([^<]*)<\/p>/.exec(renderHtml(buildRolloutReport(loadFixture({ settings: `${TINY_SETTINGS}report: { issuer: Sở Khoa học và Công nghệ }\n${settings}` }), TODAY)))![1];
    expect([opening(""), opening("plan: { reference: Kế hoạch 7/KH-UBND, milestones: [] }\n"), opening("plan: { reference: Kế hoạch 7/KH-UBND, issuer: UBND tỉnh Thử, milestones: [] }\n")]).toEqual([
      "Sở Khoa học và Công nghệ báo cáo tình hình triển khai hạ tầng số cho các đơn vị hành chính cấp xã mới (mô hình chính quyền địa phương hai cấp vận hành từ ngày 01/07/2025) như sau:",
      "Thực hiện Kế hoạch 7/KH-UBND, Sở Khoa học và Công nghệ báo cáo tình hình triển khai hạ tầng số cho các đơn vị hành chính cấp xã mới (mô hình chính quyền địa phương hai cấp vận hành từ ngày 01/07/2025) như sau:",
      "Thực hiện Kế hoạch 7/KH-UBND của UBND tỉnh Thử, Sở Khoa học và Công nghệ báo cáo tình hình triển khai hạ tầng số cho các đơn vị hành chính cấp xã mới (mô hình chính quyền địa phương hai cấp vận hành từ ngày 01/07/2025) như sau:",
    ]);
  });

  it("of a scaffolded province (Lâm Đồng) leaves only the signer's name to declare, and no heading empty", () => {
    const lamDong = renderHtml(buildRolloutReport(loadProvince(provinceDir("lam-dong")), TODAY));
    expect(lamDong.match(/<span class="missing">[^<]*<\/span>/g)).toEqual([`<span class="missing">${NOT_DECLARED}</span>`]);
    expect(lamDong).toContain(`<p class="signer-name"><span class="missing">${NOT_DECLARED}</span></p>`);
    for (const part of ['<p class="parent-body">UBND TỈNH LÂM ĐỒNG</p><p class="issuer">SỞ KHOA HỌC VÀ CÔNG NGHỆ</p>', '<p class="place-date">Lâm Đồng, ngày 26 tháng 6 năm 2025</p>', '<p class="signer-title">KT. GIÁM ĐỐC</p><p class="signer-title">PHÓ GIÁM ĐỐC</p>']) {
      expect(lamDong).toContain(part);
    }
    // Every heading and line of the form has its text; only the signature's space is empty, by design.
    expect(lamDong.match(/<(h[1-3]|p)( class="[^"]*")?>\s*<\/\1>/g)).toEqual(['<p class="signature-space"></p>']);
  });

  it("renders without a report block, every missing text visibly marked", () => {
    const { report: _, ...settings } = province.settings;
    const bare = renderHtml(buildRolloutReport({ ...province, settings }, "2026-02-05"));
    const marker = `<span class="missing">${NOT_DECLARED}</span>`;
    for (const part of [
      `<p class="parent-body">${marker}</p><p class="issuer">${marker}</p>`,
      `Số: <span class="number-value">${marker}</span>`,
      `<p class="place-date">${marker}, ngày 05 tháng 02 năm 2026</p>`,
      `<p class="recipients-heading">Nơi nhận:</p><p>- ${marker}.</p>`,
      `<p class="signer-title">${marker}</p><p class="signature-space"></p><p class="signer-name">${marker}</p>`,
    ]) {
      expect(bare).toContain(part);
    }
    expect(bare).toContain(".missing { color: #b00020;");
  });
});

describe("report formats", () => {
  it("writes a CSV that parses back to 45 data rows", () => {
    const csv = renderCsv(report);
    expect(csv.endsWith("\r\n")).toBe(true);
    const rows: string[][] = parse(csv, { bom: true, relax_column_count: false });
    expect(rows).toHaveLength(46);
    expect(rows[0]).toEqual([
      "Mã đơn vị",
      "Tên đơn vị",
      "Mã định danh điện tử",
      "Tên miền",
      "Tên miền thư điện tử công vụ",
      "Tên trên hệ thống xác thực tập trung",
      "Cổng thông tin điện tử",
      "Số đơn vị cũ (xã, huyện)",
      "Đơn vị cũ (tên miền)",
      "Khai báo tên miền (hạn 05/06/2025)",
      "Địa chỉ trụ sở (hạn 09/06/2025)",
      "Mạng truyền số liệu (hạn 15/06/2025)",
      "Hướng dẫn (hạn 20/06/2025)",
      "Phòng họp trực tuyến (hạn 25/06/2025)",
      "Vận hành (hạn 01/07/2025)",
    ]);
    const tuyPhong = rows.find((row) => row[1] === "Xã Tuy Phong")!;
    expect(tuyPhong.slice(0, 8)).toEqual(["22978", "Xã Tuy Phong", "chưa cấp", "tuyphong.binhthuan.gov.vn", "tuyphong.binhthuan.gov.vn", "TuyPhong", "https://tuyphong.binhthuan.gov.vn/", "3"]);
    expect(tuyPhong[8]).toContain("Xã Phong Phú (huyện Tuy Phong, mã 22978): phongphu.tuyphong.binhthuan.gov.vn");
    expect(tuyPhong.slice(9)).toEqual(Array(6).fill("chưa báo cáo"));
    const phanRiCua = rows.find((row) => row[1] === "Xã Phan Rí Cửa")!;
    expect(phanRiCua[8]).toContain("phongphu.tuyphong.binhthuan.gov.vn (tên miền giao cho Xã Tuy Phong)");
  });

  it("quotes CSV fields per RFC 4180, and those a spreadsheet would trim", () => {
    const names = ['Xã "Thử", mới', "hai\r\ndòng", " Xã Đệm "];
    const hostile = buildRolloutReport({ ...province, communes: province.communes.map((commune, index) => ({ ...commune, name: names[index] ?? commune.name })) }, TODAY);
    const csv = renderCsv(hostile);
    for (const quoted of ['"Xã ""Thử"", mới"', '"hai\r\ndòng"', '" Xã Đệm "']) expect(csv).toContain(`,${quoted},`);
    const rows: string[][] = parse(csv, { bom: true });
    const nameOf = new Map(rows.slice(1).map((row) => [row[0], row[1]]));
    expect(province.communes.map((commune) => nameOf.get(commune.code))).toEqual(province.communes.map((commune, index) => names[index] ?? commune.name));
  });

  it("escapes HTML and Markdown", () => {
    expect(escapeHtml(`<a href="x">&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;");
    expect(mdEscape("a|b *c* <d>")).toBe("a\\|b \\*c\\* \\<d\\>");
    const settings = { ...province.settings, province: "<script>alert(1)</script> & |x|", report: { recipients: ["<b>Sở</b> & |x|"] } };
    const hostile = buildRolloutReport({ ...province, settings }, TODAY);
    const html = renderHtml(hostile);
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt; &amp; |x|");
    expect(html).toContain("<p>- &lt;b&gt;Sở&lt;/b&gt; &amp; |x|.</p>");
    expect(renderMarkdown(hostile)).toContain("- \\<b\\>Sở\\</b\\> \\& \\|x\\|.");
  });

  it("writes Markdown in the same form: heading, title, body, recipients, signature, appendices", () => {
    const markdown = renderMarkdown(report);
    expect(markdown.startsWith(
      "**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**\\\n**Độc lập - Tự do - Hạnh phúc**\\\n*Bình Thuận, ngày 26 tháng 6 năm 2025*\n\n" +
        "UBND TỈNH BÌNH THUẬN\\\n**SỞ KHOA HỌC VÀ CÔNG NGHỆ**\\\nSố: /BC-SKHCN\n\n# BÁO CÁO\n\n**Tình hình triển khai hạ tầng số cho các đơn vị hành chính cấp xã mới**\n\n",
    )).toBe(true);
    expect(markdown).toContain("| Số đơn vị hành chính cấp xã mới | 45 |");
    expect(markdown).toContain("| Cổng thông tin điện tử được thay thế | 121 cổng cũ cấp xã → 45 cổng mới |");
    expect(markdown).toContain("| Khai báo tên miền cho đơn vị mới | 05/06/2025 (đã qua hạn) | 0 | 0 | 0 | 45 | 0 |");
    expect(markdown).toContain("**Nơi nhận:**\n- UBND tỉnh (để báo cáo);\n- Các sở, ban, ngành tỉnh;\n- UBND các xã, phường, đặc khu;\n- Lưu: VT, CĐS.\n\n**KT. GIÁM ĐỐC**\\\n**PHÓ GIÁM ĐỐC**\\\n\\\n**(chưa khai báo)**\n\n## Phụ lục I: Danh sách đơn vị mới và tiến độ\n");
    expect(markdown.match(/^### /gm)).toHaveLength(45);
  });

  it("lists the policy suppressions the province accepted, with their reasons", () => {
    expect(renderMarkdown(report)).toContain("## III. Ngoại lệ chính sách đã chấp thuận\n\nKhông có.\n");
    const settings = { ...province.settings, suppressions: [{ rule: "DNS-009", unit: "22978", reason: "vùng Tuy Phong giữ 4 bản ghi NS cho mỗi xã cũ" }] };
    const waived = buildRolloutReport({ ...province, settings }, TODAY);
    expect(renderMarkdown(waived)).toContain("| DNS-009 | đơn vị 22978 | vùng Tuy Phong giữ 4 bản ghi NS cho mỗi xã cũ |");
    expect(renderHtml(waived)).toContain("<td>DNS-009</td><td>đơn vị 22978</td><td>vùng Tuy Phong giữ 4 bản ghi NS cho mỗi xã cũ</td>");
  });
});

describe("dates", () => {
  it("writes the place and date line as the decree does: a leading zero on days below 10 and on months 1 and 2", () => {
    expect(placeAndDate("Bình Thuận", "2026-02-05")).toBe("Bình Thuận, ngày 05 tháng 02 năm 2026");
    expect(placeAndDate("Lâm Đồng", "2025-06-26")).toBe("Lâm Đồng, ngày 26 tháng 6 năm 2025");
    expect(placeAndDate("Hà Nội", "2025-12-01")).toBe("Hà Nội, ngày 01 tháng 12 năm 2025");
  });

  it("takes today in Vietnam's time zone", () => {
    expect(todayInVietnam(new Date("2025-06-30T16:59:59Z"))).toBe("2025-06-30");
    expect(todayInVietnam(new Date("2025-06-30T17:00:00Z"))).toBe("2025-07-01");
  });

  it("dates the report by REPORT_DATE when set, and says what is wrong with one that is not a day it can bear", () => {
    const now = new Date("2026-12-03T17:00:00Z");
    const refusal = (value: string) => {
      try {
        reportDate(value, now);
      } catch (error) {
        return (error as Error).message;
      }
      return "accepted";
    };
    expect(reportDate(undefined, new Date("2025-06-30T17:00:00Z"))).toBe("2025-07-01");
    expect(reportDate("", new Date("2025-06-30T17:00:00Z"))).toBe("2025-07-01");
    expect([reportDate("2028-02-29", new Date("2027-06-01T00:00:00Z")), reportDate("2025-01-01", now), reportDate("2027-12-04", now)]).toEqual(["2028-02-29", "2025-01-01", "2027-12-04"]);
    expect(["26/06/2025", "2026-02-30", "2026-13-01", "1999-06-26", "2027-12-05"].map(refusal)).toEqual([
      "REPORT_DATE=26/06/2025: not written YYYY-MM-DD\n  fix: e.g. REPORT_DATE=2025-06-26, or leave it unset for today",
      "REPORT_DATE=2026-02-30: not a day of the calendar (month 2 of 2026 has 28 days)\n  fix: e.g. REPORT_DATE=2025-06-26, or leave it unset for today",
      "REPORT_DATE=2026-13-01: not a day of the calendar (there is no month 13)\n  fix: e.g. REPORT_DATE=2025-06-26, or leave it unset for today",
      "REPORT_DATE=1999-06-26: outside the days a report of the reorganisation can bear, 2025-01-01 to 2027-12-04\n  fix: write a day in that range, or leave it unset for today (2026-12-04)",
      "REPORT_DATE=2027-12-05: outside the days a report of the reorganisation can bear, 2025-01-01 to 2027-12-04\n  fix: write a day in that range, or leave it unset for today (2026-12-04)",
    ]);
  });
});

describe("npm run report, refusing before it writes anything", () => {
  /** The command in this process (src/commands/report-command.ts, which the script runs), its output into REPORT_DIR. */
  const report = (env: NodeJS.ProcessEnv) => {
    const out = join(tempDir("report-"), "out");
    const output = { stdout: "", stderr: "" };
    const status = runReport(ROOT, { env: { ...process.env, PROVINCE: "binh-thuan", REPORT_DIR: out, REPORT_DATE: "2025-06-26", ...env }, stdout: (text) => (output.stdout += text), stderr: (text) => (output.stderr += text) });
    return { status, ...output, written: existsSync(out) };
  };

  it("names a bad REPORT_DATE, PROVINCE or ENV with its fix, exits 1 and writes nothing", () => {
    expect(report({ REPORT_DATE: "2026-02-30" })).toEqual({ status: 1, stdout: "", stderr: "REPORT_DATE=2026-02-30: not a day of the calendar (month 2 of 2026 has 28 days)\n  fix: e.g. REPORT_DATE=2025-06-26, or leave it unset for today\n", written: false });
    expect(report({ ENV: "prod" })).toEqual({ status: 1, stdout: "", stderr: 'The config has 1 problem; nothing was synthesized.\n\nENV: "prod" is not one of offline, staging, production\n  fix: set ENV to offline, staging or production\n', written: false });
    const unknown = report({ PROVINCE: "binh-thaun" });
    expect([unknown.status, unknown.stdout, unknown.written]).toEqual([1, "", false]);
    expect(unknown.stderr).toMatch(/^The config has 1 problem; nothing was synthesized\.\n\nconfig\/binh-thaun: the folder does not exist; provinces: an-giang, .*binh-thuan, .*\n  fix: set PROVINCE to one of the provinces, or create the folder with settings\.yaml, new-units\.csv and old-units\.csv\n$/);
  });
});
