import { Construct } from "constructs";
import type { MailSettings, SharedSystem, SsoSettings } from "../model/settings";
import type { AdoptedZone } from "../model/adopted-zone";
import type { Commune } from "../model/province";
import type { DnsZone } from "./dns-zone";
import { IdentityTenant } from "./identity-tenant";
import { MailDomain } from "./mail-domain";
import { SiteBucket } from "./site-bucket";
import { type GatewayEndpoint, siteCertificates, siteZone } from "./site-zone";

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
    this.zone = siteZone(this, { domain: commune.domain, hostnames: commune.hostnames, gateway, adoptedZone: props.adoptedZone, importExisting: props.importExisting });
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
    siteCertificates(this, this.zone, commune.hostnames, gateway, props.labels);
  }
}
