import { foldedDistrictName } from "../load/domain-claims";
import { describeRow } from "../load/problems";
import type { NewRow } from "../load/unit-tables";
import { domainLabel } from "../model/fold";
import type { Decision } from "./decision";
import type { ProvinceSource } from "./source";

const byCode = (a: NewRow, b: NewRow) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
const formerDistricts = (row: NewRow) => row.former_district.split(";").map((part) => part.trim());

/**
 * The successor of every split unit that has none in the source (DECISION_KINDS["split-successor"]): the
 * receiver that carries its name, else the receiver that reuses its code (a new unit often keeps the code of the
 * constituent that hosts it), else the lowest code among the receivers in its own district, else among all.
 * Returns old unit code → successor's name.
 */
export function splitSuccessors(source: ProvinceSource, decisions: Decision[]): Map<string, string> {
  const successors = new Map<string, string>();
  for (const draft of source.joined.oldDrafts) {
    const old = draft.rows[0];
    if (draft.mergedInto.length < 2 || old.successor !== undefined) continue;
    const receivers = [...draft.mergedInto].sort(byCode);
    const namesake = receivers.find((unit) => domainLabel(unit.name) === domainLabel(old.name));
    const sameCode = receivers.find((unit) => unit.code === old.code);
    const inDistrict = receivers.filter((unit) => formerDistricts(unit).includes(old.district));
    const [successor, reason] = namesake
      ? [namesake, "carries its name"]
      : sameCode
        ? [sameCode, "reuses its code"]
        : inDistrict.length > 0
          ? [inDistrict[0], inDistrict.length < receivers.length ? `lowest code of the receivers in ${old.district}` : "lowest code"]
          : [receivers[0], "lowest code"];
    successors.set(old.code, successor.name);
    decisions.push({ kind: "split-successor", subject: describeRow(old), where: "old-units.csv successor", value: successor.name, reason: `split between ${receivers.map((unit) => unit.name).join(", ")}; ${successor.name} ${reason}` });
  }
  return successors;
}

/**
 * The successor of every old district none of whose receivers carries its name (DECISION_KINDS
 * ["district-successor"]); a namesake receiver is the loader's own default and needs no setting.
 * Returns district name → successor's name.
 */
export function districtSuccessors(source: ProvinceSource, decisions: Decision[]): Map<string, string> {
  const successors = new Map<string, string>();
  const { districtRows, communelessDistricts, newByName } = source.joined;
  const received = new Map<string, Map<NewRow, number>>();
  for (const [name, rows] of districtRows) {
    const counts = new Map<NewRow, number>();
    for (const row of rows) {
      const unit = newByName.get(row.merged_into)!;
      counts.set(unit, (counts.get(unit) ?? 0) + 1);
    }
    received.set(name, counts);
  }
  for (const [name, units] of communelessDistricts) received.set(name, new Map(units.map((unit) => [unit, 1])));
  for (const [name, counts] of received) {
    const receivers = [...counts.keys()].sort(byCode);
    if (receivers.some((unit) => domainLabel(unit.name) === foldedDistrictName(name))) continue;
    const most = Math.max(...counts.values());
    const successor = receivers.find((unit) => counts.get(unit) === most)!;
    successors.set(name, successor.name);
    const shares = receivers.map((unit) => `${unit.name} ${counts.get(unit)}`).join(", ");
    decisions.push({ kind: "district-successor", subject: `${name} (${source.districts.get(name)!.code})`, where: "settings.yaml districts", value: successor.name, reason: `no receiver carries its name; rows received: ${shares}` });
  }
  return successors;
}
