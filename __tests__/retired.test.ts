import { forwardMailbox } from "../src/model/retired-mail";
import { StorageBucket } from "@cdktf/provider-google/lib/storage-bucket";
import { TerraformStack, Testing } from "cdktf";
import { Protection } from "../src/constructs/protection";
import { PROTECTED_TYPES } from "../src/model/protected-types";
import { compareSyntheses, type Synthesis } from "../src/guard/compare-synths";
import { formatGuard } from "../src/guard/format-guard";
import { resolveEnvironment, type DeployEnvironment } from "../src/model/environment";
import type { Province } from "../src/model/province";
import { formatViolations } from "../src/policy/check-app";
import { synthesizeProvince } from "../src/app/synthesize";
import { loadFixture, TINY_NEW_UNITS, TINY_OLD_UNITS, TINY_SETTINGS } from "./support/fixture-config";
import { realProvince, realStacks, resourcesOf, synthProvince, testApp } from "./support/synth-province";
import { tempDir } from "./support/temp";

const province = realProvince();
const stacks = realStacks();
const communes = new Map(province.communes.map((unit) => [unit.code, unit]));

type RouteRule = { priority: number; match_rules: { header_matches: { exact_match: string }[] }[]; service?: string; route_action?: { url_rewrite: { path_prefix_rewrite: string } }; url_redirect?: { host_redirect: string } };
type PathMatcher = { name: string; default_service: string; route_rules?: RouteRule[] };

/** The URL map's host rules and path matchers, and the route rule that answers a hostname. */
function routing(synthesized: ReturnType<typeof synthProvince>) {
  const [urlMap] = resourcesOf(synthesized, "google_compute_url_map").filter(({ attributes }) => attributes.host_rule);
  const hostRules = urlMap.attributes.host_rule as { hosts: string[]; path_matcher: string }[];
  const matchers = new Map((urlMap.attributes.path_matcher as PathMatcher[]).map((m) => [m.name, m]));
  const matcherFor = (host: string) => matchers.get(hostRules.find((rule) => rule.hosts.includes(host))?.path_matcher ?? "");
  const ruleFor = (host: string) => matcherFor(host)?.route_rules?.find((rule) => rule.match_rules.some((match) => match.header_matches.some((header) => header.exact_match === host)));
  return { hostRules, matcherFor, ruleFor };
}

