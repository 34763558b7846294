import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import { existsSync, readdirSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { createSocket } from "node:dgram";
import { join } from "node:path";
import { HANDOVER_FOLDER } from "../../src/dns/write-zone-files";

/** BIND's binaries (Debian's bind9, bind9-utils, bind9-dnsutils: scripts/install-and-test.sh installs them). */
export const NAMED = existsSync("/usr/sbin/named") ? "/usr/sbin/named" : "named";

/**
 * A parent zone around a hand-over fragment, as its operator would have it: their own SOA and NS, then the
 * fragment `$INCLUDE`d. Written beside the zone files as `<parent>.parent.zone`.
 */
export function writeParentZone(dir: string, parent: string): string {
  const file = `${parent}.parent.zone`;
  writeFileSync(
    join(dir, file),
    `$ORIGIN ${parent}.\n$TTL 3600\n@ IN SOA ns.${parent}. hostmaster.${parent}. 1 86400 7200 3600000 3600\n@ IN NS ns.${parent}.\nns IN A 192.0.2.53\n$INCLUDE ${HANDOVER_FOLDER}/${parent}.zone\n`,
  );
  return file;
}

/** What one named serves: the province's zones, the parents around the hand-over files, or both. */
export type Served = "zones" | "parents" | "all";

/**
 * A named.conf (`named-<served>.conf`) serving, as primary, every `<zone>.zone` that zone-files wrote into `dir`,
 * and/or every hand-over fragment inside a parent zone of its own (writeParentZone); `port` on 127.0.0.1, no
 * recursion. Apart, the parents answer a delegation with a referral, as they will on the Internet.
 */
export function writeNamedConf(dir: string, port: number, served: Served = "all"): string {
  const zones = served === "parents" ? [] : readdirSync(dir).filter((file) => file.endsWith(".zone") && !file.endsWith(".parent.zone")).map((file) => ({ name: file.slice(0, -".zone".length), file }));
  const parents = served !== "zones" && existsSync(join(dir, HANDOVER_FOLDER))
    ? readdirSync(join(dir, HANDOVER_FOLDER)).map((file) => file.slice(0, -".zone".length)).map((name) => ({ name, file: writeParentZone(dir, name) }))
    : [];
  const conf = join(dir, `named-${served}.conf`);
  writeFileSync(
    conf,
    [
      `options { directory "${dir}"; pid-file "${join(dir, `named-${served}.pid`)}"; session-keyfile "${join(dir, `session-${served}.key`)}"; listen-on port ${port} { 127.0.0.1; }; listen-on-v6 { none; }; recursion no; notify no; dnssec-validation no; };`,
      ...[...zones, ...parents].map((zone) => `zone "${zone.name}" { type primary; file "${zone.file}"; };`),
      "",
    ].join("\n"),
  );
  return conf;
}

/** `named-checkconf -z`: loads every zone of the config as named would, and says what failed. */
export function checkConfZones(conf: string): { status: number | null; output: string } {
  const result = spawnSync("named-checkconf", ["-z", conf], { encoding: "utf8" });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** A port free for both UDP and TCP on 127.0.0.1, as the kernel hands one out. */
export async function freePort(): Promise<number> {
  for (;;) {
    const server = createServer().listen(0, "127.0.0.1");
    await once(server, "listening");
    const { port } = server.address() as { port: number };
    server.close();
    const udp = createSocket("udp4");
    const free = await new Promise<boolean>((resolve) => {
      udp.once("error", () => resolve(false));
      udp.bind(port, "127.0.0.1", () => resolve(true));
    });
    udp.close();
    if (free) return port;
  }
}

export interface RunningNamed {
  readonly port: number;
  readonly process: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Starts BIND's named in the foreground on what `served` names and waits until it answers the SOA of `probeZone`
 * (dig, at most ~30 s). The caller stops it.
 */
export async function startNamed(dir: string, probeZone: string, served: Served = "all"): Promise<RunningNamed> {
  const port = await freePort();
  const conf = writeNamedConf(dir, port, served);
  const child = spawn(NAMED, ["-g", "-c", conf, "-n", "1"], { stdio: ["ignore", "ignore", "pipe"] });
  let log = "";
  child.stderr!.on("data", (chunk) => (log += chunk));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      await once(child, "exit");
    }
  };
  for (let attempt = 0; attempt < 60; attempt++) {
    if (child.exitCode !== null) throw new Error(`named exited: ${log}`);
    const dig = spawnSync("dig", ["+short", "+norecurse", "+time=1", "+tries=1", "-p", String(port), "@127.0.0.1", probeZone, "SOA"], { encoding: "utf8" });
    if (dig.status === 0 && dig.stdout.trim()) return { port, process: child, stop };
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  await stop();
  throw new Error(`named did not answer for ${probeZone}: ${log}`);
}
