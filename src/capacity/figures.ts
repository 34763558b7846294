import { driftBudget, packSlots } from "../deploy/drift-schedule";
import { countByType, resourcesIn, type SynthesizedStack } from "../synth/terraform-json";
import { BUCKET_CREATIONS_PER_SECOND, CERTIFICATE_QUOTAS, DNSIMPLE_REQUESTS_PER_HOUR, URL_MAP_LIMITS } from "../model/cloud-limits";
import { urlMapUsage } from "../synth/url-map-usage";
import { dnsimpleRequests, googleWrites, recordsPerZone } from "./usage";

/**
 * What a deploy of the province uses of one limit, quota or rate (plain data; the CLI and the rollout report
 * word it each in its language).
 * - limit: fixed by the provider; the policy pack fails a synth past it.
 * - quota: a per-project default that can be raised before the deploy; `allowance` is the default where Google
 *   publishes one.
 * - rate: `allowance` per `per`; the shortest time the deploy can take follows from it.
 */
export interface CapacityFigure {
  readonly key: CapacityKey;
  readonly service: "Google Cloud" | "DNSimple";
  readonly used: number;
  readonly kind: "limit" | "quota" | "rate";
  readonly allowance?: number;
  readonly per?: "minute" | "hour";
  /** What the figure is about, where one thing stands out: the fullest zone, the busiest stack. */
  readonly subject?: string;
}

export type CapacityKey =
  | "urlMapBytes" | "hostRules" | "pathMatchers" | "hostsPerHostRule" | "routeRulesPerPathMatcher" | "predicatesPerPathMatcher" | "distinctBackends"
  | "backendBuckets" | "urlMaps" | "targetProxies" | "forwardingRules" | "globalAddresses" | "sslPolicies"
  | "certificates" | "mapEntries" | "dnsAuthorizations" | "certificateMaps" | "certificateWrites" | "bucketCreations" | "archiveFolders" | "tenants"
  | "zoneRecords" | "dnsimpleFirstDeploy" | "dnsimpleDriftSlot" | "dnsimplePullRequestPlan";

/** The least time a rate allows for `used` operations, in minutes. */
export function minimumMinutes(figure: CapacityFigure): number {
  if (figure.kind !== "rate" || !figure.allowance) return 0;
  return (figure.used / figure.allowance) * (figure.per === "hour" ? 60 : 1);
}

/** A quota outgrown: by how much to raise it. */
export function increaseNeeded(figure: CapacityFigure): number {
  return figure.kind === "quota" && figure.allowance !== undefined ? Math.max(0, figure.used - figure.allowance) : 0;
}

/**
 * What a deploy of these stacks needs of Google Cloud and DNSimple: every quota, hard limit and rate it meets, from
 * the synthesized Terraform. `maxRecordsPerZone` is the DNSimple plan's limit from the settings, and
 * `hourlyRequestLimit` the account's API requests an hour (settings dnsimple.hourlyRequestLimit).
 */
