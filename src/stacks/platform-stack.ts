import { Zone } from "@cdktf/provider-dnsimple/lib/zone";
import { TerraformOutput } from "cdktf";
import type { Construct } from "constructs";
import { GATEWAY_ADDRESS_OUTPUTS } from "../model/gateway-addresses";
import { GatewayEdge } from "../constructs/gateway-edge";
import { IdentityPlatformProject } from "../constructs/identity-platform-project";
import { ProjectApis } from "../constructs/project-apis";
import { SiteBucket } from "../constructs/site-bucket";
import type { Delegation } from "../model/zones";
import { archiveBackendName } from "../model/cloud-names";
import { ProvinceStack, type ProvinceStackProps } from "./province-stack";

export interface PlatformStackProps extends ProvinceStackProps {
  /** Delegations of the app's zones; the platform writes those into the parent zone, when it is managed here. */
  readonly delegations: readonly Delegation[];
}

/**
 * The province-wide platform, deployed first and changed rarely: the project's APIs, the gateway's addresses, TLS
 * policy and certificate map, the archive of the old portals, the identity provider's project settings and, when
 * hosted here, the parent zone.
 */
export class PlatformStack extends ProvinceStack {
  constructor(scope: Construct, id: string, props: PlatformStackProps) {
    super(scope, id, props);
    const { province, environment } = props;
    const { settings } = province;
    const apis = new ProjectApis(this, "apis").services;
    const edge = new GatewayEdge(this, "gateway-edge", { namePrefix: settings.bucketPrefix, labels: this.labels, apis: [apis.compute, apis.certificateManager] });
    // One bucket and one backend for every old portal (each unit's archive is a folder of it): a bucket and a
    // backend per unit would spend a backend-bucket quota the portals need.
    new SiteBucket(this, "archive", {
      bucketName: province.archiveBucketName,
      backendName: archiveBackendName(settings.bucketPrefix),
      location: settings.gcp.region,
      labels: this.labels,
      writers: [],
      retentionDays: settings.retirement.archiveRetentionDays,
      apis: [apis.storage, apis.compute],
    });
    new IdentityPlatformProject(this, "identity-platform", {
      project: environment.gcpProject,
      // Users sign in on the portal itself (apex and www), never on the mail-policy or archive hosts.
      portalHosts: province.communes.flatMap((commune) => commune.hostnames.filter((host) => host.role === "apex" || host.role === "www").map((host) => host.name)),
      api: apis.identityToolkit,
    });
    // The parent zone exists already (the province's own domain): adopted, never created. It carries the
    // delegations of the zones directly below it.
    if (settings.parentZoneManaged) {
      this.declareDelegations(props.delegations, new Map([[settings.parentDomain, new Zone(this, "parent-zone", { name: settings.parentDomain })]]));
    }

    // Read by every other stack (GatewayAddresses): their names are part of that contract.
    new TerraformOutput(this, GATEWAY_ADDRESS_OUTPUTS.ipv4, { value: edge.ipv4.address, description: "The gateway's IPv4 address" });
    new TerraformOutput(this, GATEWAY_ADDRESS_OUTPUTS.ipv6, { value: edge.ipv6.address, description: "The gateway's IPv6 address" });
  }
}
