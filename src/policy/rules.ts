/**
 * The policy pack's rules: each has a stable id (used in suppressions and listed in the README), what it
 * requires, and how to fix a violation.
 */
export interface PolicyRule {
  readonly id: string;
  readonly requires: string;
  readonly fix: string;
}

const rule = (id: string, requires: string, fix: string): PolicyRule => ({ id, requires, fix });

export const RULES = {
  dnsName: rule("DNS-001", "record names are LDH labels (or _service labels) of at most 63 characters, at most 253 in all", "correct the label (a slug in the config, or the construct that writes it)"),
  apexCname: rule("DNS-002", "no CNAME at a zone's apex", "point the apex with A/AAAA records instead"),
  cnameAlone: rule("DNS-003", "a CNAME is the only record at its name", "remove the other records at that name, or use A/AAAA instead of the CNAME"),
  duplicate: rule("DNS-004", "no record is declared twice", "declare it once"),
  ttl: rule("DNS-005", "TTL between 60 and 86400 seconds, one TTL per record set", "use one TTL in range for all records of the same name and type"),
  recordFormat: rule("DNS-006", "record types are upper-case and supported; TXT at most 1000 characters; no NS or SOA at the apex", "correct the type or split the TXT value"),
  spf: rule("DNS-007", "at most one SPF record per name, at most 10 DNS lookups, no ptr, ending in ~all or -all", "merge the SPF records and trim the mechanisms in settings.yaml mail.spfMechanisms"),
  caa: rule("DNS-008", "every zone's apex has CAA issue \"pki.goog\" and an explicit issuewild", "keep the CAA records the site constructs write"),
  zoneSize: rule("DNS-009", "at most maxRecordsPerZone records in a zone (DNSimple plan limit)", "move delegated old domains elsewhere, trim shared systems, or raise dnsimple.maxRecordsPerZone if the plan allows"),
  dangling: rule("DNS-010", "a CNAME aimed inside its own zone names a record that exists", "declare the target record or correct the CNAME"),
  undeclaredTarget: rule("DNS-011", "records aim only at what the app declares: addresses by reference, names in managed zones or listed shared systems", "reference the gateway address or add the target to sharedSystems"),
  mailMode: rule("MAIL-001", "each zone is in one mail mode: hosted (≥ 2 MX, SPF, DMARC, MTA-STS, TLS-RPT), none (null MX alone, SPF -all, DMARC p=reject) or forwarding (forwards, no MX)", "let MailDomain write the zone's mail records"),
  dmarc: rule("MAIL-002", "DMARC records follow RFC 9989: v=DMARC1 first, a p= policy, no pct, rf or ri", "correct settings.yaml mail.dmarc"),
  bucketAccess: rule("BKT-001", "buckets use uniform bucket-level access", "set uniformBucketLevelAccess: true (SiteBucket does)"),
  bucketVersioning: rule("BKT-002", "buckets keep object versions", "set versioning.enabled: true (SiteBucket does)"),
  archiveRetention: rule("BKT-003", "archive buckets have a retention policy", "set retentionDays for archives (settings.yaml retirement.archiveRetentionDays)"),
  tls: rule("GW-001", "HTTPS proxies use an SSL policy with TLS 1.2 or newer", "set sslPolicy to the gateway's TLS 1.2 policy"),
  httpsRedirect: rule("GW-002", "plain HTTP only redirects to HTTPS", "serve port 80 through the redirect-only URL map"),
  hsts: rule("GW-003", "every backend bucket sends Strict-Transport-Security", "add the HSTS header to customResponseHeaders (SiteBucket does)"),
  selfSignup: rule("IDP-001", "nobody signs themselves up: no password sign-up, user sign-up and deletion disabled", "keep the IdentityTenant and IdentityPlatformProject defaults"),
  basicRoles: rule("IAM-001", "no basic roles (roles/owner, roles/editor, roles/viewer)", "grant a predefined role such as roles/storage.objectAdmin"),
  publicAccess: rule("IAM-002", "allUsers and allAuthenticatedUsers only as roles/storage.objectViewer of site content", "grant write access to a group, never to the public"),
  protection: rule("PROT-001", "zones, domains, tenants and buckets carry lifecycle.prevent_destroy", "keep the Protection aspect on every stack"),
} as const;

export type RuleId = (typeof RULES)[keyof typeof RULES]["id"];
