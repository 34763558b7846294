import { ComputeBackendBucket } from "@cdktf/provider-google/lib/compute-backend-bucket";
import { ComputeSslPolicy } from "@cdktf/provider-google/lib/compute-ssl-policy";
import { IdentityPlatformTenant } from "@cdktf/provider-google/lib/identity-platform-tenant";
import { ProjectIamMember } from "@cdktf/provider-google/lib/project-iam-member";
import { StorageBucket } from "@cdktf/provider-google/lib/storage-bucket";
import { StorageBucketIamMember } from "@cdktf/provider-google/lib/storage-bucket-iam-member";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { DnsZone } from "../src/constructs/dns-zone";
import { checkSynthesizedStacks, expiredConditions } from "../src/policy/output-checks";
import type { SynthesizedStack, TerraformJson } from "../src/synth/terraform-json";
import { RULES } from "../src/policy/rules";
import { runSynthIn } from "./support/project";
import { TINY_SETTINGS, writeProvinceIn } from "./support/fixture-config";
import { goodZone } from "../src/policy/rules/fixtures";
import { tiny, violationsOf } from "./support/policy-harness";
import { realStacks } from "./support/synth-province";
import { tempDir } from "./support/temp";

describe("the policy pack", () => {
  it("passes the real Bình Thuận app, every stack and zone", () => {
    // realStacks synthesizes as main.ts does: a violation would fail it with the pack's message.
    expect(realStacks().map((stack) => stack.name)).toContain("binh-thuan-platform");
  });

  it("passes a clean zone", () => {
    expect(violationsOf((stack) => goodZone(stack)).lines).toEqual([]);
  });

  it.each([
    ["a CNAME at the apex", (zone: DnsZone) => zone.addRecord({ name: "", type: "CNAME", value: "qlvb.thu.gov.vn" }), ["DNS-002 CNAME at the apex of anphu.thu.gov.vn", "DNS-003 @ has a CNAME and 4 other record(s)"]],
    ["a CNAME beside another record", (zone: DnsZone) => { zone.addRecord({ name: "www", type: "CNAME", value: "qlvb.thu.gov.vn" }); zone.addRecord({ name: "www", type: "TXT", value: "x" }); }, ["DNS-003 www has a CNAME and 1 other record(s)"]],
    ["a duplicate record", (zone: DnsZone) => { zone.addRecord({ name: "a", type: "TXT", value: "x" }); zone.addRecord({ name: "a", type: "TXT", value: "x" }); }, ["DNS-004 TXT a x is declared 2 times"]],
    ["a TTL out of range and two TTLs in one set", (zone: DnsZone) => { zone.addRecord({ name: "a", type: "TXT", value: "x", ttl: 30 }); zone.addRecord({ name: "a", type: "TXT", value: "y" }); }, ["DNS-005 TXT a: TTL 30 is outside 60-86400", "DNS-005 TXT a: 2 different TTLs in one record set"]],
    ["a bad label, a lower-case type and a long TXT", (zone: DnsZone) => { zone.addRecord({ name: "bad_label-", type: "TXT", value: "x" }); zone.addRecord({ name: "t", type: "txt" as "TXT", value: "y".repeat(1001) }); }, ['DNS-001 TXT bad_label-: domain "bad_label-.anphu.thu.gov.vn" has a label that is not letters, digits and inner hyphens ("bad_label-")', 'DNS-006 txt t: type "txt" is not an upper-case supported type']],
    ["a second SPF with ptr and too many lookups", (zone: DnsZone) => zone.addRecord({ name: "", type: "TXT", value: `v=spf1 ptr ${Array.from({ length: 10 }, (_, i) => `include:s${i}.vn`).join(" ")} ?all` }), ["DNS-007 @ has 2 SPF records", "DNS-007 SPF at @ needs 11 DNS lookups (at most 10)", "DNS-007 SPF at @ uses ptr", "DNS-007 SPF at @ does not end in ~all or -all"]],
    ["a dangling in-zone CNAME and an undeclared target", (zone: DnsZone) => { zone.addRecord({ name: "a", type: "CNAME", value: "nothing.anphu.thu.gov.vn" }); zone.addRecord({ name: "b", type: "CNAME", value: "unknown.thu.gov.vn" }); }, ["DNS-010 CNAME a: aims at nothing.anphu.thu.gov.vn, which has no record in anphu.thu.gov.vn", "DNS-011 CNAME b: aims at unknown.thu.gov.vn, which the app does not declare"]],
    ["an address that is not the gateway's", (zone: DnsZone) => { zone.addRecord({ name: "", type: "A", value: "203.0.113.7" }); zone.addRecord({ name: "www", type: "A", value: "34.120.7.9" }); }, ["DNS-011 A @: address 203.0.113.7 is not the gateway's"]],
    ["an MX beside the null MX", (zone: DnsZone) => zone.addRecord({ name: "", type: "MX", value: "mx1.thu.gov.vn", priority: 10 }), ["MAIL-001 anphu.thu.gov.vn: a null MX must stand alone (no other MX, no forwards)"]],
    ["a DMARC record with tags RFC 9989 removed", (zone: DnsZone) => zone.addRecord({ name: "_dmarc", type: "TXT", value: "v=DMARC1; p=none; pct=50" }), ["MAIL-002 DMARC of anphu.thu.gov.vn uses pct=, removed by RFC 9989"]],
  ])("flags %s", (_, fault, expected) => {
    expect(violationsOf((stack) => fault(goodZone(stack))).lines).toEqual(expected);
  });

  it("flags a zone without CAA, without a mail mode and over the record limit", () => {
    const settings = { ...tiny.settings, dnsimple: { ...tiny.settings.dnsimple, maxRecordsPerZone: 2 } };
    const { lines } = violationsOf((stack) => {
      const zone = new DnsZone(stack, "zone", { domain: "anphu.thu.gov.vn", importExisting: true });
      for (const name of ["a", "b", "c"]) zone.addRecord({ name, type: "TXT", value: name });
    }, settings);
    expect(lines).toEqual([
      'DNS-008 the apex of anphu.thu.gov.vn lacks CAA issue "pki.goog" or an explicit issuewild',
      "DNS-009 anphu.thu.gov.vn has 3 records (at most 2)",
      "MAIL-001 anphu.thu.gov.vn: no mail mode: declare hosted mail, forwards, or a null MX",
    ]);
  });

  it("flags insecure buckets, IAM, gateway and tenants, and unprotected resources", () => {
    const { lines } = violationsOf((stack) => {
      const bucket = new StorageBucket(stack, "archive", { name: "b", location: "x" });
      new StorageBucketIamMember(stack, "public-write", { bucket: bucket.name, role: "roles/storage.objectAdmin", member: "allUsers" });
      new ProjectIamMember(stack, "owner", { project: "p", role: "roles/owner", member: "user:a@thu.gov.vn" });
      new ComputeSslPolicy(stack, "tls", { name: "old", minTlsVersion: "TLS_1_0" });
      new ComputeBackendBucket(stack, "backend", { name: "b", bucketName: "b" });
      new IdentityPlatformTenant(stack, "tenant", { displayName: "AnPhu", allowPasswordSignup: true });
    }, tiny.settings, false);
    expect(lines).toEqual([
      "PROT-001 google_storage_bucket has no lifecycle.prevent_destroy",
      "BKT-001 uniform bucket-level access is off",
      "BKT-002 versioning is off",
      "BKT-003 an archive bucket without a retention policy",
      "IAM-002 allUsers granted roles/storage.objectAdmin",
      "IAM-004 allUsers granted roles/storage.objectAdmin: the public may hold only roles/storage.legacyObjectReader, which lists nothing",
      "IAM-001 basic role roles/owner",
      "GW-001 minimum TLS_1_0",
      "GW-003 no Strict-Transport-Security header",
      "PROT-001 google_identity_platform_tenant has no lifecycle.prevent_destroy",
      "IDP-001 self sign-up or user deletion is allowed",
    ]);
  });

  it("lets a suppression with a reason waive a rule, and keeps it for the report", () => {
    const settings = { ...tiny.settings, suppressions: [{ rule: "DNS-011", reason: "the old portal's address is kept until March" }] };
    const { lines, pack } = violationsOf((stack) => goodZone(stack).addRecord({ name: "", type: "A", value: "203.0.113.7" }), settings);
    expect(lines).toEqual([]);
    expect(pack.suppressed).toEqual([expect.objectContaining({ rule: "DNS-011", path: "stack/zone", reason: "the old portal's address is kept until March" })]);
  });

  it("gives every rule a unique id and a fix", () => {
    const ids = Object.values(RULES).map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of Object.values(RULES)) expect(rule.fix.length).toBeGreaterThan(10);
  });
});

