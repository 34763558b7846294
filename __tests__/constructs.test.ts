import { Domain } from "@cdktf/provider-dnsimple/lib/domain";
import { EmailForward } from "@cdktf/provider-dnsimple/lib/email-forward";
import { ZoneRecord } from "@cdktf/provider-dnsimple/lib/zone-record";
import { CertificateManagerCertificate } from "@cdktf/provider-google/lib/certificate-manager-certificate";
import { CertificateManagerCertificateMapEntry } from "@cdktf/provider-google/lib/certificate-manager-certificate-map-entry";
import { ComputeBackendBucket } from "@cdktf/provider-google/lib/compute-backend-bucket";
import { ComputeSslPolicy } from "@cdktf/provider-google/lib/compute-ssl-policy";
import { ComputeUrlMap } from "@cdktf/provider-google/lib/compute-url-map";
import { IdentityPlatformConfig } from "@cdktf/provider-google/lib/identity-platform-config";
import { IdentityPlatformTenant } from "@cdktf/provider-google/lib/identity-platform-tenant";
import { IdentityPlatformTenantInboundSamlConfig } from "@cdktf/provider-google/lib/identity-platform-tenant-inbound-saml-config";
import { StorageBucket } from "@cdktf/provider-google/lib/storage-bucket";
import { StorageBucketIamMember } from "@cdktf/provider-google/lib/storage-bucket-iam-member";
import { StorageBucketObject } from "@cdktf/provider-google/lib/storage-bucket-object";
import { ComputeGlobalForwardingRule } from "@cdktf/provider-google/lib/compute-global-forwarding-rule";
import { ComputeTargetHttpsProxy } from "@cdktf/provider-google/lib/compute-target-https-proxy";
import { ProjectService } from "@cdktf/provider-google/lib/project-service";
import { StorageManagedFolder } from "@cdktf/provider-google/lib/storage-managed-folder";
import { StorageManagedFolderIamMember } from "@cdktf/provider-google/lib/storage-managed-folder-iam-member";
import { TerraformStack, Testing } from "cdktf";
import type { Construct } from "constructs";
import { ArchiveFolder } from "../src/constructs/archive-folder";
import { DnsZone } from "../src/constructs/dns-zone";
import { ZoneDelegation } from "../src/constructs/zone-delegation";
import { GatewayAddresses } from "../src/constructs/gateway-addresses";
import { GatewayEdge } from "../src/constructs/gateway-edge";
import { GatewayRouting } from "../src/constructs/gateway-routing";
import { HostCertificate } from "../src/constructs/host-certificate";
import { IdentityPlatformProject } from "../src/constructs/identity-platform-project";
import { IdentityTenant } from "../src/constructs/identity-tenant";
import { MailDomain, mtaStsPolicy } from "../src/constructs/mail-domain";
import { ProjectApis } from "../src/constructs/project-apis";
import { HSTS_HEADER, SiteBucket } from "../src/constructs/site-bucket";
import { loadFixture } from "./support/fixture-config";
import { like, resourcesIn } from "./support/resources";
import { testApp } from "./support/synth-province";

const settings = loadFixture().settings;
/** Testing.synthScope, with the app's output folder among the test's temp folders. */
const synth = (build: (scope: Construct) => void) => {
  const stack = new TerraformStack(testApp(), "stack");
  build(stack);
  return Testing.synth(stack);
};

describe("DnsZone", () => {
  it("creates a zone as a domain, with no import unless it was adopted from DNSimple (adopt.test.ts)", () => {
    const out = synth((scope) => new DnsZone(scope, "zone", { domain: "anphu.thu.gov.vn", importExisting: true }));
    expect(out).toHaveResourceWithProperties(Domain, { name: "anphu.thu.gov.vn" });
    expect(JSON.parse(out).import).toBeUndefined();
  });

  it("a delegation: the child's NS records in the parent zone, waiting for that zone", () => {
    const out = synth((scope) => {
      const parent = new DnsZone(scope, "parent", { domain: "songxanh.thu.gov.vn", importExisting: true });
      new ZoneDelegation(scope, "delegation", { parentZone: "songxanh.thu.gov.vn", child: "doicat.songxanh.thu.gov.vn", nameServers: ["ns1.dnsimple.com", "ns2.dnsimple-edge.net"], parent: parent.resource });
    });
    expect(resourcesIn(out, ZoneRecord)).toEqual([
      like({ zone_name: "songxanh.thu.gov.vn", name: "doicat", type: "NS", value: "ns1.dnsimple.com", ttl: 3600, depends_on: [expect.stringMatching(/^dnsimple_domain\.parent_domain_/)] }),
      like({ zone_name: "songxanh.thu.gov.vn", name: "doicat", type: "NS", value: "ns2.dnsimple-edge.net" }),
    ]);
  });

  it("keys records by name and type, so a changed value keeps its address", () => {
    const addresses = (value: string) =>
      Object.keys(JSON.parse(synth((scope) => new DnsZone(scope, "zone", { domain: "a.vn", importExisting: true }).addRecord({ name: "www", type: "CNAME", value }))).resource.dnsimple_zone_record);
    expect(addresses("a.vn")).toEqual(addresses("b.vn"));
  });
});

