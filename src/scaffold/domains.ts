import { type DomainNaming, districtLabel, domainNaming, type NamingSettings, oldCommuneDomain } from "../load/domain-claims";
import { describeRow } from "../load/problems";
import type { NewRow, OldRow } from "../load/unit-tables";
import { pushTo } from "../load/util";
import { domainLabel, foldToAscii } from "../model/fold";
import { UNIT_KINDS, unitKind } from "../model/unit-kinds";
import type { Decision } from "./decision";
import type { ProvinceSource } from "./source";

export const OLD_COMMUNE_DOMAIN_PATTERN = "{label}.{district}.{parent}";
export const OLD_DISTRICT_DOMAIN_PATTERN = "{label}.{parent}";
/** The default domain of the old communes of a district too large to nest them under its own zone. */
export const FLAT_COMMUNE_DOMAIN_PATTERN = "{label}-{district}.{parent}";

/**
 * Records a zone holds besides the delegations of the old domains below it, with room to spare: a commune zone
 * has 18 (20 with a takeover's archive host) with three shared systems and no DKIM key yet, a retired unit's 9;
 * the reserve leaves room for DKIM selectors and more shared systems. DNS-009 counts every record against
 * dnsimple.maxRecordsPerZone.
 */
export const COMMUNE_ZONE_RECORDS = 30;
export const RETIRED_ZONE_RECORDS = 15;


export interface DistrictNaming {
  parentDomain?: string;
  label?: string;
  communeDomainPattern?: string;
}

export interface DomainPlan {
  /** What each old district's settings say about domains, by name (in districts.csv order). */
  readonly districts: ReadonlyMap<string, DistrictNaming>;
  /** New unit code → slug. */
  readonly slugs: ReadonlyMap<string, string>;
  /** Old unit code → explicit domain. */
  readonly oldDomains: ReadonlyMap<string, string>;
  readonly takeovers: readonly { domain: string; newUnit: string; reason: string }[];
  /** Default domains under the districts' settings above. */
  readonly naming: DomainNaming;
}

export interface DomainInputs {
  readonly source: ProvinceSource;
  readonly parentDomain: string;
  /** Old province name → its domain. */
  readonly oldProvinceDomains: ReadonlyMap<string, string>;
  /** The successor of every old unit: old unit code → new unit name. */
  readonly successorOf: (code: string) => string;
  readonly maxRecordsPerZone: number;
  readonly nameServers: number;
}

/**
 * The first of the candidate labellings that tells every member apart, or the last one (codes always do).
 * Every member gets one: none keeps the plain label while another gives it up.
 */
function distinctLabels<T>(members: readonly T[], candidates: readonly ((member: T) => string)[]): string[] {
  for (const candidate of candidates) {
    const labels = members.map(candidate);
    if (new Set(labels).size === labels.length) return labels;
  }
  return members.map(candidates[candidates.length - 1]);
}

/** What the steps of planDomains share: the inputs, the decisions so far, and the naming they settle. */
interface Planning {
  readonly inputs: DomainInputs;
  readonly decisions: Decision[];
  readonly districts: Map<string, DistrictNaming>;
  /** The settings the naming reads; each step writes what it decides into them, or into slugs and oldDomains. */
  readonly settings: NamingSettings;
  readonly slugs: Map<string, string>;
  readonly oldDomains: Map<string, string>;
  readonly naming: DomainNaming;
  readonly oldUnits: readonly OldRow[];
  readonly newDomain: (row: NewRow) => string;
  readonly oldDomain: (row: OldRow) => string;
  readonly districtCode: (name: string) => string;
}

/**
 * Domains by the rules of DECISION_KINDS: old provinces' domains for districts, district labels, old communes
 * not nested under a district too large for its zone, slugs for new units folding to one label, explicit domains
 * for old units sharing a default, then for each new unit whose domain an old one used: a takeover when allowed
 * and within the zone's record limit, else a slug.
 */
