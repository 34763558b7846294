import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import type { ProvinceDns } from "./province-dns";
import { handoverFile, zoneFile } from "./zone-file";

export const HANDOVER_FOLDER = "handover";

/** Whether `dir` holds only what zone-files writes (`*.zone` and handover/), so replacing it loses nothing else. */
export function isZoneFilesFolder(dir: string): boolean {
  if (!existsSync(dir)) return true;
  if (!statSync(dir).isDirectory()) return false;
  return readdirSync(dir).every((entry) => entry.endsWith(".zone") || (entry === HANDOVER_FOLDER && readdirSync(join(dir, entry)).every((file) => file.endsWith(".zone"))));
}

export interface ZoneFilesSummary {
  readonly zones: number;
  readonly records: number;
  readonly standIns: number;
  readonly handovers: readonly { readonly name: string; readonly delegations: number; readonly reportAuthorizations: number }[];
}

/**
 * Writes `out/<zone>.zone` for every zone and `out/handover/<parent>.zone` for every hand-over zone. Everything is
 * written into a folder beside `out` first and moved into place at the end: a failure leaves `out` as it was.
 * The caller has checked `isZoneFilesFolder(out)`.
 */
export function writeZoneFiles(dns: ProvinceDns, out: string, serial: number): ZoneFilesSummary {
  const { settings } = dns.province;
  const nameServers = settings.dnsimple.nameServers;
  const origin = `${settings.province} (PROVINCE=${dns.province.id}, ENV=${dns.environment.name}), written by npm run zone-files`;
  const target = resolve(out);
  mkdirSync(dirname(target), { recursive: true });
  const staging = mkdtempSync(`${target}.writing-`);
  try {
    for (const zone of dns.zones) writeFileSync(join(staging, `${zone.name}.zone`), zoneFile(zone, { nameServers, serial, origin }));
    mkdirSync(join(staging, HANDOVER_FOLDER));
    for (const handover of dns.handovers) writeFileSync(join(staging, HANDOVER_FOLDER, `${handover.name}.zone`), handoverFile(handover, nameServers, origin));
    rmSync(target, { recursive: true, force: true });
    renameSync(staging, target);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  return {
    zones: dns.zones.length,
    records: dns.zones.reduce((sum, zone) => sum + zone.records.length, 0),
    standIns: dns.zones.reduce((sum, zone) => sum + zone.records.filter((record) => record.standIn).length, 0),
    handovers: dns.handovers.map((handover) => ({ name: handover.name, delegations: handover.delegations.length, reportAuthorizations: handover.reportAuthorizations.length })),
  };
}
