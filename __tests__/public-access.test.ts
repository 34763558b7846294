import { ComputeUrlMap } from "@cdktf/provider-google/lib/compute-url-map";
import { StorageBucketIamBinding } from "@cdktf/provider-google/lib/storage-bucket-iam-binding";
import { StorageBucketIamMember } from "@cdktf/provider-google/lib/storage-bucket-iam-member";
import { StorageManagedFolderIamMember } from "@cdktf/provider-google/lib/storage-managed-folder-iam-member";
import { rmSync } from "node:fs";
import { Aspects, TerraformStack } from "cdktf";
import { type DeployEnvironment, resolveEnvironment } from "../src/model/environment";
import type { Province } from "../src/model/province";
import { checkPolicies } from "../src/policy/check-app";
import { PolicyPack } from "../src/policy/policy-pack";
import { RULES } from "../src/policy/rules";
import { synthesizeProvince } from "../src/app/synthesize";
import { loadFixture, TINY_SETTINGS } from "./support/fixture-config";
import { resourcesOf, synthProvince, testApp } from "./support/synth-province";
import { tempDir } from "./support/temp";

const tiny = loadFixture();

/** The pack's "RULE message" lines for whatever `build` declares in one stack (no Protection: not under test). */
function violationsOf(build: (stack: TerraformStack) => void): string[] {
  const app = testApp();
  const stack = new TerraformStack(app, "stack");
  const pack = new PolicyPack({ settings: tiny.settings, declaredNames: new Set() });
  Aspects.of(stack).add(pack);
  pack.register(stack);
  build(stack);
  return checkPolicies(app, pack).map((violation) => `${violation.rule} ${violation.message}`);
}

describe("the public reads an object it names and lists nothing (IAM-002, IAM-004)", () => {
  const stacks = synthProvince(tiny);

  it("every public grant the app declares is roles/storage.legacyObjectReader, on the archive and on every portal", () => {
    const publicGrants = resourcesOf(stacks, "google_storage_bucket_iam_member").filter((grant) => grant.attributes.member === "allUsers");
    expect(publicGrants.map((grant) => [grant.address.replace(/_[0-9A-F]{8}$/, ""), grant.attributes.role]).sort()).toEqual([
      ["archive_public-read", "roles/storage.legacyObjectReader"],
      ["commune-00010_portal_public-read", "roles/storage.legacyObjectReader"],
      ["commune-00020_portal_public-read", "roles/storage.legacyObjectReader"],
    ]);
  });

  it("passes the object reader and a group's write access", () => {
    expect(violationsOf((stack) => {
      new StorageBucketIamMember(stack, "public", { bucket: "b", role: "roles/storage.legacyObjectReader", member: "allUsers" });
      new StorageManagedFolderIamMember(stack, "writer", { bucket: "b", managedFolder: "22978/", role: "roles/storage.objectUser", member: "group:admins@thu.gov.vn" });
    })).toEqual([]);
  });

  it.each<[string, (stack: TerraformStack) => void, string[]]>([
    ["the object viewer, which lists", (stack) => new StorageBucketIamMember(stack, "public", { bucket: "b", role: "roles/storage.objectViewer", member: "allUsers" }),
      ["IAM-004 allUsers granted roles/storage.objectViewer: the public may hold only roles/storage.legacyObjectReader, which lists nothing"]],
    ["a writer role on a managed folder", (stack) => new StorageManagedFolderIamMember(stack, "public", { bucket: "b", managedFolder: "22978/", role: "roles/storage.objectUser", member: "allAuthenticatedUsers" }),
      ["IAM-002 allAuthenticatedUsers granted roles/storage.objectUser", "IAM-004 allAuthenticatedUsers granted roles/storage.objectUser: the public may hold only roles/storage.legacyObjectReader, which lists nothing"]],
    ["a binding that includes the public", (stack) => new StorageBucketIamBinding(stack, "readers", { bucket: "b", role: "roles/storage.legacyBucketReader", members: ["group:a@thu.gov.vn", "allUsers"] }),
      ["IAM-002 group:a@thu.gov.vn, allUsers granted roles/storage.legacyBucketReader", "IAM-004 group:a@thu.gov.vn, allUsers granted roles/storage.legacyBucketReader: the public may hold only roles/storage.legacyObjectReader, which lists nothing"]],
  ])("flags %s", (_, build, expected) => {
    expect(violationsOf(build)).toEqual(expected);
  });
});