describe("retired units in the synthesized Bình Thuận app", () => {
  const { hostRules, matcherFor, ruleFor } = routing(stacks);

  it("answers every old unit's domain in its successor's path matcher: its archive folder or a 301 to the successor", () => {
    expect(province.retired).toHaveLength(131);
    for (const unit of province.retired) {
      const successor = communes.get(unit.successor)!;
      const host = unit.takenOverBy ? successor.takenOver!.archiveHost : unit.domain;
      expect([host, matcherFor(host)?.name]).toEqual([host, successor.backendName]);
      const rule = ruleFor(host);
      if (unit.lookup === "archive") {
        expect([host, rule?.service, rule?.route_action?.url_rewrite.path_prefix_rewrite]).toEqual([host, "projects/placeholder-binhthuan/global/backendBuckets/binhthuan-archives", `/${unit.id}/`]);
      } else expect([host, rule?.url_redirect?.host_redirect]).toEqual([host, successor.domain]);
    }
  });

  it("serves every archive from one bucket and one backend, each old unit in its own protected folder", () => {
    expect(resourcesOf(stacks, "google_storage_bucket").filter(({ attributes }) => String(attributes.name).includes("archive")).map(({ attributes }) => attributes.name)).toEqual(["binhthuan-prod-archive"]);
    expect(resourcesOf(stacks, "google_compute_backend_bucket").filter(({ attributes }) => attributes.name === "binhthuan-archives")).toHaveLength(1);
    const folders = resourcesOf(stacks, "google_storage_managed_folder").map(({ attributes }) => attributes);
    expect(folders).toHaveLength(province.retired.filter((unit) => unit.lookup === "archive").length);
    for (const folder of folders) expect(folder).toMatchObject({ bucket: "binhthuan-prod-archive", name: expect.stringMatching(/^d?\d+\/$/), force_destroy: false, lifecycle: { prevent_destroy: true } });
  });

  it("claims no hostname twice and delegates nested old zones from the zone above them", () => {
    const hosts = hostRules.flatMap((rule) => rule.hosts);
    expect(new Set(hosts).size).toBe(hosts.length);
    const delegation = resourcesOf(stacks, "dnsimple_zone_record").filter(({ attributes }) => attributes.type === "NS" && attributes.name === "phongphu");
    expect(delegation.map(({ attributes }) => attributes.zone_name)).toEqual(Array(4).fill("tuyphong.binhthuan.gov.vn"));
  });

  it("sends both split communes' domain and mail to the successor the config names", () => {
    const forwards = resourcesOf(stacks, "dnsimple_email_forward").filter(({ attributes }) => attributes.alias_name === "(.*)");
    const catchAll = (domain: string) => forwards.find(({ attributes }) => attributes.domain === domain)?.attributes.destination_email;
    expect(catchAll("phongphu.tuyphong.binhthuan.gov.vn")).toBe("vanthu@tuyphong.binhthuan.gov.vn");
    expect(catchAll("hoathang.bacbinh.binhthuan.gov.vn")).toBe("vanthu@hoathang.binhthuan.gov.vn");
  });

  it("keeps a taken-over district's portal at luutru.<domain> in the new commune's zone", () => {
    expect(ruleFor("luutru.tuyphong.binhthuan.gov.vn")?.route_action?.url_rewrite.path_prefix_rewrite).toBe("/d595/");
    const entries = resourcesOf(stacks, "google_certificate_manager_certificate_map_entry").map(({ attributes }) => attributes.hostname);
    expect(entries).toContain("luutru.tuyphong.binhthuan.gov.vn");
  });
});