describe("MailDomain", () => {
  const zoneOf = (scope: Construct) => new DnsZone(scope, "zone", { domain: "anphu.thu.gov.vn", importExisting: true });

  it("hosted: MX to every host, one SPF, DMARC per RFC 9989, MTA-STS and TLS-RPT, policy served from the portal", () => {
    const out = synth((scope) => new MailDomain(scope, "mail", { zone: zoneOf(scope), mode: { kind: "hosted", mail: settings.mail, policyBucket: "thu-portal-00010" } }));
    expect(resourcesIn(out, ZoneRecord)).toContainEqual(like({ name: "", type: "MX", value: "mx2.thu.gov.vn", priority: 20 }));
    expect(resourcesIn(out, ZoneRecord)).toContainEqual(like({ name: "", type: "TXT", value: "v=spf1 mx -all" }));
    expect(resourcesIn(out, ZoneRecord)).toContainEqual(like({ name: "_dmarc", type: "TXT", value: "v=DMARC1; p=reject; np=reject; adkim=s; aspf=s; rua=mailto:dmarc@thu.gov.vn" }));
    expect(resourcesIn(out, ZoneRecord)).toContainEqual(like({ name: "_smtp._tls", type: "TXT", value: "v=TLSRPTv1; rua=mailto:tlsrpt@thu.gov.vn" }));
    expect(resourcesIn(out, StorageBucketObject)).toContainEqual(like({ bucket: "thu-portal-00010", name: ".well-known/mta-sts.txt", content: mtaStsPolicy(settings.mail) }));
    expect(mtaStsPolicy(settings.mail)).toBe("version: STSv1\r\nmode: enforce\r\nmx: mx1.thu.gov.vn\r\nmx: mx2.thu.gov.vn\r\nmax_age: 604800\r\n");
    expect(out).not.toMatch(/pct=|rf=|ri=/);
  });

  it("none: a null MX alone, SPF -all and DMARC reject", () => {
    const out = synth((scope) => new MailDomain(scope, "mail", { zone: zoneOf(scope), mode: { kind: "none", reportTo: "dmarc@thu.gov.vn" } }));
    expect(resourcesIn(out, ZoneRecord)).toContainEqual(like({ name: "", type: "MX", value: ".", priority: 0 }));
    expect(resourcesIn(out, ZoneRecord)).toContainEqual(like({ name: "", type: "TXT", value: "v=spf1 -all" }));
    expect(resourcesIn(out, ZoneRecord)).toContainEqual(like({ name: "_dmarc", value: "v=DMARC1; p=reject; np=reject; adkim=s; aspf=s; rua=mailto:dmarc@thu.gov.vn" }));
  });

  it("forward: a catch-all and role forwards, and no MX of its own", () => {
    const out = synth((scope) => new MailDomain(scope, "mail", { zone: zoneOf(scope), mode: { kind: "forward", catchAllTo: "vanthu@songxanh.thu.gov.vn", roleAddresses: ["ubnd"], roleDomain: "songxanh.thu.gov.vn", reportTo: "dmarc@thu.gov.vn" } }));
    expect(resourcesIn(out, EmailForward)).toContainEqual(like({ domain: "anphu.thu.gov.vn", alias_name: "(.*)", destination_email: "vanthu@songxanh.thu.gov.vn" }));
    expect(resourcesIn(out, EmailForward)).toContainEqual(like({ alias_name: "ubnd", destination_email: "ubnd@songxanh.thu.gov.vn" }));
    expect(resourcesIn(out, ZoneRecord)).not.toContainEqual(like({ type: "MX" }));
  });
});

