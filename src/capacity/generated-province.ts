/**
 * Generators of synthetic province configs for the benchmark (bench/run.ts). Not real data: real-looking
 * Vietnamese names built from common place-name syllables, with the shapes the real data has — split old units
 * (one code on two rows with a successor), units spanning two old districts, districts declared in the settings
 * with their GSO-style codes, and every district's name living on as a new unit that takes the district's domain
 * over (as all ten of Bình Thuận's do). Labels and tenant names are kept unique by folding, the way the loader
 * derives them (domainLabel, tenantDisplayName), so no slug is needed; the slug column is written empty.
 *
 * Deterministic: the same spec gives the same files.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { stringify } from "csv-stringify/sync";
import { loadProvince } from "../load/load-province";
import { tenantDisplayName } from "../model/cloud-names";
import { domainLabel } from "../model/fold";
import { sizeShards } from "../scaffold/shards";

/** Common syllables of Vietnamese place names. */
const SYLLABLES = [
  "Phú", "Hòa", "Tân", "Bình", "An", "Long", "Thạnh", "Đông", "Tây", "Nam", "Bắc", "Hưng", "Thuận", "Lộc",
  "Phước", "Mỹ", "Hiệp", "Thành", "Lợi", "Hải", "Sơn", "Trung", "Vĩnh", "Xuân", "Quang", "Minh", "Đức", "Thới",
  "Khánh", "Hậu", "Thắng", "Lạc", "Định", "Hữu", "Nghĩa", "Thịnh", "Châu", "Điền", "Tiến", "Phong", "Hà", "Hội",
  "Lâm", "Kiến", "Cường", "Gia", "Quý", "Tường", "Ninh", "Hồng", "Yên", "Cát", "Mai", "Đại", "Thủy", "Kim",
] as const;

/** Small seeded PRNG (mulberry32): generated configs are reproducible. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Splits `total` into integer parts proportional to `weights`, each at least `min` (largest remainder). */
export function apportion(total: number, weights: readonly number[], min = 0): number[] {
  const spare = total - min * weights.length;
  if (spare < 0) throw new Error(`cannot give ${weights.length} parts at least ${min} each out of ${total}`);
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (spare * w) / sum);
  const parts = exact.map((x) => Math.floor(x));
  let left = spare - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0]);
  for (const [, i] of order) {
    if (left-- <= 0) break;
    parts[i] += 1;
  }
  return parts.map((p) => p + min);
}

/** GSO-style codes, unique within a generated province. */
class CodeAllocator {
  private nextUnit = 10000;
  private nextDistrict = 100;
  unit(): string {
    if (this.nextUnit > 99999) throw new Error("out of 5-digit unit codes");
    return String(this.nextUnit++);
  }
  district(): string {
    if (this.nextDistrict > 99999) throw new Error("out of district codes");
    return String(this.nextDistrict++);
  }
}

export interface ProvinceSpec {
  /** Folder name (province id), e.g. "ha-noi". */
  readonly id: string;
  /** Display name, e.g. "Hà Nội". */
  readonly name: string;
  readonly newUnits: number;
  readonly oldUnits: number;
  readonly seed: number;
}

export interface GeneratedProvince {
  readonly dir: string;
  readonly newUnits: number;
  readonly oldUnits: number;
  readonly districts: number;
  readonly splitUnits: number;
  readonly communeShards: number;
}

interface NewUnit { code: string; name: string; kind: "xa" | "phuong"; districts: Set<string> }
interface OldUnit { code: string; name: string; kind: "xa" | "phuong" | "thi-tran"; district: string; mergedInto: NewUnit[] }

