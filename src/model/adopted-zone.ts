import { createHash } from "node:crypto";

/**
 * What a zone held before this app managed it, as `npm run adopt` recorded it under config/<province>/zones/, with
 * a person's decision per record. Kept records are declared beside the plan's; replaced ones give way to the plan's
 * record of the same name and kind; system records (SOA, apex NS, DNSSEC) are DNSimple's own and never managed.
 */
export type Decision = "keep" | "replace" | "decide" | "system";

export interface AdoptedRecord {
  /** Relative to the zone, "" being the apex. */
  readonly name: string;
  /** Upper-case record type. */
  readonly type: string;
  /** As DNSimple writes it: names without a trailing dot, TXT as one unquoted string, MX and SRV without priority. */
  readonly content: string;
  readonly ttl: number;
  readonly priority?: number;
  /** The DNSimple record id, when the zone was read from DNSimple's API. */
  readonly id?: number;
  readonly decision: Decision;
}

export interface AdoptedZone {
  readonly zone: string;
  /** The zone file of config/, as messages show it. */
  readonly file: string;
  /** The export it was adopted from: its file name, format and SHA-256. */
  readonly source: { readonly file: string; readonly format: "zone-file" | "dnsimple-api"; readonly sha256: string };
  readonly records: readonly AdoptedRecord[];
}

/** The zone exists in the DNSimple account (it was read from DNSimple's API): it is imported, never created. */
export function inDnsimple(zone: AdoptedZone): boolean {
  return zone.source.format === "dnsimple-api";
}

/** DNSSEC records a signed zone's export carries: DNSimple signs the zones it hosts itself. */
export const DNSSEC_TYPES: ReadonlySet<string> = new Set(["RRSIG", "NSEC", "NSEC3", "NSEC3PARAM", "DNSKEY", "CDS", "CDNSKEY"]);

/** DNSimple's own records (SOA, apex NS) and a signer's: recorded, never declared or imported. */
export function isSystemRecord(record: { readonly name: string; readonly type: string }): boolean {
  return record.type === "SOA" || (record.type === "NS" && record.name === "") || DNSSEC_TYPES.has(record.type);
}

/** An SPF policy, whether published as TXT (RFC 7208 §3) or as the obsolete SPF type (§3.1). */
export function isSpf(record: { readonly type: string; readonly value?: string }): boolean {
  return (record.type === "TXT" || record.type === "SPF") && /^"?v=spf1(\s|"|$)/i.test(record.value ?? "");
}

/**
 * What a record competes with at its name: its type, except that SPF policies (RFC 7208 allows one per name) compete
 * with each other and not with other TXT records (site verifications stay beside the plan's SPF).
 */
export function recordKind(record: { readonly type: string; readonly value?: string }): string {
  return isSpf(record) ? "SPF" : record.type;
}

/**
 * A kept record's construct id: from its name, type and DNSimple id, or a hash of name, type, priority and content
 * when it has none — never from its place in the file, so reordering the file moves nothing.
 */
export function adoptedRecordId(record: AdoptedRecord): string {
  const name = record.name === "" ? "apex" : record.name.replace(/\*/g, "wildcard");
  const identity = record.id !== undefined ? `id${record.id}` : createHash("sha256").update(JSON.stringify([record.name, record.type, record.priority ?? null, record.content])).digest("hex").slice(0, 12);
  return `adopted-${name}-${record.type}-${identity}`;
}

/**
 * Which existing records give their DNSimple id to which of the plan's records at the same name: a replaced record is
 * imported into the plan's resource that takes its place, so that Terraform updates it in place (or, for another
 * type, replaces it) instead of leaving it beside the new one, which DNSimple would refuse for a CNAME. Identical
 * content pairs first, then the same kind, then any record at the name (the plan's in declaration order, the
 * existing by id). Returns the pairs and the replaced records left without a counterpart.
 */
export function pairReplaced<P extends { readonly name: string; readonly type: string; readonly value?: string; readonly priority?: number }>(
  replaced: readonly AdoptedRecord[],
  plan: readonly P[],
): { pairs: { plan: P; record: AdoptedRecord }[]; unpaired: AdoptedRecord[] } {
  let open = [...replaced].filter((record) => record.id !== undefined).sort((a, b) => a.id! - b.id!);
  let waiting = [...plan];
  const pairs: { plan: P; record: AdoptedRecord }[] = [];
  const phases: ((candidate: P, record: AdoptedRecord) => boolean)[] = [
    (candidate, record) => record.type === candidate.type && record.content === candidate.value && record.priority === candidate.priority,
    (candidate, record) => recordKind({ type: record.type, value: record.content }) === recordKind(candidate),
    () => true,
  ];
  for (const matches of phases) {
    const left: P[] = [];
    for (const candidate of waiting) {
      const index = open.findIndex((record) => record.name === candidate.name && matches(candidate, record));
      if (index < 0) {
        left.push(candidate);
        continue;
      }
      pairs.push({ plan: candidate, record: open[index] });
      open = open.filter((_, at) => at !== index);
    }
    waiting = left;
  }
  return { pairs, unpaired: open };
}
