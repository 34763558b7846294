import { CertificateManagerCertificate } from "@cdktf/provider-google/lib/certificate-manager-certificate";
import { CertificateManagerCertificateMapEntry } from "@cdktf/provider-google/lib/certificate-manager-certificate-map-entry";
import { CertificateManagerDnsAuthorization } from "@cdktf/provider-google/lib/certificate-manager-dns-authorization";
import { Fn } from "cdktf";
import { Construct } from "constructs";
import type { Hostname } from "../model/province";
import type { DnsZone } from "./dns-zone";

export interface HostCertificateProps {
  readonly zone: DnsZone;
  /** The hostname; its certificateName names the authorization, certificate and map entry. */
  readonly hostname: Hostname;
  readonly certificateMapName: string;
  readonly labels: Readonly<Record<string, string>>;
}

/**
 * One Google-managed certificate and certificate-map entry per hostname, authorised by a CNAME in the
 * hostname's DNSimple zone. One certificate per name means adding or removing a hostname never replaces the
 * certificate of another (a shared certificate's name list cannot change without an outage).
 */
export class HostCertificate extends Construct {
  constructor(scope: Construct, id: string, props: HostCertificateProps) {
    super(scope, id);
    const authorization = new CertificateManagerDnsAuthorization(this, "authorization", {
      name: props.hostname.certificateName,
      domain: props.hostname.name,
      labels: { ...props.labels },
    });
    const challenge = authorization.dnsResourceRecord.get(0);
    props.zone.addHostRecord(`_acme-challenge.${props.hostname.name}`, { type: "CNAME", value: Fn.trimsuffix(challenge.data, ".") });
    const certificate = new CertificateManagerCertificate(this, "certificate", {
      name: props.hostname.certificateName,
      labels: { ...props.labels },
      managed: { domains: [props.hostname.name], dnsAuthorizations: [authorization.id] },
    });
    new CertificateManagerCertificateMapEntry(this, "map-entry", {
      name: props.hostname.certificateName,
      map: props.certificateMapName,
      hostname: props.hostname.name,
      certificates: [certificate.id],
      labels: { ...props.labels },
    });
  }
}
