import { loadProvince, provinceDir } from "../src/load/load-province";
import { environmentClaims } from "../src/model/claims";
import { type DeployEnvironment, resolveEnvironment } from "../src/model/environment";
import { provinceFor, stagingNamer } from "../src/model/environment-names";
import type { Province } from "../src/model/province";
import { delegations, topLevelZones } from "../src/model/zones";
import { checkPolicies, formatViolations } from "../src/policy/check-app";
import { buildProvinceStacks } from "../src/app/build-app";
import { configErrorOf, loadFixture, TINY_NEW_UNITS, TINY_SETTINGS } from "./support/fixture-config";
import { resourcesOf, synthProvince, testApp } from "./support/synth-province";

/**
 * Environments apart: staging's names derive from production's (src/model/environment-names.ts), and rules
 * ENV-001 to ENV-003 fail a synth where the two would share a name in a global or cross-project namespace.
 */

// Each project's organization grants the exceptions the public portals need (ORG-001/002, tested elsewhere).
const ENVIRONMENTS = `environments:
  staging: { gcpProject: thu-staging, dnsimpleAccount: "1234", stateBucket: thu-tfstate-stg, organizationPolicies: { domainRestrictedSharing: false, publicAccessPrevention: false } }
  production: { gcpProject: thu-production, dnsimpleAccount: "1234", stateBucket: thu-tfstate, organizationPolicies: { domainRestrictedSharing: false, publicAccessPrevention: false } }
`;
const environment = (province: Province, name: string) => resolveEnvironment(province.settings, name) as DeployEnvironment;

describe("staging's names", () => {
  const lamDong = loadProvince(provinceDir("lam-dong"));
  const staging = provinceFor(lamDong, "staging");
  const commune = (province: Province, code: string) => province.communes.find((unit) => unit.code === code)!;
  const retired = (province: Province, id: string) => province.retired.find((unit) => unit.id === id)!;

  it("offline and production are production's names, the same model", () => {
    expect(provinceFor(lamDong, "offline")).toBe(lamDong);
    expect(provinceFor(lamDong, "production")).toBe(lamDong);
    expect([commune(lamDong, "22918").bucketName, lamDong.archiveBucketName]).toEqual(["lamdong-prod-portal-22918", "lamdong-prod-archive"]);
  });

  it("puts every domain and hostname under staging.<parentDomain>: the province's own, an old province's and a takeover's archive host", () => {
    expect(commune(staging, "22918").hostnames.map((host) => host.name)).toEqual(["muine.staging.lamdong.gov.vn", "www.muine.staging.lamdong.gov.vn", "mta-sts.muine.staging.lamdong.gov.vn"]);
    expect([retired(staging, "22978").domain, retired(staging, "d595").domain, retired(staging, "d663").domain, retired(staging, "d677").domain]).toEqual([
      "phongphu.tuyphong.binhthuan-gov-vn.staging.lamdong.gov.vn",
      "tuyphong.binhthuan-gov-vn.staging.lamdong.gov.vn",
      "dakmil.daknong-gov-vn.staging.lamdong.gov.vn",
      "donduong.staging.lamdong.gov.vn",
    ]);
    // Xã Đơn Dương took its old district's domain over: the district's portal is read at luutru.<domain>.
    expect(commune(staging, "24931").takenOver).toEqual({ oldDomain: "donduong.staging.lamdong.gov.vn", archiveHost: "luutru.donduong.staging.lamdong.gov.vn", oldUnitId: "d677" });
    expect(commune(staging, "24931").hostnames.map((host) => host.name)).toContain("luutru.donduong.staging.lamdong.gov.vn");
  });

  it("keeps names that are not the province's zones, its labels and its per-project names", () => {
    expect(staging.settings.mail).toBe(lamDong.settings.mail);
    expect(staging.settings.sharedSystems).toBe(lamDong.settings.sharedSystems);
    const [before, after] = [commune(lamDong, "22918"), commune(staging, "22918")];
    expect([after.label, after.adminGroup, after.tenantDisplayName, after.backendName, after.hostnames.map((host) => host.certificateName)]).toEqual([before.label, before.adminGroup, before.tenantDisplayName, before.backendName, before.hostnames.map((host) => host.certificateName)]);
  });

  it("gives staging its own buckets, never adopts a zone or a tenant and never writes into the parent zone", () => {
    const settings = `${TINY_SETTINGS.replace("parentDomain: thu.gov.vn", "parentDomain: thu.gov.vn\nparentZoneManaged: true")}legacyTenants: { "00011": doicat-tenant }\n${ENVIRONMENTS}`;
    const managed = provinceFor(loadFixture({ settings }), "staging");
    expect(resourcesOf(synthProvince(loadFixture({ settings }), "staging"), "google_identity_platform_tenant").map(({ attributes }) => attributes.display_name).sort()).toEqual(["AnPhu", "SongXanh"]);
    expect(resourcesOf(synthProvince(loadFixture({ settings }), "production"), "google_identity_platform_tenant").map(({ attributes }) => attributes.display_name)).toContain("Old00011");
    expect([commune(staging, "22918").bucketName, staging.archiveBucketName]).toEqual(["lamdong-stg-portal-22918", "lamdong-stg-archive"]);
    expect([managed.settings.parentDomain, managed.settings.parentZoneManaged, managed.adoptedZones]).toEqual(["staging.thu.gov.vn", false, []]);
    expect(topLevelZones(managed)).toEqual(["anphu.staging.thu.gov.vn", "songxanh.staging.thu.gov.vn"]);
  });

  it.each(["lam-dong", "binh-thuan", "ha-noi"])("nests %s's zones in staging as in production: the same delegations, the same top-level zones", (id) => {
    const production = id === "lam-dong" ? lamDong : loadProvince(provinceDir(id));
    const rehearsal = provinceFor(production, "staging");
    const rename = stagingNamer(production, "staging");
    expect(delegations(rehearsal).map((delegation) => [delegation.childId, delegation.parent])).toEqual(delegations(production).map((delegation) => [delegation.childId, rename(delegation.parent)]));
    expect(topLevelZones(rehearsal)).toEqual(topLevelZones(production).map(rename).sort());
  });

  it("turns a custom domain into one label under staging.<parentDomain>, with its hostnames below it", () => {
    const custom = loadFixture({ newUnits: TINY_NEW_UNITS.replace("code,name,kind,former_district", "code,name,kind,former_district,domain").replace("Huyện Sông Xanh\n00020", "Huyện Sông Xanh,anphu.vn\n00020") });
    expect(commune(provinceFor(custom, "staging"), "00010").hostnames.map((host) => host.name)).toEqual(["anphu-vn.staging.thu.gov.vn", "www.anphu-vn.staging.thu.gov.vn", "mta-sts.anphu-vn.staging.thu.gov.vn"]);
  });

  it("synthesizes staging with the policy pack: no production name in any stack", () => {
    const province = loadFixture({ settings: TINY_SETTINGS + ENVIRONMENTS });
    const app = testApp();
    expect(checkPolicies(app, buildProvinceStacks(app, province, environment(province, "staging")))).toEqual([]);
    const stacks = synthProvince(province, "staging");
    expect(resourcesOf(stacks, "dnsimple_domain").map(({ attributes }) => attributes.name).sort()).toEqual(["anphu.songxanh.staging.thu.gov.vn", "anphu.staging.thu.gov.vn", "binhminh.songxanh.staging.thu.gov.vn", "doicat.songxanh.staging.thu.gov.vn", "songxanh.staging.thu.gov.vn"]);
    expect(resourcesOf(stacks, "google_storage_bucket").map(({ attributes }) => attributes.name).sort()).toEqual(["thu-stg-archive", "thu-stg-portal-00010", "thu-stg-portal-00020"]);
    const terraform = stacks.map((stack) => stack.json).join("\n");
    expect(terraform.match(/"(www\.|mta-sts\.)?[a-z.-]*(?<!staging)\.thu\.gov\.vn"/g)?.filter((name) => !/"(qlvb|mx1|mx2)\.thu\.gov\.vn"/.test(name)) ?? []).toEqual([]);
  });
});

