import { checkSynthesizedStacks } from "../src/policy/output-checks";
import { realProvince, realStacks, resourcesOf, TEST_TODAY } from "./support/synth-province";

/**
 * What a real `terraform apply` of the Bình Thuận synth meets on a fresh Google Cloud project and DNSimple account
 * (shared/CONTEXT.md §6), checked on the synthesized Terraform.
 */
const province = realProvince();
const stacks = realStacks();
const project = "placeholder-binhthuan";

describe("the Bình Thuận synth applies on a fresh project and account", () => {
  it("passes every rule on the synthesized Terraform", () => {
    expect(checkSynthesizedStacks(stacks, TEST_TODAY).map((finding) => `${finding.rule.id} ${finding.path}: ${finding.message}`)).toEqual([]);
  });

  it("requires Terraform >= 1.12.0 and runs dnsimple provider 2.2.0 in every stack", () => {
    for (const stack of stacks) {
      expect([stack.name, stack.config.terraform]).toEqual([stack.name, expect.objectContaining({
        required_version: ">= 1.12.0",
        required_providers: { dnsimple: { source: "dnsimple/dnsimple", version: "2.2.0" }, google: { source: "google", version: "6.50.0" } },
      })]);
    }
  });

  it("has no bucket with both a retention policy and versioning, and at most 60 backend buckets", () => {
    const buckets = resourcesOf(stacks, "google_storage_bucket").map(({ attributes }) => attributes);
    expect(buckets.filter((bucket) => bucket.retention_policy && (bucket.versioning as { enabled?: boolean } | undefined)?.enabled)).toEqual([]);
    expect(buckets).toHaveLength(45 + 1);
    expect(resourcesOf(stacks, "google_compute_backend_bucket").length).toBeLessThanOrEqual(60);
  });

  it("protects every DNSimple domain with prevent_delete as well as prevent_destroy", () => {
    const domains = resourcesOf(stacks, "dnsimple_domain");
    expect(domains.length).toBeGreaterThan(100);
    for (const { address, attributes } of domains) expect([address, attributes.prevent_delete, attributes.lifecycle]).toEqual([address, true, { prevent_destroy: true }]);
  });

  it("enables each API the stacks use in the platform stack, never disabled on destroy", () => {
    const platform = stacks.filter((stack) => stack.name === "binh-thuan-platform");
    const services = resourcesOf(platform, "google_project_service").map(({ attributes }) => attributes);
    expect(services.map((service) => service.service).sort()).toEqual(["certificatemanager.googleapis.com", "compute.googleapis.com", "identitytoolkit.googleapis.com", "storage.googleapis.com"]);
    expect(resourcesOf(stacks, "google_project_service")).toHaveLength(4);
    for (const service of services) expect(service.disable_on_destroy).toBe(false);
  });

  it("looks up only the gateway's addresses, always with defaults, and publishes no fallback address", () => {
    const lookups = stacks.flatMap((stack) => Object.entries((stack.config.data?.terraform_remote_state ?? {}) as Record<string, { defaults?: unknown }>).map(([address, lookup]) => ({ stack: stack.name, address, lookup })));
    expect(lookups.map(({ stack }) => stack).sort()).toEqual(stacks.filter((stack) => /-(communes|retired)-/.test(stack.name)).map((stack) => stack.name).sort());
    for (const { lookup } of lookups) expect(lookup.defaults).toEqual({ gateway_ipv4: "192.0.2.1", gateway_ipv6: "2001:db8::1" });
    // cdktf's own cross-stack references would read outputs named cross-stack-output-…: none are left.
    for (const stack of stacks) expect([stack.name, stack.json.includes("cross-stack-output")]).toEqual([stack.name, false]);
    // Every record that carries an address waits for the check that refuses to apply on the fallback.
    for (const stack of stacks) {
      const checks = Object.keys((stack.config.resource?.terraform_data ?? {}) as object);
      for (const [address, record] of Object.entries((stack.config.resource?.dnsimple_zone_record ?? {}) as Record<string, { type: string; depends_on: string[] }>)) {
        if (record.type === "A" || record.type === "AAAA") expect([address, record.depends_on]).toEqual([address, expect.arrayContaining([`terraform_data.${checks[0]}`])]);
      }
    }
  });

  it("names what other stacks declare instead of looking it up: backend buckets, addresses, the SSL policy and the certificate map", () => {
    const gateway = stacks.find((stack) => stack.name === "binh-thuan-gateway")!;
    expect(gateway.config.data).toBeUndefined();
    const [proxy] = resourcesOf([gateway], "google_compute_target_https_proxy").map(({ attributes }) => attributes);
    expect(proxy).toMatchObject({ ssl_policy: `projects/${project}/global/sslPolicies/binhthuan-tls12`, certificate_map: `//certificatemanager.googleapis.com/projects/${project}/locations/global/certificateMaps/binhthuan-portals` });
    const rules = resourcesOf([gateway], "google_compute_global_forwarding_rule").map(({ attributes }) => attributes.ip_address);
    expect(new Set(rules)).toEqual(new Set([`projects/${project}/global/addresses/binhthuan-gateway-v4`, `projects/${project}/global/addresses/binhthuan-gateway-v6`]));
  });

  it("keeps the project's default authorized domains beside the portals' apex and www", () => {
    const [config] = resourcesOf(stacks, "google_identity_platform_config").map(({ attributes }) => attributes.authorized_domains as string[]);
    expect(config.slice(0, 3)).toEqual([`${project}.firebaseapp.com`, `${project}.web.app`, "localhost"]);
    expect(config).toHaveLength(3 + 45 * 2);
    expect(config).toContain("www.phanricua.binhthuan.gov.vn");
  });

  it("grants the migration window on each archive folder alone, with no IAM condition that has already expired", () => {
    const grants = resourcesOf(stacks, "google_storage_managed_folder_iam_member").map(({ attributes }) => attributes);
    expect(grants).toHaveLength(province.retired.filter((unit) => unit.lookup === "archive").length);
    for (const grant of grants) {
      expect(grant).toMatchObject({ bucket: "binhthuan-archive", role: "roles/storage.objectUser", managed_folder: expect.stringMatching(/^\$\{google_storage_managed_folder\..*\.name\}$/) });
      expect((grant.condition as { expression: string }).expression).toBe('request.time >= timestamp("2026-12-01T00:00:00+07:00") && request.time < timestamp("2027-07-01T00:00:00+07:00")');
    }
    expect(resourcesOf(stacks, "google_storage_bucket_iam_member").filter(({ attributes }) => attributes.condition)).toEqual([]);
  });
});
