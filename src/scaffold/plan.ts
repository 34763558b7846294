import type { Decision } from "./decision";
import { type DomainPlan, planDomains, provinceLabel } from "./domains";
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

export function planProvince(source: ProvinceSource, folder: string): ProvincePlan {
  const decisions: Decision[] = [];
  const oldProvinces: OldProvince[] = [];
  const unitsPerProvince = new Map<string, number>();
  for (const district of source.districts.values()) {
    if (!oldProvinces.some((province) => province.name === district.old_province)) {
      oldProvinces.push({ name: district.old_province, code: district.old_province_code, domain: `${provinceLabel(district.old_province)}.gov.vn` });
    }
  }
  for (const draft of source.joined.oldDrafts) {
    const province = source.districts.get(draft.rows[0].district)!.old_province;
    unitsPerProvince.set(province, (unitsPerProvince.get(province) ?? 0) + 1);
  }

  // A new province carries the name of one of the provinces merged into it.
  const named = oldProvinces.find((province) => provinceLabel(province.name) === folder.replace(/-/g, ""));
  const largest = [...oldProvinces].sort((a, b) => (unitsPerProvince.get(b.name) ?? 0) - (unitsPerProvince.get(a.name) ?? 0) || (a.name < b.name ? -1 : 1))[0];
  const name = (named ?? largest).name;
  const label = provinceLabel(name);
  const parentDomain = `${label}.gov.vn`;
  decisions.push({ kind: "province", subject: name, where: "settings.yaml province", value: name, reason: named ? `the folder ${folder} carries its name` : `no old province's name is the folder's (${folder}); ${name} has the most old units` });
  decisions.push({ kind: "parent-domain", subject: name, where: "settings.yaml parentDomain", value: parentDomain, reason: `the folded name of ${name}` });
  decisions.push({ kind: "bucket-prefix", subject: name, where: "settings.yaml bucketPrefix", value: label, reason: `the folded name of ${name}` });
  for (const province of oldProvinces) {
    decisions.push({ kind: "old-parent-domain", subject: `${province.name} (${province.code})`, where: "settings.yaml districts", value: province.domain, reason: `${count(unitsPerProvince.get(province.name) ?? 0, "old unit")} and ${count([...source.districts.values()].filter((district) => district.old_province === province.name).length, "district")} were ${province.name}'s` });
  }

  const successors = splitSuccessors(source, decisions);
  const mergedInto = new Map(source.joined.oldDrafts.map((draft) => [draft.rows[0].code, draft]));
  const successorOf = (code: string) => successors.get(code) ?? mergedInto.get(code)!.successor!.name;
  const domains = planDomains({ source, parentDomain, oldProvinceDomains: new Map(oldProvinces.map((province) => [province.name, province.domain])), successorOf, maxRecordsPerZone: MAX_RECORDS_PER_ZONE, nameServers: NAME_SERVERS.length }, decisions);
  return { folder, name, label, parentDomain, oldProvinces, splitSuccessors: successors, districtSuccessors: districtSuccessors(source, decisions), domains, decisions, source };
}