export function planDomains(inputs: DomainInputs, decisions: Decision[]): DomainPlan {
  const { source, parentDomain } = inputs;
  const districts = new Map<string, DistrictNaming>();
  const settings: NamingSettings = { parentDomain, oldCommuneDomainPattern: OLD_COMMUNE_DOMAIN_PATTERN, oldDistrictDomainPattern: OLD_DISTRICT_DOMAIN_PATTERN, districts: {} };
  const districtSettings = settings.districts as Record<string, DistrictNaming>;
  for (const row of source.districts.values()) {
    const domain = inputs.oldProvinceDomains.get(row.old_province)!;
    const naming: DistrictNaming = domain === parentDomain ? {} : { parentDomain: domain };
    districts.set(row.name, naming);
    districtSettings[row.name] = naming;
  }
  const slugs = new Map<string, string>();
  const oldDomains = new Map<string, string>();
  const naming = domainNaming(settings);
  const planning: Planning = {
    inputs,
    decisions,
    districts,
    settings,
    slugs,
    oldDomains,
    naming,
    oldUnits: source.joined.oldDrafts.map((draft) => draft.rows[0]),
    newDomain: (row) => naming.newDomain({ ...row, slug: row.slug ?? slugs.get(row.code) }),
    oldDomain: (row) => row.domain ?? oldDomains.get(row.code) ?? naming.oldDomain(row),
    districtCode: (name) => source.districts.get(name)!.code,
  };
  labelFoldedDistricts(planning);
  flattenLargeDistricts(planning);
  slugFoldedNewUnits(planning);
  separateOldDomains(planning);
  const takeovers = takeOverOrSlug(planning);
  return { districts, slugs, oldDomains, takeovers, naming };
}

/** Old districts folding to one domain (a town and the rural district of the same name): a label each. */
function labelFoldedDistricts({ districts, naming, settings, districtCode, decisions }: Planning): void {
  const byDomain = new Map<string, string[]>();
  for (const name of districts.keys()) pushTo(byDomain, naming.districtDomain(name), name);
  for (const [domain, names] of byDomain) {
    if (names.length < 2) continue;
    const kind = (name: string) => UNIT_KINDS.find((row) => row.level === "district" && name.startsWith(`${row.prefix} `))?.short ?? domainLabel(name.split(" ")[0]);
    const labels = distinctLabels(names, [(name) => `${kind(name)}-${districtLabel(name, settings)}`, (name) => `${districtLabel(name, settings)}-${districtCode(name)}`]);
    names.forEach((name, index) => {
      districts.get(name)!.label = labels[index];
      decisions.push({ kind: "district-label", subject: `${name} (${districtCode(name)})`, where: "settings.yaml districts", value: labels[index], reason: `${names.join(" and ")} fold to ${domain}` });
    });
  }
}

/** Old districts too large to delegate their old communes from their own zone: their communes' domains are flat. */
function flattenLargeDistricts({ inputs, oldUnits, districts, settings, naming, districtCode, decisions }: Planning): void {
  const { maxRecordsPerZone, nameServers } = inputs;
  const communesOf = new Map<string, OldRow[]>();
  for (const row of oldUnits) pushTo(communesOf, row.district, row);
  const nestable = Math.floor((maxRecordsPerZone - RETIRED_ZONE_RECORDS) / nameServers);
  for (const [name, rows] of communesOf) {
    if (rows.length <= nestable) continue;
    districts.get(name)!.communeDomainPattern = FLAT_COMMUNE_DOMAIN_PATTERN;
    const example = oldCommuneDomain(rows[0], settings);
    decisions.push({ kind: "flattened-district", subject: `${name} (${districtCode(name)})`, where: "settings.yaml districts", value: FLAT_COMMUNE_DOMAIN_PATTERN, reason: `its ${rows.length} old communes would put ${rows.length * nameServers} NS records into ${naming.districtDomain(name)} (at most ${nestable} delegations fit under ${maxRecordsPerZone} records); e.g. ${example}` });
  }
}

/** New units folding to one label: a slug each. */
function slugFoldedNewUnits({ inputs, newDomain, settings, slugs, decisions }: Planning): void {
  const newByDomain = new Map<string, NewRow[]>();
  for (const row of inputs.source.newRows) pushTo(newByDomain, newDomain(row), row);
  for (const [domain, rows] of newByDomain) {
    const open = rows.filter((row) => row.slug === undefined && row.domain === undefined);
    if (rows.length < 2 || open.length === 0) continue;
    const firstDistrict = (row: NewRow) => row.former_district.split(";")[0].trim();
    const labels = distinctLabels(open, [
      (row) => `${unitKind(row.kind).short}-${domainLabel(row.name)}`,
      (row) => `${domainLabel(row.name)}-${districtLabel(firstDistrict(row), settings)}`,
      (row) => `${domainLabel(row.name)}-${row.code}`,
    ]);
    open.forEach((row, index) => {
      slugs.set(row.code, labels[index]);
      decisions.push({ kind: "slug", subject: describeRow(row), where: "new-units.csv slug", value: labels[index], reason: `${rows.map((other) => other.name).join(" and ")} fold to ${domain}` });
    });
  }
}

