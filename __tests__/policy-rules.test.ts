import { ComputeBackendBucket } from "@cdktf/provider-google/lib/compute-backend-bucket";
import { ComputeSslPolicy } from "@cdktf/provider-google/lib/compute-ssl-policy";
import { ComputeTargetHttpsProxy } from "@cdktf/provider-google/lib/compute-target-https-proxy";
import { ComputeUrlMap } from "@cdktf/provider-google/lib/compute-url-map";
import { IdentityPlatformTenant } from "@cdktf/provider-google/lib/identity-platform-tenant";
import { StorageBucket, type StorageBucketConfig } from "@cdktf/provider-google/lib/storage-bucket";
import { StorageBucketAcl } from "@cdktf/provider-google/lib/storage-bucket-acl";
import { StorageManagedFolderIamMember } from "@cdktf/provider-google/lib/storage-managed-folder-iam-member";
import type { TerraformStack } from "cdktf";
import { DnsZone } from "../src/constructs/dns-zone";
import { HSTS_HEADER, PUBLIC_READER_ROLE } from "../src/constructs/site-bucket";
import type { Settings } from "../src/model/settings";
import type { AdoptedRecord } from "../src/model/adopted-zone";
import type { DeployEnvironment } from "../src/model/environment";
import { checkEnvironmentsApart } from "../src/policy/environment-checks";
import { checkOrganizationPolicies } from "../src/policy/organization-policies";
import { checkSynthesizedStacks, expiredConditions } from "../src/policy/output-checks";
import { UNLISTED_TYPE } from "../src/policy/resource-types";
import { RULES } from "../src/policy/rules";
import type { SynthesizedStack, TerraformJson } from "../src/synth/terraform-json";
import { loadFixture, TINY_SETTINGS } from "./support/fixture-config";
import { goodZone, tiny, violationsOf } from "./support/policy-harness";

/**
 * Every rule of the policy pack with a failing fixture (and the exact lines it gives) and a passing one, as close
 * to the failing one as the rule allows: a rule that flagged everything, or nothing, fails here.
 */

/** Constructs declared in one stack (the Protection aspect on unless `protect` is false), checked as the synth checks them. */
interface ConstructFixture {
  readonly build: (stack: TerraformStack) => void;
  readonly settings?: Settings;
  readonly protect?: boolean;
}
/** Synthesized stacks, for the rules that read the Terraform a synth writes (src/policy/output-checks.ts). */
type OutputFixture = readonly SynthesizedStack[];
/** The tiny province with the given environments (src/policy/environment-checks.ts). */
interface EnvironmentsFixture {
  readonly environments: string;
}
/** Synthesized stacks deployed to an environment: its organization's policies (src/policy/organization-policies.ts). */
interface OrganizationFixture {
  readonly stacks: OutputFixture;
  readonly environment: DeployEnvironment;
}
/** Synthesized stacks on a day: the warning the synth command asks after the synth (expiredConditions). */
interface WarningFixture {
  readonly stacks: OutputFixture;
  readonly today: string;
}
type Fixture = ConstructFixture | OutputFixture | EnvironmentsFixture | OrganizationFixture | WarningFixture;

interface RuleFixtures {
  readonly failing: Fixture;
  /** Every line the failing fixture gives, "<rule> <message>" (output rules: "<rule> <path>: <message>"). */
  readonly lines: readonly string[];
  /** Other rules the failing fixture cannot help tripping too (a public writer is also a public lister). */
  readonly also?: readonly string[];
  readonly passing: Fixture;
}

const outputLines = (findings: readonly { rule: { id: string }; path: string; message: string }[]) => findings.map((finding) => `${finding.rule.id} ${finding.path}: ${finding.message}`);

function linesOf(fixture: Fixture): string[] {
  if (Array.isArray(fixture)) return outputLines(checkSynthesizedStacks(fixture as OutputFixture));
  if ("environments" in fixture) return checkEnvironmentsApart(loadFixture({ settings: TINY_SETTINGS + fixture.environments })).map((finding) => `${finding.rule.id} ${finding.message}`);
  if ("environment" in fixture) return outputLines(checkOrganizationPolicies(fixture.stacks, fixture.environment));
  if ("today" in fixture) return outputLines(expiredConditions(fixture.stacks, fixture.today));
  const { build, settings, protect } = fixture as ConstructFixture;
  return violationsOf(build, settings, protect).lines;
}

