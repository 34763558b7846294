/**
 * Every kind of administrative unit the data names (loại đơn vị hành chính), before and after the 2025 reform, in
 * one table: the config's value, how an official name begins, the level, and the short forms derived names use.
 * The district level (cấp huyện) was abolished on 1 July 2025; its kinds name old districts only. A Quận (urban
 * district) is a kind of its own, not a huyện.
 */
export const UNIT_KINDS = [
  { kind: "xa", prefix: "Xã", level: "commune", short: "xa", tenantWord: "Xa", isNew: true, isOld: true },
  { kind: "phuong", prefix: "Phường", level: "commune", short: "phuong", tenantWord: "Phuong", isNew: true, isOld: true },
  { kind: "dac-khu", prefix: "Đặc khu", level: "commune", short: "dackhu", tenantWord: "DacKhu", isNew: true, isOld: false },
  { kind: "thi-tran", prefix: "Thị trấn", level: "commune", short: "tt", tenantWord: undefined, isNew: false, isOld: true },
  { kind: "huyen", prefix: "Huyện", level: "district", short: "huyen", tenantWord: undefined, isNew: false, isOld: false },
  { kind: "quan", prefix: "Quận", level: "district", short: "quan", tenantWord: undefined, isNew: false, isOld: false },
  { kind: "thi-xa", prefix: "Thị xã", level: "district", short: "tx", tenantWord: undefined, isNew: false, isOld: false },
  { kind: "thanh-pho", prefix: "Thành phố", level: "district", short: "tp", tenantWord: undefined, isNew: false, isOld: false },
] as const;

type Row = (typeof UNIT_KINDS)[number];
export type UnitKind = Row["kind"];
/** The kinds of the new commune-level units (xã, phường, đặc khu). */
export type NewUnitKind = Extract<Row, { isNew: true }>["kind"];
/** The kinds of the old commune-level units (xã, phường, thị trấn). */
export type OldUnitKind = Extract<Row, { isOld: true }>["kind"];
/** The kinds of the old districts (huyện, quận, thị xã, thành phố thuộc tỉnh). */
export type DistrictKind = Extract<Row, { level: "district" }>["kind"];

export const NEW_UNIT_KINDS = UNIT_KINDS.filter((row): row is Extract<Row, { isNew: true }> => row.isNew).map((row) => row.kind) as [NewUnitKind, ...NewUnitKind[]];
export const OLD_UNIT_KINDS = UNIT_KINDS.filter((row): row is Extract<Row, { isOld: true }> => row.isOld).map((row) => row.kind) as [OldUnitKind, ...OldUnitKind[]];

/** Every kind's prefix as official names write it, longest first, so that a longer prefix wins over a shorter. */
export const KIND_PREFIXES: readonly string[] = UNIT_KINDS.map((row) => row.prefix).sort((a, b) => b.length - a.length);

/** The row of a kind. */
export function unitKind(kind: UnitKind): Row {
  return UNIT_KINDS.find((row) => row.kind === kind)!;
}

/** The district kind an old district's name begins with ("Quận Ninh Kiều" → quan); a name with none is a huyện. */
export function districtKindOf(name: string): DistrictKind {
  const row = UNIT_KINDS.find((candidate) => candidate.level === "district" && name.startsWith(`${candidate.prefix} `));
  return (row?.kind ?? "huyen") as DistrictKind;
}

/** "xa, phuong or dac-khu": the kinds a column accepts, as a fix names them. */
export function kindList(kinds: readonly string[]): string {
  return `${kinds.slice(0, -1).join(", ")} or ${kinds[kinds.length - 1]}`;
}
