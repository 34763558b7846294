import { ComputeGlobalForwardingRule } from "@cdktf/provider-google/lib/compute-global-forwarding-rule";
import { ComputeTargetHttpProxy } from "@cdktf/provider-google/lib/compute-target-http-proxy";
import { ComputeTargetHttpsProxy } from "@cdktf/provider-google/lib/compute-target-https-proxy";
import { ComputeUrlMap, type ComputeUrlMapPathMatcherRouteRules } from "@cdktf/provider-google/lib/compute-url-map";
import { Construct } from "constructs";
import { gatewayNames } from "../model/cloud-names";
import { NOT_FOUND_PAGE } from "./site-bucket";

/** What an old unit's hostnames answer: its archive (a folder of the shared archive bucket) or a 301. */
export type RetiredRoute =
  | { readonly hosts: readonly string[]; readonly archiveFolder: string }
  | { readonly hosts: readonly string[]; readonly redirectTo: string };

/**
 * One commune's part of the gateway: its portal's hostnames, served from its backend bucket, and the hostnames of
 * the old units it succeeded, answered from the archive or by a redirect.
 */
export interface CommuneRoute {
  /** The path matcher's name (the portal's backend name). */
  readonly id: string;
  readonly portalHosts: readonly string[];
  readonly portalBackendId: string;
  readonly retired: readonly RetiredRoute[];
}

export interface GatewayRoutingProps {
  readonly namePrefix: string;
  /** Where a Host no rule knows is sent: the province's own portal, `https://<neutralHost>/`. */
  readonly neutralHost: string;
  readonly routes: readonly CommuneRoute[];
  /** The backend bucket of the province's archive. */
  readonly archiveBackendId: string;
  /** The global addresses' ids: a forwarding rule takes a reference, so nothing is looked up. */
  readonly ipv4AddressId: string;
  readonly ipv6AddressId: string;
  readonly sslPolicyId: string;
  readonly certificateMapId: string;
  readonly labels: Readonly<Record<string, string>>;
}

/**
 * A 301 that keeps path and query. Only the plain-HTTP map sets https_redirect: "Setting this true for
 * TargetHttpsProxy is not permitted" (url_redirect of every level, hashicorp/google 6.50.0
 * resource_compute_url_map.go); on the HTTPS map the scheme stays https anyway.
 */
const PERMANENT_REDIRECT = { redirectResponseCode: "MOVED_PERMANENTLY_DEFAULT", stripQuery: false } as const;

/**
 * A site's missing page. The public cannot list a site's objects (SiteBucket), so Cloud Storage may answer a
 * missing object 403 rather than 404: either way the load balancer answers the site's own not-found page with 404.
 * Custom error responses are for the global external Application Load Balancer (EXTERNAL_MANAGED, as here):
 * https://cloud.google.com/load-balancing/docs/https/custom-error-response; `default_custom_error_response_policy`
 * of a path matcher, hashicorp/google 6.50.0 resource_compute_url_map.go.
 */
function notFoundPolicy(backendId: string) {
  return { errorService: backendId, errorResponseRule: [{ matchResponseCodes: ["403", "404"], path: `/${NOT_FOUND_PAGE}`, overrideResponseCode: 404 }] };
}

/**
 * The route rules of a commune's path matcher: one per old unit, matching its hostnames on the request's
 * authority. An archive reads the unit's folder ("/a.html" → "/22978/a.html"); a redirect sends to the successor.
 */
function retiredRules(routes: readonly RetiredRoute[], archiveBackendId: string): ComputeUrlMapPathMatcherRouteRules[] {
  return routes.map((route, index) => {
    const matchRules = route.hosts.map((host) => ({ prefixMatch: "/", headerMatches: [{ headerName: ":authority", exactMatch: host }] }));
    return "archiveFolder" in route
      ? { priority: index + 1, matchRules, service: archiveBackendId, routeAction: { urlRewrite: { pathPrefixRewrite: `/${route.archiveFolder}` } } }
      : { priority: index + 1, matchRules, urlRedirect: { hostRedirect: route.redirectTo, ...PERMANENT_REDIRECT } };
  });
}

/**
 * The shared HTTPS load balancer's routing: one URL map with one host rule and path matcher per commune (so a
 * province stays far inside the URL map's 1,000 host rules however many old units it retired), HTTPS on IPv4 and
 * IPv6 with the certificate map and a TLS ≥ 1.2 policy, and plain HTTP answered with a redirect to HTTPS.
 */
export class GatewayRouting extends Construct {
  readonly urlMap: ComputeUrlMap;

  constructor(scope: Construct, id: string, props: GatewayRoutingProps) {
    super(scope, id);
    const names = gatewayNames(props.namePrefix);
    this.urlMap = new ComputeUrlMap(this, "https-routes", {
      name: names.urlMap,
      // A Host no rule knows (a typo, a scanner, a name not routed yet) is sent to the province's portal, never
      // answered as some commune's site: 302, since the name may be routed later; no path or query kept. A URL map
      // takes one of default_service, default_url_redirect and default_route_action (hashicorp/google 6.50.0
      // resource_compute_url_map.go, ExactlyOneOf); https_redirect stays unset: it is refused on an HTTPS proxy's map.
      defaultUrlRedirect: { hostRedirect: props.neutralHost, pathRedirect: "/", redirectResponseCode: "FOUND", stripQuery: true },
      hostRule: props.routes.map((route) => ({ hosts: [...route.portalHosts, ...route.retired.flatMap((retired) => retired.hosts)], pathMatcher: route.id })),
      pathMatcher: props.routes.map((route) => ({
        name: route.id,
        defaultService: route.portalBackendId,
        defaultCustomErrorResponsePolicy: notFoundPolicy(route.portalBackendId),
        routeRules: route.retired.length > 0 ? retiredRules(route.retired, props.archiveBackendId) : undefined,
      })),
    });
    const httpsProxy = new ComputeTargetHttpsProxy(this, "https-proxy", {
      name: names.httpsProxy,
      urlMap: this.urlMap.id,
      certificateMap: `//certificatemanager.googleapis.com/${props.certificateMapId}`,
      sslPolicy: props.sslPolicyId,
    });
    const httpRedirect = new ComputeUrlMap(this, "http-redirect", { name: names.httpRedirectMap, defaultUrlRedirect: { ...PERMANENT_REDIRECT, httpsRedirect: true } });
    const httpProxy = new ComputeTargetHttpProxy(this, "http-proxy", { name: names.httpProxy, urlMap: httpRedirect.id });

    const listeners = [
      { key: "https-v4" as const, address: props.ipv4AddressId, target: httpsProxy.id, port: "443" },
      { key: "https-v6" as const, address: props.ipv6AddressId, target: httpsProxy.id, port: "443" },
      { key: "http-v4" as const, address: props.ipv4AddressId, target: httpProxy.id, port: "80" },
      { key: "http-v6" as const, address: props.ipv6AddressId, target: httpProxy.id, port: "80" },
    ];
    for (const listener of listeners) {
      // A reference, not the IP: the provider compares it with the IP the API returns without a diff (a forwarding
      // rule cannot move to another address in place anyway; that takes a new rule).
      new ComputeGlobalForwardingRule(this, listener.key, {
        name: names.forwardingRule(listener.key),
        ipAddress: listener.address,
        target: listener.target,
        portRange: listener.port,
        loadBalancingScheme: "EXTERNAL_MANAGED",
        labels: { ...props.labels },
      });
    }
  }
}
