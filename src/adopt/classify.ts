import { type Decision, DNSSEC_TYPES, isSpf, isSystemRecord, recordKind } from "../model/adopted-zone";
import type { ExistingRecord } from "./existing-record";
import type { PlanRecord, ZonePlan } from "./plan-records";

export interface Classified {
  readonly decision: Decision;
  /** Why, as the table and the zone's file say it. */
  readonly reason: string;
}

const at = (name: string) => name || "@";
/** A value short enough for a comment. */
const shown = (value: string) => (value.length > 48 ? `${value.slice(0, 47)}…` : value);

/**
 * The default decision for each existing record against what the plan declares in its zone:
 * - SOA, apex NS and DNSSEC records are DNSimple's own (system);
 * - where the plan declares the same name and kind (apex A/AAAA, MX, SPF, DMARC, CAA, www, _mta-sts, a
 *   delegation's NS, …), or a CNAME that takes the whole name, the plan's record replaces it (replace), and a person
 *   may flip it to keep;
 * - a CNAME where the plan puts other data, a second SPF at a name, a record below a name the plan delegates to
 *   another zone, an obsolete SPF-type record: a person decides (decide); an ALIAS where the plan declares A/AAAA,
 *   and the MX of a domain that forwards its mail (DNSimple's own), are replaced too;
 * - everything else is kept (keep): site verifications, SRV, ftp, the one-stop-shop (hành chính công) links.
 */
export function classify(records: readonly ExistingRecord[], plan: ZonePlan): Classified[] {
  const planAt = new Map<string, PlanRecord[]>();
  for (const record of plan.records) planAt.set(record.name, [...(planAt.get(record.name) ?? []), record]);
  const delegated = [...new Set(plan.records.filter((record) => record.type === "NS" && record.name !== "").map((record) => record.name))];
  const spfCount = new Map<string, number>();
  for (const record of records.filter((candidate) => isSpf({ type: candidate.type, value: candidate.content }))) spfCount.set(record.name, (spfCount.get(record.name) ?? 0) + 1);

  return records.map((record): Classified => {
    const kind = recordKind({ type: record.type, value: record.content });
    if (isSystemRecord(record)) {
      return { decision: "system", reason: DNSSEC_TYPES.has(record.type) ? "DNSSEC: DNSimple signs the zones it hosts itself" : `${record.type === "SOA" ? "SOA" : "apex NS"}: DNSimple's own` };
    }
    const cut = delegated.find((name) => record.name.endsWith(`.${name}`) || (record.name === name && record.type !== "NS"));
    if (cut !== undefined) return { decision: "decide", reason: `below ${cut}, which the plan delegates to its own zone: adopt it there` };
    const here = planAt.get(record.name) ?? [];
    const planCname = here.find((candidate) => candidate.type === "CNAME");
    if (record.type === "CNAME" && here.length > 0 && !planCname) {
      return { decision: "decide", reason: `a CNAME where the plan declares ${[...new Set(here.map((candidate) => recordKind(candidate)))].join(", ")}: a CNAME cannot stand beside other data` };
    }
    if (planCname) return { decision: "replace", reason: `the plan's CNAME at ${at(record.name)}${planCname.value ? ` (${shown(planCname.value)})` : ""}` };
    const same = here.filter((candidate) => recordKind(candidate) === kind);
    if (same.length > 0) return { decision: "replace", reason: `the plan's ${kind} at ${at(record.name)}${describeValues(same)}` };
    // DNSimple's ALIAS answers A and AAAA queries itself (developer.dnsimple.com/v2/zones/records: ALIAS).
    if (record.type === "ALIAS" && here.some((candidate) => candidate.type === "A" || candidate.type === "AAAA")) {
      return { decision: "replace", reason: `the plan's A/AAAA at ${at(record.name)}: an ALIAS answers for them` };
    }
    if (plan.forwarding && record.name === "" && record.type === "MX") return { decision: "replace", reason: "the domain forwards its mail: DNSimple places its own MX" };
    if (record.type === "SPF") return { decision: "decide", reason: "the SPF record type is obsolete (RFC 7208 §3.1): keep the policy as a TXT record, or drop it" };
    if (kind === "SPF" && (spfCount.get(record.name) ?? 0) > 1) return { decision: "decide", reason: `one of ${spfCount.get(record.name)} SPF records at ${at(record.name)}: keep one (RFC 7208 §3.2)` };
    return { decision: "keep", reason: "" };
  });
}

function describeValues(records: readonly PlanRecord[]): string {
  const values = records.map((record) => record.value);
  if (values.some((value) => value === undefined)) return records.length === 1 ? " (the gateway's address)" : "";
  return values.length === 1 ? ` (${shown(values[0]!)})` : ` (${values.length} records)`;
}