describe("IdentityTenant", () => {
  it("turns self sign-up off and restricts user deletion", () => {
    const out = synth((scope) => new IdentityTenant(scope, "tenant", { displayName: "AnPhu", portalDomain: "anphu.thu.gov.vn" }));
    expect(resourcesIn(out, IdentityPlatformTenant)).toContainEqual(like({ display_name: "AnPhu", allow_password_signup: false, disable_auth: false, client: { permissions: { disabled_user_signup: true, disabled_user_deletion: true } } }));
  });

  it("connects the province's SAML provider when the settings give one", () => {
    const sso = { kind: "saml" as const, displayName: "SSO tỉnh", entityId: "https://sso.thu.gov.vn", ssoUrl: "https://sso.thu.gov.vn/saml", certificate: "MIIB" };
    const out = synth((scope) => new IdentityTenant(scope, "tenant", { displayName: "AnPhu", portalDomain: "anphu.thu.gov.vn", sso }));
    expect(resourcesIn(out, IdentityPlatformTenantInboundSamlConfig)).toContainEqual(like({ idp_config: { idp_entity_id: "https://sso.thu.gov.vn", sso_url: "https://sso.thu.gov.vn/saml" }, sp_config: { callback_uri: "https://anphu.thu.gov.vn/__/auth/handler" } }));
  });

  it("a retired unit's tenant is disabled, imported and keeps no SSO", () => {
    const out = synth((scope) => new IdentityTenant(scope, "tenant", { displayName: "OldUnit", portalDomain: "old.thu.gov.vn", disabled: true, importId: "projects/p/tenants/old-1" }));
    expect(resourcesIn(out, IdentityPlatformTenant)).toContainEqual(like({ disable_auth: true }));
    expect(JSON.parse(out).import).toEqual([{ id: "projects/p/tenants/old-1", to: expect.stringMatching(/^google_identity_platform_tenant\./) }]);
    expect(out).not.toHaveResource(IdentityPlatformTenantInboundSamlConfig);
  });

  it("the project allows tenants, authorizes the portals and keeps the project's own default domains", () => {
    const out = synth((scope) => {
      const api = new ProjectService(scope, "api", { service: "identitytoolkit.googleapis.com" });
      new IdentityPlatformProject(scope, "idp", { project: "thu-project", portalHosts: ["anphu.thu.gov.vn", "www.anphu.thu.gov.vn"], api });
    });
    expect(resourcesIn(out, IdentityPlatformConfig)).toContainEqual(like({
      multi_tenant: { allow_tenants: true },
      authorized_domains: ["thu-project.firebaseapp.com", "thu-project.web.app", "localhost", "anphu.thu.gov.vn", "www.anphu.thu.gov.vn"],
      depends_on: [expect.stringMatching(/^google_project_service\.api/)],
    }));
  });
});

describe("ProjectApis", () => {
  it("enables every API the stacks call and never disables one on destroy", () => {
    const out = synth((scope) => new ProjectApis(scope, "apis"));
    const services = resourcesIn(out, ProjectService);
    expect(services.map((service) => service.service).sort()).toEqual(["certificatemanager.googleapis.com", "compute.googleapis.com", "identitytoolkit.googleapis.com", "storage.googleapis.com"]);
    for (const service of services) expect(service).toMatchObject({ disable_on_destroy: false, disable_dependent_services: false });
  });
});

describe("SiteBucket", () => {
  it("a portal: uniform access, versioning, public read only, the admin group writes, CDN with HSTS", () => {
    const out = synth((scope) => new SiteBucket(scope, "portal", { bucketName: "thu-portal-00010", backendName: "portal-00010", location: "asia-southeast1", labels: {}, writers: ["group:admins-anphu@thu.gov.vn"] }));
    expect(resourcesIn(out, StorageBucket)).toContainEqual(like({ name: "thu-portal-00010", uniform_bucket_level_access: true, versioning: { enabled: true }, force_destroy: false }));
    expect(resourcesIn(out, StorageBucket)[0].retention_policy).toBeUndefined();
    expect(resourcesIn(out, StorageBucketIamMember)).toContainEqual(like({ role: "roles/storage.legacyObjectReader", member: "allUsers" }));
    expect(resourcesIn(out, StorageBucketIamMember)).toContainEqual(like({ role: "roles/storage.objectAdmin", member: "group:admins-anphu@thu.gov.vn" }));
    expect(resourcesIn(out, StorageBucketIamMember)).not.toContainEqual(like({ member: "allUsers", role: "roles/storage.objectAdmin" }));
    expect(resourcesIn(out, ComputeBackendBucket)).toContainEqual(like({ name: "portal-00010", enable_cdn: true, custom_response_headers: [HSTS_HEADER] }));
  });

  it("the archive: retention and no object versions (Cloud Storage refuses the two together)", () => {
    const out = synth((scope) => new SiteBucket(scope, "archive", { bucketName: "thu-archive", backendName: "archives", location: "asia-southeast1", labels: {}, writers: [], retentionDays: 10 }));
    expect(resourcesIn(out, StorageBucket)).toContainEqual(like({ name: "thu-archive", retention_policy: { retention_period: 864000, is_locked: false }, versioning: { enabled: false }, uniform_bucket_level_access: true }));
    expect(resourcesIn(out, StorageBucketIamMember).map((member) => member.member)).toEqual(["allUsers"]);
  });
});

