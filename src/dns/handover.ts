import { getDomain } from "tldts";
import type { Settings } from "../model/settings";
import { DEFAULT_TTL } from "../model/dns-record";
import type { DeclaredRecord, DeclaredZone } from "./declared-dns";

/**
 * A zone the config does not manage (the province's domain when `parentZoneManaged: false`, an old province's
 * domain in a merged province) and exactly what it must hold for the province's zones to work: the NS delegation
 * of every top-level zone below it, and the DMARC external-report authorizations of the zones that send their
 * reports to a mailbox in it.
 */
export interface HandoverZone {
  readonly name: string;
  /** Zones delegated from it (each with the province's name servers), sorted. */
  readonly delegations: readonly string[];
  /** Zones whose DMARC reports it receives from another organizational domain, sorted. */
  readonly reportAuthorizations: readonly string[];
}

/** The zone a top-level zone is delegated from: the longest parent domain the settings name, else its parent. */
function parentOf(zone: string, parents: readonly string[]): string {
  return parents.filter((parent) => zone.endsWith(`.${parent}`)).sort((a, b) => b.length - a.length)[0] ?? zone.slice(zone.indexOf(".") + 1);
}

/** The domains of the mailboxes a DMARC record sends reports to (rua and ruf, RFC 7489 §6.4). */
function reportDomains(dmarc: string): string[] {
  const tags = dmarc.split(";").map((tag) => tag.trim());
  const uris = tags.filter((tag) => /^ru[af]=/.test(tag)).flatMap((tag) => tag.slice(4).split(","));
  return uris.map((uri) => /^mailto:[^@]+@([^!]+)/.exec(uri.trim())?.[1]?.toLowerCase()).filter((domain): domain is string => domain !== undefined);
}

/**
 * The hand-over zones of a province: every domain outside the declared zones that must delegate one of them or
 * authorize its DMARC reports. Organizational domains come from the Public Suffix List as tldts 7.5.4 ships it:
 * under `gov.vn` each province's domain is an organization of its own, so an old province's communes reporting to
 * the new province's mailbox need its authorization — `<zone>._report._dmarc.<receiving domain> TXT "v=DMARC1"`
 * (RFC 7489 §7.1, https://www.rfc-editor.org/rfc/rfc7489#section-7.1). One record per zone rather than one
 * wildcard `*._report._dmarc`: a wildcard would let any domain on the Internet send its reports to the mailbox, and
 * the list says which zones report here.
 */
export function handoverZones(zones: readonly DeclaredZone[], settings: Settings): HandoverZone[] {
  const declared = new Set(zones.map((zone) => zone.name));
  const parents = [
    ...(settings.parentZoneManaged ? [] : [settings.parentDomain]),
    ...Object.values(settings.districts).flatMap((district) => (district.parentDomain ? [district.parentDomain] : [])),
  ].filter((parent) => !declared.has(parent));
  const handovers = new Map<string, { delegations: Set<string>; reportAuthorizations: Set<string> }>();
  const handover = (name: string) => {
    if (!handovers.has(name)) handovers.set(name, { delegations: new Set(), reportAuthorizations: new Set() });
    return handovers.get(name)!;
  };
  const isTopLevel = (zone: string) => {
    for (let dot = zone.indexOf("."); dot >= 0; dot = zone.indexOf(".", dot + 1)) if (declared.has(zone.slice(dot + 1))) return false;
    return true;
  };
  for (const zone of zones) {
    if (isTopLevel(zone.name)) handover(parentOf(zone.name, parents)).delegations.add(zone.name);
    const dmarc = zone.records.find((record) => record.name === "_dmarc" && record.type === "TXT")?.value ?? "";
    for (const receiving of reportDomains(dmarc)) {
      // A receiving domain this province declares would need the record among its own: none does today.
      if (getDomain(receiving) !== getDomain(zone.name) && !declared.has(receiving)) handover(receiving).reportAuthorizations.add(zone.name);
    }
  }
  return [...handovers.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([name, found]) => ({ name, delegations: [...found.delegations].sort(), reportAuthorizations: [...found.reportAuthorizations].sort() }));
}

/** The records a hand-over zone must hold, named relative to it. */
export function handoverRecords(handover: HandoverZone, nameServers: readonly string[]): DeclaredRecord[] {
  const relative = (name: string) => name.slice(0, -(handover.name.length + 1));
  return [
    ...handover.delegations.flatMap((child) => nameServers.map((server) => ({ name: relative(child), type: "NS", value: server, ttl: DEFAULT_TTL }))),
    ...handover.reportAuthorizations.map((zone) => ({ name: `${zone}._report._dmarc`, type: "TXT", value: "v=DMARC1", ttl: DEFAULT_TTL })),
  ];
}