/** Old units sharing a default domain (a town and a commune of one name, names that differ only in tone marks): an explicit domain each. */
function separateOldDomains({ oldUnits, oldDomain, settings, oldDomains, decisions }: Planning): void {
  const oldByDomain = new Map<string, OldRow[]>();
  for (const row of oldUnits) pushTo(oldByDomain, oldDomain(row), row);
  for (const [domain, rows] of oldByDomain) {
    const open = rows.filter((row) => row.domain === undefined);
    if (rows.length < 2 || open.length === 0) continue;
    const labels = distinctLabels(open, [(row) => `${unitKind(row.kind).short}-${domainLabel(row.name)}`, (row) => `${domainLabel(row.name)}-${row.code}`]);
    open.forEach((row, index) => {
      const explicit = oldCommuneDomain(row, settings, labels[index]);
      oldDomains.set(row.code, explicit);
      decisions.push({ kind: "old-domain", subject: describeRow(row), where: "old-units.csv domain", value: explicit, reason: `${rows.map((other) => `${other.name} (${other.code})`).join(" and ")} share ${domain}` });
    });
  }
}

/** New units whose domain an old unit used: a takeover when the unit succeeds it and the zone fits, else a slug. */
function takeOverOrSlug({ inputs, districts, oldUnits, naming, newDomain, oldDomain, districtCode, slugs, decisions }: Planning): { domain: string; newUnit: string; reason: string }[] {
  const { source, parentDomain, maxRecordsPerZone, nameServers } = inputs;
  type OldOwner = { domain: string; describe: string; district?: string; old?: OldRow };
  const oldOwners = new Map<string, OldOwner>();
  for (const name of districts.keys()) oldOwners.set(naming.districtDomain(name), { domain: naming.districtDomain(name), describe: `${name} (${districtCode(name)})`, district: name });
  for (const row of oldUnits) oldOwners.set(oldDomain(row), { domain: oldDomain(row), describe: describeRow(row), old: row });
  const nestedUnder = (domain: string) => [...oldOwners.keys()].filter((other) => other.endsWith(`.${domain}`)).length;
  const receives = (row: NewRow, owner: OldOwner): boolean => {
    if (owner.old) return inputs.successorOf(owner.old.code) === row.name;
    const rows = source.joined.districtRows.get(owner.district!);
    return rows ? rows.some((old) => old.merged_into === row.name) : (source.joined.communelessDistricts.get(owner.district!) ?? []).includes(row);
  };
  const delegations = Math.floor((maxRecordsPerZone - COMMUNE_ZONE_RECORDS) / nameServers);
  const takeovers: { domain: string; newUnit: string; reason: string }[] = [];
  const taken = new Set([...source.newRows.map(newDomain), ...oldOwners.keys()]);
  for (const row of source.newRows) {
    const domain = newDomain(row);
    const owner = oldOwners.get(domain);
    if (!owner) continue;
    const nested = nestedUnder(domain);
    if (receives(row, owner) && nested <= delegations) {
      const reason = owner.district ? `the new unit carries the district's name` : "the new unit carries the old unit's name";
      takeovers.push({ domain, newUnit: row.name, reason });
      decisions.push({ kind: "takeover", subject: describeRow(row), where: "settings.yaml takeovers", value: domain, reason: `${owner.describe} used ${domain}; ${row.name} is its successor${nested > 0 ? ` and its zone takes the ${nested} delegations below it` : ""}` });
      continue;
    }
    if (row.slug !== undefined || row.domain !== undefined) continue;
    const kindSlug = `${unitKind(row.kind).short}-${domainLabel(row.name)}`;
    const slug = taken.has(`${kindSlug}.${parentDomain}`) ? `${domainLabel(row.name)}-${row.code}` : kindSlug;
    slugs.set(row.code, slug);
    taken.add(`${slug}.${parentDomain}`);
    const why = receives(row, owner) ? `taking it over would put ${nested} delegations (${nested * nameServers} NS records) into its zone, more than ${delegations} fit` : `${row.name} is not its successor, so it cannot take the domain over`;
    decisions.push({ kind: "slug", subject: describeRow(row), where: "new-units.csv slug", value: slug, reason: `${owner.describe} used ${domain}; ${why}` });
  }
  return takeovers;
}

/** A province's or old province's domain label: "Tỉnh Bà Rịa - Vũng Tàu" → "bariavungtau". */
export function provinceLabel(name: string): string {
  return foldToAscii(name.replace(/^(Tỉnh|Thành phố) /, "")).toLowerCase().replace(/[^a-z0-9]/g, "");
}
