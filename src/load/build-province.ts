import { closest } from "fastest-levenshtein";
import {
  archiveBucketName,
  backendName,
  certificateName,
  GCP_RESOURCE_NAME,
  portalBucketName,
  tenantDisplayName,
} from "../model/cloud-names";
import { domainProblem } from "../model/domain-name";
import { domainLabel, foldToAscii } from "../model/fold";
import type { Commune, DistrictKind, Hostname, Province, RetiredUnit } from "../model/province";
import { checkCloudNames, checkIdentifierCodes, TAKEOVER_ARCHIVE_LABEL } from "./check-keys";
import { type ConfigFiles, type ConfigProblem, describeUnit } from "./problems";
import type { TableResult } from "./read-table";
import type { Settings } from "./settings-schema";
import type { NewRow, NewUnitRow, OldRow, OldUnitRow } from "./unit-tables";

const DISTRICT_KINDS: readonly [string, DistrictKind][] = [
  ["Thành phố ", "thanh-pho"],
  ["Thị xã ", "thi-xa"],
  ["Huyện ", "huyen"],
];


function suggestion(name: string, candidates: readonly string[]): string {
  if (candidates.length === 0) return "";
  const folded = new Map(candidates.map((candidate) => [foldToAscii(candidate).toLowerCase(), candidate]));
  const best = folded.get(closest(foldToAscii(name).toLowerCase(), [...folded.keys()]));
  return best ? `; did you mean "${best}"?` : "";
}

/**
 * Appends to the list under `key`. Not `map.set(key, [...(map.get(key) ?? []), value])`: copying the list on every
 * append is quadratic, and a district of 50,000 rows took minutes.
 */
function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function fillPattern(pattern: string, values: Record<string, string>): string {
  return pattern.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}

/**
 * Joins, checks and derives: from the parsed rows and settings to the province model, or every problem found.
 * Old units join new ones by name (`merged_into`), never by code: a new unit often reuses one constituent's code.
 */
