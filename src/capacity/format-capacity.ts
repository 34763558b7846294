import { type CapacityFigure, type CapacityKey, increaseNeeded, minimumMinutes } from "./figures";
import { TENANTS_WITHOUT_BILLING, URL_MAP_LIMITS } from "../model/cloud-limits";

/** What each figure counts, for ops. */
const ITEMS: Readonly<Record<CapacityKey, string>> = {
  urlMapBytes: "URL map size (bytes, as the API stores it)",
  hostRules: "host rules in the URL map",
  pathMatchers: "path matchers in the URL map",
  hostsPerHostRule: "hosts in one host rule (largest)",
  routeRulesPerPathMatcher: "route rules in one path matcher (largest)",
  predicatesPerPathMatcher: "predicates in one path matcher (largest)",
  distinctBackends: "distinct backends in the URL map",
  backendBuckets: "backend buckets",
  urlMaps: "URL maps",
  targetProxies: "target HTTP(S) proxies",
  forwardingRules: "global forwarding rules (external managed)",
  globalAddresses: "global static addresses",
  sslPolicies: "SSL policies",
  certificates: "Certificate Manager certificates",
  mapEntries: "Certificate Manager map entries",
  dnsAuthorizations: "Certificate Manager DNS authorizations",
  certificateMaps: "Certificate Manager certificate maps",
  certificateWrites: "Certificate Manager writes on a first deploy",
  bucketCreations: "buckets created on a first deploy",
  archiveFolders: "archive folders (managed folders)",
  tenants: "Identity Platform tenants",
  zoneRecords: "records in the fullest zone",
  dnsimpleFirstDeploy: "API requests of a first deploy (deploy workflow)",
  dnsimpleDriftSlot: "API requests of the drift check's largest hour slot",
  dnsimplePullRequestPlan: "API requests of a pull request's plan (no refresh)",
};

/** The Compute Engine quota metric to compare with (`gcloud compute project-info describe`), where Google publishes no default. */
const METRICS: Partial<Record<CapacityKey, string>> = {
  backendBuckets: "BACKEND_BUCKETS",
  urlMaps: "URL_MAPS",
  targetProxies: "TARGET_HTTPS_PROXIES, TARGET_HTTP_PROXIES",
  forwardingRules: "GLOBAL_EXTERNAL_MANAGED_FORWARDING_RULES",
  globalAddresses: "STATIC_ADDRESSES (global)",
  sslPolicies: "SSL_POLICIES",
};

const duration = (minutes: number) => (minutes < 1 ? "under a minute" : minutes < 90 ? `${Math.ceil(minutes)} min` : `${Math.ceil(minutes / 60)} h`);

function note(figure: CapacityFigure): string {
  if (figure.allowance !== undefined && figure.kind === "limit" && figure.used > figure.allowance) return "OVER THE LIMIT";
  switch (figure.key) {
    case "urlMapBytes":
      return figure.used > URL_MAP_LIMITS.legacyBytes ? `over the ${URL_MAP_LIMITS.legacyBytes / 1024} KB the general quotas page still lists: confirm the project has the 1 MB limit` : "";
    case "archiveFolders":
      return "no published limit per bucket";
    case "tenants":
      return `${TENANTS_WITHOUT_BILLING} without billing, unlimited with a billing account: billing must be on`;
    case "zoneRecords":
      return "the DNSimple plan's limit (settings dnsimple.maxRecordsPerZone)";
    case "dnsimpleFirstDeploy":
      return `at least ${duration(minimumMinutes(figure))}; the busiest stack is ${figure.subject}`;
    case "dnsimpleDriftSlot":
      return figure.used > figure.allowance!
        ? "one stack's refresh alone is over drift's half of the hour: raise stacks.communeShards"
        : `drift's half of the hour; ${figure.subject} slot${figure.subject === "1" ? "" : "s"}, each stack refreshed once a week (npm run rollout-plan -- --drift)`;
    case "dnsimplePullRequestPlan":
      return "no record is read (-refresh=false); at most one request per stack";
  }
  if (figure.kind === "rate") return `at least ${duration(minimumMinutes(figure))}`;
  if (figure.kind === "quota" && figure.allowance === undefined) return `per-project quota; compare with yours (gcloud compute project-info describe: ${METRICS[figure.key]})`;
  if (figure.kind === "quota") return increaseNeeded(figure) > 0 ? `request an increase of ${increaseNeeded(figure)} (to ${figure.used}) before the deploy` : "within the default quota";
  return "";
}

const allowance = (figure: CapacityFigure) => (figure.allowance === undefined ? "-" : `${figure.allowance}${figure.per ? `/${figure.per === "hour" ? "h" : "min"}` : ""}`);

/** The figures as an aligned plain-text table, for `npm run capacity`. */
export function formatCapacity(figures: readonly CapacityFigure[]): string {
  const item = (figure: CapacityFigure) => (figure.subject && figure.key === "zoneRecords" ? `${ITEMS[figure.key]} (${figure.subject})` : ITEMS[figure.key]);
  const rows = [["service", "what", "used", "kind", "allowed", "note"], ...figures.map((figure) => [figure.service, item(figure), String(figure.used), figure.kind, allowance(figure), note(figure)])];
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  return rows.map((row) => row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]))).join("  ").trimEnd()).join("\n") + "\n";
}
