import type { RecordType } from "dns-packet";
import { type DeclaredRecord, type DeclaredZone, fullName } from "../dns/declared-dns";
import { type HandoverZone, handoverRecords } from "../dns/handover";
import { ask, type DnsServer } from "./dns-client";
import type { Mismatch } from "./mismatch";

/** One record set to ask for: where the answer must come from, and what it must hold. */
export interface DnsCheck {
  readonly zone: string;
  readonly name: string;
  readonly type: RecordType;
  /** Whom to ask: the province's zones' servers, or the servers of a hand-over zone. */
  readonly servers: { readonly kind: "zone" } | { readonly kind: "handover"; readonly zone: string };
  /** The values known, as the answers are written (recordText). */
  readonly values: readonly string[];
  /** Values not known yet (stand-ins): any answer counts for them, as long as there are that many more. */
  readonly standIns: number;
  /** NS of a child zone: a referral (the parent is not authoritative for it) counts as the answer. */
  readonly delegation: boolean;
  /** A record set the provider places (DNSimple's forwarding MX): there must be one, of any value. */
  readonly anyValue?: string;
}

const name = (value: string) => value.replace(/\.$/, "").toLowerCase() || ".";

/** An address as the answers write it: IPv6 in its shortest form (RFC 5952), via the URL parser. */
function canonicalAddress(value: string): string {
  return value.includes(":") ? new URL(`http://[${value}]/`).hostname.slice(1, -1) : value;
}

function expectedText(record: DeclaredRecord): string {
  switch (record.type) {
    case "A":
    case "AAAA":
      return canonicalAddress(record.value);
    case "CNAME":
    case "NS":
      return name(record.value);
    case "MX":
      return `${record.priority ?? 0} ${name(record.value)}`;
    default:
      return record.value;
  }
}

function setsOf(zone: string, records: readonly DeclaredRecord[], servers: DnsCheck["servers"], delegationsAt: (record: DeclaredRecord) => boolean): DnsCheck[] {
  const sets = new Map<string, DeclaredRecord[]>();
  for (const record of records) {
    const key = `${record.name}\u0000${record.type}`;
    sets.set(key, [...(sets.get(key) ?? []), record]);
  }
  return [...sets.values()].map((set) => ({
    zone,
    name: fullName(set[0].name, zone),
    type: set[0].type as RecordType,
    servers,
    values: set.filter((record) => !record.standIn).map(expectedText).sort(),
    standIns: set.filter((record) => record.standIn).length,
    delegation: delegationsAt(set[0]),
    ...(set.some((record) => record.placedByProvider) ? { anyValue: "the MX DNSimple places for its email forwarding" } : {}),
  }));
}

/**
 * Every record set the province declares, in its zones and in the hand-over zones, as checks. A forwarding
 * domain's MX is DNSimple's, not declared: its check asks only that there is one.
 */
export function dnsChecks(zones: readonly DeclaredZone[], handovers: readonly HandoverZone[], nameServers: readonly string[]): DnsCheck[] {
  const zoneServers = { kind: "zone" } as const;
  return [
    ...zones.flatMap((zone) => setsOf(zone.name, zone.records, zoneServers, (record) => record.type === "NS" && record.name !== "")),
    ...handovers.flatMap((handover) => setsOf(handover.name, handoverRecords(handover, nameServers), { kind: "handover", zone: handover.name }, (record) => record.type === "NS")),
  ];
}

function show(values: readonly string[], type: string): string {
  return values.map((value) => (type === "TXT" ? JSON.stringify(value) : value)).join(", ");
}

function expectedOf(check: DnsCheck): string {
  if (check.anyValue) return `${check.anyValue} (any value)`;
  const standIns = check.standIns > 0 ? [`${check.standIns} value(s) not known yet (stand-ins: any)`] : [];
  return [show(check.values, check.type), ...standIns].filter(Boolean).join(" + ");
}

/** Asks the check's servers (the first that answers) and returns what differs, if anything. */
export async function runDnsCheck(check: DnsCheck, servers: readonly DnsServer[]): Promise<Mismatch | undefined> {
  const mismatch = (got: string): Mismatch => ({ zone: check.zone, name: check.name, type: check.type, expected: expectedOf(check), got });
  let lastError: Error | undefined;
  for (const server of servers) {
    let answer;
    try {
      answer = await ask(server, check.name, check.type);
    } catch (error) {
      lastError = error as Error;
      continue;
    }
    const got = answer.answers.length > 0 || !check.delegation ? answer.answers : answer.referral;
    if (got.length === 0) return mismatch(answer.rcode === "NOERROR" ? "nothing" : answer.rcode);
    if (check.anyValue) return undefined;
    const known = new Set(got);
    const matches = check.values.every((value) => known.has(value)) && known.size === check.values.length + check.standIns;
    return matches ? undefined : mismatch(show([...known].sort(), check.type));
  }
  return mismatch(lastError?.message ?? "no server to ask");
}