describe("an unknown Host gets a neutral answer (GW-007)", () => {
  const stacks = synthProvince(tiny);
  const portal = (code: string) => `projects/thu-project/global/backendBuckets/portal-${code}`;
  const archive = "projects/thu-project/global/backendBuckets/archives";
  /** A URL map in the gateway's shape, whose default is `fallback`. */
  const urlMap = (fallback: { defaultService?: string; defaultUrlRedirect?: ComputeUrlMap["defaultUrlRedirectInput"] }) => (stack: TerraformStack) =>
    new ComputeUrlMap(stack, "routes", {
      name: "thu-portals",
      ...fallback,
      hostRule: [{ hosts: ["anphu.thu.gov.vn"], pathMatcher: "portal-00010" }],
      pathMatcher: [{ name: "portal-00010", defaultService: portal("00010"), routeRules: [{ priority: 1, matchRules: [{ prefixMatch: "/", headerMatches: [{ headerName: ":authority", exactMatch: "binhminh.thu.gov.vn" }] }], service: archive }] }],
    });

  it("the gateway sends a Host no rule knows to the province's portal, 302, without path or query, and serves no site by default", () => {
    const [routes] = resourcesOf(stacks, "google_compute_url_map").filter((map) => map.attributes.host_rule);
    expect(routes.attributes.default_service).toBeUndefined();
    expect(routes.attributes.default_url_redirect).toEqual({ host_redirect: "thu.gov.vn", path_redirect: "/", redirect_response_code: "FOUND", strip_query: true });
  });

  it("each commune answers a missing page with its own 404.html, whether Cloud Storage says 403 or 404", () => {
    const [routes] = resourcesOf(stacks, "google_compute_url_map").filter((map) => map.attributes.host_rule);
    const matchers = routes.attributes.path_matcher as { name: string; default_service: string; default_custom_error_response_policy: unknown }[];
    expect(matchers.map((matcher) => [matcher.name, matcher.default_custom_error_response_policy])).toEqual(
      ["00010", "00020"].map((code) => [`portal-${code}`, { error_service: portal(code), error_response_rule: [{ match_response_codes: ["403", "404"], path: "/404.html", override_response_code: 404 }] }]),
    );
  });

  it("passes a default that redirects, or a backend no host rule serves", () => {
    expect(violationsOf(urlMap({ defaultUrlRedirect: { hostRedirect: "thu.gov.vn", pathRedirect: "/", redirectResponseCode: "FOUND", stripQuery: true } }))).toEqual([]);
    expect(violationsOf(urlMap({ defaultService: "projects/thu-project/global/backendBuckets/not-found" }))).toEqual([]);
  });

  it.each([
    ["a commune's portal", portal("00010")],
    ["the archive", archive],
  ])("flags a default that serves %s", (_, backend) => {
    expect(violationsOf(urlMap({ defaultService: backend }))).toEqual([`GW-007 the default service ${backend} is a site's backend: a Host no rule knows is answered as that site`]);
  });
});

describe("organization policies that refuse public grants (ORG-001, ORG-002)", () => {
  const production = (organizationPolicies?: string) =>
    loadFixture({ settings: `${TINY_SETTINGS}environments:\n  production: { gcpProject: thu-prod, dnsimpleAccount: "1234", stateBucket: thu-tfstate${organizationPolicies ? `, organizationPolicies: ${organizationPolicies}` : ""} }\n` });
  /** The synth main.ts runs, into a temp folder: its violations as "RULE path: message" (none: []). */
  function synthViolations(province: Province, environmentName: string): string[] {
    const outdir = tempDir("org-policies-");
    try {
      const result = synthesizeProvince(province, resolveEnvironment(province.settings, environmentName) as DeployEnvironment, outdir);
      return "violations" in result ? result.violations.map((violation) => `${violation.rule} ${violation.path}: ${violation.message}`) : [];
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  }
  const exception = (constraint: string, rule: string) => [
    `    cat > ${constraint}.yaml <<'EOF'`,
    `    name: projects/thu-prod/policies/${constraint}`,
    "    spec:",
    "      rules:",
    `      - ${rule}`,
    "    EOF",
    `    gcloud org-policies set-policy ${constraint}.yaml`,
    `  Check it: gcloud org-policies describe ${constraint} --project=thu-prod --effective`,
  ];

  it("refuses production when the settings say nothing (enforced, as in organizations created since 2024), naming the constraint, the project and the exception", () => {
    expect(synthViolations(production(), "production")).toEqual([
      [
        "ORG-001 tinh-thu-communes-1/commune-00020/portal/public-read: 3 public grants (this one and 2 more) in project thu-prod, whose organization enforces iam.allowedPolicyMemberDomains (environments.production.organizationPolicies.domainRestrictedSharing is true): each would fail at apply.",
        "  An organization policy administrator (roles/orgpolicy.policyAdmin) sets the project's exception:",
        ...exception("iam.allowedPolicyMemberDomains", "allowAll: true"),
      ].join("\n"),
      [
        "ORG-002 tinh-thu-communes-1/commune-00020/portal/public-read: 3 public grants (this one and 2 more) in project thu-prod, whose organization enforces storage.publicAccessPrevention (environments.production.organizationPolicies.publicAccessPrevention is true): each would fail at apply.",
        "  An organization policy administrator (roles/orgpolicy.policyAdmin) sets the project's exception:",
        ...exception("storage.publicAccessPrevention", "enforce: false"),
      ].join("\n"),
    ]);
  });

  it("refuses only what the organization enforces", () => {
    expect(synthViolations(production("{ domainRestrictedSharing: false }"), "production").map((line) => line.split(" ")[0])).toEqual(["ORG-002"]);
    expect(synthViolations(production("{ publicAccessPrevention: false }"), "production").map((line) => line.split(" ")[0])).toEqual(["ORG-001"]);
  });

  it("synthesizes once the exceptions are in place, and offline (never deployed) whatever the settings say", () => {
    expect(synthViolations(production("{ domainRestrictedSharing: false, publicAccessPrevention: false }"), "production")).toEqual([]);
    expect(synthViolations(production(), "offline")).toEqual([]);
  });

  it("cite their sources", () => {
    for (const rule of [RULES.publicList, RULES.neutralDefault, RULES.domainRestrictedSharing, RULES.publicAccessPrevention]) expect([rule.id, rule.source]).toEqual([rule.id, expect.stringContaining("https://")]);
  });
});