describe("ArchiveFolder", () => {
  const window = { from: "2026-12-01", until: "2027-07-01" };

  it("one old unit's folder of the archive, written by its successor's admins during the migration window only", () => {
    const out = synth((scope) => new ArchiveFolder(scope, "archive", { bucketName: "thu-archive", folder: "00011/", writer: { member: "group:admins-songxanh@thu.gov.vn", window } }));
    expect(resourcesIn(out, StorageManagedFolder)).toEqual([like({ bucket: "thu-archive", name: "00011/", force_destroy: false })]);
    expect(resourcesIn(out, StorageManagedFolderIamMember)).toEqual([like({
      bucket: "thu-archive",
      role: "roles/storage.objectUser",
      member: "group:admins-songxanh@thu.gov.vn",
      condition: { title: "migration-window", description: "Copying the old portal in: 2026-12-01 to 2027-07-01", expression: 'request.time >= timestamp("2026-12-01T00:00:00+07:00") && request.time < timestamp("2027-07-01T00:00:00+07:00")' },
    })]);
  });

  it("without a writer, only the folder", () => {
    const out = synth((scope) => new ArchiveFolder(scope, "archive", { bucketName: "thu-archive", folder: "00011/" }));
    expect(resourcesIn(out, StorageManagedFolder)).toHaveLength(1);
    expect(out).not.toHaveResource(StorageManagedFolderIamMember);
  });
});

