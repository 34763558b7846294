import { type DnszDnsRecord, stringifyZone } from "dnsz";
import { DEFAULT_TTL } from "../model/dns-record";
import { type DeclaredRecord, type DeclaredZone, fullName } from "./declared-dns";
import { type HandoverZone, handoverRecords } from "./handover";

/**
 * SOA timers, the same in every zone: refresh, retry and expire as RIPE-203 recommends for zones that change
 * rarely (https://www.ripe.net/publications/docs/ripe-203/), and one hour of negative caching (RFC 2308 §5).
 */
export const SOA_TIMERS = { refresh: 86400, retry: 7200, expire: 3600000, negativeTtl: 3600 } as const;

/** TXT character-strings are at most 255 bytes (RFC 1035 §3.3.14): a longer value is split, in order. */
const TXT_STRING_BYTES = 255;

/** A TXT value as master-file character-strings: quoted, `"` and `\` escaped, split every 255 bytes. */
export function txtStrings(value: string): string {
  const strings: string[] = [];
  let current = "";
  for (const char of value) {
    if (Buffer.byteLength(current + char) > TXT_STRING_BYTES) {
      strings.push(current);
      current = "";
    }
    current += char;
  }
  strings.push(current);
  return strings.map((text) => `"${text.replace(/[\\"]/g, (special) => `\\${special}`)}"`).join(" ");
}

/** A record's data in master-file form: names absolute (trailing dot), MX with its preference, TXT quoted. */
function content(record: DeclaredRecord): string {
  const absolute = (name: string) => (name.endsWith(".") ? name : `${name}.`);
  switch (record.type) {
    case "CNAME":
    case "NS":
      return absolute(record.value);
    case "MX":
      return `${record.priority ?? 0} ${absolute(record.value)}`;
    case "TXT":
      return txtStrings(record.value);
    default:
      return record.value;
  }
}

function line(zone: string, record: DeclaredRecord): DnszDnsRecord {
  return { name: fullName(record.name, zone), ttl: record.ttl, class: "IN", type: record.type, content: content(record), comment: record.standIn ? `stand-in: ${record.standIn}` : null };
}

/** The settings a zone file's SOA and apex NS come from, and its serial. */
export interface ZoneFileOptions {
  /** The name servers that serve the zone (the settings' dnsimple.nameServers): the apex NS, the first the SOA's MNAME. */
  readonly nameServers: readonly string[];
  readonly serial: number;
  /** First header line: what the file is and where it came from. */
  readonly origin: string;
}

/**
 * One zone as an RFC 1035 master file (§5): $ORIGIN, $TTL, SOA, apex NS, then every declared record. The SOA's
 * RNAME is hostmaster@<zone> (RFC 2142 §7). Forwarded mail is listed in the header, and DNSimple's forwarding MX,
 * which DNSimple places itself, is a stand-in.
 */
export function zoneFile(zone: DeclaredZone, options: ZoneFileOptions): string {
  const standIns = zone.records.filter((record) => record.standIn).length;
  const header = [
    `${zone.name}: ${options.origin}`,
    `Declared by the stack ${zone.stack}${zone.adopted ? " (an adopted zone)" : ""}; SOA serial ${options.serial}, timers per RIPE-203.`,
    standIns > 0 ? `${standIns} value(s) are stand-ins until their stacks are applied (see the comments; npm run zone-files -- --state DIR).` : "Every value is known.",
    ...(zone.forwards.length > 0
      ? ["Mail: DNSimple email forwarding (DNSimple places its own MX for it: the MX below stands in for it):", ...zone.forwards.map((forward) => `  ${forward.alias === "(.*)" ? "any address" : `${forward.alias}@${zone.name}`} -> ${forward.destination}`)]
      : []),
  ];
  const soa = `${options.nameServers[0]}. hostmaster.${zone.name}. ${options.serial} ${SOA_TIMERS.refresh} ${SOA_TIMERS.retry} ${SOA_TIMERS.expire} ${SOA_TIMERS.negativeTtl}`;
  const records: DnszDnsRecord[] = [
    { name: zone.name, ttl: DEFAULT_TTL, class: "IN", type: "SOA", content: soa, comment: null },
    ...options.nameServers.map((server) => line(zone.name, { name: "", type: "NS", value: server, ttl: DEFAULT_TTL })),
    ...zone.records.map((record) => line(zone.name, record)),
  ];
  return stringifyZone({ header: header.join("\n"), origin: zone.name, ttl: DEFAULT_TTL, records }, { sections: false });
}

/**
 * What a hand-over zone must hold, as a master-file fragment with its own $ORIGIN: the zone's operator adds the
 * records to their zone (or `$INCLUDE`s the file there). It has no SOA or apex NS: those are the operator's.
 */
export function handoverFile(handover: HandoverZone, nameServers: readonly string[], origin: string): string {
  const header = [
    `${handover.name}: ${origin}`,
    "Records this zone must hold; its SOA and NS stay as they are. Add them, or $INCLUDE this file in the zone.",
    `${handover.delegations.length} delegation(s) to the province's name servers (${nameServers.join(", ")}).`,
    `${handover.reportAuthorizations.length} DMARC report authorization(s) (RFC 7489 section 7.1).`,
  ];
  const records = handoverRecords(handover, nameServers).map((record) => line(handover.name, record));
  return stringifyZone({ header: header.join("\n"), origin: handover.name, ttl: DEFAULT_TTL, records }, { sections: false });
}
