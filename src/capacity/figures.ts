import { resourcesIn, type SynthesizedStack } from "../policy/synthesized";
import { BUCKET_CREATIONS_PER_SECOND, CERTIFICATE_QUOTAS, DNSIMPLE_REQUESTS_PER_HOUR, TENANTS_WITHOUT_BILLING, URL_MAP_LIMITS } from "./limits";
import { countByType, dnsimpleRequests, recordsPerZone, urlMapUsage } from "./usage";

/**
 * One line of the capacity table: what a deploy of the province uses of a limit, a quota or a rate.
 * - limit: fixed by the provider; the policy pack fails a synth past it.
 * - quota: a per-project default that can be raised; `request` says by how much, before the deploy.
 * - rate: how fast the provider lets it go; `note` says the shortest time a first deploy can take.
 */
export interface CapacityFigure {
  readonly service: "Google Cloud" | "DNSimple";
  readonly item: string;
  readonly used: number;
  readonly kind: "limit" | "quota" | "rate";
  /** The limit, the default quota, or the allowance per period; undefined where Google publishes no default. */
  readonly allowance?: number;
  readonly note: string;
}

const minutes = (value: number) => (value < 1 ? "under a minute" : `${Math.ceil(value)} min`);
const hours = (value: number) => (value <= 1 ? "within the hour" : `${Math.ceil(value)} h`);

function quota(item: string, used: number, allowance: number | undefined, metric: string): CapacityFigure {
  const note =
    allowance === undefined ? `per-project quota; compare with yours (${metric})`
    : used > allowance ? `request an increase of ${used - allowance} (to ${used}) before the deploy`
    : "within the default quota";
  return { service: "Google Cloud", item, used, kind: "quota", allowance, note };
}

function limit(service: CapacityFigure["service"], item: string, used: number, allowance: number, note = ""): CapacityFigure {
  return { service, item, used, kind: "limit", allowance, note: used > allowance ? "OVER THE LIMIT" : note };
}

/**
 * What a deploy of these stacks needs of Google Cloud and DNSimple: every quota and hard limit it meets, from the
 * synthesized Terraform. `maxRecordsPerZone` is the DNSimple plan's limit from the settings.
 */
