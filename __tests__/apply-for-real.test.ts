import { checkSynthesizedStacks } from "../src/policy/output-checks";
import { realProvince, realStacks, resourcesOf, synthProvince } from "./support/synth-province";

/**
 * What a real `terraform apply` of the Bình Thuận synth meets on a fresh Google Cloud project and DNSimple account
 * (shared/CONTEXT.md §6), checked on the synthesized Terraform.
 */
const province = realProvince();
const stacks = realStacks();
const project = "placeholder-binhthuan";

describe("the Bình Thuận synth applies on a fresh project and account", () => {
  it("passes every rule on the synthesized Terraform", () => {
    expect(checkSynthesizedStacks(stacks).map((finding) => `${finding.rule.id} ${finding.path}: ${finding.message}`)).toEqual([]);
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

  it("reads no other stack's state; on stand-ins every shard says so and no address record can apply before its check", () => {
    for (const stack of stacks) expect([stack.name, stack.config.data?.terraform_remote_state, stack.json.includes("cross-stack-output")]).toEqual([stack.name, undefined, false]);
    const shards = stacks.filter((stack) => /-communes-/.test(stack.name));
    for (const stack of shards) {
      expect([stack.name, stack.config.output?.stand_ins?.value]).toEqual([stack.name, expect.objectContaining({ gateway_ipv4: "192.0.2.1", gateway_ipv6: "2001:db8::1" })]);
      const checks = Object.keys((stack.config.resource?.terraform_data ?? {}) as object);
      expect([stack.name, checks.length]).toEqual([stack.name, 1]);
      const records = Object.entries((stack.config.resource?.dnsimple_zone_record ?? {}) as Record<string, { type: string; value: string; depends_on: string[] }>).filter(([, record]) => record.type === "A" || record.type === "AAAA");
      expect(records.length).toBeGreaterThan(0);
      for (const [address, record] of records) {
        expect([address, record.value, record.depends_on]).toEqual([address, record.type === "A" ? "192.0.2.1" : "2001:db8::1", expect.arrayContaining([`terraform_data.${checks[0]}`])]);
      }
    }
    expect(stacks.filter((stack) => stack.config.output?.stand_ins).map((stack) => stack.name).sort()).toEqual(shards.map((stack) => stack.name).sort());
  });

  it("with the platform's addresses in the settings, the shards publish them and carry no check", () => {
    const staging = province.settings.environments.staging!;
    const applied = { ...province, settings: { ...province.settings, environments: { staging: { ...staging, gatewayAddresses: { ipv4: "34.120.7.9", ipv6: "2600:1901:0:7::" }, organizationPolicies: { domainRestrictedSharing: false, publicAccessPrevention: false } } } } };
    const deployed = synthProvince(applied, "staging");
    expect(checkSynthesizedStacks(deployed)).toEqual([]);
    const addresses = resourcesOf(deployed, "dnsimple_zone_record").filter(({ attributes }) => attributes.type === "A" || attributes.type === "AAAA");
    expect(new Set(addresses.map(({ attributes }) => attributes.value))).toEqual(new Set(["34.120.7.9", "2600:1901:0:7::"]));
    for (const { address, attributes } of addresses) expect([address, (attributes.depends_on as string[]).filter((target) => target.startsWith("terraform_data."))]).toEqual([address, []]);
    expect(resourcesOf(deployed, "terraform_data")).toEqual([]);
    expect(deployed.filter((stack) => stack.config.output?.stand_ins)).toEqual([]);
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
      expect(grant).toMatchObject({ bucket: "binhthuan-prod-archive", role: "roles/storage.objectUser", managed_folder: expect.stringMatching(/^\$\{google_storage_managed_folder\..*\.name\}$/) });
      expect((grant.condition as { expression: string }).expression).toBe('request.time >= timestamp("2026-12-01T00:00:00+07:00") && request.time < timestamp("2027-07-01T00:00:00+07:00")');
    }
    expect(resourcesOf(stacks, "google_storage_bucket_iam_member").filter(({ attributes }) => attributes.condition)).toEqual([]);
  });
});
