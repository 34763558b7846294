import { StorageBucket, type StorageBucketConfig } from "@cdktf/provider-google/lib/storage-bucket";
import type { TerraformStack } from "cdktf";
import { DnsZone } from "../../constructs/dns-zone";
import { MailDomain } from "../../constructs/mail-domain";
import type { AdoptedRecord, AdoptedZone } from "../../model/adopted-zone";
import type { DeployEnvironment } from "../../model/environment";
import type { TerraformJson } from "../../synth/terraform-json";
import type { ConstructFixture, OutputFixture } from "./rule";

/**
 * What the rules' fixtures share: a zone that passes every DNS and mail rule, buckets, a platform stack as a synth
 * writes it, a province's environments — each rule's fixture adds its one fault. And the resource types that
 * several rules judge.
 */

/** The DNSimple resources of a zone and its records, judged by the zone rules. */
export const ZONE_TYPES = ["dnsimple_domain", "dnsimple_zone", "dnsimple_zone_record"];
/** Compute Engine and Certificate Manager resources, whose names follow Google's naming rules (GW-006). */
export const NAMED_TYPES = [
  "google_certificate_manager_certificate",
  "google_certificate_manager_certificate_map",
  "google_certificate_manager_certificate_map_entry",
  "google_certificate_manager_dns_authorization",
  "google_compute_backend_bucket",
  "google_compute_global_address",
  "google_compute_global_forwarding_rule",
  "google_compute_ssl_policy",
  "google_compute_target_http_proxy",
  "google_compute_target_https_proxy",
  "google_compute_url_map",
];
/** Grants on a bucket or a managed folder: a managed folder's grants are a bucket's, per prefix (hashicorp/google 6.50.0 iam_storage_managed_folder.go). */
export const STORAGE_IAM_TYPES = ["google_storage_bucket_iam_binding", "google_storage_bucket_iam_member", "google_storage_managed_folder_iam_binding", "google_storage_managed_folder_iam_member"];
export const PROJECT_IAM_TYPES = ["google_project_iam_binding", "google_project_iam_member"];
/** Every Google resource the stacks declare: each needs its API enabled (API-001). */
export const GOOGLE_TYPES = [
  ...NAMED_TYPES,
  "google_identity_platform_config",
  "google_identity_platform_tenant",
  // The central authentication's metadata; its OIDC client secret is a sensitive variable, never a value.
  "google_identity_platform_tenant_inbound_saml_config",
  "google_identity_platform_tenant_oauth_idp_config",
  "google_project_service",
  "google_storage_bucket",
  // The MTA-STS policy file a portal bucket serves.
  "google_storage_bucket_object",
  "google_storage_managed_folder",
  ...STORAGE_IAM_TYPES,
];

/** A zone that passes every DNS and mail rule (adopted from `adopted`, if given), to which a fixture adds one fault. */
export function goodZone(stack: TerraformStack, adopted?: AdoptedZone): DnsZone {
  const zone = new DnsZone(stack, "zone", { domain: "anphu.thu.gov.vn", importExisting: true, adopted });
  zone.addRecord({ name: "", type: "CAA", value: '0 issue "pki.goog"' });
  zone.addRecord({ name: "", type: "CAA", value: '0 issuewild ";"' });
  new MailDomain(stack, "mail", { zone, mode: { kind: "none", reportTo: "dmarc@thu.gov.vn" } });
  return zone;
}

export const withZone = (add: (zone: DnsZone) => void): ConstructFixture => ({ build: (stack) => add(goodZone(stack)) });

/** goodZone's records, written out, with the given DMARC record. */
export const noMailZone = (dmarc: string): ConstructFixture => ({
  build: (stack) => {
    const zone = new DnsZone(stack, "zone", { domain: "anphu.thu.gov.vn", importExisting: true });
    zone.addRecord({ name: "", type: "CAA", value: '0 issue "pki.goog"' });
    zone.addRecord({ name: "", type: "CAA", value: '0 issuewild ";"' });
    zone.addRecord({ name: "", type: "MX", value: ".", priority: 0 });
    zone.addRecord({ name: "", type: "TXT", value: "v=spf1 -all" });
    zone.addRecord({ name: "_dmarc", type: "TXT", value: dmarc });
  },
});

