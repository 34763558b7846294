import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { loadProvince, provinceDir } from "../src/load/load-province";
import type { Province } from "../src/model/province";
import { csvField, renderCsv } from "../src/report/csv";
import { escapeHtml, renderHtml } from "../src/report/html";
import { mdEscape, renderMarkdown } from "../src/report/markdown";
import { buildRolloutReport, type CommuneRow } from "../src/report/rollout-rows";

const CHROMIUM = "/usr/bin/chromium";

const province = loadProvince(provinceDir("binh-thuan"));
const report = buildRolloutReport(province, { generatedOn: "26/06/2025" });
const commune = (name: string): CommuneRow => {
  const found = report.communes.find((row) => row.name === name);
  if (!found) throw new Error(`no ${name} in the report`);
  return found;
};

describe("rollout report rows (real Bình Thuận config)", () => {
  it("totals 45 new units, 121 old commune-level units, 10 old districts, 121 portals replaced", () => {
    expect(report.totals).toEqual({ newUnits: 45, oldCommuneLevel: 121, oldDistricts: 10, portalsReplaced: 121 });
    expect(report.communes).toHaveLength(45);
  });

  it("describes Xã Tuy Phong with its names, tenant, portal and predecessors", () => {
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

  it("shows redirects to the successor's portal, refused mail, issued codes and rollout statuses in Vietnamese", () => {
    const changed: Province = {
      ...province,
      settings: { ...province.settings, rollout: { "22978": { domains: "done", addresses: "in-progress" } } },
      communes: province.communes.map((unit) => (unit.code === "22978" ? { ...unit, identifierCode: "000.00.00.H10" } : unit)),
      retired: province.retired.map((unit) => (unit.id === "22975" ? { ...unit, lookup: "redirect" as const, mail: "none" as const } : unit)),
    };
    const changedReport = buildRolloutReport(changed);
    const tuyPhong = changedReport.communes.find((row) => row.code === "22978")!;
    expect(tuyPhong.identifierCode).toBe("000.00.00.H10");
    expect(tuyPhong.milestones.map((cell) => cell.text)).toEqual([
      "hoàn thành",
      "đang thực hiện",
      "chưa thực hiện",
      "chưa thực hiện",
      "chưa thực hiện",
      "chưa thực hiện",
    ]);
    expect(tuyPhong.predecessors[0]).toMatchObject({
      lookupText: "Chuyển hướng 301 đến cổng thông tin của Xã Tuy Phong (https://tuyphong.binhthuan.gov.vn/)",
      mailText: "Từ chối thư (không nhận thư đến tên miền cũ)",
    });
    expect(changedReport.milestones[0]).toMatchObject({ due: "05/06/2025", counts: { done: 1, "in-progress": 0, pending: 44 } });
  });
});

describe("report formats", () => {
  it("writes a CSV that parses back to 45 data rows", () => {
    const csv = renderCsv(report);
    expect(csv.endsWith("\r\n")).toBe(true);
    const rows: string[][] = parse(csv, { bom: true, relax_column_count: false });
    expect(rows).toHaveLength(46);
    expect(rows[0].slice(0, 4)).toEqual(["Mã đơn vị", "Tên đơn vị", "Mã định danh điện tử", "Tên miền"]);
    const tuyPhong = rows.find((row) => row[1] === "Xã Tuy Phong")!;
    expect(tuyPhong.slice(0, 8)).toEqual([
      "22978",
      "Xã Tuy Phong",
      "chưa cấp",
      "tuyphong.binhthuan.gov.vn",
      "tuyphong.binhthuan.gov.vn",
      "TuyPhong",
      "https://tuyphong.binhthuan.gov.vn/",
      "3",
    ]);
    expect(tuyPhong[8]).toContain("Xã Phong Phú (huyện Tuy Phong, mã 22978): phongphu.tuyphong.binhthuan.gov.vn");
    const phanRiCua = rows.find((row) => row[1] === "Xã Phan Rí Cửa")!;
    expect(phanRiCua[8]).toContain("phongphu.tuyphong.binhthuan.gov.vn (tên miền giao cho Xã Tuy Phong)");
  });

  it("quotes CSV fields per RFC 4180", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField('a "b", c')).toBe('"a ""b"", c"');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
    expect(parse(`${["x", 'say "hi"', "a,b", "l1\r\nl2"].map(csvField).join(",")}\r\n`)).toEqual([["x", 'say "hi"', "a,b", "l1\r\nl2"]]);
  });

  it("escapes HTML and Markdown", () => {
    expect(escapeHtml(`<a href="x">&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;");
    expect(mdEscape("a|b *c* <d>")).toBe("a\\|b \\*c\\* \\<d\\>");
    const hostile = buildRolloutReport({ ...province, settings: { ...province.settings, province: "<script>alert(1)</script> & |x|" } });
    const html = renderHtml(hostile);
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt; &amp; |x|");
    expect(renderMarkdown(hostile)).toContain("\\<script\\>alert(1)\\</script\\> \\& \\|x\\|");
  });

  it("writes Markdown with the totals and every unit", () => {
    const markdown = renderMarkdown(report);
    expect(markdown.startsWith("# Báo cáo triển khai hạ tầng số cho các đơn vị hành chính cấp xã mới — tỉnh Bình Thuận\n")).toBe(true);
    expect(markdown).toContain("| Số đơn vị hành chính cấp xã mới | 45 |");
    expect(markdown).toContain("| Cổng thông tin điện tử được thay thế | 121 cổng cũ cấp xã → 45 cổng mới |");
    expect(markdown).toContain("| Khai báo tên miền cho đơn vị mới | 05/06/2025 | 0 | 0 | 45 |");
    expect(markdown.match(/^### /gm)).toHaveLength(45);
  });

  it("lists the policy suppressions the province accepted, with their reasons", () => {
    expect(renderMarkdown(report)).toContain("## Ngoại lệ chính sách đã chấp thuận\n\nKhông có.\n");
    const settings = { ...province.settings, suppressions: [{ rule: "DNS-009", unit: "22978", reason: "vùng Tuy Phong giữ 4 bản ghi NS cho mỗi xã cũ" }] };
    const waived = buildRolloutReport({ ...province, settings });
    expect(renderMarkdown(waived)).toContain("| DNS-009 | đơn vị 22978 | vùng Tuy Phong giữ 4 bản ghi NS cho mỗi xã cũ |");
    expect(renderHtml(waived)).toContain("<td>DNS-009</td><td>đơn vị 22978</td><td>vùng Tuy Phong giữ 4 bản ghi NS cho mỗi xã cũ</td>");
  });
});

describe("the HTML page in headless Chromium", () => {
  it("renders the title and the table of 45 new units", () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(`${CHROMIUM} is missing: install Debian's Chromium with \`apt-get update && apt-get install -y chromium\``);
    }
    const dir = mkdtempSync(join(tmpdir(), "report-html-"));
    try {
      const page = join(dir, "report.html");
      writeFileSync(page, renderHtml(report), "utf8");
      const profile = mkdtempSync(join(dir, "profile-"));
      const dom = execFileSync(
        CHROMIUM,
        [
          "--headless",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-quic",
          "--no-first-run",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          `--user-data-dir=${profile}`,
          "--dump-dom",
          `file://${page}`,
        ],
        { encoding: "utf8", timeout: 60_000, stdio: ["ignore", "pipe", "pipe"] },
      );
      expect(dom).toContain("<title>Báo cáo triển khai hạ tầng số cho các đơn vị hành chính cấp xã mới — tỉnh Bình Thuận</title>");
      const table = /<table id="don-vi-moi">[\s\S]*?<tbody>([\s\S]*?)<\/tbody>/.exec(dom);
      expect(table).not.toBeNull();
      expect(table![1].match(/<tr>/g)).toHaveLength(45);
      expect(table![1]).toContain('<a href="#don-vi-22978">Xã Tuy Phong</a>');
      expect(dom.match(/<section class="commune"/g)).toHaveLength(45);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