describe("retired units' modes on the tiny province", () => {
  const settings = TINY_SETTINGS + "retirement: { roleAddresses: [ubnd] }\n";
  const oldUnits = TINY_OLD_UNITS.replace("merged_into,successor", "merged_into,successor,lookup,mail").replace("Xã Sông Xanh,\n", "Xã Sông Xanh,,redirect,none\n");
  const tiny = synthProvince(loadFixture({ oldUnits, settings }));

  it("redirect + none: a 301 to the successor and a domain that refuses mail", () => {
    // No https_redirect: Google refuses it on an HTTPS proxy's URL map (the request is HTTPS already).
    expect(routing(tiny).ruleFor("doicat.songxanh.thu.gov.vn")?.url_redirect).toEqual({ host_redirect: "songxanh.thu.gov.vn", redirect_response_code: "MOVED_PERMANENTLY_DEFAULT", strip_query: false });
    const records = resourcesOf(tiny, "dnsimple_zone_record").map(({ attributes }) => attributes).filter((record) => record.zone_name === "doicat.songxanh.thu.gov.vn");
    expect(records.filter((record) => record.type === "MX")).toEqual([expect.objectContaining({ name: "", value: ".", priority: 0 })]);
    expect(records).toContainEqual(expect.objectContaining({ name: "", type: "TXT", value: "v=spf1 -all" }));
    expect(resourcesOf(tiny, "google_storage_managed_folder").map(({ attributes }) => attributes.name)).not.toContain("00011/");
  });

  it("archive + forward: the unit's folder of the retained archive, mail forwarded by role and catch-all", () => {
    expect(resourcesOf(tiny, "google_storage_managed_folder").map(({ attributes }) => [attributes.bucket, attributes.name])).toContainEqual(["thu-prod-archive", "00010/"]);
    const forwards = resourcesOf(tiny, "dnsimple_email_forward").filter(({ attributes }) => attributes.domain === "anphu.songxanh.thu.gov.vn").map(({ attributes }) => [attributes.alias_name, attributes.destination_email]);
    expect(forwards).toEqual([["(.*)", "vanthu@anphu.thu.gov.vn"], ["ubnd", "ubnd@anphu.thu.gov.vn"]]);
  });

  it("the migration window: the successor's admins write the unit's folder under an IAM condition, declared whatever the day", () => {
    const windows = TINY_SETTINGS + 'retirement: { migrationWindow: { from: "2026-12-01", until: "2027-07-01" }, migrationWindows: { "00012": { from: "2025-07-01", until: "2026-01-01" } } }\n';
    const grants = resourcesOf(synthProvince(loadFixture({ settings: windows })), "google_storage_managed_folder_iam_member").map(({ attributes }) => attributes);
    expect(grants.map((grant) => [grant.managed_folder, grant.member, (grant.condition as { expression: string }).expression]).sort()).toEqual([
      [expect.stringContaining("google_storage_managed_folder.retired-00010_archive_folder"), "group:admins-anphu@thu.gov.vn", 'request.time >= timestamp("2026-12-01T00:00:00+07:00") && request.time < timestamp("2027-07-01T00:00:00+07:00")'],
      [expect.stringContaining("google_storage_managed_folder.retired-00011_archive_folder"), "group:admins-songxanh@thu.gov.vn", 'request.time >= timestamp("2026-12-01T00:00:00+07:00") && request.time < timestamp("2027-07-01T00:00:00+07:00")'],
      // 00012's own window has closed: its grant stays, with the condition that makes it grant nothing.
      [expect.stringContaining("google_storage_managed_folder.retired-00012_archive_folder"), "group:admins-anphu@thu.gov.vn", 'request.time >= timestamp("2025-07-01T00:00:00+07:00") && request.time < timestamp("2026-01-01T00:00:00+07:00")'],
      [expect.stringContaining("google_storage_managed_folder.retired-d900_archive_folder"), "group:admins-songxanh@thu.gov.vn", 'request.time >= timestamp("2026-12-01T00:00:00+07:00") && request.time < timestamp("2027-07-01T00:00:00+07:00")'],
    ]);
  });

  it("a unit with a tenant has it imported and disabled, never deleted", () => {
    const withTenant = synthProvince(loadFixture({ settings: TINY_SETTINGS + 'legacyTenants: { "00011": "projects/thu-project/tenants/doicat-1" }\n' }));
    const tenant = resourcesOf(withTenant, "google_identity_platform_tenant").find(({ attributes }) => attributes.disable_auth === true)!;
    expect(tenant.attributes).toMatchObject({ display_name: "Old00011", lifecycle: { prevent_destroy: true } });
  });
});

describe("the Protection aspect", () => {
  it("protects a resource of a protected type whatever construct declares it", () => {
    const app = testApp();
    const stack = new TerraformStack(app, "stack");
    new StorageBucket(stack, "forgotten", { name: "b", location: "x" });
    Aspects(stack);
    expect(JSON.parse(Testing.synth(stack)).resource.google_storage_bucket.forgotten.lifecycle).toEqual({ prevent_destroy: true });
  });

  it("leaves no resource of a protected type unprotected in the real app", () => {
    const unprotected = [...PROTECTED_TYPES].flatMap((type) => resourcesOf(stacks, type)).filter(({ attributes }) => !(attributes.lifecycle as { prevent_destroy?: boolean } | undefined)?.prevent_destroy);
    expect(unprotected).toEqual([]);
    expect([...PROTECTED_TYPES].flatMap((type) => resourcesOf(stacks, type)).length).toBeGreaterThan(45 + 45 + 45 + 121);
  });
});

function Aspects(stack: TerraformStack): void {
  require("cdktf").Aspects.of(stack).add(new Protection());
}

