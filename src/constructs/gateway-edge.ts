import { CertificateManagerCertificateMap } from "@cdktf/provider-google/lib/certificate-manager-certificate-map";
import { ComputeGlobalAddress } from "@cdktf/provider-google/lib/compute-global-address";
import { ComputeSslPolicy } from "@cdktf/provider-google/lib/compute-ssl-policy";
import { Construct } from "constructs";

/** The certificate map's name: sites name it directly, so thousands of map entries need no cross-stack reference. */
export function certificateMapName(namePrefix: string): string {
  return `${namePrefix}-portals`;
}

export interface GatewayEdgeProps {
  /** Prefix of the GCP resource names, e.g. "binhthuan". */
  readonly namePrefix: string;
  readonly labels: Readonly<Record<string, string>>;
}

/**
 * The long-lived parts of the shared HTTPS gateway: its public IPv4 and IPv6 addresses (which every zone points
 * at), its TLS policy and its certificate map. They change rarely, so they live apart from the routing.
 */
export class GatewayEdge extends Construct {
  readonly ipv4: ComputeGlobalAddress;
  readonly ipv6: ComputeGlobalAddress;
  readonly sslPolicy: ComputeSslPolicy;
  readonly certificateMap: CertificateManagerCertificateMap;

  constructor(scope: Construct, id: string, props: GatewayEdgeProps) {
    super(scope, id);
    this.ipv4 = new ComputeGlobalAddress(this, "ipv4", { name: `${props.namePrefix}-gateway-v4`, ipVersion: "IPV4", labels: { ...props.labels } });
    this.ipv6 = new ComputeGlobalAddress(this, "ipv6", { name: `${props.namePrefix}-gateway-v6`, ipVersion: "IPV6", labels: { ...props.labels } });
    // The default policy still allows TLS 1.0.
    this.sslPolicy = new ComputeSslPolicy(this, "tls", { name: `${props.namePrefix}-tls12`, profile: "MODERN", minTlsVersion: "TLS_1_2" });
    this.certificateMap = new CertificateManagerCertificateMap(this, "certificates", { name: certificateMapName(props.namePrefix), labels: { ...props.labels } });
  }
}
