import { MTA_STS_POLICY_PATH } from "../constructs/mail-domain";
import type { DeclaredZone } from "../dns/declared-dns";
import { resourcesIn, type SynthesizedStack } from "../synth/terraform-json";

/** What one hostname of the gateway must answer over HTTPS, from the URL map and backends the gateway declares. */
export interface HostExpectation {
  readonly host: string;
  /** The declared zone it is in (for the mismatch lines). */
  readonly zone: string;
  readonly answer:
    /** A backend bucket serves it (a portal, or an archive folder): 200, and the backend's response headers. */
    | { readonly kind: "served"; readonly backend: string; readonly headers: readonly { readonly name: string; readonly value: string }[]; readonly mtaStsPolicy?: string }
    /** The URL map answers it with a permanent redirect to another host, path kept (gateway-routing.ts). */
    | { readonly kind: "redirect"; readonly location: string };
}

interface UrlMapAttributes {
  host_rule?: { hosts: string[]; path_matcher: string }[];
  path_matcher?: {
    name: string;
    default_service: string;
    route_rules?: { match_rules: { header_matches?: { header_name: string; exact_match?: string }[] }[]; service?: string; url_redirect?: { host_redirect?: string } }[];
  }[];
}

/** A backend bucket's name from its self link (projects/<p>/global/backendBuckets/<name>). */
const backendName = (service: string) => service.slice(service.lastIndexOf("/") + 1);

/** Every hostname the gateway's URL map routes, with what it must answer, sorted by hostname. */
export function httpsExpectations(stacks: readonly SynthesizedStack[], zones: readonly DeclaredZone[]): HostExpectation[] {
  const backends = new Map(resourcesIn(stacks, "google_compute_backend_bucket").map((backend) => [String(backend.attributes.name), backend.attributes]));
  const headersOf = (backend: string) =>
    ((backends.get(backend)?.custom_response_headers as string[] | undefined) ?? []).map((header) => {
      const colon = header.indexOf(":");
      return { name: header.slice(0, colon).trim(), value: header.slice(colon + 1).trim() };
    });
  // The MTA-STS policy is an object of the portal's bucket, which a backend serves (mail-domain.ts).
  const policies = new Map(
    resourcesIn(stacks, "google_storage_bucket_object")
      .filter((object) => object.attributes.name === MTA_STS_POLICY_PATH)
      .flatMap((object) => {
        const backend = [...backends.entries()].find(([, attributes]) => attributes.bucket_name === object.attributes.bucket)?.[0];
        return backend ? [[backend, String(object.attributes.content)] as const] : [];
      }),
  );
  const zoneOf = (host: string) => zones.map((zone) => zone.name).filter((zone) => host === zone || host.endsWith(`.${zone}`)).sort((a, b) => b.length - a.length)[0] ?? host;

  const expectations: HostExpectation[] = [];
  for (const urlMap of resourcesIn(stacks, "google_compute_url_map")) {
    const { host_rule: hostRules = [], path_matcher: matchers = [] } = urlMap.attributes as UrlMapAttributes;
    for (const rule of hostRules) {
      const matcher = matchers.find((candidate) => candidate.name === rule.path_matcher)!;
      for (const host of rule.hosts) {
        const route = matcher.route_rules?.find((candidate) => candidate.match_rules.some((match) => match.header_matches?.some((header) => header.header_name === ":authority" && header.exact_match === host)));
        const redirect = route?.url_redirect?.host_redirect;
        const backend = backendName(route?.service ?? matcher.default_service);
        const policy = host.startsWith("mta-sts.") ? policies.get(backend) : undefined;
        expectations.push({
          host,
          zone: zoneOf(host),
          answer: redirect ? { kind: "redirect", location: `https://${redirect}/` } : { kind: "served", backend, headers: headersOf(backend), ...(policy === undefined ? {} : { mtaStsPolicy: policy }) },
        });
      }
    }
  }
  return expectations.sort((a, b) => (a.host < b.host ? -1 : a.host > b.host ? 1 : 0));
}
