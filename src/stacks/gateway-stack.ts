import type { Construct } from "constructs";
import { type CommuneRoute, GatewayRouting } from "../constructs/gateway-routing";
import { archiveBackendName, gatewayNames, gcpIds } from "../model/cloud-names";
import { ProvinceStack, type ProvinceStackProps } from "./province-stack";

export interface GatewayStackProps extends ProvinceStackProps {
  /** Every commune's hostnames and those of the old units it succeeded. */
  readonly routes: readonly CommuneRoute[];
}

/**
 * The shared gateway's routing, deployed last. Everything it refers to (backends, addresses, the SSL policy, the
 * certificate map) is named, never looked up, so it plans on its own even before the other stacks exist.
 */
export class GatewayStack extends ProvinceStack {
  constructor(scope: Construct, id: string, props: GatewayStackProps) {
    super(scope, id, props);
    const project = props.environment.gcpProject;
    const names = gatewayNames(props.province.settings.bucketPrefix);
    new GatewayRouting(this, "gateway", {
      namePrefix: props.province.settings.bucketPrefix,
      neutralHost: props.province.settings.parentDomain,
      routes: props.routes,
      archiveBackendId: gcpIds.backendBucket(project, archiveBackendName(props.province.settings.bucketPrefix)),
      ipv4AddressId: gcpIds.globalAddress(project, names.ipv4),
      ipv6AddressId: gcpIds.globalAddress(project, names.ipv6),
      sslPolicyId: gcpIds.sslPolicy(project, names.sslPolicy),
      certificateMapId: gcpIds.certificateMap(project, names.certificateMap),
      labels: this.labels,
    });
  }
}