describe("the change guard", () => {
  /** Synthesizes as main.ts does (cdk.tf.json with construct paths, policy pack included), into a temp folder. */
  const synthesis = (model: Province): Synthesis => {
    const outdir = tempDir("guard-test-");
    const result = synthesizeProvince(model, resolveEnvironment(model.settings, "offline") as DeployEnvironment, outdir);
    if ("violations" in result) throw new Error(formatViolations(result.violations));
    return new Map(result.stacks.map((stack) => [stack.name, stack.config]));
  };
  const before = loadFixture();
  const names = new Map([...before.communes.map((unit) => [`commune-${unit.code}`, unit.name] as const), ...before.retired.map((unit) => [`retired-${unit.id}`, unit.name] as const)]);
  const dropped = TINY_OLD_UNITS.replace("00011,Thị trấn Đồi Cát,thi-tran,Huyện Sông Xanh,Xã Sông Xanh,\n", "");

  it("passes an unchanged tree", () => {
    const result = compareSyntheses(synthesis(before), synthesis(before), []);
    expect(result.violations).toEqual([]);
    expect(formatGuard(result, names, "settings.yaml")).toContain("guard: passed — nothing protected is lost.");
  });

  it("blocks an edit that drops an old unit, naming it, until the settings acknowledge it", () => {
    const result = compareSyntheses(synthesis(before), synthesis(loadFixture({ oldUnits: dropped })), []);
    const report = formatGuard(result, names, "settings.yaml");
    expect(result.violations.map((violation) => [violation.unit, violation.message.replace(/\.[\w-]+_[0-9A-F]{8} /, ".… ")])).toEqual([
      ["00011", "dnsimple_domain.… (doicat.songxanh.thu.gov.vn) would be destroyed"],
      ["00011", "google_storage_managed_folder.… (00011/) would be destroyed"],
    ]);
    expect(report).toContain("guard: BLOCKED — 2 changes would lose protected resources or records:");
    expect(report).toContain("  Thị trấn Đồi Cát (00011) in ");
    expect(report).toContain('    - { unit: "00011", reason: "<why this Thị trấn Đồi Cát may lose it>" }');

    const acknowledged = loadFixture({ oldUnits: dropped, settings: TINY_SETTINGS + 'acknowledgements: [{ unit: "00011", reason: "merged twice by mistake in the draft list" }]\n' });
    const allowed = compareSyntheses(synthesis(before), synthesis(acknowledged), acknowledged.settings.acknowledgements);
    expect(allowed.violations).toEqual([]);
    expect(allowed.acknowledged).toHaveLength(2);
  });

  it("names a new unit and the old unit whose code it carries apart", () => {
    // The new Xã An Phú (00010) carries the code of an old unit, here renamed Xã An Phú Cũ; a new domain for the
    // new unit blocks, and the report must name the new unit, not the old one.
    const oldUnits = TINY_OLD_UNITS.replace("00010,Xã An Phú,xa,", "00010,Xã An Phú Cũ,xa,");
    const model = loadFixture({ oldUnits });
    const unitNames = new Map([...model.communes.map((unit) => [`commune-${unit.code}`, unit.name] as const), ...model.retired.map((unit) => [`retired-${unit.id}`, unit.name] as const)]);
    const relabelled = loadFixture({ oldUnits, newUnits: TINY_NEW_UNITS.replace("code,name,kind,former_district", "code,name,kind,former_district,slug").replace("Huyện Sông Xanh\n00020", "Huyện Sông Xanh,anphumoi\n00020") });
    const report = formatGuard(compareSyntheses(synthesis(model), synthesis(relabelled), []), unitNames, "settings.yaml");
    expect(report).toContain("  Xã An Phú (00010) in ");
    expect(report).not.toContain("Xã An Phú Cũ (00010) in ");
  });

  it("blocks a rename that would replace buckets and zones", () => {
    const renamed = loadFixture({ settings: TINY_SETTINGS.replace("bucketPrefix: thu", "bucketPrefix: thu2") });
    const result = compareSyntheses(synthesis(before), synthesis(renamed), []);
    expect(result.violations.map((violation) => violation.message)).toContainEqual(expect.stringMatching(/^google_storage_bucket\..* would be replaced \(name: thu-prod-portal-00010 → thu2-prod-portal-00010\)$/));
  });
});

describe("an old unit's forwarded mail (src/model/retired-mail.ts)", () => {
  it("goes to the settings' mailbox, every {successor} in it the successor's domain, for the forwards and the report alike", () => {
    expect(forwardMailbox("vanthu@{successor}", "muine.lamdong.gov.vn")).toBe("vanthu@muine.lamdong.gov.vn");
    expect(forwardMailbox("{successor}@{successor}", "a.vn")).toBe("a.vn@a.vn");
  });
});
