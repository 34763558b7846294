import type { SynthesizedResource } from "./terraform-json";

/**
 * What a synthesized URL map uses of its hard limits: read by the policy pack (GW-004) and by capacity alike.
 */

/** How much of a URL map's hard limits one URL map uses. */
export interface UrlMapUsage {
  readonly resource: SynthesizedResource;
  /** Size of the URL map as the Compute API holds it (see urlMapBytes). */
  readonly bytes: number;
  readonly hostRules: number;
  readonly pathMatchers: number;
  readonly maxHostsPerHostRule: number;
  readonly maxRouteRules: number;
  readonly maxPredicates: number;
  readonly distinctBackends: number;
}

type Json = unknown;
const camel = (key: string) => key.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());

/** The attributes in the API's form: camelCase keys, and services as the full URLs the API stores. */
function apiForm(value: Json): Json {
  if (Array.isArray(value)) return value.map(apiForm);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).filter(([key]) => !["//", "lifecycle", "depends_on", "provider"].includes(key)).map(([key, inner]) => [camel(key), apiForm(inner)]));
  }
  return typeof value === "string" && value.startsWith("projects/") ? `https://www.googleapis.com/compute/v1/${value}` : value;
}

/**
 * A URL map's size, estimated as the JSON of its API resource: Google counts the map's data, and the API stores
 * every backend as a full URL, longer than the ids the configuration writes.
 */
export function urlMapBytes(attributes: Record<string, unknown>): number {
  return Buffer.byteLength(JSON.stringify(apiForm(attributes)));
}

interface PathMatcher {
  readonly default_service?: string;
  readonly route_rules?: readonly { service?: string; match_rules?: readonly { header_matches?: readonly unknown[]; query_parameter_matches?: readonly unknown[] }[] }[];
  readonly path_rule?: readonly { service?: string; paths?: readonly string[] }[];
}

export function urlMapUsage(resource: SynthesizedResource): UrlMapUsage {
  const hostRules = (resource.attributes.host_rule as { hosts: string[] }[] | undefined) ?? [];
  const matchers = (resource.attributes.path_matcher as PathMatcher[] | undefined) ?? [];
  // A predicate is a path match, a header match or a query match (the quotas page's definition).
  const predicates = (matcher: PathMatcher) =>
    (matcher.route_rules ?? []).reduce((sum, rule) => sum + (rule.match_rules ?? []).reduce((inner, match) => inner + 1 + (match.header_matches?.length ?? 0) + (match.query_parameter_matches?.length ?? 0), 0), 0) +
    (matcher.path_rule ?? []).reduce((sum, rule) => sum + (rule.paths?.length ?? 0), 0);
  const backends = new Set<string>();
  const add = (service?: string) => service && backends.add(service);
  add(resource.attributes.default_service as string | undefined);
  for (const matcher of matchers) {
    add(matcher.default_service);
    for (const rule of matcher.route_rules ?? []) add(rule.service);
    for (const rule of matcher.path_rule ?? []) add(rule.service);
  }
  return {
    resource,
    bytes: urlMapBytes(resource.attributes),
    hostRules: hostRules.length,
    pathMatchers: matchers.length,
    maxHostsPerHostRule: Math.max(0, ...hostRules.map((rule) => rule.hosts.length)),
    maxRouteRules: Math.max(0, ...matchers.map((matcher) => (matcher.route_rules ?? []).length + (matcher.path_rule ?? []).length)),
    maxPredicates: Math.max(0, ...matchers.map(predicates)),
    distinctBackends: backends.size,
  };
}