export function capacityFigures(stacks: readonly SynthesizedStack[], maxRecordsPerZone: number): CapacityFigure[] {
  const count = countByType(stacks);
  const n = (type: string) => count.get(type) ?? 0;
  const routing = resourcesIn(stacks, "google_compute_url_map").map(urlMapUsage).sort((a, b) => b.bytes - a.bytes)[0];
  const certificateWrites = n("google_certificate_manager_certificate") + n("google_certificate_manager_dns_authorization") + n("google_certificate_manager_certificate_map_entry") + n("google_certificate_manager_certificate_map");
  const buckets = n("google_storage_bucket");
  const zones = recordsPerZone(stacks);
  const [fullestZone, fullest] = [...zones].reduce<[string, number]>((best, entry) => (entry[1] > best[1] ? entry : best), ["", 0]);
  const requests = stacks.map(dnsimpleRequests);
  const firstDeploy = requests.reduce((sum, stack) => sum + stack.firstDeploy, 0);
  const plan = requests.reduce((sum, stack) => sum + stack.plan, 0);
  const largest = requests.reduce((best, stack) => (stack.firstDeploy > best.firstDeploy ? stack : best), { stack: "-", firstDeploy: 0, plan: 0 });

  return [
    limit("Google Cloud", "URL map size (bytes, as the API stores it)", routing?.bytes ?? 0, URL_MAP_LIMITS.bytes, (routing?.bytes ?? 0) > URL_MAP_LIMITS.legacyBytes ? `over the ${URL_MAP_LIMITS.legacyBytes / 1024} KB the general quotas page still lists: confirm the project has the 1 MB limit` : ""),
    limit("Google Cloud", "host rules in the URL map", routing?.hostRules ?? 0, URL_MAP_LIMITS.hostRules),
    limit("Google Cloud", "path matchers in the URL map", routing?.pathMatchers ?? 0, URL_MAP_LIMITS.pathMatchers),
    limit("Google Cloud", "hosts in one host rule (largest)", routing?.maxHostsPerHostRule ?? 0, URL_MAP_LIMITS.hostsPerHostRule),
    limit("Google Cloud", "route rules in one path matcher (largest)", routing?.maxRouteRules ?? 0, URL_MAP_LIMITS.routeRulesPerPathMatcher),
    limit("Google Cloud", "predicates in one path matcher (largest)", routing?.maxPredicates ?? 0, URL_MAP_LIMITS.predicatesPerPathMatcher),
    limit("Google Cloud", "distinct backends in the URL map", routing?.distinctBackends ?? 0, URL_MAP_LIMITS.distinctBackends),
    quota("backend buckets", n("google_compute_backend_bucket"), undefined, "gcloud compute project-info describe: BACKEND_BUCKETS"),
    quota("URL maps", n("google_compute_url_map"), undefined, "URL_MAPS"),
    quota("target HTTP(S) proxies", n("google_compute_target_https_proxy") + n("google_compute_target_http_proxy"), undefined, "TARGET_HTTPS_PROXIES, TARGET_HTTP_PROXIES"),
    quota("global forwarding rules (external managed)", n("google_compute_global_forwarding_rule"), undefined, "GLOBAL_EXTERNAL_MANAGED_FORWARDING_RULES"),
    quota("global static addresses", n("google_compute_global_address"), undefined, "STATIC_ADDRESSES (global)"),
    quota("SSL policies", n("google_compute_ssl_policy"), undefined, "SSL_POLICIES"),
    quota("Certificate Manager certificates", n("google_certificate_manager_certificate"), CERTIFICATE_QUOTAS.managedCertificates, ""),
    quota("Certificate Manager map entries", n("google_certificate_manager_certificate_map_entry"), CERTIFICATE_QUOTAS.mapEntries, ""),
    quota("Certificate Manager DNS authorizations", n("google_certificate_manager_dns_authorization"), CERTIFICATE_QUOTAS.dnsAuthorizations, ""),
    quota("Certificate Manager certificate maps", n("google_certificate_manager_certificate_map"), CERTIFICATE_QUOTAS.certificateMaps, ""),
    { service: "Google Cloud", item: "Certificate Manager writes on a first deploy", used: certificateWrites, kind: "rate", allowance: CERTIFICATE_QUOTAS.writesPerMinute, note: `${CERTIFICATE_QUOTAS.writesPerMinute}/min: at least ${minutes(certificateWrites / CERTIFICATE_QUOTAS.writesPerMinute)}` },
    { service: "Google Cloud", item: "buckets created on a first deploy", used: buckets, kind: "rate", allowance: BUCKET_CREATIONS_PER_SECOND * 60, note: `about 1 every 2 s: at least ${minutes(buckets / BUCKET_CREATIONS_PER_SECOND / 60)}` },
    { service: "Google Cloud", item: "archive folders (managed folders)", used: n("google_storage_managed_folder"), kind: "limit", note: "no published limit per bucket" },
    { service: "Google Cloud", item: "Identity Platform tenants", used: n("google_identity_platform_tenant"), kind: "limit", note: `${TENANTS_WITHOUT_BILLING} without billing, unlimited with a billing account: billing must be on` },
    limit("DNSimple", `records in the fullest zone (${fullestZone || "-"})`, fullest, maxRecordsPerZone, `${zones.size} zones; the plan's limit (settings dnsimple.maxRecordsPerZone)`),
    { service: "DNSimple", item: "API requests of a first deploy", used: firstDeploy, kind: "rate", allowance: DNSIMPLE_REQUESTS_PER_HOUR, note: `${DNSIMPLE_REQUESTS_PER_HOUR}/h: at least ${hours(firstDeploy / DNSIMPLE_REQUESTS_PER_HOUR)}; largest stack ${largest.stack} ${largest.firstDeploy}` },
    { service: "DNSimple", item: "API requests of a plan of every stack", used: plan, kind: "rate", allowance: DNSIMPLE_REQUESTS_PER_HOUR, note: `${DNSIMPLE_REQUESTS_PER_HOUR}/h: ${plan > DNSIMPLE_REQUESTS_PER_HOUR ? "plan the stacks in batches" : "fits in one hour"}` },
  ];
}

/** The figures as an aligned plain-text table. */
export function formatCapacity(figures: readonly CapacityFigure[]): string {
  const rows = [["service", "what", "used", "kind", "limit/quota/rate", "note"], ...figures.map((figure) => [figure.service, figure.item, String(figure.used), figure.kind, figure.allowance === undefined ? "-" : String(figure.allowance), figure.note])];
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  return rows.map((row) => row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]))).join("  ").trimEnd()).join("\n") + "\n";
}