describe("HostCertificate and the gateway", () => {
  it("one certificate and map entry per hostname, authorised by a CNAME in the zone", () => {
    const out = synth((scope) => {
      const zone = new DnsZone(scope, "zone", { domain: "anphu.thu.gov.vn", importExisting: true });
      new HostCertificate(scope, "www", { zone, hostname: { name: "www.anphu.thu.gov.vn", role: "www", certificateName: "c00010-www" }, certificateMapName: "thu-portals", labels: {} });
    });
    expect(resourcesIn(out, ZoneRecord)).toContainEqual(like({ zone_name: "anphu.thu.gov.vn", name: "_acme-challenge.www", type: "CNAME" }));
    expect(resourcesIn(out, CertificateManagerCertificate)).toContainEqual(like({ name: "c00010-www", managed: { domains: ["www.anphu.thu.gov.vn"] } }));
    expect(resourcesIn(out, CertificateManagerCertificateMapEntry)).toContainEqual(like({ name: "c00010-www", map: "thu-portals", hostname: "www.anphu.thu.gov.vn" }));
  });

  it("TLS ≥ 1.2, one host rule per commune with its old units' archive and redirect rules, its own 404 page, an unknown Host sent to the province, HTTP answered with HTTPS", () => {
    const out = synth((scope) => {
      const api = new ProjectService(scope, "api", { service: "compute.googleapis.com" });
      new GatewayEdge(scope, "edge", { namePrefix: "thu", labels: {}, apis: [api] });
      new GatewayRouting(scope, "routing", {
        namePrefix: "thu",
        neutralHost: "thu.gov.vn",
        routes: [
          {
            id: "portal-00010",
            portalHosts: ["anphu.thu.gov.vn", "www.anphu.thu.gov.vn"],
            portalBackendId: "projects/p/global/backendBuckets/portal-00010",
            retired: [
              { hosts: ["binhminh.thu.gov.vn"], archiveFolder: "00012/" },
              { hosts: ["doicat.thu.gov.vn"], redirectTo: "anphu.thu.gov.vn" },
            ],
          },
        ],
        archiveBackendId: "projects/p/global/backendBuckets/archives",
        ipv4AddressId: "projects/p/global/addresses/thu-gateway-v4",
        ipv6AddressId: "projects/p/global/addresses/thu-gateway-v6",
        sslPolicyId: "projects/p/global/sslPolicies/thu-tls12",
        certificateMapId: "projects/p/locations/global/certificateMaps/thu-portals",
        labels: {},
      });
    });
    expect(resourcesIn(out, ComputeSslPolicy)).toContainEqual(like({ min_tls_version: "TLS_1_2", profile: "MODERN" }));
    const authority = (host: string) => ({ prefix_match: "/", header_matches: [{ header_name: ":authority", exact_match: host }] });
    expect(resourcesIn(out, ComputeUrlMap)).toContainEqual(like({
      default_url_redirect: { host_redirect: "thu.gov.vn", path_redirect: "/", redirect_response_code: "FOUND", strip_query: true },
      host_rule: [{ hosts: ["anphu.thu.gov.vn", "www.anphu.thu.gov.vn", "binhminh.thu.gov.vn", "doicat.thu.gov.vn"], path_matcher: "portal-00010" }],
      path_matcher: [{
        name: "portal-00010",
        default_service: "projects/p/global/backendBuckets/portal-00010",
        default_custom_error_response_policy: { error_service: "projects/p/global/backendBuckets/portal-00010", error_response_rule: [{ match_response_codes: ["403", "404"], path: "/404.html", override_response_code: 404 }] },
        route_rules: [
          { priority: 1, match_rules: [authority("binhminh.thu.gov.vn")], service: "projects/p/global/backendBuckets/archives", route_action: { url_rewrite: { path_prefix_rewrite: "/00012/" } } },
          { priority: 2, match_rules: [authority("doicat.thu.gov.vn")], url_redirect: { host_redirect: "anphu.thu.gov.vn", redirect_response_code: "MOVED_PERMANENTLY_DEFAULT", strip_query: false } },
        ],
      }],
    }));
    expect(resourcesIn(out, ComputeUrlMap)).toContainEqual(like({ name: "thu-http-to-https", default_url_redirect: { https_redirect: true } }));
    expect(resourcesIn(out, ComputeTargetHttpsProxy)).toContainEqual(like({ certificate_map: "//certificatemanager.googleapis.com/projects/p/locations/global/certificateMaps/thu-portals", ssl_policy: "projects/p/global/sslPolicies/thu-tls12" }));
    expect(resourcesIn(out, ComputeGlobalForwardingRule).map((rule) => rule.ip_address).sort()).toEqual([
      "projects/p/global/addresses/thu-gateway-v4", "projects/p/global/addresses/thu-gateway-v4", "projects/p/global/addresses/thu-gateway-v6", "projects/p/global/addresses/thu-gateway-v6",
    ]);
  });
});

describe("GatewayAddresses", () => {
  it("without the platform's addresses: the stand-ins, an output that names them and a check that refuses to apply them", () => {
    const json = JSON.parse(synth((scope) => new GatewayAddresses(scope, "addresses", { missing: "environments.staging.gatewayAddresses is not set." })));
    const why = "documentation addresses (RFC 5737, RFC 3849), never routed: environments.staging.gatewayAddresses is not set.";
    expect(json.data).toBeUndefined();
    expect(Object.values(json.resource.terraform_data)).toEqual([{
      input: { gateway_ipv4: "192.0.2.1", gateway_ipv6: "2001:db8::1", why },
      lifecycle: {
        precondition: [{
          condition: '${length(local.gateway_stand_ins) == 0 || timestamp() == "never"}',
          error_message: "This stack carries the stand-in gateway addresses 192.0.2.1 / 2001:db8::1, which are never applied: environments.staging.gatewayAddresses is not set.",
        }],
      },
    }]);
    expect(json.locals).toEqual({ gateway_stand_ins: { gateway_ipv4: "192.0.2.1", gateway_ipv6: "2001:db8::1" } });
    expect(json.output).toEqual({ stand_ins: { description: "Values of this plan that are stand-ins, and why", value: { gateway_ipv4: "192.0.2.1", gateway_ipv6: "2001:db8::1", why } } });
  });

  it("with the platform's addresses: plain values, no check, no stand-ins", () => {
    let addresses: GatewayAddresses | undefined;
    const json = JSON.parse(synth((scope) => { addresses = new GatewayAddresses(scope, "addresses", { applied: { ipv4: "34.120.7.9", ipv6: "2600:1901:0:7::" }, missing: "unused" }); }));
    expect([addresses?.ipv4, addresses?.ipv6, addresses?.standInCheck]).toEqual(["34.120.7.9", "2600:1901:0:7::", undefined]);
    expect([json.resource, json.data, json.locals, json.output]).toEqual([undefined, undefined, undefined, undefined]);
  });
});
