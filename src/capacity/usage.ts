import { countByType, resourcesIn, type SynthesizedStack } from "../synth/terraform-json";

/** DNSimple records Terraform manages per zone (delegations included), across the stacks. */
export function recordsPerZone(stacks: readonly SynthesizedStack[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const record of resourcesIn(stacks, "dnsimple_zone_record")) {
    const zone = String(record.attributes.zone_name);
    counts.set(zone, (counts.get(zone) ?? 0) + 1);
  }
  return counts;
}

/** The apex SOA and NS records DNSimple keeps in every zone, which a prefetch lists with the rest. */
const SYSTEM_RECORDS_PER_ZONE = 5;
/** The provider's prefetch lists a zone's records 100 to a page (ZoneRecordCache.Hydrate: PerPage 100). */
const RECORDS_PER_PAGE = 100;

/** DNSimple API requests of one stack: creating everything on a first deploy, and refreshing it on a plan. */
export interface DnsimpleRequests {
  readonly stack: string;
  readonly firstDeploy: number;
  readonly plan: number;
}

/**
 * Requests as dnsimple provider 2.2.0 makes them (dnsimple/terraform-provider-dnsimple v2.2.0,
 * internal/framework/resources/*_resource.go; configuring the provider makes none):
 * - a first deploy: one per resource created — a domain (CreateDomain), an adopted zone (GetZone), a record
 *   (CreateRecord, not read back), a forward (CreateEmailForward); its plan has no state to refresh;
 * - a refresh once they exist (any later plan, a rerun): one read per domain, zone and forward, and, with
 *   `prefetch`, one listing of each zone the stack has records in per 100 of that zone's records — all of them,
 *   whichever stack declares them (`recordsInZone`, from recordsPerZone of the province), and DNSimple's own.
 */
export function dnsimpleRequests(stack: SynthesizedStack, recordsInZone: ReadonlyMap<string, number>): DnsimpleRequests {
  const count = (type: string) => resourcesIn([stack], type).length;
  const domains = count("dnsimple_domain") + count("dnsimple_zone");
  const forwards = count("dnsimple_email_forward");
  const zones = [...recordsPerZone([stack]).keys()];
  const listings = zones.reduce((sum, zone) => sum + Math.ceil(((recordsInZone.get(zone) ?? 0) + SYSTEM_RECORDS_PER_ZONE) / RECORDS_PER_PAGE), 0);
  return { stack: stack.name, firstDeploy: domains + count("dnsimple_zone_record") + forwards, plan: domains + forwards + listings };
}

/** Certificate Manager's resources: each create is one write against its 300 a minute. */
const CERTIFICATE_MANAGER_WRITES = ["certificate", "dns_authorization", "certificate_map_entry", "certificate_map"].map((kind) => `google_certificate_manager_${kind}`);

/** Google Cloud writes of a first deploy of some stacks: one create call per resource, and the rate-limited ones. */
export interface GoogleWrites {
  readonly writes: number;
  readonly certificateManagerWrites: number;
  readonly bucketCreations: number;
}

export function googleWrites(stacks: readonly SynthesizedStack[]): GoogleWrites {
  const count = countByType(stacks);
  const writes = [...count].filter(([type]) => type.startsWith("google_")).reduce((sum, [, n]) => sum + n, 0);
  return { writes, certificateManagerWrites: CERTIFICATE_MANAGER_WRITES.reduce((sum, type) => sum + (count.get(type) ?? 0), 0), bucketCreations: count.get("google_storage_bucket") ?? 0 };
}