describe("staging's settings", () => {
  it("refuses DNSimple's sandbox, saying why and what to write", () => {
    const settings = `${TINY_SETTINGS}environments:\n  staging: { gcpProject: thu-staging, dnsimpleAccount: "1234", dnsimpleSandbox: true, stateBucket: thu-tfstate-stg }\n`;
    expect(configErrorOf({ settings })).toBe(`The config has 1 problem; nothing was synthesized.

<dir>/settings.yaml, row 18: environments.staging.dnsimpleSandbox: staging cannot run in DNSimple's sandbox: its zones would never resolve publicly, so Certificate Manager's DNS authorizations would never complete and no certificate would issue
  fix: remove dnsimpleSandbox and set dnsimpleAccount to the real account: staging's zones live under environments.staging.subdomain of the real parent domain
`);
  });

  it("refuses a subdomain that makes a name too long, naming the unit", () => {
    const settings = `${TINY_SETTINGS}environments:\n  staging: { gcpProject: thu-staging, dnsimpleAccount: "1234", stateBucket: thu-tfstate-stg, subdomain: ${"s".repeat(63)} }\n`;
    const newUnits = TINY_NEW_UNITS.replace("code,name,kind,former_district", "code,name,kind,former_district,domain").replace("Huyện Sông Xanh\n00020", `Huyện Sông Xanh,${"a".repeat(61)}.vn\n00020`);
    expect(configErrorOf({ settings, newUnits }).split("\n").slice(0, 4)).toEqual([
      "The config has 3 problems; nothing was synthesized.",
      "",
      `<dir>/settings.yaml, Xã An Phú (00010): in staging, ${"a".repeat(61)}.vn would be ${"a".repeat(61)}-vn.${"s".repeat(63)}.thu.gov.vn: domain "${"a".repeat(61)}-vn.${"s".repeat(63)}.thu.gov.vn" has a label longer than 63 characters ("${"a".repeat(61)}-vn")`,
      "  fix: shorten environments.staging.subdomain, or give the unit a shorter slug or domain",
    ]);
  });

  it("refuses two of production's names that would meet in staging", () => {
    // a-b.vn and a.b.vn both become a-b-vn.staging.thu.gov.vn.
    const newUnits = TINY_NEW_UNITS.replace("code,name,kind,former_district", "code,name,kind,former_district,domain").replace("Huyện Sông Xanh\n00020,Xã Sông Xanh,xa,Huyện Sông Xanh", "Huyện Sông Xanh,a-b.vn\n00020,Xã Sông Xanh,xa,Huyện Sông Xanh,a.b.vn");
    const settings = `${TINY_SETTINGS.replace(/takeovers:\n.*\n/, "")}${ENVIRONMENTS}`;
    expect(configErrorOf({ settings, newUnits })).toContain(`<dir>/settings.yaml, Xã Sông Xanh (00020): in staging, a.b.vn and a-b.vn (Xã An Phú (00010)) would both be a-b-vn.staging.thu.gov.vn
  fix: give one of the two units another domain (a slug, or a domain cell)`);
  });
});