const withZone = (add: (zone: DnsZone) => void) => ({ build: (stack: TerraformStack) => add(goodZone(stack)) });
/** goodZone's records, written out, with the given DMARC record. */
const noMailZone = (dmarc: string) => ({
  build: (stack: TerraformStack) => {
    const zone = new DnsZone(stack, "zone", { domain: "anphu.thu.gov.vn", importExisting: true });
    zone.addRecord({ name: "", type: "CAA", value: '0 issue "pki.goog"' });
    zone.addRecord({ name: "", type: "CAA", value: '0 issuewild ";"' });
    zone.addRecord({ name: "", type: "MX", value: ".", priority: 0 });
    zone.addRecord({ name: "", type: "TXT", value: "v=spf1 -all" });
    zone.addRecord({ name: "_dmarc", type: "TXT", value: dmarc });
  },
});
const bucket = (config: Partial<StorageBucketConfig>, id = "portal") => ({ build: (stack: TerraformStack) => void new StorageBucket(stack, id, { name: "b", location: "ASIA", ...config }) });
const PORTAL = { uniformBucketLevelAccess: true, versioning: { enabled: true } };
const ARCHIVE = { uniformBucketLevelAccess: true, retentionPolicy: { retentionPeriod: 86400 } };
const maxRecords = (maxRecordsPerZone: number): Settings => ({ ...tiny.settings, dnsimple: { ...tiny.settings.dnsimple, maxRecordsPerZone } });
const FOLDER = { bucket: "thu-archive", managedFolder: "00011/" };

const VERSIONS = { required_version: ">= 1.12.0", required_providers: { dnsimple: { source: "dnsimple/dnsimple", version: "2.2.0" }, google: { source: "google", version: "6.50.0" } } };
const SERVICES = Object.fromEntries(["compute", "certificatemanager", "identitytoolkit", "storage"].map((api) => [api, { service: `${api}.googleapis.com`, disable_on_destroy: false }]));
const waits = (api: string) => ({ depends_on: [`google_project_service.${api}`] });
/** One platform stack with the APIs enabled, the versions every stack has, and the given resources and data sources. */
const platform = (resource: Record<string, Record<string, Record<string, unknown>>>, extra: Partial<TerraformJson> = {}): OutputFixture => [
  { name: "p-platform", config: { terraform: VERSIONS, provider: { google: [{ project: "thu-project" }] }, resource: { google_project_service: SERVICES, ...resource }, ...extra } },
];
const urlMap = (hosts: number) => platform({ google_compute_url_map: { m: { name: "m", ...waits("compute"), host_rule: Array.from({ length: hosts }, (_, i) => ({ hosts: [`h${i}.thu.gov.vn`], path_matcher: "p" })), path_matcher: [{ name: "p", default_service: "projects/p/global/backendBuckets/b" }] } } });
const grant = (until: string) => platform({ google_storage_managed_folder_iam_member: { w: { role: "roles/storage.objectUser", member: "group:g@thu.gov.vn", condition: { expression: `request.time < timestamp("${until}")` }, ...waits("storage") } } });
const remoteState = (defaults?: Record<string, string>) => platform(
  { google_compute_global_address: { ip: { name: "ip", address: "${data.terraform_remote_state.platform.outputs.gateway_ipv4}", ...waits("compute") } } },
  { data: { terraform_remote_state: { platform: { backend: "gcs", config: {}, ...(defaults && { defaults }) } } } },
);

