import {
  archiveBucketName,
  backendName,
  certificateName,
  GCP_RESOURCE_NAME,
  portalBucketName,
  tenantDisplayName,
} from "../model/cloud-names";
import { domainLabel } from "../model/fold";
import type { Commune, DistrictKind, Hostname, Province, RetiredUnit } from "../model/province";
import { checkCloudNames, checkIdentifierCodes, TAKEOVER_ARCHIVE_LABEL } from "./check-keys";
import { checkRollout } from "./check-rollout";
import { claimDomains, domainNaming } from "./domain-claims";
import { type ConfigFiles, type ConfigProblem, describeRow, describeUnit } from "./problems";
import type { TableResult } from "./read-table";
import type { Settings } from "./settings-schema";
import type { NewRow, NewUnitRow, OldRow, OldUnitRow } from "./unit-tables";
import { fillPattern, pushTo, suggestion } from "./util";

const DISTRICT_KINDS: readonly [string, DistrictKind][] = [
  ["Thành phố ", "thanh-pho"],
  ["Thị xã ", "thi-xa"],
  ["Huyện ", "huyen"],
];


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

  // New units: codes, names and identifier codes are keys.
  const newByName = new Map<string, NewRow>();
  const newByCode = new Map<string, NewRow>();
  for (const row of newRows) {
    const sameCode = newByCode.get(row.code);
    if (sameCode) {
      problems.push({ file: files.newUnits, row: row.row, unit: describeRow(row), message: `code ${row.code} is also the code of ${describeRow(sameCode)} in row ${sameCode.row}`, fix: "each new unit has its own code: correct one of the two rows" });
    } else newByCode.set(row.code, row);
    const sameName = newByName.get(row.name);
    if (sameName) {
      problems.push({ file: files.newUnits, row: row.row, unit: describeRow(row), message: `the name is also used in row ${sameName.row}`, fix: "old units join new ones by name, so each new unit's name must be unique: correct one of the two rows" });
    } else newByName.set(row.name, row);
  }
  const newNames = [...newByName.keys()];

  // Old units: one code is one unit; a split unit repeats its row with another merged_into.
  const oldGroups = new Map<string, OldRow[]>();
  for (const row of oldRows) pushTo(oldGroups, row.code, row);

  const resolveNew = (row: OldRow, name: string, column: string): NewRow | undefined => {
    const found = newByName.get(name);
    if (!found && !refusedNewNames.has(name)) {
      problems.push({ file: files.oldUnits, row: row.row, unit: describeRow(row), message: `${column} "${name}" names no new unit of ${files.newUnits}`, fix: `write the new unit's exact name${suggestion(name, newNames)}` });
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
        unit: describeRow(other),
        message: clash
          ? `code ${other.code} is also the code of ${describeRow(first)} of ${first.district} in row ${first.row}`
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
        problems.push({ file: files.oldUnits, row: row.row, unit: describeRow(row), message: `this row repeats row ${seen.get(row.merged_into)}`, fix: "delete the duplicate row" });
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
        problems.push({ file: files.oldUnits, row: first.row, unit: describeRow(first), message: `successor "${first.successor}" is not a unit it merged into (${mergedInto.map((u) => u.name).join(", ")})`, fix: `write one of its merged_into values${suggestion(first.successor, mergedInto.map((u) => u.name))}` });
      }
    } else if (mergedInto.length > 1) {
      successor = undefined;
      problems.push({
        file: files.oldUnits,
        row: first.row,
        unit: describeRow(first),
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
      problems.push({ file: files.newUnits, row: row.row, unit: describeRow(row), message: "no old unit has merged_into naming this unit", fix: `add its predecessors to ${files.oldUnits}, or correct the name to match their merged_into` });
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
  const naming = domainNaming(settings);
  const claims = claimDomains({ newRows: [...newByName.values()], oldRows: oldDrafts.map((draft) => draft.rows[0]), districts: [...districtRows.keys()], refusedNewNames, settings, files, naming });
  problems.push(...claims.problems);
  const { takenOver } = claims;

  problems.push(...checkIdentifierCodes([...newByName.values()], oldDrafts.map((draft) => draft.rows[0]), files));
  problems.push(...checkCloudNames([...newByName.values()], new Set(oldGroups.keys()), settings, files));
  problems.push(...checkRollout(settings, newUnits, files));

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
      domain: naming.oldDomain(row),
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
      domain: naming.districtDomain(name),
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
    const domain = naming.newDomain(row);
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