export function capacityFigures(stacks: readonly SynthesizedStack[], maxRecordsPerZone: number, hourlyRequestLimit = DNSIMPLE_REQUESTS_PER_HOUR): CapacityFigure[] {
  const count = countByType(stacks);
  const n = (type: string) => count.get(type) ?? 0;
  const routing = resourcesIn(stacks, "google_compute_url_map").map(urlMapUsage).sort((a, b) => b.bytes - a.bytes)[0];
  const zones = recordsPerZone(stacks);
  const [fullestZone, fullest] = [...zones].reduce<[string, number]>((best, entry) => (entry[1] > best[1] ? entry : best), ["", 0]);
  const requests = stacks.map((stack) => dnsimpleRequests(stack, zones));
  const writes = googleWrites(stacks);
  // The drift check refreshes the province a slot an hour, each within drift's share of the hour (drift-schedule.ts).
  const driftSlots = packSlots(requests.map((stack) => ({ stack: stack.stack, dnsimpleRefreshRequests: stack.plan })), driftBudget(hourlyRequestLimit));
  const largestSlot = driftSlots.reduce((best, slot) => (slot.requests > best.requests ? slot : best), { stacks: [] as string[], requests: 0 });
  const busiest = requests.reduce((best, stack) => (stack.firstDeploy > best.firstDeploy ? stack : best), { stack: "", firstDeploy: 0, plan: 0 });
  const google = (key: CapacityKey, used: number, kind: CapacityFigure["kind"], allowance?: number, per?: CapacityFigure["per"]): CapacityFigure => ({ key, service: "Google Cloud", used, kind, allowance, per });

  return [
    google("urlMapBytes", routing?.bytes ?? 0, "limit", URL_MAP_LIMITS.bytes),
    google("hostRules", routing?.hostRules ?? 0, "limit", URL_MAP_LIMITS.hostRules),
    google("pathMatchers", routing?.pathMatchers ?? 0, "limit", URL_MAP_LIMITS.pathMatchers),
    google("hostsPerHostRule", routing?.maxHostsPerHostRule ?? 0, "limit", URL_MAP_LIMITS.hostsPerHostRule),
    google("routeRulesPerPathMatcher", routing?.maxRouteRules ?? 0, "limit", URL_MAP_LIMITS.routeRulesPerPathMatcher),
    google("predicatesPerPathMatcher", routing?.maxPredicates ?? 0, "limit", URL_MAP_LIMITS.predicatesPerPathMatcher),
    google("distinctBackends", routing?.distinctBackends ?? 0, "limit", URL_MAP_LIMITS.distinctBackends),
    google("backendBuckets", n("google_compute_backend_bucket"), "quota"),
    google("urlMaps", n("google_compute_url_map"), "quota"),
    google("targetProxies", n("google_compute_target_https_proxy") + n("google_compute_target_http_proxy"), "quota"),
    google("forwardingRules", n("google_compute_global_forwarding_rule"), "quota"),
    google("globalAddresses", n("google_compute_global_address"), "quota"),
    google("sslPolicies", n("google_compute_ssl_policy"), "quota"),
    google("certificates", n("google_certificate_manager_certificate"), "quota", CERTIFICATE_QUOTAS.managedCertificates),
    google("mapEntries", n("google_certificate_manager_certificate_map_entry"), "quota", CERTIFICATE_QUOTAS.mapEntries),
    google("dnsAuthorizations", n("google_certificate_manager_dns_authorization"), "quota", CERTIFICATE_QUOTAS.dnsAuthorizations),
    google("certificateMaps", n("google_certificate_manager_certificate_map"), "quota", CERTIFICATE_QUOTAS.certificateMaps),
    google("certificateWrites", writes.certificateManagerWrites, "rate", CERTIFICATE_QUOTAS.writesPerMinute, "minute"),
    google("bucketCreations", writes.bucketCreations, "rate", BUCKET_CREATIONS_PER_SECOND * 60, "minute"),
    google("archiveFolders", n("google_storage_managed_folder"), "limit"),
    google("tenants", n("google_identity_platform_tenant"), "limit"),
    { key: "zoneRecords", service: "DNSimple", used: fullest, kind: "limit", allowance: maxRecordsPerZone, subject: fullestZone },
    { key: "dnsimpleFirstDeploy", service: "DNSimple", used: requests.reduce((sum, stack) => sum + stack.firstDeploy, 0), kind: "rate", allowance: hourlyRequestLimit, per: "hour", subject: busiest.stack },
    // subject: how many slots the province's refresh takes, once a week each.
    { key: "dnsimpleDriftSlot", service: "DNSimple", used: largestSlot.requests, kind: "rate", allowance: driftBudget(hourlyRequestLimit), per: "hour", subject: String(driftSlots.length) },
    // A pull request plans with -refresh=false: no record is read; at most the provider's set-up, once per stack.
    { key: "dnsimplePullRequestPlan", service: "DNSimple", used: stacks.length, kind: "rate", allowance: hourlyRequestLimit, per: "hour" },
  ];
}
