import { z } from "zod";
import { IDENTIFIER_CODE_GRAMMAR, IDENTIFIER_CODE_PATTERN } from "../model/identifier-code";
import { kindList, NEW_UNIT_KINDS, OLD_UNIT_KINDS } from "../model/unit-kinds";
import { describeUnit } from "./problems";
import type { Numbered, TableSpec } from "./read-table";

/** An empty cell of an optional column means "not set". */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (value === "" ? undefined : value), schema.optional());

const code = z.string().regex(/^\d{5}$/, { error: "is not a 5-digit unit code" });
const name = z.string().min(1, { error: "is empty" });
const label = z.string().regex(/^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/, { error: "is not a DNS label (a-z, 0-9 and inner hyphens, at most 63)" });
const domain = z.string().regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, { error: "is not a lower-case domain name" });
const identifierCode = z.string().regex(IDENTIFIER_CODE_PATTERN, { error: `does not follow the grammar of Quyết định 20/2020/QĐ-TTg (${IDENTIFIER_CODE_GRAMMAR})` });

/** A row's unit as messages name it, from whatever of its name and code is there. */
const describe = (cells: Record<string, string>) => (cells.name && cells.code ? describeUnit(cells.name, cells.code) : cells.name || cells.code || undefined);

const newUnitRow = z.object({
  code,
  name,
  kind: z.enum(NEW_UNIT_KINDS, { error: "is not a kind of new unit" }),
  former_district: name,
  slug: optional(label),
  domain: optional(domain),
  identifier_code: optional(identifierCode),
});
export type NewUnitRow = z.infer<typeof newUnitRow>;
export type NewRow = Numbered<NewUnitRow>;

export const newUnitTable: TableSpec<NewUnitRow> = {
  required: ["code", "name", "kind", "former_district"],
  optional: ["slug", "domain", "identifier_code"],
  row: newUnitRow,
  describe,
  fixes: {
    code: "write the unit's 5-digit GSO code (mã đơn vị hành chính)",
    name: "write the official name with its kind, e.g. Xã Tuy Phong",
    kind: `write ${kindList(NEW_UNIT_KINDS)}`,
    former_district: "write the old district(s) the unit came from, separated by '; '",
    slug: "write the domain label in lower-case ASCII, e.g. phanricua",
    domain: "write the full lower-case domain, or leave the cell empty for the default",
    identifier_code: "write the code as issued (e.g. 000.00.00.H10), or leave the cell empty until it is issued",
  },
};

const oldUnitRow = z.object({
  code,
  name,
  kind: z.enum(OLD_UNIT_KINDS, { error: "is not a kind of old commune-level unit" }),
  district: name,
  merged_into: name,
  domain: optional(domain),
  lookup: optional(z.enum(["archive", "redirect"], { error: "is neither archive nor redirect" })),
  mail: optional(z.enum(["forward", "none"], { error: "is neither forward nor none" })),
  successor: optional(name),
  identifier_code: optional(identifierCode),
});
export type OldUnitRow = z.infer<typeof oldUnitRow>;
export type OldRow = Numbered<OldUnitRow>;

export const oldUnitTable: TableSpec<OldUnitRow> = {
  required: ["code", "name", "kind", "district", "merged_into"],
  optional: ["domain", "lookup", "mail", "successor", "identifier_code"],
  row: oldUnitRow,
  describe,
  fixes: {
    code: "write the unit's 5-digit GSO code (mã đơn vị hành chính)",
    name: "write the official name with its kind, e.g. Xã Phong Phú",
    kind: `write ${kindList(OLD_UNIT_KINDS)}`,
    district: "write the old district it belonged to, e.g. Huyện Tuy Phong",
    merged_into: "write the exact name of the new unit it became part of",
    domain: "write the old portal's full lower-case domain, or leave the cell empty for the default pattern",
    lookup: "write archive (read-only copy of the old portal) or redirect (301 to the successor), or leave it empty for archive",
    mail: "write forward (mail goes to the successor) or none (the domain refuses mail), or leave it empty for forward",
    successor: "write the name of the new unit that receives the domain (one of its merged_into values)",
    identifier_code: "write the closed code as it was issued (e.g. 000.00.00.H10), or leave the cell empty",
  },
};

const districtRow = z.object({
  code: z.string().regex(/^\d{3}$/, { error: "is not a 3-digit district code" }),
  name,
  old_province_code: z.string().regex(/^\d{2}$/, { error: "is not a 2-digit province code" }),
  old_province: name,
});
export type DistrictRow = Numbered<z.infer<typeof districtRow>>;

/**
 * `districts.csv` of the national data (data/vn-2025/<province>/): the old districts with their GSO codes and the
 * old province each belonged to, whose domain their old portals sat under. The scaffold reads it; a config
 * declares districts in its settings instead.
 */
export const districtTable: TableSpec<z.infer<typeof districtRow>> = {
  required: ["code", "name", "old_province_code", "old_province"],
  optional: [],
  row: districtRow,
  describe,
  fixes: {
    code: "write the district's 3-digit GSO code (mã đơn vị hành chính cấp huyện)",
    name: "write the district's name as the district column of old-units.csv writes it, e.g. Huyện Tuy Phong",
    old_province_code: "write the 2-digit GSO code of the province the district belonged to before 1 July 2025",
    old_province: "write the name of the province the district belonged to before 1 July 2025, e.g. Tỉnh Bình Thuận",
  },
};

/** An old province as provinces.csv lists it in `merged`: its name, then its 2-digit GSO code in parentheses. */
const MERGED_PROVINCE = /^(.+) \((\d{2})\)$/;

const nationalProvinceRow = z.object({
  code: z.string().regex(/^\d{2}$/, { error: "is not a 2-digit province code" }),
  name,
  merged: z
    .string()
    .regex(/^[^;]+ \(\d{2}\)(; [^;]+ \(\d{2}\))*$/, { error: 'is not a list of old provinces written "Tỉnh Tiền Giang (82); Tỉnh Đồng Tháp (87)"' })
    .transform((cell) => cell.split("; ").map((entry) => {
      const [, oldName, oldCode] = MERGED_PROVINCE.exec(entry)!;
      return { name: oldName, code: oldCode };
    })),
});
export type NationalProvinceRow = Numbered<z.infer<typeof nationalProvinceRow>>;

/**
 * `data/vn-2025/provinces.csv`: the 34 provinces formed on 1 July 2025 (Nghị quyết 202/2025/QH15), each with its
 * GSO code, its name and the old provinces it merged. The scaffold names a province from it.
 */
export const nationalProvinceTable: TableSpec<z.infer<typeof nationalProvinceRow>> = {
  required: ["code", "name", "merged"],
  optional: [],
  row: nationalProvinceRow,
  describe,
  fixes: {
    code: "write the new province's 2-digit GSO code",
    name: "write the new province's name with its kind, e.g. Tỉnh Đồng Tháp",
    merged: 'write each old province it merged as "<name> (<2-digit code>)", separated by "; "',
  },
};