describe("rules ENV-001 to ENV-003: staging and production share no global name", () => {
  const violations = (settings: string, newUnits = TINY_NEW_UNITS) => {
    const province = loadFixture({ settings, newUnits });
    const app = testApp();
    return formatViolations(checkPolicies(app, buildProvinceStacks(app, province, environment(province, "offline"))).filter((violation) => violation.rule.startsWith("ENV-")));
  };

  it("pass the real provinces' environments, and the tiny one's", () => {
    expect(violations(TINY_SETTINGS + ENVIRONMENTS)).toContain("found 0 violations");
    const lamDong = loadProvince(provinceDir("lam-dong"));
    const [staging, production] = (["staging", "production"] as const).map((name) => environmentClaims(provinceFor(lamDong, name), lamDong.settings.environments[name]!));
    const names = new Set(production.filter((claim) => claim.namespace !== "project").map((claim) => claim.name));
    expect(staging.filter((claim) => claim.namespace !== "project" && names.has(claim.name))).toEqual([]);
  });

  it("ENV-001 fails when both environments keep their state in one bucket", () => {
    expect(violations(TINY_SETTINGS + ENVIRONMENTS.replace("thu-tfstate-stg", "thu-tfstate"))).toBe(`The policy pack found 1 violation; nothing was synthesized.

[ENV-001] environments: staging and production would share 1 Cloud Storage bucket: thu-tfstate (state bucket)
  fix: give each environment its own stateBucket under environments (portal and archive buckets carry -prod- or -stg-)

A deliberate exception goes in settings.yaml: suppressions: [{ rule: <id>, unit: <code>, reason: <why> }]
`);
  });

  it("ENV-002 fails when a production domain is a staging one, or holds staging's zones", () => {
    // Xã Sông Xanh's domain cell is where staging puts Xã An Phú.
    const newUnits = TINY_NEW_UNITS.replace("code,name,kind,former_district", "code,name,kind,former_district,domain").replace("Huyện Sông Xanh\n00020,Xã Sông Xanh,xa,Huyện Sông Xanh", "Huyện Sông Xanh,\n00020,Xã Sông Xanh,xa,Huyện Sông Xanh,anphu.staging.thu.gov.vn");
    expect(violations(`${TINY_SETTINGS.replace(/takeovers:\n.*\n/, "")}${ENVIRONMENTS}`, newUnits)).toContain(
      "[ENV-002] environments: staging and production would share 3 DNS names: anphu.staging.thu.gov.vn, mta-sts.anphu.staging.thu.gov.vn, www.anphu.staging.thu.gov.vn\n  fix: set environments.staging.subdomain to a label that no unit's domain uses",
    );
    // A commune whose label is the staging subdomain: its production zone would hold every staging zone.
    const slugged = TINY_NEW_UNITS.replace("code,name,kind,former_district", "code,name,kind,former_district,slug").replace("Huyện Sông Xanh\n00020", "Huyện Sông Xanh,staging\n00020");
    expect(violations(TINY_SETTINGS + ENVIRONMENTS, slugged)).toContain(
      "[ENV-002] environments: staging's 2 zones songxanh.staging.thu.gov.vn, staging.staging.thu.gov.vn would lie inside production's zone staging.thu.gov.vn, which does not delegate them",
    );
  });

  it("ENV-003 fails when both environments deploy to one project", () => {
    expect(violations(TINY_SETTINGS + ENVIRONMENTS.replace("thu-staging", "thu-production"))).toBe(`The policy pack found 1 violation; nothing was synthesized.

[ENV-003] environments: staging and production would share the GCP project thu-production
  fix: set environments.staging.gcpProject and environments.production.gcpProject to two projects

A deliberate exception goes in settings.yaml: suppressions: [{ rule: <id>, unit: <code>, reason: <why> }]
`);
  });
});
