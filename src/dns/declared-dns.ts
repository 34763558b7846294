import { DEFAULT_TTL } from "../model/dns-record";
import { resourcesIn, type SynthesizedStack } from "../synth/terraform-json";
import type { AppliedState } from "./applied-state";
import { type RecordValue, recordValue } from "./record-values";

/** One record of a zone: `name` relative to the zone ("" at the apex), the value resolved or a marked stand-in. */
export interface DeclaredRecord extends RecordValue {
  readonly name: string;
  readonly type: string;
  readonly ttl: number;
  readonly priority?: number;
}

/** A mail forward of a zone's domain (dnsimple_email_forward): `alias` is the local part, `(.*)` the catch-all. */
export interface DeclaredForward {
  readonly alias: string;
  readonly destination: string;
}

/** A zone the province declares (vùng DNS): created (dnsimple_domain) or adopted (dnsimple_zone). */
export interface DeclaredZone {
  readonly name: string;
  /** The stack that declares it (its records may come from other stacks too: delegations). */
  readonly stack: string;
  readonly adopted: boolean;
  readonly records: readonly DeclaredRecord[];
  readonly forwards: readonly DeclaredForward[];
}

/**
 * DNSimple places the MX of its email-forwarding service in a forwarding domain itself; the config declares none
 * (MAIL-001). The zone files stand in for it, so that the zone's mail is visible and a zone served elsewhere is
 * not mistaken for one that takes no mail: mail would need the forwarding service's MX there.
 */
const FORWARDING_MX: DeclaredRecord = {
  name: "",
  type: "MX",
  priority: 10,
  value: "forwarding-mx.invalid",
  ttl: DEFAULT_TTL,
  standIn: "DNSimple's email-forwarding MX, which DNSimple places for the forwards (not declared in the stacks)",
  placedByProvider: true,
};

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Apex first, then by name, type, priority and value: the same stacks give the same order. */
function compareRecords(a: DeclaredRecord, b: DeclaredRecord): number {
  return byText(a.name, b.name) || byText(a.type, b.type) || (a.priority ?? 0) - (b.priority ?? 0) || byText(a.value, b.value);
}

/**
 * Every zone the synthesized stacks declare, with its records and mail forwards, sorted by name. Values known only
 * after apply come from `state` when it has them, else are stand-ins that say so (DeclaredRecord.standIn). The
 * apex SOA and NS are DNSimple's system records, never declared: the zone files add them. Attributes read as
 * dnsimple/terraform-provider-dnsimple v2.2.0 names them (internal/framework/resources/zone_record_resource.go:
 * zone_name, name, type, value, ttl, priority; email_forward_resource.go: domain, alias_name, destination_email).
 */
export function declaredZones(stacks: readonly SynthesizedStack[], state?: AppliedState): DeclaredZone[] {
  const zones = new Map<string, { stack: string; adopted: boolean; records: DeclaredRecord[]; forwards: DeclaredForward[] }>();
  const zone = (name: string, stack: string, adopted: boolean) => {
    if (!zones.has(name)) zones.set(name, { stack, adopted, records: [], forwards: [] });
    return zones.get(name)!;
  };
  for (const resource of resourcesIn(stacks, "dnsimple_domain")) zone(String(resource.attributes.name), resource.stack, false);
  for (const resource of resourcesIn(stacks, "dnsimple_zone")) zone(String(resource.attributes.name), resource.stack, true);

  const stackNamed = new Map(stacks.map((stack) => [stack.name, stack]));
  for (const resource of resourcesIn(stacks, "dnsimple_zone_record")) {
    const { zone_name: zoneName, name, type, value, ttl, priority } = resource.attributes as { zone_name: string; name: string; type: string; value: string; ttl?: number; priority?: number };
    // A record into a zone no stack declares goes into an adopted zone of that name (it exists elsewhere).
    zone(zoneName, resource.stack, true).records.push({
      name,
      type,
      ttl: ttl ?? DEFAULT_TTL,
      ...(priority === undefined ? {} : { priority }),
      ...recordValue(value, type, stackNamed.get(resource.stack)!, state),
    });
  }
  for (const resource of resourcesIn(stacks, "dnsimple_email_forward")) {
    const { domain, alias_name: alias, destination_email: destination } = resource.attributes as { domain: string; alias_name: string; destination_email: string };
    zone(domain, resource.stack, true).forwards.push({ alias, destination });
  }
  return [...zones.entries()]
    .sort(([a], [b]) => byText(a, b))
    .map(([name, found]) => ({
      name,
      ...found,
      records: [...found.records, ...(found.forwards.length > 0 ? [FORWARDING_MX] : [])].sort(compareRecords),
      forwards: found.forwards.sort((a, b) => byText(a.alias, b.alias)),
    }));
}

/** A record's full name: ("www", "a.vn") → "www.a.vn", ("", "a.vn") → "a.vn". */
export function fullName(name: string, zone: string): string {
  return name ? `${name}.${zone}` : zone;
}
