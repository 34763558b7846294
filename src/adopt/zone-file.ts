import { parseZone } from "dnsz";
import type { ExistingRecord, ExportRead } from "./existing-record";

/** What a converted file needs when this reader cannot follow the original (BIND 9's own converter). */
const CONVERT = "write it out one record per line with BIND's named-compilezone -s full -o <new file> <zone> <file>, and adopt that";

/** Types whose content is a domain name (RFC 1035 §3.3, RFC 6672, DNSimple's ALIAS): relative names are qualified. */
const NAME_TYPES = new Set(["CNAME", "NS", "PTR", "DNAME", "ALIAS"]);
const CLASS_NAMES = new Set(["IN", "CH", "HS", "CS", "ANY"]);

/**
 * Reads an RFC 1035 zone file — as BIND, a registry or DNSimple's zone export write it: `$ORIGIN`, `$TTL`, relative
 * names, `@`, omitted owners, multi-line records in parentheses, comments — with dnsz, which splits it into records
 * and leaves their content as written. This turns each into DNSimple's form: names relative to the zone, targets
 * without the trailing dot, MX and SRV priority apart, TXT as one string.
 *
 * `zoneName` names the zone when the file has no `$ORIGIN` (BIND's own files often do not: named.conf gives it).
 */
export function readZoneFile(text: string, zoneName?: string): ExportRead {
  const problems: string[] = [];
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  const directive = (name: string) => lines.filter((line) => new RegExp(`^\\$${name}\\b`, "i").test(line));
  for (const unsupported of ["INCLUDE", "GENERATE"]) if (directive(unsupported).length > 0) problems.push(`$${unsupported} is not supported: ${CONVERT}`);
  const origins = [...new Set(directive("ORIGIN").map((line) => line.split(/\s+/)[1]?.toLowerCase().replace(/\.$/, "")))];
  if (origins.length > 1) problems.push(`several $ORIGIN (${origins.join(", ")}): ${CONVERT}`);
  const origin = zoneName ?? origins[0];
  if (origin === undefined) problems.push("the file has no $ORIGIN, so its relative names name nothing: give the zone with --zone <name>");
  if (problems.length > 0) return { problems };

  // dnsz applies $TTL; a record with neither gets DNSimple's default TTL.
  const parsed = parseZone(zoneName && origins.length === 0 ? `$ORIGIN ${zoneName}.\n${text}` : text, { defaultTTL: 3600 });
  const soa = parsed.records.filter((record) => record.type === "SOA");
  const zone = soa.length === 1 ? soa[0].name : origin!;
  if (soa.length > 1) problems.push(`${soa.length} SOA records: a zone file holds one zone`);
  if (zoneName && zone !== zoneName) problems.push(`its SOA is for ${zone}, not ${zoneName} as --zone says`);

  const records: ExistingRecord[] = [];
  for (const record of parsed.records) {
    const owner = record.name === zone ? "" : record.name.endsWith(`.${zone}`) ? record.name.slice(0, -(zone.length + 1)) : undefined;
    const described = `${record.name} ${record.type}`;
    // dnsz reads "<owner> <class> <ttl> <type>" (class first, which RFC 1035 allows) as a record of type IN.
    if (CLASS_NAMES.has(record.type) || !/^[A-Z][A-Z0-9]*$/.test(record.type) || !Number.isInteger(record.ttl)) {
      problems.push(`a line this reader cannot split (${record.name} ${record.ttl} ${record.type} ${record.content}): ${CONVERT}`);
      continue;
    }
    if (record.class !== "IN") {
      problems.push(`${described}: class ${record.class}, not IN`);
      continue;
    }
    if (owner === undefined) {
      problems.push(`${described}: ${record.name} is outside the zone ${zone}`);
      continue;
    }
    const converted = dnsimpleContent(record.type, record.content, zone);
    if ("problem" in converted) problems.push(`${described}: ${converted.problem}`);
    else records.push({ name: owner, type: record.type, ttl: record.ttl, ...converted });
  }
  if (problems.length > 0) return { problems };
  // BIND keeps one of identical records; so do we.
  const unique = records.filter((record, index) => records.findIndex((other) => JSON.stringify(other) === JSON.stringify(record)) === index);
  return { zone, records: unique };
}

/** A record's content as DNSimple's API writes it (developer.dnsimple.com/v2/zones/records): priority apart, no trailing dot. */
function dnsimpleContent(type: string, content: string, zone: string): { content: string; priority?: number } | { problem: string } {
  const fields = content.trim().split(/\s+/);
  const qualify = (name: string) => (name === "@" ? zone : name === "." ? "." : name.endsWith(".") ? name.slice(0, -1) : `${name}.${zone}`).toLowerCase();
  const priority = (value: string) => (/^\d{1,5}$/.test(value) && Number(value) <= 65535 ? Number(value) : undefined);
  switch (true) {
    case NAME_TYPES.has(type):
      return fields.length === 1 ? { content: qualify(fields[0]) } : { problem: `"${content}" is not one name` };
    case type === "MX": {
      const preference = priority(fields[0]);
      return fields.length === 2 && preference !== undefined ? { priority: preference, content: qualify(fields[1]) } : { problem: `"${content}" is not <preference> <exchange>` };
    }
    case type === "SRV": {
      const value = priority(fields[0]);
      return fields.length === 4 && value !== undefined ? { priority: value, content: `${fields[1]} ${fields[2]} ${qualify(fields[3])}` } : { problem: `"${content}" is not <priority> <weight> <port> <target>` };
    }
    case type === "TXT" || type === "SPF":
      return { content: characterStrings(content).join("") };
    default:
      return { content: fields.join(" ") };
  }
}

/**
 * The <character-string>s of a TXT record's presentation form (RFC 1035 §5.1: quoted or bare, `\X` and `\DDD`
 * escapes), which RFC 7208 §3.3 and RFC 6376 §3.6.2.2 read concatenated with nothing between them. dnsz leaves
 * content as written; this is the one piece of presentation syntax it leaves to its caller.
 */
export function characterStrings(content: string): string[] {
  const unescape = (text: string) => text.replace(/\\(\d{3}|[^\d])/g, (_, escaped: string) => (escaped.length === 3 ? String.fromCharCode(Number(escaped)) : escaped));
  return [...content.matchAll(/"((?:[^"\\]|\\.)*)"|([^\s"]+)/g)].map((match) => unescape(match[1] ?? match[2]));
}