export function buildProvince(
  id: string,
  files: ConfigFiles,
  settings: Settings,
  newUnits: TableResult<NewUnitRow>,
  oldUnits: TableResult<OldUnitRow>,
): { province?: Province; problems: ConfigProblem[] } {
  const newRows = newUnits.rows;
  const oldRows = oldUnits.rows;
  // Names on rows already refused: not reported again as missing.
  const refusedNewNames = new Set(newUnits.rejected.map((cells) => cells.name));
  const refusedMergedInto = new Set(oldUnits.rejected.map((cells) => cells.merged_into));
  const problems: ConfigProblem[] = [];
  const parent = settings.parentDomain;
  const newUnit = (row: NewRow) => describeUnit(row.name, row.code);
  const oldUnit = (row: OldRow) => describeUnit(row.name, row.code);

  // New units: codes, names and identifier codes are keys.
  const newByName = new Map<string, NewRow>();
  const newByCode = new Map<string, NewRow>();
  for (const row of newRows) {
    const sameCode = newByCode.get(row.code);
    if (sameCode) {
      problems.push({ file: files.newUnits, row: row.row, unit: newUnit(row), message: `code ${row.code} is also the code of ${newUnit(sameCode)} in row ${sameCode.row}`, fix: "each new unit has its own code: correct one of the two rows" });
    } else newByCode.set(row.code, row);
    const sameName = newByName.get(row.name);
    if (sameName) {
      problems.push({ file: files.newUnits, row: row.row, unit: newUnit(row), message: `the name is also used in row ${sameName.row}`, fix: "old units join new ones by name, so each new unit's name must be unique: correct one of the two rows" });
    } else newByName.set(row.name, row);
  }
  const newNames = [...newByName.keys()];

  // Old units: one code is one unit; a split unit repeats its row with another merged_into.
  const oldGroups = new Map<string, OldRow[]>();
  for (const row of oldRows) pushTo(oldGroups, row.code, row);

  const resolveNew = (row: OldRow, name: string, column: string): NewRow | undefined => {
    const found = newByName.get(name);
    if (!found && !refusedNewNames.has(name)) {
      problems.push({ file: files.oldUnits, row: row.row, unit: oldUnit(row), message: `${column} "${name}" names no new unit of ${files.newUnits}`, fix: `write the new unit's exact name${suggestion(name, newNames)}` });
    }
    return found;
  };

  interface OldUnitDraft { rows: OldRow[]; mergedInto: NewRow[]; successor?: NewRow }
  const oldDrafts: OldUnitDraft[] = [];
  const sharedColumns = ["name", "kind", "district", "domain", "lookup", "mail", "successor", "identifier_code"] as const;
  for (const rows of oldGroups.values()) {
    const [first, ...others] = rows;
    let consistent = true;
    for (const other of others) {
      const differing = sharedColumns.filter((column) => other[column] !== first[column]);
      if (differing.length === 0) continue;
      consistent = false;
      const clash = differing.includes("name") || differing.includes("district");
      problems.push({
        file: files.oldUnits,
        row: other.row,
        unit: oldUnit(other),
        message: clash
          ? `code ${other.code} is also the code of ${oldUnit(first)} of ${first.district} in row ${first.row}`
          : `this row repeats code ${other.code} of row ${first.row} but differs in ${differing.join(", ")}`,
        fix: clash
          ? "each old unit has its own code: correct one of the two rows"
          : "a split unit repeats its row with only merged_into differing: make the other columns the same",
      });
    }
    if (!consistent) continue;

    const mergedInto: NewRow[] = [];
    const seen = new Map<string, number>();
    for (const row of rows) {
      if (seen.has(row.merged_into)) {
        problems.push({ file: files.oldUnits, row: row.row, unit: oldUnit(row), message: `this row repeats row ${seen.get(row.merged_into)}`, fix: "delete the duplicate row" });
        continue;
      }
      seen.set(row.merged_into, row.row);
      const target = resolveNew(row, row.merged_into, "merged_into");
      if (target) mergedInto.push(target);
    }
    if (mergedInto.length < seen.size) continue;

    let successor: NewRow | undefined = mergedInto[0];
    if (first.successor !== undefined) {
      successor = mergedInto.find((unit) => unit.name === first.successor);
      if (!successor) {
        problems.push({ file: files.oldUnits, row: first.row, unit: oldUnit(first), message: `successor "${first.successor}" is not a unit it merged into (${mergedInto.map((u) => u.name).join(", ")})`, fix: `write one of its merged_into values${suggestion(first.successor, mergedInto.map((u) => u.name))}` });
      }
    } else if (mergedInto.length > 1) {
      successor = undefined;
      problems.push({
        file: files.oldUnits,
        row: first.row,
        unit: oldUnit(first),
        message: `the unit is split between ${mergedInto.map((u) => u.name).join(" and ")} (rows ${rows.map((r) => r.row).join(", ")}) but no row says which receives its domain`,
        fix: `write the receiving unit's name (e.g. "${mergedInto[0].name}") in the successor column of each of its rows`,
      });
    }
    if (successor) oldDrafts.push({ rows, mergedInto, successor });
  }

  // Every new unit has at least one predecessor.
  const withPredecessor = new Set(oldRows.map((row) => row.merged_into));
  for (const row of newByName.values()) {
    if (!withPredecessor.has(row.name) && !refusedMergedInto.has(row.name)) {
      problems.push({ file: files.newUnits, row: row.row, unit: newUnit(row), message: "no old unit has merged_into naming this unit", fix: `add its predecessors to ${files.oldUnits}, or correct the name to match their merged_into` });
    }
  }

  // Old districts come from the district column and are declared, with their codes, in the settings.
  const districtRows = new Map<string, OldRow[]>();
  for (const row of oldRows) pushTo(districtRows, row.district, row);
  for (const [name, rows] of districtRows) {
    if (!settings.districts[name]) {
      problems.push({ file: files.oldUnits, row: rows[0].row, unit: name, message: `district "${name}" is not declared in ${files.settings}`, fix: `add it under districts: "${name}": { code: "<its GSO district code>" }` });
    }
  }
  for (const name of Object.keys(settings.districts)) {
    if (!districtRows.has(name)) {
      problems.push({ file: files.settings, unit: name, message: `districts: "${name}" is not the district of any row of ${files.oldUnits}`, fix: `remove it or write its name as the district column does${suggestion(name, [...districtRows.keys()])}` });
    }
  }

  // Domains, and who owns each.
  const newDomain = (row: NewRow) => row.domain ?? `${row.slug ?? domainLabel(row.name)}.${parent}`;
  const oldDomain = (row: OldRow) =>
    row.domain ?? fillPattern(settings.oldCommuneDomainPattern, { label: domainLabel(row.name), district: domainLabel(row.district), parent });
  const districtDomain = (name: string) =>
    settings.districts[name]?.domain ?? fillPattern(settings.oldDistrictDomainPattern, { label: domainLabel(name), parent });

  interface Owner { domain: string; describe: string; file: string; row?: number; isNew: boolean; newRow?: NewRow }
  const owners = new Map<string, Owner[]>();
  const claim = (owner: Owner) => {
    const problem = domainProblem(owner.domain);
    if (problem) {
      problems.push({ file: owner.file, row: owner.row, unit: owner.describe, message: problem, fix: owner.isNew ? "give the unit a slug (its domain label) or a domain" : "write the old portal's real domain in the domain column" });
      return;
    }
    pushTo(owners, owner.domain, owner);
  };
  for (const row of newByName.values()) claim({ domain: newDomain(row), describe: newUnit(row), file: files.newUnits, row: row.row, isNew: true, newRow: row });
  for (const draft of oldDrafts) claim({ domain: oldDomain(draft.rows[0]), describe: oldUnit(draft.rows[0]), file: files.oldUnits, row: draft.rows[0].row, isNew: false });
  for (const name of districtRows.keys()) {
    if (settings.districts[name]) claim({ domain: districtDomain(name), describe: describeUnit(name, settings.districts[name].code), file: files.settings, isNew: false });
  }

  const takenOver = new Map<string, NewRow>();
  for (const [domain, list] of owners) {
    const newOwners = list.filter((owner) => owner.isNew);
    const oldOwners = list.filter((owner) => !owner.isNew);
    const takeover = settings.takeovers[domain];
    for (const extra of newOwners.slice(1)) {
      problems.push({ file: extra.file, row: extra.row, unit: extra.describe, message: `its domain ${domain} is also the domain of ${newOwners[0].describe} (row ${newOwners[0].row})`, fix: "give one of them a slug (a distinct domain label) in the slug column" });
    }
    for (const extra of oldOwners.slice(1)) {
      problems.push({ file: extra.file, row: extra.row, unit: extra.describe, message: `its domain ${domain} is also the domain of old unit ${oldOwners[0].describe}`, fix: "write each old portal's real domain in the domain column (or the district's under districts in the settings)" });
    }
    if (newOwners.length > 0 && oldOwners.length > 0) {
      const heir = newOwners[0];
      if (takeover?.newUnit === heir.newRow?.name) {
        if (heir.newRow) takenOver.set(domain, heir.newRow);
      } else {
        problems.push({
          file: heir.file,
          row: heir.row,
          unit: heir.describe,
          message: `its domain ${domain} is the domain of old unit ${oldOwners[0].describe}`,
          fix: `give the new unit a slug, or let it take the old domain over in ${files.settings}: takeovers: { "${domain}": { newUnit: "${heir.newRow?.name}", reason: "…" } }`,
        });
      }
    }
  }
  for (const [domain, takeover] of Object.entries(settings.takeovers)) {
    if (refusedNewNames.has(takeover.newUnit)) continue;
    if (!newByName.has(takeover.newUnit)) {
      problems.push({ file: files.settings, unit: takeover.newUnit, message: `takeovers: "${domain}" names no new unit "${takeover.newUnit}"`, fix: `write the new unit's exact name${suggestion(takeover.newUnit, newNames)}` });
    } else if (!takenOver.has(domain)) {
      problems.push({ file: files.settings, unit: takeover.newUnit, message: `takeovers: "${domain}" is not both an old unit's domain and ${takeover.newUnit}'s`, fix: "remove the takeover or correct its domain" });
    }
  }
  const takeoverCount = new Map<string, number>();
  for (const heir of takenOver.values()) takeoverCount.set(heir.name, (takeoverCount.get(heir.name) ?? 0) + 1);
  for (const [name, count] of takeoverCount) {
    if (count > 1) problems.push({ file: files.settings, unit: name, message: `takeovers: the unit takes over ${count} old domains; its archive hostname ${TAKEOVER_ARCHIVE_LABEL}.<domain> can serve one`, fix: "keep one takeover and give the other old units their own domains" });
  }

  problems.push(...checkIdentifierCodes([...newByName.values()], oldDrafts.map((draft) => draft.rows[0]), files));
  problems.push(...checkCloudNames([...newByName.values()], new Set(oldGroups.keys()), settings, files));

  const rowsRefused = newUnits.rejected.length + oldUnits.rejected.length > 0;
  if (problems.length > 0 || rowsRefused) return { problems };

  // Everything checked: derive the model.
  const host = (name: string, role: Hostname["role"], owner: "commune" | "retired", id: string): Hostname => ({ name, role, certificateName: certificateName(owner, id, role) });
  const communeHosts = (domain: string, archive: boolean, code: string): Hostname[] => [
    host(domain, "apex", "commune", code),
    host(`www.${domain}`, "www", "commune", code),
    host(`mta-sts.${domain}`, "mta-sts", "commune", code),
    ...(archive ? [host(`${TAKEOVER_ARCHIVE_LABEL}.${domain}`, "archive", "commune", code)] : []),
  ];
  const lookupHosts = (domain: string, id: string): Hostname[] => [host(domain, "apex", "retired", id), host(`www.${domain}`, "www", "retired", id)];

  const retired: RetiredUnit[] = [];
  const predecessors = new Map<string, string[]>();
  const retire = (unit: Omit<RetiredUnit, "lookupHosts" | "archiveBucketName" | "backendName" | "takenOverBy" | "legacyTenantId">) => {
    const heir = takenOver.get(unit.domain);
    const lookup = heir ? "archive" : unit.lookup;
    retired.push({
      ...unit,
      lookup,
      takenOverBy: heir?.code,
      lookupHosts: heir ? [] : lookupHosts(unit.domain, unit.id),
      archiveBucketName: lookup === "archive" ? archiveBucketName(settings.bucketPrefix, unit.id) : undefined,
      backendName: backendName(lookup === "archive" ? "archive" : "redirect", unit.id),
      legacyTenantId: settings.legacyTenants[unit.code],
    });
    for (const code of unit.mergedInto) pushTo(predecessors, code, unit.id);
  };
  for (const draft of oldDrafts) {
    const row = draft.rows[0];
    retire({
      id: row.code,
      code: row.code,
      name: row.name,
      kind: row.kind,
      district: row.district,
      mergedInto: draft.mergedInto.map((unit) => unit.code),
      successor: draft.successor!.code,
      domain: oldDomain(row),
      lookup: row.lookup ?? "archive",
      mail: row.mail ?? "forward",
      identifierCode: row.identifier_code,
    });
  }
  for (const [name, rows] of districtRows) {
    const declared = settings.districts[name];
    const mergedInto = [...new Set(rows.map((row) => newByName.get(row.merged_into)!.code))];
    const namesake = [...newByName.values()].find((unit) => domainLabel(unit.name) === domainLabel(name) && mergedInto.includes(unit.code));
    const successor = declared.successor ? newByName.get(declared.successor) : namesake;
    if (!successor) {
      problems.push({ file: files.settings, unit: describeUnit(name, declared.code), message: declared.successor ? `districts: successor "${declared.successor}" names no new unit` : "no new unit carries the district's name, so its successor is not known", fix: `set successor under districts: "${name}" to one of ${mergedInto.map((code) => newByCode.get(code)!.name).join(", ")}` });
      continue;
    }
    retire({
      id: `d${declared.code}`,
      code: declared.code,
      name,
      kind: DISTRICT_KINDS.find(([prefix]) => name.startsWith(prefix))?.[1] ?? "huyen",
      mergedInto,
      successor: successor.code,
      domain: districtDomain(name),
      lookup: declared.lookup,
      mail: declared.mail,
    });
  }
  // The archive of a taken-over domain is served from its heir's zone, and redirects and mail go to the successor:
  // the stacks assume these are one unit.
  for (const unit of retired) {
    if (!unit.takenOverBy || unit.takenOverBy === unit.successor) continue;
    const heir = newByCode.get(unit.takenOverBy)!;
    const successor = newByCode.get(unit.successor)!;
    problems.push({
      file: files.settings,
      unit: describeUnit(unit.name, unit.code),
      message: `takeovers: "${unit.domain}" goes to ${heir.name}, but the unit's successor is ${successor.name}`,
      fix: `make ${heir.name} its successor${unit.district === undefined ? ` (districts: "${unit.name}": { successor: "${heir.name}" })` : " (successor column)"}, or remove the takeover and give ${heir.name} a slug`,
    });
  }
  if (problems.length > 0) return { problems };

  const retiredByDomain = new Map(retired.map((unit) => [unit.domain, unit]));
  // Units in code order, never in row order: the same config in another row order gives the same output.
  const byCode = (a: { code: string }, b: { code: string }) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
  const communes: Commune[] = [...newByName.values()].sort(byCode).map((row) => {
    const domain = newDomain(row);
    const oldUnit = takenOver.get(domain) ? retiredByDomain.get(domain) : undefined;
    return {
      code: row.code,
      name: row.name,
      kind: row.kind,
      formerDistricts: row.former_district.split(";").map((part) => part.trim()),
      label: domain.split(".")[0],
      domain,
      identifierCode: row.identifier_code,
      tenantDisplayName: tenantDisplayName(row.name, row.kind, row.slug),
      bucketName: portalBucketName(settings.bucketPrefix, row.code),
      backendName: backendName("portal", row.code),
      adminGroup: fillPattern(settings.portalAdminGroup, { label: domain.split(".")[0] }),
      takenOver: oldUnit ? { oldDomain: domain, archiveHost: `${TAKEOVER_ARCHIVE_LABEL}.${domain}`, oldUnitId: oldUnit.id } : undefined,
      hostnames: communeHosts(domain, oldUnit !== undefined, row.code),
      predecessors: [...(predecessors.get(row.code) ?? [])].sort(),
    };
  });
  const retiredInOrder = retired
    .map((unit) => ({ ...unit, mergedInto: [...unit.mergedInto].sort() }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  // GCP resource names derive from codes; a code format that ever yields an invalid one is caught here.
  const gcpNames = [...communes, ...retiredInOrder].flatMap((unit) => {
    const hosts = "hostnames" in unit ? unit.hostnames : unit.lookupHosts;
    return [unit.backendName, ...hosts.map((hostname) => hostname.certificateName)].map((name) => ({ name, unit: describeUnit(unit.name, unit.code), file: "hostnames" in unit ? files.newUnits : files.oldUnits }));
  });
  for (const { name, unit, file } of gcpNames.filter(({ name }) => !GCP_RESOURCE_NAME.test(name))) {
    problems.push({ file, unit, message: `its GCP resource name "${name}" does not match ${GCP_RESOURCE_NAME.source}`, fix: "correct the unit's code (digits only)" });
  }
  if (problems.length > 0) return { problems };

  return { province: { id, settings, communes, retired: retiredInOrder }, problems };
}