describe("a violation in a real synth", () => {
  it("fails with the rule id, the resource path and the fix, and writes nothing", () => {
    const root = tempDir("project-");
    writeProvinceIn(join(root, "config"), { settings: TINY_SETTINGS.replace('dnsimple: { account: "1234", ', 'dnsimple: { account: "1234", maxRecordsPerZone: 20, ') });
    const run = runSynthIn(root, { PROVINCE: "tinh-thu" });
    expect([run.status, run.stdout, run.stderr]).toEqual([1, "", `The policy pack found 1 violation; nothing was synthesized.

[DNS-009] tinh-thu-communes-1/commune-00020/zone: songxanh.thu.gov.vn has 24 records (at most 20)
  fix: move delegated old domains elsewhere, trim shared systems, or raise dnsimple.maxRecordsPerZone if the plan allows

A deliberate exception goes in settings.yaml: suppressions: [{ rule: <id>, unit: <code>, reason: <why> }]
`]);
    expect(readdirSync(root)).toEqual(["config"]);
  });
});

describe("rules on the synthesized Terraform (what a real apply meets)", () => {
  const good = { required_version: ">= 1.12.0", required_providers: { dnsimple: { source: "dnsimple/dnsimple", version: "2.2.0" }, google: { source: "google", version: "6.50.0" } } };
  /** One stack with the given resources (and data sources), versions as every stack has them unless replaced. */
  const stack = (resource: Record<string, Record<string, Record<string, unknown>>>, extra: Partial<TerraformJson> = {}): SynthesizedStack => ({
    name: "p-platform",
    config: { terraform: good, provider: { google: [{ project: "thu-project" }] }, resource, ...extra },
  });
  const findings = (stacks: SynthesizedStack[]) => checkSynthesizedStacks(stacks).map((finding) => `${finding.rule.id} ${finding.path}: ${finding.message}`);
  const services = Object.fromEntries(["compute", "certificatemanager", "identitytoolkit", "storage"].map((api) => [api, { service: `${api}.googleapis.com`, disable_on_destroy: false }]));
  const waits = (api: string) => ({ depends_on: [`google_project_service.${api}`] });

  it.each<[string, SynthesizedStack[], string[]]>([
    ["an old Terraform and the dnsimple provider the bindings pin", [{ name: "p-x", config: { terraform: { required_providers: { dnsimple: { source: "dnsimple/dnsimple", version: "1.10.0" } } } } }],
      ['TF-001 p-x: requires Terraform "any", not ">= 1.12.0"', "TF-001 p-x: runs dnsimple provider 1.10.0, not 2.2.0"]],
    ["a read of another stack's state, even with defaults", [stack({ dnsimple_zone_record: { a: { zone_name: "a.vn", name: "", type: "A", value: "${data.terraform_remote_state.platform.outputs.gateway_ipv4}" } } }, { data: { terraform_remote_state: { platform: { backend: "gcs", config: {}, defaults: { gateway_ipv4: "192.0.2.1" } } } } })],
      ['TF-002 p-platform/terraform_remote_state.platform: reads another stack\'s state (backend gcs): its plan fails ("Unable to find remote state") until that stack has been applied']],
    ["stand-in addresses published without the check, one waiting for a resource that is no check", [stack({
      terraform_data: { check: { input: {}, lifecycle: { precondition: [{ condition: "${timestamp() == \"never\"}", error_message: "Never." }] } }, plain: { input: {} } },
      dnsimple_zone_record: {
        a: { zone_name: "a.vn", name: "", type: "A", value: "192.0.2.1" },
        aaaa: { zone_name: "a.vn", name: "", type: "AAAA", value: "2001:db8::1", depends_on: ["terraform_data.plain"] },
        waits: { zone_name: "a.vn", name: "", type: "A", value: "192.0.2.1", depends_on: ["terraform_data.check"] },
        real: { zone_name: "a.vn", name: "www", type: "A", value: "34.120.7.9" },
      },
    })], [
      "TF-003 p-platform/dnsimple_zone_record.a: publishes the stand-in 192.0.2.1 without waiting for the check that refuses to apply it",
      "TF-003 p-platform/dnsimple_zone_record.aaaa: publishes the stand-in 2001:db8::1 without waiting for the check that refuses to apply it",
    ]],
    ["a domain without prevent_delete", [stack({ dnsimple_domain: { d: { name: "a.vn" } } })], ["PROT-002 p-platform/dnsimple_domain.d: a.vn has no prevent_delete"]],
    ["a resource whose API nobody enables, and one that does not wait for its API", [stack({ google_project_service: { storage: { service: "storage.googleapis.com", disable_on_destroy: true } }, google_compute_global_address: { ip: { name: "gw" } }, google_storage_bucket: { b: { name: "b" } } })],
      ["API-001 p-platform/google_project_service.storage: storage.googleapis.com would be disabled on destroy", "API-001 p-platform/google_storage_bucket.b: does not wait for storage.googleapis.com to be enabled", "API-001 p-platform/google_compute_global_address.ip: compute.googleapis.com is needed (google_compute_global_address) but no google_project_service enables it"]],
    ["a resource type no API is known for", [stack({ google_project_service: services, google_pubsub_topic: { t: { name: "t" } } })], ["API-001 p-platform/google_pubsub_topic.t: google_pubsub_topic: no API is known for this type"]],
    ["an invalid Google resource name", [stack({ google_project_service: services, google_compute_ssl_policy: { tls: { name: "Bad_Name", ...waits("compute") } } })], ["GW-006 p-platform/google_compute_ssl_policy.tls: name \"Bad_Name\" does not match ^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$"]],
    ["a URL map past its hard limits", [stack({ google_project_service: services, google_compute_url_map: { m: {
      name: "m", ...waits("compute"),
      host_rule: Array.from({ length: 1001 }, (_, i) => ({ hosts: [`h${i}.thu.gov.vn`], path_matcher: `p${i}` })),
      path_matcher: [{ name: "p0", default_service: "projects/p/global/backendBuckets/b", route_rules: Array.from({ length: 1001 }, (_, i) => ({ priority: i + 1, match_rules: [{ prefix_match: "/", header_matches: [{ header_name: ":authority", exact_match: "x".repeat(1000) }] }], service: "projects/p/global/backendBuckets/archives" })) }],
    } } })], [
      "GW-004 p-platform/google_compute_url_map.m: 1258095 bytes (at most 1048576)",
      "GW-004 p-platform/google_compute_url_map.m: 1001 host rules (at most 1000)",
      "GW-004 p-platform/google_compute_url_map.m: 1001 route rules in one path matcher (at most 1000)",
      "GW-004 p-platform/google_compute_url_map.m: 2002 predicates in one path matcher (at most 1000)",
    ]],
    ["a map entry with five certificates and a certificate of 101 domains", [stack({ google_project_service: services,
      google_certificate_manager_certificate_map_entry: { e: { name: "e", certificates: ["1", "2", "3", "4", "5"], ...waits("certificatemanager") } },
      google_certificate_manager_certificate: { c: { name: "c", managed: { domains: Array.from({ length: 101 }, (_, i) => `d${i}.vn`) }, ...waits("certificatemanager") } } })],
      ["GW-005 p-platform/google_certificate_manager_certificate_map_entry.e: 5 certificates in one map entry (at most 4)", "GW-005 p-platform/google_certificate_manager_certificate.c: 101 domains in one certificate (at most 100)"]],
    ["an Identity Platform config that drops the project's defaults", [stack({ google_project_service: services, google_identity_platform_config: { c: { authorized_domains: ["anphu.thu.gov.vn", "localhost"], ...waits("identitytoolkit") } } })],
      ["IDP-002 p-platform/google_identity_platform_config.c: authorized_domains drops the project's defaults thu-project.firebaseapp.com, thu-project.web.app"]],
  ])("%s", (_, stacks, expected) => {
    expect(findings(stacks)).toEqual(expected);
  });

  describe("IAM-003, a warning the synth command asks with the day (the synth itself takes none)", () => {
    const grant = (name: string, until: string) => ({ role: "roles/storage.objectUser", member: `group:${name}@thu.gov.vn`, condition: { expression: `request.time >= timestamp("2025-07-01T00:00:00+07:00") && request.time < timestamp("${until}")` }, ...waits("storage") });
    const grants = stack({ google_project_service: services, google_storage_managed_folder_iam_member: { a: grant("a", "2027-07-01T00:00:00+07:00"), b: grant("b", "2027-07-01T00:00:00+07:00"), c: grant("c", "2026-01-01T00:00:00+07:00") } });
    const warnings = (today: string) => expiredConditions([grants], today).map((finding) => `${finding.rule.id} ${finding.path}: ${finding.message}`);

    it("is no finding of the synth's rules, whatever the conditions say", () => {
      expect(findings([grants])).toEqual([]);
    });

    it("names each expired instant once, with how many grants end then", () => {
      expect(warnings("2027-07-01")).toEqual([
        "IAM-003 p-platform/google_storage_managed_folder_iam_member.a: grants roles/storage.objectUser to group:a@thu.gov.vn, and 1 other grant, only before 2027-07-01T00:00:00+07:00, which has passed: they grant nothing",
        "IAM-003 p-platform/google_storage_managed_folder_iam_member.c: grants roles/storage.objectUser to group:c@thu.gov.vn only before 2026-01-01T00:00:00+07:00, which has passed: it grants nothing",
      ]);
    });

    it("says nothing of a condition still in the future", () => {
      expect(warnings("2025-12-31")).toEqual([]);
    });
  });

  it("every rule has a source or is this project's own convention, and the new ones cite theirs", () => {
    for (const id of ["DNS-006", "BKT-004", "GW-004", "GW-005", "GW-006", "IDP-002", "IAM-003", "PROT-002", "TF-001", "TF-002", "TF-003", "API-001"]) {
      expect([id, Object.values(RULES).find((rule) => rule.id === id)?.source]).toEqual([id, expect.any(String)]);
    }
  });
});
