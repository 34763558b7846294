import {
  archiveBucketName,
  certificateName,
  GCP_RESOURCE_NAME,
  portalBackendName,
  portalBucketName,
  tenantDisplayName,
} from "../model/cloud-names";
import { domainLabel } from "../model/fold";
import type { Commune, Hostname, Province, RetiredUnit } from "../model/province";
import { districtKindOf } from "../model/unit-kinds";
import { checkCloudNames, checkIdentifierCodes, checkMigrationWindows, TAKEOVER_ARCHIVE_LABEL } from "./check-keys";
import { checkRollout } from "./check-rollout";
import { claimDomains, domainNaming, foldedDistrictName } from "./domain-claims";
import { joinUnits } from "./join-units";
import { type ConfigFiles, type ConfigProblem, describeRow, describeUnit } from "./problems";
import type { TableResult } from "./read-table";
import type { Settings } from "../model/settings";
import type { NewRow, NewUnitRow, OldUnitRow } from "./unit-tables";
import { fillPattern, pushTo, suggestion } from "./util";

type Joined = ReturnType<typeof joinUnits>;
type Naming = ReturnType<typeof domainNaming>;
type TakenOver = ReturnType<typeof claimDomains>["takenOver"];
/** An old district with its successor: what the settings declare, and the new units its communes went to. */
interface DistrictDraft {
  readonly name: string;
  readonly code: string;
  readonly mergedInto: string[];
  readonly successor: NewRow;
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
): { province?: Omit<Province, "placeholders" | "adoptedZones">; problems: ConfigProblem[] } {
  const joined = joinUnits(files, newUnits, oldUnits);
  const { newByName, oldGroups, oldDrafts, districtRows, communelessDistricts } = joined;
  const problems: ConfigProblem[] = [...joined.problems, ...districtDeclarationProblems(joined, settings, files)];
  const refusedNewNames = new Set(newUnits.rejected.map((cells) => cells.name));
  const districtNames = [...districtRows.keys(), ...communelessDistricts.keys()];

  // Domains, and who owns each.
  const naming = domainNaming(settings);
  const claims = claimDomains({ newRows: [...newByName.values()], oldRows: oldDrafts.map((draft) => draft.rows[0]), districts: districtNames, refusedNewNames, settings, files, naming });
  problems.push(...claims.problems);
  const { takenOver } = claims;

  problems.push(...checkIdentifierCodes([...newByName.values()], oldDrafts.map((draft) => draft.rows[0]), files));
  problems.push(...checkCloudNames([...newByName.values()], new Set(oldGroups.keys()), settings, files));
  problems.push(...checkMigrationWindows(new Set(oldGroups.keys()), settings, files));
  problems.push(...checkRollout(settings, newUnits, files));

  const districts = districtSuccessors(joined, districtNames, refusedNewNames, settings, files);
  problems.push(...districts.problems, ...takeoverProblems(joined, districts.drafts, takenOver, naming, files));

  const rowsRefused = newUnits.rejected.length + oldUnits.rejected.length > 0;
  if (problems.length > 0 || rowsRefused) return { problems };

  // Everything checked: derive the model.
  const { retired, predecessors } = retiredUnits(joined, districts.drafts, takenOver, naming, settings);
  const communes = communesOf(joined, retired, predecessors, takenOver, naming, settings);
  const retiredInOrder = retired
    .map((unit) => ({ ...unit, mergedInto: [...unit.mergedInto].sort() }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  problems.push(...gcpNameProblems(communes, retiredInOrder, files));
  if (problems.length > 0) return { problems };

  // Production's names, which the offline synth previews; staging's derive from them (src/model/environment-names.ts).
  return { province: { id, settings, communes, retired: retiredInOrder, archiveBucketName: archiveBucketName(settings.bucketPrefix, "prod") }, problems };
}

/**
 * Old districts come from the district column (and, for those that had no commune, from former_district) and
 * are declared, with their codes, in the settings: each of them once, and nothing else.
 */
function districtDeclarationProblems({ districtRows, communelessDistricts }: Joined, settings: Settings, files: ConfigFiles): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  for (const [name, rows] of districtRows) {
    if (!settings.districts[name]) {
      problems.push({ file: files.oldUnits, row: rows[0].row, unit: name, message: `district "${name}" is not declared in ${files.settings}`, fix: `add it under districts: "${name}": { code: "<its GSO district code>" }` });
    }
  }
  for (const [name, rows] of communelessDistricts) {
    if (!settings.districts[name]) {
      problems.push({ file: files.newUnits, row: rows[0].row, unit: describeRow(rows[0]), message: `no old unit has merged_into naming this unit, and its former_district "${name}" is neither an old unit's district nor declared in ${files.settings}`, fix: `for a district that had no commune, declare it under districts: "${name}": { code: "<its GSO district code>" }; otherwise add the unit's predecessors to ${files.oldUnits}, or correct its name to match their merged_into` });
    }
  }
  for (const name of Object.keys(settings.districts)) {
    if (!districtRows.has(name) && !communelessDistricts.has(name)) {
      problems.push({ file: files.settings, unit: name, message: `districts: "${name}" is not the district of any row of ${files.oldUnits}`, fix: `remove it or write its name as the district column does${suggestion(name, [...districtRows.keys()])}` });
    }
  }
  return problems;
}

/**
 * Each old district's successor: the settings' choice, or else the new unit carrying its name among those its
 * communes went to (for a district that had no commune: the new units that name it as their former district).
 */
function districtSuccessors(
  { newByName, newByCode, districtRows, communelessDistricts }: Joined,
  districtNames: readonly string[],
  refusedNewNames: ReadonlySet<string>,
  settings: Settings,
  files: ConfigFiles,
): { drafts: DistrictDraft[]; problems: ConfigProblem[] } {
  const drafts: DistrictDraft[] = [];
  const problems: ConfigProblem[] = [];
  for (const name of districtNames) {
    const declared = settings.districts[name];
    if (!declared) continue;
    const receivers: (NewRow | undefined)[] = districtRows.get(name)?.map((row) => newByName.get(row.merged_into)) ?? [...(communelessDistricts.get(name) ?? [])];
    const mergedInto = [...new Set(receivers.filter((unit) => unit !== undefined).map((unit) => unit.code))];
    const namesake = mergedInto.map((code) => newByCode.get(code)!).find((unit) => domainLabel(unit.name) === foldedDistrictName(name));
    const successor = declared.successor ? newByName.get(declared.successor) : namesake;
    // A row that names no new unit is reported already; the namesake may be the unit it meant.
    const unresolved = declared.successor ? refusedNewNames.has(declared.successor) : receivers.includes(undefined);
    if (!successor && unresolved) continue;
    if (!successor) {
      problems.push({ file: files.settings, unit: describeUnit(name, declared.code), message: declared.successor ? `districts: successor "${declared.successor}" names no new unit` : "no new unit carries the district's name, so its successor is not known", fix: `set successor under districts: "${name}" to one of ${mergedInto.map((code) => newByCode.get(code)!.name).join(", ")}` });
      continue;
    }
    drafts.push({ name, code: declared.code, mergedInto, successor });
  }
  return { drafts, problems };
}

/**
 * The archive of a taken-over domain is served from its heir's zone, and redirects and mail go to the successor:
 * the stacks assume these are one unit.
 */
function takeoverProblems({ oldDrafts }: Joined, districtDrafts: readonly DistrictDraft[], takenOver: TakenOver, naming: Naming, files: ConfigFiles): ConfigProblem[] {
  const heirs = [
    ...oldDrafts.map((draft) => ({ name: draft.rows[0].name, code: draft.rows[0].code, domain: naming.oldDomain(draft.rows[0]), successor: draft.successor!, district: false })),
    ...districtDrafts.map((draft) => ({ name: draft.name, code: draft.code, domain: naming.districtDomain(draft.name), successor: draft.successor, district: true })),
  ];
  const problems: ConfigProblem[] = [];
  for (const unit of heirs) {
    const heir = takenOver.get(unit.domain);
    if (!heir || heir.code === unit.successor.code) continue;
    problems.push({
      file: files.settings,
      unit: describeUnit(unit.name, unit.code),
      message: `takeovers: "${unit.domain}" goes to ${heir.name}, but the unit's successor is ${unit.successor.name}`,
      fix: `make ${heir.name} its successor${unit.district ? ` (districts: "${unit.name}": { successor: "${heir.name}" })` : " (successor column)"}, or remove the takeover and give ${heir.name} a slug`,
    });
  }
  return problems;
}

const host = (name: string, role: Hostname["role"], owner: "commune" | "retired", id: string): Hostname => ({ name, role, certificateName: certificateName(owner, id, role) });

/** A commune's hostnames: its domain, www, mta-sts, and the archive host of a domain it took over. */
const communeHosts = (domain: string, archive: boolean, code: string): Hostname[] => [
  host(domain, "apex", "commune", code),
  host(`www.${domain}`, "www", "commune", code),
  host(`mta-sts.${domain}`, "mta-sts", "commune", code),
  ...(archive ? [host(`${TAKEOVER_ARCHIVE_LABEL}.${domain}`, "archive", "commune", code)] : []),
];

/** An old unit's hostnames, where its archive or redirect answers. */
const lookupHosts = (domain: string, id: string): Hostname[] => [host(domain, "apex", "retired", id), host(`www.${domain}`, "www", "retired", id)];

/** The old communes and districts as retired units, in row order, and each new unit's predecessors' ids. */
function retiredUnits({ oldDrafts }: Joined, districtDrafts: readonly DistrictDraft[], takenOver: TakenOver, naming: Naming, settings: Settings): { retired: RetiredUnit[]; predecessors: Map<string, string[]> } {
  const retired: RetiredUnit[] = [];
  const predecessors = new Map<string, string[]>();
  const retire = (unit: Omit<RetiredUnit, "lookupHosts" | "archiveFolder" | "migrationWindow" | "takenOverBy" | "legacyTenantId">) => {
    const heir = takenOver.get(unit.domain);
    const lookup = heir ? "archive" : unit.lookup;
    retired.push({
      ...unit,
      lookup,
      takenOverBy: heir?.code,
      lookupHosts: heir ? [] : lookupHosts(unit.domain, unit.id),
      archiveFolder: lookup === "archive" ? `${unit.id}/` : undefined,
      migrationWindow: lookup === "archive" ? (settings.retirement.migrationWindows[unit.id] ?? settings.retirement.migrationWindow) : undefined,
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
  for (const draft of districtDrafts) {
    const declared = settings.districts[draft.name];
    retire({
      id: `d${draft.code}`,
      code: draft.code,
      name: draft.name,
      kind: districtKindOf(draft.name),
      mergedInto: draft.mergedInto,
      successor: draft.successor.code,
      domain: naming.districtDomain(draft.name),
      lookup: declared.lookup,
      mail: declared.mail,
    });
  }
  return { retired, predecessors };
}

/** The new communes, in code order, never in row order: the same config in another row order gives the same output. */
function communesOf({ newByName }: Joined, retired: readonly RetiredUnit[], predecessors: ReadonlyMap<string, string[]>, takenOver: TakenOver, naming: Naming, settings: Settings): Commune[] {
  const retiredByDomain = new Map(retired.map((unit) => [unit.domain, unit]));
  const byCode = (a: { code: string }, b: { code: string }) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
  return [...newByName.values()].sort(byCode).map((row) => {
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
      bucketName: portalBucketName(settings.bucketPrefix, "prod", row.code),
      backendName: portalBackendName(row.code),
      adminGroup: fillPattern(settings.portalAdminGroup, { label: domain.split(".")[0] }),
      takenOver: oldUnit ? { oldDomain: domain, archiveHost: `${TAKEOVER_ARCHIVE_LABEL}.${domain}`, oldUnitId: oldUnit.id } : undefined,
      hostnames: communeHosts(domain, oldUnit !== undefined, row.code),
      predecessors: [...(predecessors.get(row.code) ?? [])].sort(),
    };
  });
}

/** GCP resource names derive from codes; a code format that ever yields an invalid one is caught here. */
function gcpNameProblems(communes: readonly Commune[], retired: readonly RetiredUnit[], files: ConfigFiles): ConfigProblem[] {
  const gcpNames = [
    ...communes.flatMap((unit) => [unit.backendName, ...unit.hostnames.map((hostname) => hostname.certificateName)].map((name) => ({ name, unit: describeUnit(unit.name, unit.code), file: files.newUnits }))),
    ...retired.flatMap((unit) => unit.lookupHosts.map((hostname) => ({ name: hostname.certificateName, unit: describeUnit(unit.name, unit.code), file: files.oldUnits }))),
  ];
  return gcpNames.filter(({ name }) => !GCP_RESOURCE_NAME.test(name)).map(({ name, unit, file }) => ({ file, unit, message: `its GCP resource name "${name}" does not match ${GCP_RESOURCE_NAME.source}`, fix: "correct the unit's code (digits only)" }));
}
