import { ZoneRecord } from "@cdktf/provider-dnsimple/lib/zone-record";
import type { TerraformResource } from "cdktf";
import { Construct } from "constructs";
import { DEFAULT_TTL, relativeName } from "../model/dns-record";
import { dependOn } from "./depend-on";

export interface ZoneDelegationProps {
  readonly parentZone: string;
  readonly child: string;
  readonly nameServers: readonly string[];
  /** The parent zone's resource: declared in the same stack, so the records wait for the zone they go into. */
  readonly parent: TerraformResource;
}

/**
 * A child zone's NS records in its parent zone. They are declared by the stack that owns the parent zone, so that
 * no stack writes into a zone another stack may not have created yet.
 */
export class ZoneDelegation extends Construct {
  constructor(scope: Construct, id: string, props: ZoneDelegationProps) {
    super(scope, id);
    const label = relativeName(props.child, props.parentZone);
    props.nameServers.forEach((server, index) => {
      const record = new ZoneRecord(this, `ns-${index + 1}`, { zoneName: props.parentZone, name: label, type: "NS", value: server, ttl: DEFAULT_TTL });
      dependOn(record, props.parent);
    });
  }
}