/** A URL map in the gateway's shape, whose default serves `defaultService`. */
const routes = (defaultService: string) => ({
  build: (stack: TerraformStack) => void new ComputeUrlMap(stack, "routes", {
    name: "thu-portals",
    defaultService,
    hostRule: [{ hosts: ["anphu.thu.gov.vn"], pathMatcher: "portal-00010" }],
    pathMatcher: [{ name: "portal-00010", defaultService: "projects/thu-project/global/backendBuckets/portal-00010" }],
  }),
});
const standIn = (dependsOn?: string[]) => platform({
  terraform_data: { check: { input: {}, lifecycle: { precondition: [{ condition: '${timestamp() == "never"}', error_message: "Never." }] } } },
  dnsimple_zone_record: { a: { zone_name: "anphu.thu.gov.vn", name: "", type: "A", value: "192.0.2.1", ...(dependsOn && { depends_on: dependsOn }) } },
});
const ENVIRONMENTS = (stagingBucket: string, stagingProject: string, subdomain = "staging") => `environments:
  staging: { gcpProject: ${stagingProject}, dnsimpleAccount: "1234", stateBucket: ${stagingBucket}, subdomain: ${subdomain} }
  production: { gcpProject: thu-production, dnsimpleAccount: "1234", stateBucket: thu-tfstate }
`;
const publicGrant = platform({ google_storage_bucket_iam_member: { r: { bucket: "thu-prod-archive", role: "roles/storage.legacyObjectReader", member: "allUsers", ...waits("storage") } } });
const production = (domainRestrictedSharing: boolean, publicAccessPrevention: boolean): DeployEnvironment => ({
  name: "production", gcpProject: "thu-production", dnsimpleAccount: "1234", dnsimpleSandbox: false, stateBucket: "thu-tfstate", organizationPolicies: { domainRestrictedSharing, publicAccessPrevention },
});
const orgRefusal = (rule: string, constraint: string, setting: string, exception: string) => [
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
const ADOPTED_FILE = "zones/anphu.thu.gov.vn.yaml";
/** goodZone adopted from a zone file that held `record`, the plan's A record at the apex beside it. */
const adopted = (record: AdoptedRecord) => ({
  build: (stack: TerraformStack) => {
    const zone = goodZone(stack, { zone: "anphu.thu.gov.vn", file: ADOPTED_FILE, source: { file: "anphu.zone", format: "zone-file", sha256: "a".repeat(64) }, records: [record] });
    zone.addRecord({ name: "", type: "A", value: "34.120.7.9" });
  },
});
const oldApex = { name: "", type: "A", content: "203.0.113.30", ttl: 3600 } as const;

const FIXTURES: Record<string, RuleFixtures> = {
  "DNS-001": { failing: withZone((zone) => zone.addRecord({ name: "bad_label-", type: "TXT", value: "x" })), lines: ['DNS-001 TXT bad_label-: domain "bad_label-.anphu.thu.gov.vn" has a label that is not letters, digits and inner hyphens ("bad_label-")'], passing: withZone((zone) => zone.addRecord({ name: "_mta-sts.good-label", type: "TXT", value: "x" })) },
  "DNS-002": { failing: withZone((zone) => zone.addRecord({ name: "", type: "CNAME", value: "qlvb.thu.gov.vn" })), lines: ["DNS-002 CNAME at the apex of anphu.thu.gov.vn", "DNS-003 @ has a CNAME and 4 other record(s)"], also: ["DNS-003"], passing: withZone((zone) => zone.addRecord({ name: "qlvb", type: "CNAME", value: "qlvb.thu.gov.vn" })) },
  "DNS-003": { failing: withZone((zone) => { zone.addRecord({ name: "www", type: "CNAME", value: "qlvb.thu.gov.vn" }); zone.addRecord({ name: "www", type: "TXT", value: "x" }); }), lines: ["DNS-003 www has a CNAME and 1 other record(s)"], passing: withZone((zone) => { zone.addRecord({ name: "www", type: "CNAME", value: "qlvb.thu.gov.vn" }); zone.addRecord({ name: "www2", type: "TXT", value: "x" }); }) },
  "DNS-004": { failing: withZone((zone) => { zone.addRecord({ name: "a", type: "TXT", value: "x" }); zone.addRecord({ name: "a", type: "TXT", value: "x" }); }), lines: ["DNS-004 TXT a x is declared 2 times"], passing: withZone((zone) => { zone.addRecord({ name: "a", type: "TXT", value: "x" }); zone.addRecord({ name: "a", type: "TXT", value: "y" }); }) },
  "DNS-005": { failing: withZone((zone) => { zone.addRecord({ name: "a", type: "TXT", value: "x", ttl: 30 }); zone.addRecord({ name: "a", type: "TXT", value: "y", ttl: 60 }); }), lines: ["DNS-005 TXT a: TTL 30 is outside 60-86400", "DNS-005 TXT a: 2 different TTLs in one record set"], passing: withZone((zone) => { zone.addRecord({ name: "a", type: "TXT", value: "x", ttl: 60 }); zone.addRecord({ name: "a", type: "TXT", value: "y", ttl: 60 }); }) },
  "DNS-006": { failing: withZone((zone) => zone.addRecord({ name: "t", type: "txt" as "TXT", value: "y".repeat(1001) })), lines: ['DNS-006 txt t: type "txt" is not an upper-case supported type'], passing: withZone((zone) => zone.addRecord({ name: "t", type: "TXT", value: "y".repeat(1000) })) },
  "DNS-007": { failing: withZone((zone) => zone.addRecord({ name: "", type: "TXT", value: "v=spf1 ptr -all" })), lines: ["DNS-007 @ has 2 SPF records", "DNS-007 SPF at @ uses ptr"], passing: withZone((zone) => zone.addRecord({ name: "lists", type: "TXT", value: "v=spf1 include:_spf.thu.gov.vn -all" })) },
  "DNS-008": {
    failing: { build: (stack) => { const zone = goodZone(stack); zone.node.tryRemoveChild("apex-CAA-2"); } },
    lines: ['DNS-008 the apex of anphu.thu.gov.vn lacks CAA issue "pki.goog" or an explicit issuewild'],
    passing: withZone(() => undefined),
  },
  "DNS-009": { failing: { ...withZone(() => undefined), settings: maxRecords(4) }, lines: ["DNS-009 anphu.thu.gov.vn has 5 records (at most 4)"], passing: { ...withZone(() => undefined), settings: maxRecords(5) } },
  "DNS-010": { failing: withZone((zone) => zone.addRecord({ name: "a", type: "CNAME", value: "nothing.anphu.thu.gov.vn" })), lines: ["DNS-010 CNAME a: aims at nothing.anphu.thu.gov.vn, which has no record in anphu.thu.gov.vn"], passing: withZone((zone) => { zone.addRecord({ name: "a", type: "CNAME", value: "b.anphu.thu.gov.vn" }); zone.addRecord({ name: "b", type: "TXT", value: "x" }); }) },
  "DNS-011": { failing: withZone((zone) => zone.addRecord({ name: "b", type: "CNAME", value: "unknown.thu.gov.vn" })), lines: ["DNS-011 CNAME b: aims at unknown.thu.gov.vn, which the app does not declare"], passing: withZone((zone) => zone.addRecord({ name: "b", type: "CNAME", value: "qlvb.thu.gov.vn" })) },
  "MAIL-001": { failing: withZone((zone) => zone.addRecord({ name: "", type: "MX", value: "mx1.thu.gov.vn", priority: 10 })), lines: ["MAIL-001 anphu.thu.gov.vn: a null MX must stand alone (no other MX, no forwards)"], passing: withZone((zone) => zone.addRecord({ name: "lists", type: "MX", value: "mx1.thu.gov.vn", priority: 10 })) },
  "MAIL-002": { failing: noMailZone("v=DMARC1; p=reject; pct=50"), lines: ["MAIL-002 DMARC of anphu.thu.gov.vn uses pct=, removed by RFC 9989"], passing: noMailZone("v=DMARC1; p=reject; np=reject") },
  "BKT-001": { failing: bucket({ ...PORTAL, uniformBucketLevelAccess: false }), lines: ["BKT-001 uniform bucket-level access is off"], passing: bucket(PORTAL) },
  "BKT-002": { failing: bucket({ ...PORTAL, versioning: { enabled: false } }), lines: ["BKT-002 versioning is off"], passing: bucket(PORTAL) },
  "BKT-003": { failing: bucket(PORTAL, "archive"), lines: ["BKT-003 an archive bucket without a retention policy"], passing: bucket(ARCHIVE, "archive") },
  "BKT-004": { failing: bucket({ ...ARCHIVE, versioning: { enabled: true } }, "archive"), lines: ["BKT-004 a retention policy and Object Versioning on one bucket"], passing: bucket(ARCHIVE, "archive") },
  "GW-001": {
    failing: { build: (stack) => { new ComputeSslPolicy(stack, "tls", { name: "tls", minTlsVersion: "TLS_1_0" }); new ComputeTargetHttpsProxy(stack, "https", { name: "https", urlMap: "m" }); } },
    lines: ["GW-001 minimum TLS_1_0", "GW-001 no SSL policy: the default allows TLS 1.0"],
    passing: { build: (stack) => { const tls = new ComputeSslPolicy(stack, "tls", { name: "tls", minTlsVersion: "TLS_1_2" }); new ComputeTargetHttpsProxy(stack, "https", { name: "https", urlMap: "m", sslPolicy: tls.id }); } },
  },
  "GW-002": {
    failing: { build: (stack) => void new ComputeUrlMap(stack, "http", { name: "http", defaultUrlRedirect: { httpsRedirect: false, stripQuery: false } }) },
    lines: ["GW-002 a redirect-only URL map that does not redirect to HTTPS"],
    passing: { build: (stack) => void new ComputeUrlMap(stack, "http", { name: "http", defaultUrlRedirect: { httpsRedirect: true, stripQuery: false } }) },
  },
  "GW-003": {
    failing: { build: (stack) => void new ComputeBackendBucket(stack, "backend", { name: "b", bucketName: "b" }) },
    lines: ["GW-003 no Strict-Transport-Security header"],
    passing: { build: (stack) => void new ComputeBackendBucket(stack, "backend", { name: "b", bucketName: "b", customResponseHeaders: [HSTS_HEADER] }) },
  },
  "GW-004": { failing: urlMap(1001), lines: ["GW-004 p-platform/google_compute_url_map.m: 1001 host rules (at most 1000)"], passing: urlMap(1000) },
  "GW-005": {
    failing: platform({ google_certificate_manager_certificate_map_entry: { e: { name: "e", certificates: ["1", "2", "3", "4", "5"], ...waits("certificatemanager") } } }),
    lines: ["GW-005 p-platform/google_certificate_manager_certificate_map_entry.e: 5 certificates in one map entry (at most 4)"],
    passing: platform({ google_certificate_manager_certificate_map_entry: { e: { name: "e", certificates: ["1", "2", "3", "4"], ...waits("certificatemanager") } } }),
  },
  "GW-006": {
    failing: platform({ google_compute_ssl_policy: { tls: { name: "Bad_Name", ...waits("compute") } } }),
    lines: ['GW-006 p-platform/google_compute_ssl_policy.tls: name "Bad_Name" does not match ^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$'],
    passing: platform({ google_compute_ssl_policy: { tls: { name: "good-name", ...waits("compute") } } }),
  },
  "IDP-001": {
    failing: { build: (stack) => void new IdentityPlatformTenant(stack, "tenant", { displayName: "AnPhu", allowPasswordSignup: true, client: { permissions: { disabledUserSignup: true, disabledUserDeletion: true } } }) },
    lines: ["IDP-001 self sign-up or user deletion is allowed"],
    passing: { build: (stack) => void new IdentityPlatformTenant(stack, "tenant", { displayName: "AnPhu", allowPasswordSignup: false, client: { permissions: { disabledUserSignup: true, disabledUserDeletion: true } } }) },
  },
  "IDP-002": {
    failing: platform({ google_identity_platform_config: { c: { authorized_domains: ["anphu.thu.gov.vn", "localhost"], ...waits("identitytoolkit") } } }),
    lines: ["IDP-002 p-platform/google_identity_platform_config.c: authorized_domains drops the project's defaults thu-project.firebaseapp.com, thu-project.web.app"],
    passing: platform({ google_identity_platform_config: { c: { authorized_domains: ["anphu.thu.gov.vn", "localhost", "thu-project.firebaseapp.com", "thu-project.web.app"], ...waits("identitytoolkit") } } }),
  },
  "IAM-001": {
    failing: { build: (stack) => void new StorageManagedFolderIamMember(stack, "grant", { ...FOLDER, role: "roles/editor", member: "group:admins-anphu@thu.gov.vn" }) },
    lines: ["IAM-001 basic role roles/editor"],
    passing: { build: (stack) => void new StorageManagedFolderIamMember(stack, "grant", { ...FOLDER, role: "roles/storage.objectUser", member: "group:admins-anphu@thu.gov.vn" }) },
  },
  "IAM-002": {
    failing: { build: (stack) => void new StorageManagedFolderIamMember(stack, "grant", { ...FOLDER, role: "roles/storage.objectUser", member: "allUsers" }) },
    lines: ["IAM-002 allUsers granted roles/storage.objectUser", "IAM-004 allUsers granted roles/storage.objectUser: the public may hold only roles/storage.legacyObjectReader, which lists nothing"],
    also: ["IAM-004"],
    passing: { build: (stack) => void new StorageManagedFolderIamMember(stack, "grant", { ...FOLDER, role: PUBLIC_READER_ROLE, member: "allUsers" }) },
  },
  "IAM-003": {
    failing: { stacks: grant("2025-07-01T00:00:00Z"), today: "2025-07-02" },
    lines: ["IAM-003 p-platform/google_storage_managed_folder_iam_member.w: grants roles/storage.objectUser to group:g@thu.gov.vn only before 2025-07-01T00:00:00Z, which has passed: it grants nothing"],
    passing: { stacks: grant("2025-07-01T00:00:00Z"), today: "2025-07-01" },
  },
  "IAM-004": {
    failing: { build: (stack) => void new StorageManagedFolderIamMember(stack, "grant", { ...FOLDER, role: "roles/storage.objectViewer", member: "allUsers" }) },
    lines: ["IAM-004 allUsers granted roles/storage.objectViewer: the public may hold only roles/storage.legacyObjectReader, which lists nothing"],
    passing: { build: (stack) => void new StorageManagedFolderIamMember(stack, "grant", { ...FOLDER, role: PUBLIC_READER_ROLE, member: "allUsers" }) },
  },
  "GW-007": {
    failing: routes("projects/thu-project/global/backendBuckets/portal-00010"),
    lines: ["GW-007 the default service projects/thu-project/global/backendBuckets/portal-00010 is a site's backend: a Host no rule knows is answered as that site"],
    passing: routes("projects/thu-project/global/backendBuckets/not-found"),
  },
  "ORG-001": {
    failing: { stacks: publicGrant, environment: production(true, false) },
    lines: [orgRefusal("ORG-001", "iam.allowedPolicyMemberDomains", "domainRestrictedSharing", "allowAll: true")],
    passing: { stacks: publicGrant, environment: production(false, false) },
  },
  "ORG-002": {
    failing: { stacks: publicGrant, environment: production(false, true) },
    lines: [orgRefusal("ORG-002", "storage.publicAccessPrevention", "publicAccessPrevention", "enforce: false")],
    passing: { stacks: publicGrant, environment: production(false, false) },
  },
  "ENV-001": {
    failing: { environments: ENVIRONMENTS("thu-tfstate", "thu-staging") },
    lines: ["ENV-001 staging and production would share 1 Cloud Storage bucket: thu-tfstate (state bucket)"],
    passing: { environments: ENVIRONMENTS("thu-tfstate-stg", "thu-staging") },
  },
  "ENV-002": {
    // Xã An Phú's label as staging's subdomain: production's zone anphu.thu.gov.vn would hold every staging zone.
    failing: { environments: ENVIRONMENTS("thu-tfstate-stg", "thu-staging", "anphu") },
    lines: ["ENV-002 staging's 2 zones anphu.anphu.thu.gov.vn, songxanh.anphu.thu.gov.vn would lie inside production's zone anphu.thu.gov.vn, which does not delegate them"],
    passing: { environments: ENVIRONMENTS("thu-tfstate-stg", "thu-staging") },
  },
  "ENV-003": {
    failing: { environments: ENVIRONMENTS("thu-tfstate-stg", "thu-production") },
    lines: ["ENV-003 staging and production would share the GCP project thu-production"],
    passing: { environments: ENVIRONMENTS("thu-tfstate-stg", "thu-staging") },
  },
  "ADOPT-001": {
    failing: adopted({ ...oldApex, name: "ftp", decision: "decide" }),
    lines: [`ADOPT-001 A ftp 203.0.113.30 in ${ADOPTED_FILE} needs a decision`],
    passing: adopted({ ...oldApex, name: "ftp", decision: "keep" }),
  },
  "ADOPT-002": {
    failing: adopted({ ...oldApex, decision: "keep" }),
    lines: ["ADOPT-002 kept A @ 203.0.113.30: the plan points @ at the gateway, and an old address beside it would send visitors elsewhere"],
    passing: adopted({ ...oldApex, decision: "replace" }),
  },
  "PROT-001": { failing: { ...bucket(PORTAL), protect: false }, lines: ["PROT-001 google_storage_bucket has no lifecycle.prevent_destroy"], passing: bucket(PORTAL) },
  "PROT-002": {
    failing: platform({ dnsimple_domain: { d: { name: "a.vn", lifecycle: { prevent_destroy: true } } } }),
    lines: ["PROT-002 p-platform/dnsimple_domain.d: a.vn has no prevent_delete"],
    passing: platform({ dnsimple_domain: { d: { name: "a.vn", lifecycle: { prevent_destroy: true }, prevent_delete: true } } }),
  },
  "TF-001": {
    failing: [{ name: "p-x", config: { terraform: { required_version: ">= 1.5.0", required_providers: { dnsimple: { source: "dnsimple/dnsimple", version: "1.10.0" } } } } }],
    lines: ['TF-001 p-x: requires Terraform ">= 1.5.0", not ">= 1.12.0"', "TF-001 p-x: runs dnsimple provider 1.10.0, not 2.2.0"],
    passing: [{ name: "p-x", config: { terraform: VERSIONS } }],
  },
  "TF-002": {
    failing: remoteState({ gateway_ipv4: "192.0.2.1" }),
    lines: ['TF-002 p-platform/terraform_remote_state.platform: reads another stack\'s state (backend gcs): its plan fails ("Unable to find remote state") until that stack has been applied'],
    passing: platform({ google_compute_global_address: { ip: { name: "ip", address: "192.0.2.1", ...waits("compute") } } }),
  },
  "TF-003": {
    failing: standIn(),
    lines: ["TF-003 p-platform/dnsimple_zone_record.a: publishes the stand-in 192.0.2.1 without waiting for the check that refuses to apply it"],
    passing: standIn(["terraform_data.check"]),
  },
  "API-001": {
    failing: platform({ google_storage_bucket: { b: { name: "b" } } }),
    lines: ["API-001 p-platform/google_storage_bucket.b: does not wait for storage.googleapis.com to be enabled"],
    passing: platform({ google_storage_bucket: { b: { name: "b", ...waits("storage") } } }),
  },
  // Not a rule: a resource type that no rule judges fails the pack, and no suppression can waive it.
  [UNLISTED_TYPE.id]: {
    failing: { build: (stack) => void new StorageBucketAcl(stack, "acl", { bucket: "b", roleEntity: ["READER:allUsers"] }) },
    lines: ["POLICY google_storage_bucket_acl is judged by no rule of the policy pack"],
    passing: { build: (stack) => void new StorageManagedFolderIamMember(stack, "grant", { ...FOLDER, role: PUBLIC_READER_ROLE, member: "allUsers" }) },
  },
};

describe("every rule of the policy pack", () => {
  it("has a failing and a passing fixture here", () => {
    expect(Object.values(RULES).map((rule) => rule.id).filter((id) => !(id in FIXTURES))).toEqual([]);
  });

  it.each(Object.entries(FIXTURES))("%s: its failing fixture gives exactly its lines, its passing fixture none", (id, { failing, lines, also = [], passing }) => {
    expect(lines.filter((line) => ![id, ...also].includes(line.split(" ")[0]))).toEqual([]);
    expect(linesOf(failing)).toEqual(lines);
    expect(linesOf(passing)).toEqual([]);
  });
});
