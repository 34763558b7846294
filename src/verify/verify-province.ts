import { inParallel } from "../changes/in-parallel";
import type { ProvinceDns } from "../dns/province-dns";
import type { DnsServer } from "./dns-client";
import { dnsChecks, runDnsCheck } from "./dns-checks";
import { runHttpsCheck, type HttpsOptions } from "./https-checks";
import { httpsExpectations } from "./https-expectations";
import type { Mismatch } from "./mismatch";

export interface VerifyOptions {
  /** The servers of the province's zones (the settings' name servers, or --nameserver). */
  readonly zoneServers: readonly DnsServer[];
  /** The servers of a hand-over zone (its NS in the live DNS, or --handover-nameserver). */
  readonly handoverServers: (zone: string) => Promise<readonly DnsServer[]>;
  /** Only DNS: no HTTPS request. */
  readonly dnsOnly: boolean;
  readonly https: HttpsOptions;
  /** Called every `progressEvery` checks, and once at the end. */
  readonly progress: (done: number, total: number, mismatches: number) => void;
  readonly progressEvery: number;
}

export interface VerifyResult {
  readonly dnsChecks: number;
  readonly httpsChecks: number;
  /** Record values not compared: stand-ins, until --state gives them. */
  readonly standIns: number;
  /** Sorted by zone, name and type. */
  readonly mismatches: readonly Mismatch[];
}

/** Questions in flight at once: enough to keep a round trip's wait busy, few enough not to look like a flood. */
const DNS_PARALLEL = 16;
const HTTPS_PARALLEL = 8;

/**
 * Asks the live DNS (or the given servers) for every record set the province declares — its zones and the
 * hand-over zones — and, unless dnsOnly, fetches every hostname of the gateway over HTTPS.
 */
export async function verifyProvince(dns: ProvinceDns, options: VerifyOptions): Promise<VerifyResult> {
  const checks = dnsChecks(dns.zones, dns.handovers, dns.province.settings.dnsimple.nameServers);
  const hosts = options.dnsOnly ? [] : httpsExpectations(dns.stacks, dns.zones);
  const total = checks.length + hosts.length;
  const mismatches: Mismatch[] = [];
  let done = 0;
  const count = (found: readonly Mismatch[]) => {
    mismatches.push(...found);
    done++;
    if (done % options.progressEvery === 0 && done < total) options.progress(done, total, mismatches.length);
  };
  const handoverServers = new Map<string, Promise<readonly DnsServer[]>>();
  await inParallel(checks, DNS_PARALLEL, async (check) => {
    let servers = options.zoneServers;
    if (check.servers.kind === "handover") {
      const zone = check.servers.zone;
      if (!handoverServers.has(zone)) handoverServers.set(zone, options.handoverServers(zone));
      servers = await handoverServers.get(zone)!;
    }
    const mismatch = await runDnsCheck(check, servers);
    count(mismatch ? [mismatch] : []);
  });
  await inParallel(hosts, HTTPS_PARALLEL, async (host) => count(await runHttpsCheck(host, options.https)));
  options.progress(done, total, mismatches.length);
  const key = (mismatch: Mismatch) => `${mismatch.zone}\u0000${mismatch.name}\u0000${mismatch.type}`;
  return {
    dnsChecks: checks.length,
    httpsChecks: hosts.length,
    standIns: checks.reduce((sum, check) => sum + check.standIns, 0),
    mismatches: mismatches.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0)),
  };
}
