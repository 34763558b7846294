import type { Decision } from "./decision";
import { type DomainPlan, planDomains, provinceLabel } from "./domains";
import { listedOldProvinces, type ProvinceIdentity } from "./province-identity";
import type { ProvinceSource } from "./source";
import { districtSuccessors, splitSuccessors } from "./successors";

/** The name servers every delegation lists (DNSimple's), and the record limit of its Solo and Teams plans. */
export const NAME_SERVERS = ["ns1.dnsimple.com", "ns2.dnsimple-edge.net", "ns3.dnsimple.com", "ns4.dnsimple-edge.org"] as const;
export const MAX_RECORDS_PER_ZONE = 100;

export interface OldProvince {
  readonly name: string;
  readonly code: string;
  readonly domain: string;
}

/** Everything the scaffold decided for one province, before the stacks are sized. */
export interface ProvincePlan {
  readonly folder: string;
  readonly name: string;
  readonly label: string;
  readonly parentDomain: string;
  /** In the order districts.csv first names them. */
  readonly oldProvinces: readonly OldProvince[];
  readonly splitSuccessors: ReadonlyMap<string, string>;
  readonly districtSuccessors: ReadonlyMap<string, string>;
  readonly domains: DomainPlan;
  readonly decisions: Decision[];
  readonly source: ProvinceSource;
}

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? "" : "s"}`;

export function planProvince(source: ProvinceSource, folder: string, identity: ProvinceIdentity): ProvincePlan {
  const decisions: Decision[] = [];
  const oldProvinces = listedOldProvinces(source).map((province) => ({ ...province, domain: `${provinceLabel(province.name)}.gov.vn` }));

  // The province is who its lists say it is (province-identity.ts); the folder only names the folder.
  const { name } = identity;
  const label = provinceLabel(name);
  const parentDomain = `${label}.gov.vn`;
  decisions.push({ kind: "province", subject: name, where: "settings.yaml province", value: name, reason: identity.folderNote ? `${identity.reason}; ${identity.folderNote}` : identity.reason });
  decisions.push({ kind: "parent-domain", subject: name, where: "settings.yaml parentDomain", value: parentDomain, reason: `the folded name of ${name}` });
  decisions.push({ kind: "bucket-prefix", subject: name, where: "settings.yaml bucketPrefix", value: label, reason: `the folded name of ${name}` });
  for (const province of oldProvinces) {
    decisions.push({ kind: "old-parent-domain", subject: `${province.name} (${province.code})`, where: "settings.yaml districts", value: province.domain, reason: `${count(province.oldUnits, "old unit")} and ${count(province.districts, "district")} were ${province.name}'s` });
  }

  const successors = splitSuccessors(source, decisions);
  const mergedInto = new Map(source.joined.oldDrafts.map((draft) => [draft.rows[0].code, draft]));
  const successorOf = (code: string) => successors.get(code) ?? mergedInto.get(code)!.successor!.name;
  const domains = planDomains({ source, parentDomain, oldProvinceDomains: new Map(oldProvinces.map((province) => [province.name, province.domain])), successorOf, maxRecordsPerZone: MAX_RECORDS_PER_ZONE, nameServers: NAME_SERVERS.length }, decisions);
  return { folder, name, label, parentDomain, oldProvinces, splitSuccessors: successors, districtSuccessors: districtSuccessors(source, decisions), domains, decisions, source };
}
