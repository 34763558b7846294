import { Domain } from "@cdktf/provider-dnsimple/lib/domain";
import { ZoneRecord } from "@cdktf/provider-dnsimple/lib/zone-record";
import { type TerraformResource, Token } from "cdktf";
import { Construct } from "constructs";
import { type AdoptedRecord, type AdoptedZone, adoptedRecordId, inDnsimple, pairReplaced } from "../model/adopted-zone";
import { DEFAULT_TTL, type DnsRecord, relativeName } from "../model/dns-record";
import { dependOn } from "./depend-on";

export interface DnsZoneProps {
  readonly domain: string;
  /** What the zone held before this app (config/<province>/zones/): its kept records are declared here too. */
  readonly adopted?: AdoptedZone;
  /**
   * Whether this environment imports what exists already (offline, as production's preview, and production): a
   * zone read from DNSimple's API, and its records the plan manages, get Terraform import blocks.
   */
  readonly importExisting: boolean;
}

/**
 * A DNSimple zone (vùng DNS) and its records, as a dnsimple_domain (protected from destroy by the Protection
 * aspect: destroying a domain deletes it and its records for good). A zone adopted from DNSimple is imported —
 * the domain by its name, each record the plan manages by `<zone>_<record id>` (dnsimple provider 2.2.0,
 * docs/resources/domain.md and zone_record.md "Import") — never created again, which would fail.
 */
export class DnsZone extends Construct {
  readonly domain: string;
  /** Every record waits for it; their zone_name stays a plain name, readable in diffs. */
  readonly resource: Domain;
  readonly adopted?: AdoptedZone;
  private readonly recordIds = new Map<string, number>();
  private readonly adoptedRecords = new WeakSet<ZoneRecord>();
  private readonly importing: boolean;

  constructor(scope: Construct, id: string, props: DnsZoneProps) {
    super(scope, id);
    this.domain = props.domain;
    this.adopted = props.adopted;
    this.resource = new Domain(this, "domain", { name: props.domain });
    this.importing = props.importExisting && props.adopted !== undefined && inDnsimple(props.adopted);
    if (this.importing) this.resource.importFrom(props.domain);
    // Kept as they are served today, with their TTLs, so that moving the zone loses nothing.
    for (const record of props.adopted?.records.filter((candidate) => candidate.decision === "keep") ?? []) this.keep(record);
  }

  /**
   * Declares a record. Its construct id derives from name and type (and a counter per pair), never from its
   * value, so a changed value updates the record in place. It waits for its zone and for `waitFor` (resources
   * of the same stack, e.g. the check that the gateway's addresses are published).
   */
  addRecord(record: DnsRecord, waitFor: readonly TerraformResource[] = []): ZoneRecord {
    const key = `${record.name || "apex"}-${record.type}`;
    const count = (this.recordIds.get(key) ?? 0) + 1;
    this.recordIds.set(key, count);
    const zoneRecord = new ZoneRecord(this, `${key}-${count}`, {
      zoneName: this.domain,
      name: record.name,
      type: record.type,
      value: record.value,
      priority: record.priority,
      ttl: record.ttl ?? DEFAULT_TTL,
    });
    dependOn(zoneRecord, this.resource, ...waitFor);
    return zoneRecord;
  }

  /** Adds a record for a host given by its full name. */
  addHostRecord(host: string, record: Omit<DnsRecord, "name">): ZoneRecord {
    return this.addRecord({ ...record, name: relativeName(host, this.domain) });
  }

  /** Whether a record of this zone was declared from the adopted zone (kept), not by the plan. */
  isAdopted(record: ZoneRecord): boolean {
    return this.adoptedRecords.has(record);
  }

  /**
   * Imports the replaced records of a zone read from DNSimple into the plan's records that take their place
   * (`records`: every record of this zone the stack declares, delegations included), so Terraform updates them
   * instead of leaving the old ones beside the new. Call it once the stack has declared them all.
   */
  importReplaced(records: readonly ZoneRecord[]): void {
    if (!this.importing || !this.adopted) return;
    const plan = records
      .filter((record) => !this.adoptedRecords.has(record))
      .map((resource) => ({ resource, name: resource.nameInput ?? "", type: resource.typeInput ?? "", value: literal(resource.valueInput), priority: literal(resource.priorityInput) }));
    const replaced = this.adopted.records.filter((record) => record.decision === "replace");
    for (const { plan: target, record } of pairReplaced(replaced, plan).pairs) target.resource.importFrom(`${this.domain}_${record.id}`);
  }

  private keep(record: AdoptedRecord): void {
    const zoneRecord = new ZoneRecord(this, adoptedRecordId(record), {
      zoneName: this.domain,
      name: record.name,
      type: record.type,
      value: record.content,
      priority: record.priority,
      ttl: record.ttl,
    });
    dependOn(zoneRecord, this.resource);
    this.adoptedRecords.add(zoneRecord);
    if (this.importing && record.id !== undefined) zoneRecord.importFrom(`${this.domain}_${record.id}`);
  }
}

/** A resource input as written, or undefined where it is a reference Terraform resolves (a token). */
export function literal<T>(value: T | undefined): T | undefined {
  return value === undefined || Token.isUnresolved(value) ? undefined : value;
}
