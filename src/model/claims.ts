import { archiveBackendName, gatewayNames } from "./cloud-names";
import type { DeployEnvironment } from "./environment";
import { managedZones } from "./zones";
import type { Province } from "./province";

/**
 * The names a province claims when it deploys to one environment, in every namespace where two owners would clash
 * (the naming table of src/model/environment-names.ts). Derived from the model alone, without a synth, so the
 * national check (src/national/) and the environment rules (ENV-001 to ENV-003) are cheap.
 */
export type ClaimNamespace =
  /** Public DNS and the DNSimple account: zones, and the hostnames certificates are issued for. */
  | "DNS name"
  /** Cloud Storage: one namespace for every bucket of every customer. */
  | "bucket"
  /** One project: GCP resource names per type, and the tenants' display names. */
  | "project";

export interface Claim {
  readonly namespace: ClaimNamespace;
  /** What must have one owner: a domain, a bucket, or `<project>: <type> <name>`. */
  readonly name: string;
  /** What the name is to this owner: "zone", "hostname", "portal bucket", "state bucket", … */
  readonly what: string;
  /** The unit that owns it, as "Xã Mũi Né (22918)"; none for the province's shared pieces. */
  readonly unit?: string;
}

const unitOf = (unit: { readonly name: string; readonly code: string }) => `${unit.name} (${unit.code})`;

/**
 * Every name `province` (already in the environment's names: provinceFor) claims in `environment`. Not claimed:
 * what lives inside a claimed name (records in a zone, folders and objects in a bucket, configs in a tenant), and
 * the project's enabled APIs (declared by every province that uses the project, never disabled on destroy).
 */
export function environmentClaims(province: Province, environment: Pick<DeployEnvironment, "gcpProject" | "stateBucket">): Claim[] {
  const claims: Claim[] = [];
  const claim = (namespace: ClaimNamespace, name: string, what: string, unit?: string) => claims.push({ namespace, name, what, unit });
  const inProject = (type: string, name: string, unit?: string) => claim("project", `${environment.gcpProject}: ${type} ${name}`, type, unit);

  const zoneOwners = new Map<string, string>();
  for (const commune of province.communes) zoneOwners.set(commune.domain, unitOf(commune));
  for (const unit of province.retired) if (!unit.takenOverBy) zoneOwners.set(unit.domain, unitOf(unit));
  for (const zone of managedZones(province)) claim("DNS name", zone, "zone", zoneOwners.get(zone));

  const certificates = [
    ...province.communes.flatMap((commune) => commune.hostnames.map((hostname) => ({ hostname, unit: unitOf(commune) }))),
    ...province.retired.flatMap((unit) => unit.lookupHosts.map((hostname) => ({ hostname, unit: unitOf(unit) }))),
  ];
  for (const { hostname, unit } of certificates) {
    claim("DNS name", hostname.name, "hostname", unit);
    for (const type of ["google_certificate_manager_dns_authorization", "google_certificate_manager_certificate", "google_certificate_manager_certificate_map_entry"]) inProject(type, hostname.certificateName, unit);
  }

  for (const commune of province.communes) {
    claim("bucket", commune.bucketName, "portal bucket", unitOf(commune));
    inProject("google_compute_backend_bucket", commune.backendName, unitOf(commune));
    inProject("google_identity_platform_tenant", commune.tenantDisplayName, unitOf(commune));
  }
  for (const unit of province.retired) if (unit.legacyTenantId) inProject("google_identity_platform_tenant", `Old${unit.id}`, unitOf(unit));
  claim("bucket", province.archiveBucketName, "archive bucket");
  if (environment.stateBucket) claim("bucket", environment.stateBucket, "state bucket");

  const prefix = province.settings.bucketPrefix;
  const gateway = gatewayNames(prefix);
  inProject("google_compute_backend_bucket", archiveBackendName(prefix));
  // One per project: a second province in the project would take it over.
  inProject("google_identity_platform_config", "(one per project)");
  inProject("google_compute_global_address", gateway.ipv4);
  inProject("google_compute_global_address", gateway.ipv6);
  inProject("google_compute_ssl_policy", gateway.sslPolicy);
  inProject("google_certificate_manager_certificate_map", gateway.certificateMap);
  inProject("google_compute_url_map", gateway.urlMap);
  inProject("google_compute_url_map", gateway.httpRedirectMap);
  inProject("google_compute_target_https_proxy", gateway.httpsProxy);
  inProject("google_compute_target_http_proxy", gateway.httpProxy);
  for (const listener of ["https-v4", "https-v6", "http-v4", "http-v6"] as const) inProject("google_compute_global_forwarding_rule", gateway.forwardingRule(listener));
  return claims;
}