export const bucket = (config: Partial<StorageBucketConfig>, id = "portal"): ConstructFixture => ({ build: (stack) => void new StorageBucket(stack, id, { name: "b", location: "ASIA", ...config }) });
export const PORTAL = { uniformBucketLevelAccess: true, versioning: { enabled: true } };
export const ARCHIVE = { uniformBucketLevelAccess: true, retentionPolicy: { retentionPeriod: 86400 } };
export const FOLDER = { bucket: "thu-archive", managedFolder: "00011/" };

export const VERSIONS = { required_version: ">= 1.12.0", required_providers: { dnsimple: { source: "dnsimple/dnsimple", version: "2.2.0" }, google: { source: "google", version: "6.50.0" } } };
const SERVICES = Object.fromEntries(["compute", "certificatemanager", "identitytoolkit", "storage"].map((api) => [api, { service: `${api}.googleapis.com`, disable_on_destroy: false }]));
export const waits = (api: string) => ({ depends_on: [`google_project_service.${api}`] });
/** One platform stack with the APIs enabled, the versions every stack has, and the given resources and data sources. */
export const platform = (resource: Record<string, Record<string, Record<string, unknown>>>, extra: Partial<TerraformJson> = {}): OutputFixture => [
  { name: "p-platform", config: { terraform: VERSIONS, provider: { google: [{ project: "thu-project" }] }, resource: { google_project_service: SERVICES, ...resource }, ...extra } },
];

/** The environments of a small province: staging's state bucket, project and subdomain as given. */
export const ENVIRONMENTS = (stagingBucket: string, stagingProject: string, subdomain = "staging") => `environments:
  staging: { gcpProject: ${stagingProject}, dnsimpleAccount: "1234", stateBucket: ${stagingBucket}, subdomain: ${subdomain} }
  production: { gcpProject: thu-production, dnsimpleAccount: "1234", stateBucket: thu-tfstate }
`;

export const publicGrant = platform({ google_storage_bucket_iam_member: { r: { bucket: "thu-prod-archive", role: "roles/storage.legacyObjectReader", member: "allUsers", ...waits("storage") } } });
/** Production, in an organization that enforces what is given. */
export const production = (domainRestrictedSharing: boolean, publicAccessPrevention: boolean): DeployEnvironment => ({
  name: "production",
  gcpProject: "thu-production",
  dnsimpleAccount: "1234",
  dnsimpleSandbox: false,
  stateBucket: "thu-tfstate",
  organizationPolicies: { domainRestrictedSharing, publicAccessPrevention },
});
/** What ORG-001 and ORG-002 say of publicGrant in production. */
export const orgRefusal = (rule: string, constraint: string, setting: string, exception: string) =>
  [
    `${rule} p-platform/google_storage_bucket_iam_member.r: 1 public grant in project thu-production, whose organization enforces ${constraint} (environments.production.organizationPolicies.${setting} is true): each would fail at apply.`,
    "  An organization policy administrator (roles/orgpolicy.policyAdmin) sets the project's exception:",
    `    cat > ${constraint}.yaml <<'EOF'`,
    `    name: projects/thu-production/policies/${constraint}`,
    "    spec:",
    "      rules:",
    `      - ${exception}`,
    "    EOF",
    `    gcloud org-policies set-policy ${constraint}.yaml`,
    `  Check it: gcloud org-policies describe ${constraint} --project=thu-production --effective`,
  ].join("\n");

export const ADOPTED_FILE = "zones/anphu.thu.gov.vn.yaml";
/** goodZone adopted from a zone file that held `record`, the plan's A record at the apex beside it. */
export const adopted = (record: AdoptedRecord): ConstructFixture => ({
  build: (stack) => {
    const zone = goodZone(stack, { zone: "anphu.thu.gov.vn", file: ADOPTED_FILE, source: { file: "anphu.zone", format: "zone-file", sha256: "a".repeat(64) }, records: [record] });
    zone.addRecord({ name: "", type: "A", value: "34.120.7.9" });
  },
});
/** The address the apex had before. */
export const oldApex = { name: "", type: "A", content: "203.0.113.30", ttl: 3600 } as const;
