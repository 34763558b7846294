import { Zone } from "@cdktf/provider-dnsimple/lib/zone";
import { TerraformOutput } from "cdktf";
import type { Construct } from "constructs";
import { GatewayEdge } from "../src/constructs/gateway-edge";
import { IdentityPlatformProject } from "../src/constructs/identity-platform-project";
import { ProvinceStack, type ProvinceStackProps } from "./province-stack";

/**
 * The province-wide platform, deployed first and changed rarely: the gateway's addresses, TLS policy and
 * certificate map, the identity provider's project settings and, when hosted here, the parent zone.
 */
export class PlatformStack extends ProvinceStack {
  readonly edge: GatewayEdge;

  constructor(scope: Construct, id: string, props: ProvinceStackProps) {
    super(scope, id, props);
    const { province } = props;
    this.edge = new GatewayEdge(this, "gateway-edge", { namePrefix: province.settings.bucketPrefix, labels: this.labels });
    new IdentityPlatformProject(this, "identity-platform", {
      authorizedDomains: province.communes.flatMap((commune) => commune.hostnames.map((hostname) => hostname.name)),
    });
    // The parent zone exists already (the province's own domain): adopted, never created.
    if (province.settings.parentZoneManaged) new Zone(this, "parent-zone", { name: province.settings.parentDomain });

    new TerraformOutput(this, "gateway-ipv4", { value: this.edge.ipv4.address, description: "The gateway's IPv4 address" });
    new TerraformOutput(this, "gateway-ipv6", { value: this.edge.ipv6.address, description: "The gateway's IPv6 address" });
  }
}
