import { ComputeBackendBucket } from "@cdktf/provider-google/lib/compute-backend-bucket";
import { ComputeSslPolicy } from "@cdktf/provider-google/lib/compute-ssl-policy";
import { IdentityPlatformTenant } from "@cdktf/provider-google/lib/identity-platform-tenant";
import { ProjectIamMember } from "@cdktf/provider-google/lib/project-iam-member";
import { StorageBucket } from "@cdktf/provider-google/lib/storage-bucket";
import { StorageBucketIamMember } from "@cdktf/provider-google/lib/storage-bucket-iam-member";
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Aspects, TerraformStack, Testing } from "cdktf";
import { DnsZone } from "../src/constructs/dns-zone";
import { MailDomain } from "../src/constructs/mail-domain";
import { Protection } from "../src/constructs/protection";
import type { Settings } from "../src/load/settings-schema";
import type { DeployEnvironment } from "../src/model/environment";
import { resolveEnvironment } from "../src/model/environment";
import { checkPolicies } from "../src/policy/check-app";
import { PolicyPack } from "../src/policy/policy-pack";
import { RULES } from "../src/policy/rules";
import { buildProvinceStacks } from "../stacks/build-app";
import { loadFixture } from "./support/fixture-config";
import { realProvince } from "./support/synth-province";

const tiny = loadFixture();

/** Runs the pack over whatever `build` declares in one protected stack; returns "RULE message" lines. */
function violationsOf(build: (stack: TerraformStack) => void, settings: Settings = tiny.settings, protect = true) {
  const app = Testing.app();
  const stack = new TerraformStack(app, "stack");
  const pack = new PolicyPack({ settings, declaredNames: new Set(["anphu.thu.gov.vn", "qlvb.thu.gov.vn"]) });
  if (protect) Aspects.of(stack).add(new Protection());
  Aspects.of(stack).add(pack);
  pack.register(stack);
  build(stack);
  return { lines: checkPolicies(app, pack).map((violation) => `${violation.rule} ${violation.message}`), pack };
}

/** A zone that passes every DNS and mail rule, to which a test adds one fault. */
function goodZone(stack: TerraformStack): DnsZone {
  const zone = new DnsZone(stack, "zone", { domain: "anphu.thu.gov.vn", adopt: false });
  zone.addRecord({ name: "", type: "CAA", value: '0 issue "pki.goog"' });
  zone.addRecord({ name: "", type: "CAA", value: '0 issuewild ";"' });
  new MailDomain(stack, "mail", { zone, mode: { kind: "none", reportTo: "dmarc@thu.gov.vn" } });
  return zone;
}

describe("the policy pack", () => {
  it("passes the real Bình Thuận app, every stack and zone", () => {
    const province = realProvince();
    const app = Testing.app();
    const pack = buildProvinceStacks(app, province, resolveEnvironment(province.settings, "offline") as DeployEnvironment);
    expect(checkPolicies(app, pack)).toEqual([]);
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
    ["a literal address", (zone: DnsZone) => zone.addRecord({ name: "", type: "A", value: "203.0.113.7" }), ["DNS-011 A @: literal address 203.0.113.7; aim at the gateway's declared address"]],
    ["an MX beside the null MX", (zone: DnsZone) => zone.addRecord({ name: "", type: "MX", value: "mx1.thu.gov.vn", priority: 10 }), ["MAIL-001 anphu.thu.gov.vn: a null MX must stand alone (no other MX, no forwards)"]],
    ["a DMARC record with tags RFC 9989 removed", (zone: DnsZone) => zone.addRecord({ name: "_dmarc", type: "TXT", value: "v=DMARC1; p=none; pct=50" }), ["MAIL-002 DMARC of anphu.thu.gov.vn uses pct=, removed by RFC 9989"]],
  ])("flags %s", (_, fault, expected) => {
    expect(violationsOf((stack) => fault(goodZone(stack))).lines).toEqual(expected);
  });

  it("flags a zone without CAA, without a mail mode and over the record limit", () => {
    const settings = { ...tiny.settings, dnsimple: { ...tiny.settings.dnsimple, maxRecordsPerZone: 2 } };
    const { lines } = violationsOf((stack) => {
      const zone = new DnsZone(stack, "zone", { domain: "anphu.thu.gov.vn", adopt: false });
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
  const root = join(__dirname, "..");
  const name = `zz-policy-${process.pid}`;
  const dir = join(root, "config", name);
  beforeAll(() => {
    cpSync(join(root, "config", "binh-thuan"), dir, { recursive: true });
    const settings = readFileSync(join(dir, "settings.yaml"), "utf8").replace("maxRecordsPerZone: 100", "maxRecordsPerZone: 20");
    writeFileSync(join(dir, "settings.yaml"), settings);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("fails with the rule id, the resource path and the fix, and writes nothing", () => {
    const outdir = join(mkdtempSync(join(tmpdir(), "policy-")), "out");
    const run = spawnSync(process.execPath, ["--import", "tsx", "main.ts"], { cwd: root, env: { ...process.env, PROVINCE: name, CDKTF_OUTDIR: outdir }, encoding: "utf8" });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^The policy pack found \d+ violations; nothing was synthesized\.\n\n\[DNS-009\] zz-policy-\d+-communes-\d\/commune-\d{5}\/zone: \w+\.binhthuan\.gov\.vn has \d+ records \(at most 20\)\n  fix: move delegated old domains/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(join(outdir, "stacks"))).toBe(false);
  });
});
