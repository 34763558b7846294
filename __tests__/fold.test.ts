import { tenantDisplayName } from "../src/model/cloud-names";
import { bareName, domainLabel, foldToAscii } from "../src/model/fold";
import { IDENTIFIER_CODE_PATTERN } from "../src/model/identifier-code";

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
