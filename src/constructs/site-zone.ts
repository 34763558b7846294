import type { TerraformResource } from "cdktf";
import type { Construct } from "constructs";
import type { AdoptedZone } from "../model/adopted-zone";
import type { Hostname } from "../model/province";
import { DnsZone } from "./dns-zone";
import { HostCertificate } from "./host-certificate";

/** What every site needs of the shared gateway. */
export interface GatewayEndpoint {
  /** The addresses: the platform's from the settings, or the stand-ins. */
  readonly ipv4: string;
  readonly ipv6: string;
  /** On stand-ins, the check that refuses to apply them; address records wait for it. */
  readonly standInCheck?: TerraformResource;
  readonly certificateMapName: string;
}

/** CAA: only Google's CA (for the gateway's certificates) may issue, and nobody may issue wildcards. */
export const CAA_VALUES = ['0 issue "pki.goog"', '0 issuewild ";"'];

/** The apex's A and AAAA records to the gateway; on stand-ins they wait for the check that refuses them. */
export function addGatewayRecords(zone: DnsZone, gateway: GatewayEndpoint): void {
  const waitFor = gateway.standInCheck ? [gateway.standInCheck] : [];
  zone.addRecord({ name: "", type: "A", value: gateway.ipv4 }, waitFor);
  zone.addRecord({ name: "", type: "AAAA", value: gateway.ipv6 }, waitFor);
}

export interface SiteZoneProps {
  readonly domain: string;
  /** The hostnames the gateway serves for the site: the apex, and those that are CNAMEs to it. */
  readonly hostnames: readonly Hostname[];
  readonly gateway: GatewayEndpoint;
  /** What the zone held before, from config/<province>/zones/. */
  readonly adoptedZone?: AdoptedZone;
  /** Whether this environment imports what exists already (DnsZone). */
  readonly importExisting: boolean;
}

/**
 * The zone of a site the gateway serves, new commune's or old unit's alike: the apex on the gateway's addresses,
 * every other hostname a CNAME to the apex, and CAA for Google's CA.
 */
export function siteZone(scope: Construct, props: SiteZoneProps): DnsZone {
  const zone = new DnsZone(scope, "zone", { domain: props.domain, adopted: props.adoptedZone, importExisting: props.importExisting });
  addGatewayRecords(zone, props.gateway);
  for (const host of props.hostnames.filter((hostname) => hostname.role !== "apex")) zone.addHostRecord(host.name, { type: "CNAME", value: props.domain });
  for (const value of CAA_VALUES) zone.addRecord({ name: "", type: "CAA", value });
  return zone;
}

/** A certificate on the gateway's map for each of the site's hostnames, authorised in its zone. */
export function siteCertificates(scope: Construct, zone: DnsZone, hostnames: readonly Hostname[], gateway: GatewayEndpoint, labels: Readonly<Record<string, string>>): void {
  for (const hostname of hostnames) new HostCertificate(scope, `certificate-${hostname.role}`, { zone, hostname, certificateMapName: gateway.certificateMapName, labels });
}
