import type { TerraformResource } from "cdktf";
import { Construct } from "constructs";
import type { MailSettings, SharedSystem, SsoSettings } from "../model/settings";
import type { AdoptedZone } from "../model/adopted-zone";
import type { Commune } from "../model/province";
import { DnsZone } from "./dns-zone";
import { HostCertificate } from "./host-certificate";
import { IdentityTenant } from "./identity-tenant";
import { MailDomain } from "./mail-domain";
import { SiteBucket } from "./site-bucket";

/** What every site needs of the shared gateway. */
export interface GatewayEndpoint {
  /** The addresses: the platform's from the settings, or the stand-ins. */
  readonly ipv4: string;
  readonly ipv6: string;
  /** On stand-ins, the check that refuses to apply them; address records wait for it. */
  readonly standInCheck?: TerraformResource;
  readonly certificateMapName: string;
}

export interface CommuneSiteProps {
  readonly commune: Commune;
  /** Each a CNAME in the commune's zone. */
  readonly sharedSystems: readonly SharedSystem[];
  /** Where its portal bucket lives (gcp.region). */
  readonly region: string;
  readonly mail: MailSettings;
  /** The province's central authentication, when the settings give it. */
  readonly sso?: SsoSettings;
  readonly gateway: GatewayEndpoint;
  readonly labels: Readonly<Record<string, string>>;
  /** What its zone held before (e.g. an old district's zone the commune took over), from config/<province>/zones/. */
  readonly adoptedZone?: AdoptedZone;
  /** Whether this environment imports what exists already (DnsZone). */
  readonly importExisting: boolean;
  /** The province SSO's OIDC client secret, as a reference to a sensitive variable. */
  readonly ssoClientSecret?: string;
}

/** The apex's A and AAAA records to the gateway; on stand-ins they wait for the check that refuses them. */
export function addGatewayRecords(zone: DnsZone, gateway: GatewayEndpoint): void {
  const waitFor = gateway.standInCheck ? [gateway.standInCheck] : [];
  zone.addRecord({ name: "", type: "A", value: gateway.ipv4 }, waitFor);
  zone.addRecord({ name: "", type: "AAAA", value: gateway.ipv6 }, waitFor);
}

/** CAA: only Google's CA (for the gateway's certificates) may issue, and nobody may issue wildcards. */
export const CAA_VALUES = ['0 issue "pki.goog"', '0 issuewild ";"'];

/**
 * Everything one new commune (xã, phường, đặc khu) gets: its DNS zone, official mail domain, identity tenant,
 * portal bucket and a certificate for each of its hostnames on the shared gateway.
 */
export class CommuneSite extends Construct {
  readonly zone: DnsZone;
  readonly tenant: IdentityTenant;
  readonly portal: SiteBucket;

  constructor(scope: Construct, id: string, props: CommuneSiteProps) {
    super(scope, id);
    const { commune, gateway } = props;
    this.zone = new DnsZone(this, "zone", { domain: commune.domain, adopted: props.adoptedZone, importExisting: props.importExisting });

    addGatewayRecords(this.zone, gateway);
    for (const host of commune.hostnames.filter((hostname) => hostname.role !== "apex")) {
      this.zone.addHostRecord(host.name, { type: "CNAME", value: commune.domain });
    }
    for (const value of CAA_VALUES) this.zone.addRecord({ name: "", type: "CAA", value });
    for (const system of props.sharedSystems) this.zone.addRecord({ name: system.label, type: "CNAME", value: system.target });

    this.portal = new SiteBucket(this, "portal", {
      bucketName: commune.bucketName,
      backendName: commune.backendName,
      location: props.region,
      labels: props.labels,
      writers: [`group:${commune.adminGroup}`],
    });
    new MailDomain(this, "mail", { zone: this.zone, mode: { kind: "hosted", mail: props.mail, policyBucket: this.portal.bucket.name } });
    this.tenant = new IdentityTenant(this, "identity", { displayName: commune.tenantDisplayName, sso: props.sso, portalDomain: commune.domain, clientSecret: props.ssoClientSecret });
    for (const hostname of commune.hostnames) {
      new HostCertificate(this, `certificate-${hostname.role}`, {
        zone: this.zone,
        hostname,
        certificateMapName: gateway.certificateMapName,
        labels: props.labels,
      });
    }
  }
}
