import { tenantDisplayName } from "../src/model/cloud-names";
import { bareName, domainLabel, foldToAscii } from "../src/model/fold";
import { IDENTIFIER_CODE_PATTERN } from "../src/model/identifier-code";
import { districtKindOf, NEW_UNIT_KINDS, OLD_UNIT_KINDS, UNIT_KINDS } from "../src/model/unit-kinds";

describe("folding Vietnamese names", () => {
  it.each([
    ["Xã Phan Rí Cửa", "phanricua"],
    ["Đặc khu Phú Quý", "phuquy"],
    ["Xã Đông Giang", "donggiang"],
    ["Phường Mũi Né", "muine"],
    ["Thị trấn Lạc Tánh", "lactanh"],
    ["Thành phố Phan Thiết", "phanthiet"],
    ["Xã Sông Lũy", "songluy"],
    ["Xã Nghị Đức", "nghiduc"],
    ["Phường 1", "phuong1"],
    ["Xã Ea H'Leo", "eahleo"],
  ])("%s → %s", (name, label) => {
    expect(domainLabel(name)).toBe(label);
  });

  it("treats a name typed in NFD like its NFC form", () => {
    const nfd = "Xã Hàm Thuận Bắc".normalize("NFD");
    expect(nfd).not.toBe("Xã Hàm Thuận Bắc");
    expect(domainLabel(nfd)).toBe("hamthuanbac");
    expect(bareName(nfd)).toBe("Hàm Thuận Bắc");
  });

  it("folds đ and Đ, which are letters of their own, not d with a mark", () => {
    expect(foldToAscii("Đức Linh, Đa Mi, Đồng Kho")).toBe("Duc Linh, Da Mi, Dong Kho");
  });

  it("derives identity tenant display names from the name or the slug", () => {
    expect(tenantDisplayName("Xã Phan Rí Cửa", "xa")).toBe("PhanRiCua");
    expect(tenantDisplayName("Xã Mê Pu", "xa")).toBe("MePu");
    expect(tenantDisplayName("Xã Ba", "xa")).toBe("XaBa");
    expect(tenantDisplayName("Phường 1", "phuong")).toBe("Phuong1");
    expect(tenantDisplayName("Xã X", "xa", "hoa-thang-moi")).toBe("HoaThangMoi");
    expect(tenantDisplayName("Xã Hàm Thuận Bắc Và Nam Cùng Nhau", "xa")).toBe("HamThuanBacVaNamCung");
  });
});

describe("identifier codes (mã định danh điện tử)", () => {
  it.each(["001.02.03.H10", "H55.242", "H55.242.01"])("accepts %s", (code) => {
    expect(IDENTIFIER_CODE_PATTERN.test(code)).toBe(true);
  });
  it.each(["000.00.00.H10", "H10", "1.02.03.H10", "001.02.03.h10", "001-02-03-H10", "001.02.03.H1"])("refuses %s", (code) => {
    expect(IDENTIFIER_CODE_PATTERN.test(code)).toBe(false);
  });
});

describe("one table of unit kinds (src/model/unit-kinds.ts)", () => {
  it("names every kind of the reform's data once, a Quận as a district kind of its own", () => {
    expect(UNIT_KINDS.map((row) => row.kind)).toEqual(["xa", "phuong", "dac-khu", "thi-tran", "huyen", "quan", "thi-xa", "thanh-pho"]);
    expect(["Quận Ninh Kiều", "Huyện Tuy Phong", "Thị xã La Gi", "Thành phố Phan Thiết", "Côn Đảo"].map(districtKindOf)).toEqual(["quan", "huyen", "thi-xa", "thanh-pho", "huyen"]);
  });

  it("gives the column lists and the prefixes folding drops", () => {
    expect([NEW_UNIT_KINDS, OLD_UNIT_KINDS]).toEqual([["xa", "phuong", "dac-khu"], ["xa", "phuong", "thi-tran"]]);
    expect(["Quận Ninh Kiều", "Đặc khu Phú Quý", "Thị trấn Liên Hương"].map(bareName)).toEqual(["Ninh Kiều", "Phú Quý", "Liên Hương"]);
  });
});
