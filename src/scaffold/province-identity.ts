import type { ConfigProblem } from "../load/problems";
import type { NationalProvinceRow } from "../load/unit-tables";
import { provinceLabel } from "./domains";
import { NATIONAL_PROVINCES, type NationalProvinces } from "./national-provinces";
import type { ProvinceSource } from "./source";

/** An old province (trước 1/7/2025) as the lists' districts.csv names it. */
export interface ListedOldProvince {
  readonly name: string;
  readonly code: string;
  /** The districts.csv row that first names it. */
  readonly row: number;
  readonly districts: number;
  readonly oldUnits: number;
}

/** Who the lists say the province is, and why. */
export interface ProvinceIdentity {
  readonly name: string;
  /** The row of the national table that merged the lists' old provinces; undefined when the fallback rule chose. */
  readonly national?: NationalProvinceRow;
  readonly reason: string;
  /** Set when the folder's name is not the province's: the folder then names only the folder. */
  readonly folderNote?: string;
}

const describe = (province: { readonly name: string; readonly code: string }) => `${province.name} (${province.code})`;
const list = (items: readonly string[]) => (items.length < 2 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`);

/** The old provinces of the lists' districts, in the order districts.csv first names them. */
export function listedOldProvinces(source: ProvinceSource): ListedOldProvince[] {
  const byName = new Map<string, { name: string; code: string; row: number; districts: number; oldUnits: number }>();
  for (const district of source.districts.values()) {
    const province = byName.get(district.old_province);
    if (province) province.districts += 1;
    else byName.set(district.old_province, { name: district.old_province, code: district.old_province_code, row: district.row, districts: 1, oldUnits: 0 });
  }
  for (const draft of source.joined.oldDrafts) byName.get(source.districts.get(draft.rows[0].district)!.old_province)!.oldUnits += 1;
  return [...byName.values()];
}

/**
 * The province the lists are: the new province into which Nghị quyết 202/2025/QH15 merged every old province of
 * their districts.csv (data/vn-2025/provinces.csv), whatever the folder is called. Old provinces are matched by
 * GSO code and folded name; a code and a name that point at two different old provinces are a problem of the
 * lists. Lists whose old provinces are not all in one row (a province the table does not know, or made-up lists)
 * fall back to the folder's name among the old provinces, else to the old province with the most old units.
 */
export function identifyProvince(source: ProvinceSource, folder: string, national: NationalProvinces): { identity?: ProvinceIdentity; problems: ConfigProblem[] } {
  const listed = listedOldProvinces(source);
  const merged = national.provinces.flatMap((row) => row.merged.map((old) => ({ old, row })));
  const problems: ConfigProblem[] = [];
  const rows = new Set<NationalProvinceRow>();
  const unknown: ListedOldProvince[] = [];
  for (const province of listed) {
    const byCode = merged.find(({ old }) => old.code === province.code);
    const byName = merged.find(({ old }) => provinceLabel(old.name) === provinceLabel(province.name));
    if (byCode && byCode === byName) rows.add(byCode.row);
    else if (byCode || byName) {
      const known = [byCode, byName].filter((entry) => entry !== undefined).map(({ old }) => describe(old));
      problems.push({
        file: source.files.districts,
        row: province.row,
        unit: describe(province),
        message: `the old province's code and name disagree with ${national.file}, which has ${list(known)}`,
        fix: `correct old_province_code or old_province in every row of this old province, as ${national.file} writes it`,
      });
    } else unknown.push(province);
  }
  if (problems.length > 0) return { problems };

  const names = `the lists' old province${listed.length === 1 ? "" : "s"}, ${list(listed.map(describe))},`;
  let identity: Omit<ProvinceIdentity, "folderNote">;
  const [row] = rows;
  if (unknown.length === 0 && rows.size === 1) {
    const absent = row.merged.filter((old) => !listed.some((province) => province.code === old.code));
    identity = {
      name: row.name,
      national: row,
      reason: row.merged.length === 1
        ? `Nghị quyết 202/2025/QH15 merged no other province into ${names} which stays ${describe(row)} (${NATIONAL_PROVINCES})`
        : `Nghị quyết 202/2025/QH15 merged ${names} into ${describe(row)} (${NATIONAL_PROVINCES})${absent.length > 0 ? `; the lists have no district of ${list(absent.map(describe))}` : ""}`,
    };
  } else {
    const why = unknown.length > 0
      ? `${list(unknown.map(describe))} ${unknown.length === 1 ? "is" : "are"} in no row of ${NATIONAL_PROVINCES}`
      : `the lists' old provinces went into ${list([...rows].map(describe))}, not into one province`;
    const named = listed.find((province) => provinceLabel(province.name) === folder.replace(/-/g, ""));
    const largest = [...listed].sort((a, b) => b.oldUnits - a.oldUnits || (a.name < b.name ? -1 : 1))[0];
    identity = named
      ? { name: named.name, reason: `${why}; the folder ${folder} carries the name of ${named.name}` }
      : { name: largest.name, reason: `${why}; no old province's name is the folder's (${folder}), and ${largest.name} has the most old units` };
  }
  const folderNote = provinceLabel(identity.name) === folder.replace(/-/g, "")
    ? undefined
    : `the folder ${folder} does not carry the name of ${identity.name}: it names only config/${folder}/, its stacks and their state; rename it before the first deploy if that is not meant`;
  return { identity: { ...identity, folderNote }, problems };
}
