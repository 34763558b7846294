import { mkdirSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { loadProvince } from "../../src/load/load-province";
import { ConfigError } from "../../src/load/problems";
import type { Province } from "../../src/model/province";
import { tempDir } from "./temp";

/** A tiny province: two new communes of one old district, one of them from a split commune. */
export const TINY_NEW_UNITS = `code,name,kind,former_district
00010,Xã An Phú,xa,Huyện Sông Xanh
00020,Xã Sông Xanh,xa,Huyện Sông Xanh
`;

export const TINY_OLD_UNITS = `code,name,kind,district,merged_into,successor
00010,Xã An Phú,xa,Huyện Sông Xanh,Xã An Phú,
00011,Thị trấn Đồi Cát,thi-tran,Huyện Sông Xanh,Xã Sông Xanh,
00012,Xã Bình Minh,xa,Huyện Sông Xanh,Xã An Phú,Xã An Phú
00012,Xã Bình Minh,xa,Huyện Sông Xanh,Xã Sông Xanh,Xã An Phú
`;

/** The settings every test province shares; districts, takeovers and the rest are added per test. */
export const TINY_SETTINGS_BASE = `province: Tỉnh Thử
parentDomain: thu.gov.vn
cutoverDate: "2025-07-01"
bucketPrefix: thu
gcp: { project: thu-project, region: asia-southeast1 }
dnsimple: { account: "1234", nameServers: [ns1.dnsimple.com, ns2.dnsimple-edge.net] }
mail:
  hosts: [{ host: mx1.thu.gov.vn, priority: 10 }, { host: mx2.thu.gov.vn, priority: 20 }]
  dmarc: { policy: reject, reportTo: dmarc@thu.gov.vn }
  tlsReportTo: tlsrpt@thu.gov.vn
portalAdminGroup: "admins-{label}@thu.gov.vn"
`;

export const TINY_SETTINGS = `${TINY_SETTINGS_BASE}sharedSystems: [{ label: qlvb, target: qlvb.thu.gov.vn, purpose: Quản lý văn bản }]
districts:
  "Huyện Sông Xanh": { code: "900" }
takeovers:
  songxanh.thu.gov.vn: { newUnit: Xã Sông Xanh, reason: "the commune carries the district's name" }
`;

export interface FixtureFiles {
  newUnits?: string;
  oldUnits?: string;
  settings?: string;
}

/** Writes a province folder `<parent>/<name>` (the tiny one, with the given files replaced) and returns its path. */
export function writeProvinceIn(parent: string, files: FixtureFiles = {}, name = "tinh-thu"): string {
  const dir = join(parent, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "new-units.csv"), files.newUnits ?? TINY_NEW_UNITS);
  writeFileSync(join(dir, "old-units.csv"), files.oldUnits ?? TINY_OLD_UNITS);
  writeFileSync(join(dir, "settings.yaml"), files.settings ?? TINY_SETTINGS);
  return dir;
}

/** Writes a province folder (the tiny one, with the given files replaced) in a temp folder and returns its path. */
export function writeProvince(files: FixtureFiles = {}, name = "tinh-thu"): string {
  return writeProvinceIn(tempDir("province-"), files, name);
}

export function loadFixture(files: FixtureFiles = {}): Province {
  return loadProvince(writeProvince(files));
}

/** The report of a config that must fail, with the folder's path shortened to "<dir>". */
export function configErrorOf(files: FixtureFiles): string {
  return errorIn(writeProvince(files));
}

/** The error report of a folder that must fail, with its path shortened to "<dir>". */
export function errorIn(dir: string): string {
  try {
    loadProvince(dir);
  } catch (error) {
    if (error instanceof ConfigError) return error.message.split(relative(process.cwd(), dir)).join("<dir>");
    throw error;
  }
  throw new Error("the config loaded without problems");
}