/** Generates one province's config folder (`new-units.csv`, `old-units.csv`, `settings.yaml`) under `root`. */
export function generateProvince(root: string, spec: ProvinceSpec): GeneratedProvince {
  const { newUnits: newCount, oldUnits: oldCount } = spec;
  if (newCount < 1 || oldCount < newCount) throw new Error(`${spec.id}: need 1 <= new units <= old units`);
  const rand = random(spec.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)];
  const codes = new CodeAllocator();
  const parentLabel = domainLabel(spec.name);
  const parent = `${parentLabel}.gov.vn`;
  const bucketPrefix = parentLabel.slice(0, 20);

  // Names: unique per province by their folded label and tenant name (new units and districts share domains).
  const provinceLabels = new Set<string>();
  const provinceTenants = new Set<string>();
  const freshName = (labels: Set<string>, tenants?: Set<string>): string => {
    for (let attempt = 0; attempt < 10_000; attempt++) {
      const first = pick(SYLLABLES);
      const second = pick(SYLLABLES);
      if (first === second) continue;
      const bare = `${first} ${second}`;
      const label = domainLabel(bare);
      const tenant = tenantDisplayName(bare, "xa");
      if (labels.has(label) || tenants?.has(tenant)) continue;
      labels.add(label);
      tenants?.add(tenant);
      return bare;
    }
    throw new Error(`${spec.id}: ran out of distinct names`);
  };

  // Old units per new unit (each at least one), then districts as runs of consecutive new units holding 8 to 14
  // old units each, like Bình Thuận's (121 in 10). The new unit that takes a district's domain over carries a
  // delegation (one NS record per name server) for each old commune under it, and the policy pack holds a zone to
  // dnsimple.maxRecordsPerZone (100): a district of 20 old communes does not fit.
  const oldPerNew = apportion(oldCount, Array.from({ length: newCount }, () => 0.2 + rand() * 1.6), 1);
  const districtOf: number[] = [];
  let districtCount = 0;
  let held = 0;
  let target = 8 + Math.floor(rand() * 7);
  oldPerNew.forEach((count, index) => {
    if (index > 0 && held + count > target) {
      districtCount++;
      held = 0;
      target = 8 + Math.floor(rand() * 7);
    }
    districtOf.push(districtCount);
    held += count;
  });
  districtCount++;
  const districts = Array.from({ length: districtCount }, (_, index) => {
    const bare = freshName(provinceLabels, provinceTenants);
    const prefix = index === 0 ? "Thành phố" : rand() < 0.1 ? "Thị xã" : "Huyện";
    return { name: `${prefix} ${bare}`, bare, urban: prefix !== "Huyện", code: codes.district() };
  });
  const newPerDistrict = districts.map((_, d) => districtOf.filter((of) => of === d).length);

  const newUnits: NewUnit[] = [];
  const oldUnits: OldUnit[] = [];
  const takeovers: [string, string][] = [];
  let newIndex = 0;
  districts.forEach((district, d) => {
    const districtLabels = new Set<string>();
    for (let k = 0; k < newPerDistrict[d]; k++) {
      const kind: NewUnit["kind"] = district.urban ? (rand() < 0.8 ? "phuong" : "xa") : rand() < 0.1 ? "phuong" : "xa";
      const prefix = kind === "phuong" ? "Phường" : "Xã";
      // The district's first new unit carries its name and takes its domain over; the others get fresh names.
      const bare = k === 0 ? district.bare : freshName(provinceLabels, provinceTenants);
      const predecessors = oldPerNew[newIndex++];
      const firstOldCode = codes.unit();
      const unit: NewUnit = { code: firstOldCode, name: `${prefix} ${bare}`, kind, districts: new Set([district.name]) };
      if (k === 0) takeovers.push([`${domainLabel(bare)}.${parent}`, unit.name]);
      newUnits.push(unit);
      for (let p = 0; p < predecessors; p++) {
        // Many old units share the name of the unit they merged into (the new unit reuses the first one's code).
        const sameName = p === 0 && k > 0 && !districtLabels.has(domainLabel(bare));
        const oldBare = sameName ? bare : freshName(districtLabels);
        if (sameName) districtLabels.add(domainLabel(bare));
        const roll = rand();
        const oldKind: OldUnit["kind"] = district.urban && roll < 0.6 ? "phuong" : roll < 0.06 ? "thi-tran" : roll < 0.12 ? "phuong" : "xa";
        const oldPrefix = { xa: "Xã", phuong: "Phường", "thi-tran": "Thị trấn" }[oldKind];
        oldUnits.push({ code: p === 0 ? firstOldCode : codes.unit(), name: `${oldPrefix} ${oldBare}`, kind: oldKind, district: district.name, mergedInto: [unit] });
      }
    }
  });

  // About 2% of old units are split between the unit they merged into and the next new unit (sometimes in the
  // next district, so that unit then spans two old districts).
  let splitUnits = 0;
  oldUnits.forEach((old) => {
    const own = old.mergedInto[0];
    const next = newUnits[newUnits.indexOf(own) + 1];
    if (!next || rand() >= 0.02) return;
    old.mergedInto.push(next);
    next.districts.add(old.district);
    splitUnits++;
  });

  const dir = join(root, spec.id);
  mkdirSync(dir, { recursive: true });
  const newCsv = [["code", "name", "kind", "former_district", "slug", "domain", "identifier_code"]];
  for (const unit of newUnits) newCsv.push([unit.code, unit.name, unit.kind, [...unit.districts].join("; "), "", "", ""]);
  const oldCsv = [["code", "name", "kind", "district", "merged_into", "domain", "lookup", "mail", "successor", "identifier_code"]];
  for (const old of oldUnits) {
    const successor = old.mergedInto.length > 1 ? old.mergedInto[0].name : "";
    for (const target of old.mergedInto) oldCsv.push([old.code, old.name, old.kind, old.district, target.name, "", "", "", successor, ""]);
  }
  writeFileSync(join(dir, "new-units.csv"), stringify(newCsv, { record_delimiter: "unix" }));
  writeFileSync(join(dir, "old-units.csv"), stringify(oldCsv, { record_delimiter: "unix" }));
  // Sharded as the scaffold shards a real province (src/scaffold/shards.ts), which needs the loaded model.
  const settings = (communeShards: number) => settingsYaml(spec.name, parent, bucketPrefix, districts, takeovers, communeShards);
  writeFileSync(join(dir, "settings.yaml"), settings(1));
  const communeShards = sizeShards(loadProvince(dir), []);
  writeFileSync(join(dir, "settings.yaml"), settings(communeShards));
  return { dir, newUnits: newCount, oldUnits: oldCount, districts: districtCount, splitUnits, communeShards };
}

