import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { EmailForward } from "@cdktf/provider-dnsimple/lib/email-forward";
import { ZoneRecord } from "@cdktf/provider-dnsimple/lib/zone-record";
import { App } from "cdktf";
import { buildProvinceStacks } from "../app/build-app";
import { literal } from "../constructs/dns-zone";
import { resolveEnvironment, type DeployEnvironment } from "../model/environment";
import { isStandInAddress } from "../model/gateway-addresses";
import type { Province } from "../model/province";

/** A record the plan declares in a zone; `value` is undefined where it is a reference or the gateway's address. */
export interface PlanRecord {
  readonly name: string;
  readonly type: string;
  readonly value?: string;
  readonly priority?: number;
}

export interface ZonePlan {
  readonly records: readonly PlanRecord[];
  /** The zone forwards its mail (DNSimple places its own MX there). */
  readonly forwarding: boolean;
}

/**
 * What the plan declares in `zone`: the province's stacks are built as the synth builds them (offline, production's
 * names), without the zone's own adopted records, and its records read back — delegations from other constructs
 * included — so the adoption compares with exactly what a deploy would write.
 */
export function zonePlan(province: Province, zone: string): ZonePlan {
  const withoutZone: Province = { ...province, adoptedZones: province.adoptedZones.filter((adopted) => adopted.zone !== zone) };
  const outdir = mkdtempSync(join(tmpdir(), "adopt-plan-"));
  try {
    const app = new App({ outdir, skipValidation: true });
    buildProvinceStacks(app, withoutZone, resolveEnvironment(province.settings, "offline") as DeployEnvironment);
    const records: PlanRecord[] = [];
    let forwarding = false;
    for (const construct of app.node.findAll()) {
      if (construct instanceof ZoneRecord && construct.zoneNameInput === zone) {
        const value = literal(construct.valueInput);
        // Offline, the gateway's records carry the documentation stand-ins: what they stand for is the gateway's address.
        const gateway = value !== undefined && isStandInAddress(value);
        records.push({ name: construct.nameInput ?? "", type: construct.typeInput ?? "", value: gateway ? undefined : value, priority: literal(construct.priorityInput) });
      }
      if (construct instanceof EmailForward && construct.domainInput === zone) forwarding = true;
    }
    return { records, forwarding };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}
