/** A DNS record as this project declares it: `name` is relative to its zone, "" being the apex. */
export interface DnsRecord {
  readonly name: string;
  readonly type: "A" | "AAAA" | "CNAME" | "MX" | "TXT" | "CAA" | "NS";
  readonly value: string;
  readonly priority?: number;
  /** Seconds; DNSimple's minimum is 60 and its default 3600. */
  readonly ttl?: number;
}

export const DEFAULT_TTL = 3600;

/** The record name relative to `zone` for a host at or below it: ("www.a.vn", "a.vn") → "www". */
export function relativeName(host: string, zone: string): string {
  if (host === zone) return "";
  if (!host.endsWith(`.${zone}`)) throw new Error(`${host} is not in zone ${zone}`);
  return host.slice(0, -(zone.length + 1));
}
