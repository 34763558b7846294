/**
 * The policy pack's rules: each has a stable id (used in suppressions and listed in the README), what it
 * requires, how to fix a violation and, for a constraint of a provider or a cloud, where that constraint is
 * written down — so the next one is added here once, as a rule, with its source.
 */
export interface PolicyRule {
  readonly id: string;
  readonly requires: string;
  readonly fix: string;
  readonly source?: string;
}

const rule = (id: string, requires: string, fix: string, source?: string): PolicyRule => ({ id, requires, fix, source });

const GOOGLE_LB_QUOTAS = "https://cloud.google.com/load-balancing/docs/quotas (limits per URL map and path matcher)";

export const RULES = {
  dnsName: rule("DNS-001", "record names are LDH labels (or _service labels) of at most 63 characters, at most 253 in all", "correct the label (a slug in the config, or the construct that writes it)", "RFC 1035 §2.3.4; RFC 1123 §2.1"),
  apexCname: rule("DNS-002", "no CNAME at a zone's apex", "point the apex with A/AAAA records instead", "RFC 1034 §3.6.2"),
  cnameAlone: rule("DNS-003", "a CNAME is the only record at its name", "remove the other records at that name, or use A/AAAA instead of the CNAME", "RFC 1034 §3.6.2"),
  duplicate: rule("DNS-004", "no record is declared twice", "declare it once"),
  ttl: rule("DNS-005", "TTL between 60 and 86400 seconds, one TTL per record set", "use one TTL in range for all records of the same name and type", "DNSimple: minimum TTL 60; RFC 2181 §5.2"),
  recordFormat: rule("DNS-006", "record types are upper-case and supported; TXT at most 1000 characters; no NS or SOA at the apex", "correct the type or split the TXT value", "dnsimple provider 2.0.0 validators.RecordType (\"Record type must be specified in UPPERCASE\"); DNSimple record limits"),
  spf: rule("DNS-007", "at most one SPF record per name, at most 10 DNS lookups, no ptr, ending in ~all or -all", "merge the SPF records and trim the mechanisms in settings.yaml mail.spfMechanisms", "RFC 7208 §3.2, §4.6.4, §5.5"),
  caa: rule("DNS-008", "every zone's apex has CAA issue \"pki.goog\" and an explicit issuewild", "keep the CAA records the site constructs write", "RFC 8659; Certificate Manager issues through pki.goog"),
  zoneSize: rule("DNS-009", "at most maxRecordsPerZone records in a zone (DNSimple plan limit)", "move delegated old domains elsewhere, trim shared systems, or raise dnsimple.maxRecordsPerZone if the plan allows", "DNSimple plans: 100 records per zone on Solo and Teams (shared/CONTEXT.md §3)"),
  dangling: rule("DNS-010", "a CNAME aimed inside its own zone names a record that exists", "declare the target record or correct the CNAME"),
  undeclaredTarget: rule("DNS-011", "records aim only at what the app declares: addresses by reference, names in managed zones or listed shared systems", "reference the gateway address or add the target to sharedSystems"),
  mailMode: rule("MAIL-001", "each zone is in one mail mode: hosted (≥ 2 MX, SPF, DMARC, MTA-STS, TLS-RPT), none (null MX alone, SPF -all, DMARC p=reject) or forwarding (forwards, no MX)", "let MailDomain write the zone's mail records", "RFC 7505 (null MX); RFC 8461 (MTA-STS); RFC 8460 (TLS-RPT)"),
  dmarc: rule("MAIL-002", "DMARC records follow RFC 9989: v=DMARC1 first, a p= policy, no pct, rf or ri", "correct settings.yaml mail.dmarc", "RFC 9989"),
  bucketAccess: rule("BKT-001", "buckets use uniform bucket-level access", "set uniformBucketLevelAccess: true (SiteBucket does)", "managed folders need it: https://cloud.google.com/storage/docs/creating-managing-managed-folders"),
  bucketVersioning: rule("BKT-002", "buckets without a retention policy keep object versions", "set versioning.enabled: true (SiteBucket does for portals)"),
  archiveRetention: rule("BKT-003", "archive buckets have a retention policy", "set retentionDays for archives (settings.yaml retirement.archiveRetentionDays)"),
  retentionWithoutVersions: rule("BKT-004", "no bucket has both a retention policy and Object Versioning: Cloud Storage refuses the pair, so the bucket never creates", "drop versioning where a retention policy keeps the objects (SiteBucket does)", "https://cloud.google.com/storage/docs/bucket-lock (retention policies and Object Versioning are mutually exclusive); shared/CONTEXT.md §6"),
  tls: rule("GW-001", "HTTPS proxies use an SSL policy with TLS 1.2 or newer", "set sslPolicy to the gateway's TLS 1.2 policy", "the default SSL policy allows TLS 1.0: https://cloud.google.com/load-balancing/docs/ssl-policies-concepts"),
  httpsRedirect: rule("GW-002", "plain HTTP only redirects to HTTPS", "serve port 80 through the redirect-only URL map"),
  hsts: rule("GW-003", "every backend bucket sends Strict-Transport-Security", "add the HSTS header to customResponseHeaders (SiteBucket does)"),
  urlMapLimits: rule("GW-004", "a URL map stays inside Google's hard limits: at most 1 MB, 1,000 host rules and path matchers, 1,000 hosts per host rule, 1,000 route rules and 1,000 predicates per path matcher, 2,500 distinct backends", "split the province (fewer units per gateway) or shorten hostnames", `${GOOGLE_LB_QUOTAS}; 1 MB: https://cloud.google.com/load-balancing/docs/routing-config-size-quota`),
  certificateLimits: rule("GW-005", "Certificate Manager's hard limits: at most 4 certificates per map entry, 100 domains per DNS-authorized certificate, one certificate map per HTTPS proxy", "keep one certificate per hostname (HostCertificate does)", "https://cloud.google.com/certificate-manager/docs/quotas (limits)"),
  gcpNames: rule("GW-006", "Google resource names match [a-z]([-a-z0-9]*[a-z0-9])? and are at most 63 characters", "derive names from codes in src/model/cloud-names.ts", "https://cloud.google.com/compute/docs/naming-resources"),
  selfSignup: rule("IDP-001", "nobody signs themselves up: no password sign-up, user sign-up and deletion disabled", "keep the IdentityTenant and IdentityPlatformProject defaults"),
  authorizedDefaults: rule("IDP-002", "the Identity Platform config keeps the project's default authorized domains (<project>.firebaseapp.com, <project>.web.app, localhost) beside the portals", "list them (IdentityPlatformProject does)", "authorized_domains replaces the whole list: hashicorp/google 6.50.0 resource_identity_platform_config.go (updateMask=authorizedDomains) and its example"),
  basicRoles: rule("IAM-001", "no basic roles (roles/owner, roles/editor, roles/viewer)", "grant a predefined role such as roles/storage.objectAdmin"),
  publicAccess: rule("IAM-002", "allUsers and allAuthenticatedUsers only as roles/storage.objectViewer of site content", "grant write access to a group, never to the public"),
  expiredCondition: rule("IAM-003", "no IAM condition that has already expired (request.time < a past instant grants nothing)", "extend the migration window in settings.yaml, or drop the grant once the window is closed", "https://cloud.google.com/iam/docs/conditions-attribute-reference#date-time; shared/CONTEXT.md §6"),
  undecided: rule("ADOPT-001", "every record of an adopted zone carries a decision: keep, replace (or system for SOA, apex NS and DNSSEC)", "review the record in config/<province>/zones/<zone>.yaml and write keep (declared as it is) or replace (the plan's record takes its place)"),
  unkeepable: rule("ADOPT-002", "a kept record can stand beside the plan's: no old address where the plan points at the gateway, no second DMARC, MTA-STS or TLS-RPT record, nothing at or below a name the plan delegates to another zone", "write decision: replace for it in config/<province>/zones/<zone>.yaml (or adopt it into the delegated zone)", "RFC 7489 §6.6.3 (several DMARC records: none applies); RFC 8461 §3.1 (several MTA-STS records: no policy); RFC 8460 §3 (several TLS-RPT records: no reports); RFC 1034 §4.2.1 (data below a zone cut is not the zone's)"),
  protection: rule("PROT-001", "zones, domains, tenants, buckets and archive folders carry lifecycle.prevent_destroy", "keep the Protection aspect on every stack"),
  preventDelete: rule("PROT-002", "every dnsimple_domain sets prevent_delete = true (dnsimple provider 2.2.0)", "keep the Protection aspect on every stack", "dnsimple/terraform-provider-dnsimple v2.2.0 CHANGELOG: prevent_delete \"also blocks the destroy half of a replacement\""),
  providerVersions: rule("TF-001", "every stack requires Terraform >= 1.12.0 and runs dnsimple provider 2.2.0 (1.10.0 cannot manage email forwards)", "keep the overrides in ProvinceStack (src/model/provider-versions.ts)", "dnsimple/terraform-provider-dnsimple issue 331; CHANGELOG 2.0.0: \"Minimum Terraform version is now 1.12\""),
  lookupDefaults: rule("TF-002", "a terraform_remote_state lookup gives defaults for every output it reads, so a stack plans before the other has applied", "read other stacks only through GatewayAddresses; derive everything else from names (src/model/cloud-names.ts)", "Terraform: remote-state-data docs (`defaults`); internal/backend/remote-state/gcs/backend_state.go creates an empty state to read"),
  apis: rule("API-001", "every Google API a resource needs is enabled by a google_project_service in the platform stack, never disabled on destroy, and the platform's resources wait for it", "add the API to PROJECT_APIS (src/constructs/project-apis.ts)", "api_service_name in each resource's *_generated_meta.yaml, hashicorp/google 6.50.0"),
} as const;

export type RuleId = (typeof RULES)[keyof typeof RULES]["id"];
