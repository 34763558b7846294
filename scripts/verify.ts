/**
 * npm run verify -- [--nameserver host:port] [--handover-nameserver host:port] [--dns-only] [--state DIR]
 *                   [--https-address host:port] [--ca FILE]
 *
 * Asks the DNS for every record PROVINCE declares for ENV (its zones, and the records the hand-over zones must
 * hold) and, unless --dns-only, fetches every hostname of the gateway over HTTPS. Exit codes: 0 everything answers
 * as declared; 1 mismatches (each named on stdout); 2 nothing was checked: a usage error, a bad config or state, a
 * policy violation.
 */
import { existsSync, readFileSync } from "node:fs";
import { lookup, Resolver } from "node:dns/promises";
import { isIP } from "node:net";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { loadProvinceDns } from "../src/dns/province-dns";
import { ConfigError, formatProblem } from "../src/load/problems";
import { formatViolations } from "../src/policy/check-app";
import type { DnsServer } from "../src/verify/dns-client";
import { formatMismatch } from "../src/verify/mismatch";
import { verifyProvince } from "../src/verify/verify-province";
import { environmentName, provinceName } from "../src/runtime/province-command";

const USAGE =
  "usage: [PROVINCE=<folder>] [ENV=offline|staging|production] npm run verify -- [--nameserver host:port] [--handover-nameserver host:port] [--dns-only] [--state DIR] [--https-address host:port] [--ca FILE]\n";
const ROOT = join(__dirname, "..");
/** A progress line on stderr every this many checks. */
const PROGRESS_EVERY = 250;

function usageError(message: string): void {
  process.stderr.write(`verify: ${message}\n${USAGE}`);
  process.exitCode = 2;
}

/** host:port, [v6]:port or host (then `defaultPort`). */
function hostPort(text: string, defaultPort: number): { host: string; port: number } | undefined {
  const match = /^(?:\[(?<v6>[^\]]+)\]|(?<host>[^:]+))(?::(?<port>\d{1,5}))?$/.exec(text);
  const port = match?.groups?.port === undefined ? defaultPort : Number(match.groups.port);
  if (!match || port < 1 || port > 65535) return undefined;
  return { host: match.groups!.v6 ?? match.groups!.host, port };
}

/** A server's addresses (IPv4 first): its name looked up with the system's resolver. */
async function serversOf(host: string, port: number): Promise<DnsServer[]> {
  if (isIP(host)) return [{ address: host, port }];
  try {
    const addresses = await lookup(host, { all: true });
    return addresses.sort((a, b) => a.family - b.family).map((address) => ({ address: address.address, port }));
  } catch {
    return [];
  }
}

async function main(): Promise<void> {
  let args: ReturnType<typeof parse>;
  try {
    args = parse();
  } catch (error) {
    return usageError((error as Error).message);
  }
  const values = args.values;
  const nameserver = values.nameserver === undefined ? undefined : hostPort(values.nameserver, 53);
  if (values.nameserver !== undefined && !nameserver) return usageError(`--nameserver ${values.nameserver} is not host:port`);
  const handoverNameserver = values["handover-nameserver"] === undefined ? undefined : hostPort(values["handover-nameserver"], 53);
  if (values["handover-nameserver"] !== undefined && !handoverNameserver) return usageError(`--handover-nameserver ${values["handover-nameserver"]} is not host:port`);
  const httpsAddress = values["https-address"] === undefined ? undefined : hostPort(values["https-address"], 443);
  if (values["https-address"] !== undefined && !httpsAddress) return usageError(`--https-address ${values["https-address"]} is not host:port`);
  if (values.ca !== undefined && !existsSync(values.ca)) return usageError(`--ca ${values.ca}: no such file`);

  process.stderr.write(`verify: synthesizing ${provinceName()} (ENV=${environmentName()})…\n`);
  let dns: ReturnType<typeof loadProvinceDns>;
  try {
    dns = loadProvinceDns(ROOT, process.env, values.state);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(error.message);
    process.exitCode = 2;
    return;
  }
  if ("violations" in dns || "stateProblems" in dns) {
    process.stderr.write("violations" in dns ? formatViolations(dns.violations) : `The state has ${dns.stateProblems.length} problem(s); nothing was checked.\n\n${dns.stateProblems.map(formatProblem).join("\n\n")}\n`);
    process.exitCode = 2;
    return;
  }
  const settings = dns.province.settings;
  const zoneServers = nameserver ? await serversOf(nameserver.host, nameserver.port) : (await Promise.all(settings.dnsimple.nameServers.map((server) => serversOf(server, 53)))).flat();
  const resolver = new Resolver();
  const handoverServers = async (zone: string): Promise<DnsServer[]> => {
    if (handoverNameserver) return serversOf(handoverNameserver.host, handoverNameserver.port);
    if (nameserver) return zoneServers;
    const names = await resolver.resolveNs(zone).catch(() => [] as string[]);
    return (await Promise.all(names.map((server) => serversOf(server, 53)))).flat();
  };
  const asked = nameserver ? values.nameserver! : settings.dnsimple.nameServers.join(", ");
  process.stderr.write(`verify: asking ${asked} for the province's zones${values["dns-only"] ? "" : `, fetching every hostname over HTTPS${httpsAddress ? ` at ${values["https-address"]}` : ""}`}\n`);

  const result = await verifyProvince(dns, {
    zoneServers,
    handoverServers,
    dnsOnly: values["dns-only"] ?? false,
    https: { address: httpsAddress, ca: values.ca === undefined ? undefined : readFileSync(values.ca, "utf8") },
    progress: (done, total, mismatches) => process.stderr.write(`verify: ${done}/${total} checks, ${mismatches} mismatches\n`),
    progressEvery: PROGRESS_EVERY,
  });
  for (const mismatch of result.mismatches) process.stdout.write(`${formatMismatch(mismatch)}\n`);
  const https = values["dns-only"] ? "no HTTPS (--dns-only)" : `${result.httpsChecks} HTTPS hostnames`;
  const standIns = result.standIns === 0 ? "" : `; ${result.standIns} values not compared (stand-ins: any value counts${dns.withState ? "" : "; give --state DIR"})`;
  const verdict = result.mismatches.length === 0 ? "everything answers as declared" : `${result.mismatches.length} mismatches`;
  process.stdout.write(`verify: ${settings.province} (ENV=${dns.environment.name}): ${result.dnsChecks} DNS record sets, ${https}: ${verdict}${standIns}\n`);
  process.exitCode = result.mismatches.length === 0 ? 0 : 1;
}

function parse() {
  return parseArgs({
    allowPositionals: false,
    options: {
      nameserver: { type: "string" },
      "handover-nameserver": { type: "string" },
      "dns-only": { type: "boolean" },
      state: { type: "string" },
      "https-address": { type: "string" },
      ca: { type: "string" },
    },
  });
}

void main();
