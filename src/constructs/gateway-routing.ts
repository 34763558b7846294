import { ComputeGlobalForwardingRule } from "@cdktf/provider-google/lib/compute-global-forwarding-rule";
import { ComputeTargetHttpProxy } from "@cdktf/provider-google/lib/compute-target-http-proxy";
import { ComputeTargetHttpsProxy } from "@cdktf/provider-google/lib/compute-target-https-proxy";
import { ComputeUrlMap } from "@cdktf/provider-google/lib/compute-url-map";
import { Construct } from "constructs";

/** Hostnames served by one backend bucket, or answered by a permanent redirect to another host. */
export type GatewayRoute =
  | { readonly id: string; readonly hosts: readonly string[]; readonly backendId: string }
  | { readonly id: string; readonly hosts: readonly string[]; readonly redirectTo: string };

export interface GatewayRoutingProps {
  readonly namePrefix: string;
  readonly routes: readonly GatewayRoute[];
  readonly ipv4Address: string;
  readonly ipv6Address: string;
  readonly sslPolicyId: string;
  readonly certificateMapId: string;
  readonly labels: Readonly<Record<string, string>>;
  /** Answers hostnames no route names; the first portal is as good as any. */
  readonly defaultBackendId: string;
}

/**
 * The shared HTTPS load balancer's routing: one URL map with a host rule per route, HTTPS on IPv4 and IPv6 with
 * the certificate map and a TLS ≥ 1.2 policy, and plain HTTP answered with a redirect to HTTPS.
 */
export class GatewayRouting extends Construct {
  readonly urlMap: ComputeUrlMap;

  constructor(scope: Construct, id: string, props: GatewayRoutingProps) {
    super(scope, id);
    const name = (suffix: string) => `${props.namePrefix}-${suffix}`;
    this.urlMap = new ComputeUrlMap(this, "https-routes", {
      name: name("portals"),
      defaultService: props.defaultBackendId,
      hostRule: props.routes.map((route) => ({ hosts: [...route.hosts], pathMatcher: route.id })),
      pathMatcher: props.routes.map((route) =>
        "backendId" in route
          ? { name: route.id, defaultService: route.backendId }
          : { name: route.id, defaultUrlRedirect: { hostRedirect: route.redirectTo, httpsRedirect: true, redirectResponseCode: "MOVED_PERMANENTLY_DEFAULT", stripQuery: false } },
      ),
    });
    const httpsProxy = new ComputeTargetHttpsProxy(this, "https-proxy", {
      name: name("https"),
      urlMap: this.urlMap.id,
      certificateMap: `//certificatemanager.googleapis.com/${props.certificateMapId}`,
      sslPolicy: props.sslPolicyId,
    });
    const httpRedirect = new ComputeUrlMap(this, "http-redirect", {
      name: name("http-to-https"),
      defaultUrlRedirect: { httpsRedirect: true, redirectResponseCode: "MOVED_PERMANENTLY_DEFAULT", stripQuery: false },
    });
    const httpProxy = new ComputeTargetHttpProxy(this, "http-proxy", { name: name("http"), urlMap: httpRedirect.id });

    const listeners = [
      { key: "https-v4", address: props.ipv4Address, target: httpsProxy.id, port: "443" },
      { key: "https-v6", address: props.ipv6Address, target: httpsProxy.id, port: "443" },
      { key: "http-v4", address: props.ipv4Address, target: httpProxy.id, port: "80" },
      { key: "http-v6", address: props.ipv6Address, target: httpProxy.id, port: "80" },
    ];
    for (const listener of listeners) {
      new ComputeGlobalForwardingRule(this, listener.key, {
        name: name(listener.key),
        ipAddress: listener.address,
        target: listener.target,
        portRange: listener.port,
        loadBalancingScheme: "EXTERNAL_MANAGED",
        labels: { ...props.labels },
      });
    }
  }
}
