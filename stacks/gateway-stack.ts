import type { Construct } from "constructs";
import type { GatewayEdge } from "../src/constructs/gateway-edge";
import { type GatewayRoute, GatewayRouting } from "../src/constructs/gateway-routing";
import { ProvinceStack, type ProvinceStackProps } from "./province-stack";

export interface GatewayStackProps extends ProvinceStackProps {
  readonly edge: GatewayEdge;
  readonly routes: readonly GatewayRoute[];
}

/** The shared gateway's routing, deployed last: it refers to every site's backend. */
export class GatewayStack extends ProvinceStack {
  constructor(scope: Construct, id: string, props: GatewayStackProps) {
    super(scope, id, props);
    const firstBackend = props.routes.find((route) => "backendId" in route);
    if (!firstBackend || !("backendId" in firstBackend)) throw new Error("the gateway needs at least one site to serve");
    new GatewayRouting(this, "gateway", {
      namePrefix: props.province.settings.bucketPrefix,
      routes: props.routes,
      ipv4Address: props.edge.ipv4.address,
      ipv6Address: props.edge.ipv6.address,
      sslPolicyId: props.edge.sslPolicy.id,
      certificateMapId: props.edge.certificateMap.id,
      labels: this.labels,
      defaultBackendId: firstBackend.backendId,
    });
  }
}