function settingsYaml(
  name: string,
  parent: string,
  bucketPrefix: string,
  districts: readonly { name: string; code: string }[],
  takeovers: readonly [string, string][],
  communeShards: number,
): string {
  const q = (text: string) => JSON.stringify(text);
  return `# GENERATED by src/capacity/generated-province.ts for the benchmark: not real data.
province: ${q(name)}
parentDomain: ${parent}
parentZoneManaged: false
cutoverDate: "2025-07-01"
bucketPrefix: ${bucketPrefix}
gcp: { project: ${q(`bench-${bucketPrefix}`.slice(0, 30).replace(/-$/, ""))}, region: asia-southeast1 }
dnsimple:
  account: "bench-account"
  nameServers: [ns1.dnsimple.com, ns2.dnsimple-edge.net, ns3.dnsimple.com, ns4.dnsimple-edge.org]
mail:
  hosts: [{ host: mx1.mail.${parent}, priority: 10 }, { host: mx2.mail.${parent}, priority: 20 }]
  spfMechanisms: ["include:_spf.mail.${parent}"]
  dmarc: { policy: quarantine, reportTo: dmarc@${parent} }
  tlsReportTo: tlsrpt@${parent}
  mtaStsMode: testing
retirement:
  forwardMailbox: "vanthu@{successor}"
  roleAddresses: [ubnd, vanthu, tiepdan, mail]
  archiveRetentionDays: 3650
sharedSystems:
  - { label: qlvb, target: qlvb.${parent}, purpose: Quản lý văn bản và điều hành }
  - { label: dichvucong, target: dichvucong.${parent}, purpose: Hệ thống thông tin giải quyết thủ tục hành chính }
  - { label: hop, target: hop.${parent}, purpose: Hội nghị truyền hình trực tuyến }
portalAdminGroup: "portal-admins-{label}@${parent}"
stacks: { communeShards: ${communeShards} }
districts:
${districts.map((district) => `  ${q(district.name)}: { code: "${district.code}" }`).join("\n")}
takeovers:
${takeovers.map(([domain, unit]) => `  ${domain}: { newUnit: ${q(unit)}, reason: "the new unit carries the district's name" }`).join("\n")}
`;
}
