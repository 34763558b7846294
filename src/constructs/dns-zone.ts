import { Domain } from "@cdktf/provider-dnsimple/lib/domain";
import { Zone } from "@cdktf/provider-dnsimple/lib/zone";
import { ZoneRecord } from "@cdktf/provider-dnsimple/lib/zone-record";
import type { TerraformResource } from "cdktf";
import { Construct } from "constructs";
import { DEFAULT_TTL, type DnsRecord, relativeName } from "../model/dns-record";
import { dependOn } from "./depend-on";

export interface DnsZoneProps {
  readonly domain: string;
  /** The zone already exists in the DNSimple account: adopt it (dnsimple_zone) instead of creating it. */
  readonly adopt: boolean;
}

/**
 * A DNSimple zone (vùng DNS) and its records. A new zone is created as a dnsimple_domain; one that exists is
 * adopted as a dnsimple_zone, since creating it again would fail and destroying a domain deletes it for good.
 * Both are protected from destroy by the Protection aspect.
 */
export class DnsZone extends Construct {
  readonly domain: string;
  /** Every record waits for it; their zone_name stays a plain name, readable in diffs. */
  readonly resource: Domain | Zone;
  private readonly recordIds = new Map<string, number>();

  constructor(scope: Construct, id: string, props: DnsZoneProps) {
    super(scope, id);
    this.domain = props.domain;
    this.resource = props.adopt ? new Zone(this, "zone", { name: props.domain }) : new Domain(this, "domain", { name: props.domain });
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
}
