import { existsSync, readFileSync } from "node:fs";
import { lookup, Resolver } from "node:dns/promises";
import { isIP } from "node:net";
import { loadProvinceDns } from "../dns/province-dns";
import { formatProblem } from "../load/problems";
import { formatViolations } from "../policy/check-app";
import type { DnsServer } from "../verify/dns-client";
import { formatMismatch } from "../verify/mismatch";
import { verifyProvince } from "../verify/verify-province";
import { environmentName, provinceName } from "../runtime/province-command";
import { type CommandIo, commandArgs, failureExit, processIo, UsageError } from "../runtime/command-io";

export const VERIFY_USAGE =
  "usage: [PROVINCE=<folder>] [ENV=offline|staging|production] npm run verify -- [--nameserver host:port] [--handover-nameserver host:port] [--dns-only] [--state DIR] [--https-address host:port] [--ca FILE]\n";
/** A progress line on stderr every this many checks. */
const PROGRESS_EVERY = 250;

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

/**
 * `npm run verify` (scripts/verify.ts says what it checks) with `argv` (its arguments after `--`), for the project at
 * `root`: here so that tests run it in-process; the script hands it the process's environment and streams. Resolves
 * to the exit code: 0 everything answers as declared; 1 mismatches; 2 nothing was checked.
 */
export async function runVerify(argv: readonly string[], root: string, io: CommandIo = processIo): Promise<number> {
  try {
    return await verify(argv, root, io);
  } catch (error) {
    // A bad config checks nothing either: 2, like a usage error.
    return failureExit(error, io, { usage: VERIFY_USAGE, prefix: "verify: ", configExit: 2 });
  }
}

async function verify(argv: readonly string[], root: string, io: CommandIo): Promise<number> {
  const { values } = parse(argv);
  const nameserver = values.nameserver === undefined ? undefined : hostPort(values.nameserver, 53);
  if (values.nameserver !== undefined && !nameserver) throw new UsageError(`--nameserver ${values.nameserver} is not host:port`);
  const handoverNameserver = values["handover-nameserver"] === undefined ? undefined : hostPort(values["handover-nameserver"], 53);
  if (values["handover-nameserver"] !== undefined && !handoverNameserver) throw new UsageError(`--handover-nameserver ${values["handover-nameserver"]} is not host:port`);
  const httpsAddress = values["https-address"] === undefined ? undefined : hostPort(values["https-address"], 443);
  if (values["https-address"] !== undefined && !httpsAddress) throw new UsageError(`--https-address ${values["https-address"]} is not host:port`);
  if (values.ca !== undefined && !existsSync(values.ca)) throw new UsageError(`--ca ${values.ca}: no such file`);

  io.stderr(`verify: synthesizing ${provinceName(io.env)} (ENV=${environmentName(io.env)})…\n`);
  const dns = loadProvinceDns(root, io.env, values.state);
  if ("violations" in dns || "stateProblems" in dns) {
    io.stderr("violations" in dns ? formatViolations(dns.violations) : `The state has ${dns.stateProblems.length} problem(s); nothing was checked.\n\n${dns.stateProblems.map(formatProblem).join("\n\n")}\n`);
    return 2;
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
  io.stderr(`verify: asking ${asked} for the province's zones${values["dns-only"] ? "" : `, fetching every hostname over HTTPS${httpsAddress ? ` at ${values["https-address"]}` : ""}`}\n`);

  const result = await verifyProvince(dns, {
    zoneServers,
    handoverServers,
    dnsOnly: values["dns-only"] ?? false,
    https: { address: httpsAddress, ca: values.ca === undefined ? undefined : readFileSync(values.ca, "utf8") },
    progress: (done, total, mismatches) => io.stderr(`verify: ${done}/${total} checks, ${mismatches} mismatches\n`),
    progressEvery: PROGRESS_EVERY,
  });
  for (const mismatch of result.mismatches) io.stdout(`${formatMismatch(mismatch)}\n`);
  const https = values["dns-only"] ? "no HTTPS (--dns-only)" : `${result.httpsChecks} HTTPS hostnames`;
  const standIns = result.standIns === 0 ? "" : `; ${result.standIns} values not compared (stand-ins: any value counts${dns.withState ? "" : "; give --state DIR"})`;
  const verdict = result.mismatches.length === 0 ? "everything answers as declared" : `${result.mismatches.length} mismatches`;
  io.stdout(`verify: ${settings.province} (ENV=${dns.environment.name}): ${result.dnsChecks} DNS record sets, ${https}: ${verdict}${standIns}\n`);
  return result.mismatches.length === 0 ? 0 : 1;
}

function parse(argv: readonly string[]) {
  return commandArgs({
    args: [...argv],
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

