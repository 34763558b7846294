import { Zone } from "@cdktf/provider-dnsimple/lib/zone";
import { Aspects, TerraformStack, Testing } from "cdktf";
import { Protection } from "../src/constructs/protection";
import { domainProblem } from "../src/model/domain-name";
import { loadFixture, TINY_NEW_UNITS, TINY_OLD_UNITS, TINY_SETTINGS } from "./support/fixture-config";
import { realProvince, realStacks, resourcesOf, type SynthStack, synthProvince, testApp } from "./support/synth-province";

const province = realProvince();
const stacks = realStacks();
const commune = (stack: SynthStack) => stack.name.includes("-communes-");

interface Record { zone: string; name: string; type: string; value: string }
const records = (): Record[] =>
  resourcesOf(stacks, "dnsimple_zone_record").map(({ attributes }) => ({ zone: attributes.zone_name as string, name: attributes.name as string, type: attributes.type as string, value: attributes.value as string }));

describe("the synthesized Bình Thuận app", () => {
  it("declares 45 zones, 45 tenants and 45 portal buckets for the new communes", () => {
    const communeZones = resourcesOf(stacks, "dnsimple_domain").concat(resourcesOf(stacks, "dnsimple_zone")).filter(({ address }) => address.startsWith("commune-"));
    expect(communeZones).toHaveLength(45);
    expect(resourcesOf(stacks.filter(commune), "google_identity_platform_tenant")).toHaveLength(45);
    expect(resourcesOf(stacks, "google_storage_bucket").filter(({ attributes }) => String(attributes.name).includes("-portal-"))).toHaveLength(45);
  });

  it("routes every commune hostname through one host rule and one certificate map entry", () => {
    const hostnames = province.communes.flatMap((unit) => unit.hostnames.filter((host) => host.role !== "archive").map((host) => host.name));
    const [urlMap] = resourcesOf(stacks, "google_compute_url_map").filter(({ attributes }) => attributes.host_rule);
    const ruled = (urlMap.attributes.host_rule as { hosts: string[] }[]).flatMap((rule) => rule.hosts);
    const entries = resourcesOf(stacks, "google_certificate_manager_certificate_map_entry").map(({ attributes }) => attributes.hostname);
    expect(hostnames).toHaveLength(135);
    for (const host of hostnames) {
      expect(ruled.filter((name) => name === host)).toHaveLength(1);
      expect(entries.filter((name) => name === host)).toHaveLength(1);
    }
    expect(new Set(ruled).size).toBe(ruled.length);
    expect(new Set(entries).size).toBe(entries.length);
  });

  it("writes only record names valid in their zone", () => {
    for (const record of records()) {
      const fqdn = record.name ? `${record.name}.${record.zone}` : record.zone;
      expect([record, domainProblem(fqdn.replace(/(^|\.)_/g, "$1u"))]).toEqual([record, undefined]);
    }
  });

  it("writes no record twice and at most 100 records in any zone", () => {
    const all = records();
    const keys = all.map((record) => JSON.stringify(record));
    expect(new Set(keys).size).toBe(keys.length);
    const perZone = new Map<string, number>();
    for (const record of all) perZone.set(record.zone, (perZone.get(record.zone) ?? 0) + 1);
    expect(Math.max(...perZone.values())).toBeLessThanOrEqual(province.settings.dnsimple.maxRecordsPerZone);
  });

  it("keeps each stack's DNSimple resources under 1,000, so a plan and apply of one stack stay within 2,400 API requests an hour", () => {
    for (const stack of stacks) {
      const count = Object.entries(stack.config.resource ?? {}).filter(([type]) => type.startsWith("dnsimple_")).reduce((sum, [, byName]) => sum + Object.keys(byName).length, 0);
      expect([stack.name, count <= 1000]).toEqual([stack.name, true]);
    }
  });

  it("keeps every stack under 1,000 resources", () => {
    for (const stack of stacks) {
      const count = Object.values(stack.config.resource ?? {}).reduce((sum, byName) => sum + Object.keys(byName).length, 0);
      expect([stack.name, count < 1000]).toEqual([stack.name, true]);
    }
  });

  it("outputs each zone's name servers, portal URL and tenant id, and the gateway's addresses", () => {
    const outputs = Object.assign({}, ...stacks.map((stack) => stack.config.output ?? {}));
    expect(outputs["commune-22972-output"].value).toEqual({
      domain: "phanricua.binhthuan.gov.vn",
      name_servers: ["ns1.dnsimple.com", "ns2.dnsimple-edge.net", "ns3.dnsimple.com", "ns4.dnsimple-edge.org"],
      portal_url: "https://phanricua.binhthuan.gov.vn/",
      tenant_id: expect.stringMatching(/^\$\{google_identity_platform_tenant\..*\.name\}$/),
    });
    expect(Object.keys(outputs)).toEqual(expect.arrayContaining(["gateway_ipv4", "gateway_ipv6"]));
  });

  it("protects every zone, domain, tenant, bucket and archive folder from destroy", () => {
    // Bình Thuận's zones are all dnsimple_domain (one that exists already is imported into one); the other kind,
    // dnsimple_zone, is only a managed parent zone (parentZoneManaged), checked below.
    const counts = { dnsimple_domain: 166, dnsimple_zone: 0, google_identity_platform_tenant: 45, google_storage_bucket: 46, google_storage_managed_folder: 131 };
    expect(Object.fromEntries(Object.keys(counts).map((type) => [type, resourcesOf(stacks, type).length]))).toEqual(counts);
    for (const type of Object.keys(counts)) {
      for (const { address, attributes } of resourcesOf(stacks, type)) {
        expect([address, attributes.lifecycle]).toEqual([address, { prevent_destroy: true }]);
        if (type === "dnsimple_domain") expect([address, attributes.prevent_delete]).toEqual([address, true]);
      }
    }
    const stack = new TerraformStack(testApp(), "adopting");
    Aspects.of(stack).add(new Protection());
    new Zone(stack, "parent-zone", { name: "anphu.thu.gov.vn" });
    expect(Object.values(JSON.parse(Testing.synth(stack)).resource.dnsimple_zone)).toEqual([{ name: "anphu.thu.gov.vn", lifecycle: { prevent_destroy: true } }]);
  });
});

describe("Terraform addresses", () => {
  const addresses = (province: ReturnType<typeof loadFixture>) =>
    synthProvince(province).flatMap((stack) => Object.values(stack.config.resource ?? {}).flatMap((byName) => Object.keys(byName)).map((address) => `${stack.name}:${address}`)).sort();

  it("stay the same when a commune is renamed", () => {
    const renamed = {
      newUnits: TINY_NEW_UNITS.replace("Xã An Phú", "Xã An Phú Tây"),
      oldUnits: TINY_OLD_UNITS.replace(/,Xã An Phú,/g, ",Xã An Phú Tây,").replace(/,Xã An Phú\n/g, ",Xã An Phú Tây\n"),
      settings: TINY_SETTINGS,
    };
    const before = loadFixture();
    const after = loadFixture(renamed);
    expect(after.communes[0].domain).toBe("anphutay.thu.gov.vn");
    expect(addresses(after)).toEqual(addresses(before));
  });
});
