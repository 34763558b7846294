import { CertificateManagerCertificateMap } from "@cdktf/provider-google/lib/certificate-manager-certificate-map";
import { ComputeGlobalAddress } from "@cdktf/provider-google/lib/compute-global-address";
import { ComputeSslPolicy } from "@cdktf/provider-google/lib/compute-ssl-policy";
import type { ITerraformDependable } from "cdktf";
import { Construct } from "constructs";
import { gatewayNames } from "../model/cloud-names";

export interface GatewayEdgeProps {
  /** Prefix of the GCP resource names, e.g. "binhthuan". */
  readonly namePrefix: string;
  readonly labels: Readonly<Record<string, string>>;
  /** The enabled APIs (compute, Certificate Manager) these resources wait for. */
  readonly apis: readonly ITerraformDependable[];
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
    const dependsOn = [...props.apis];
    const names = gatewayNames(props.namePrefix);
    this.ipv4 = new ComputeGlobalAddress(this, "ipv4", { name: names.ipv4, ipVersion: "IPV4", labels: { ...props.labels }, dependsOn });
    this.ipv6 = new ComputeGlobalAddress(this, "ipv6", { name: names.ipv6, ipVersion: "IPV6", labels: { ...props.labels }, dependsOn });
    // The default policy still allows TLS 1.0.
    this.sslPolicy = new ComputeSslPolicy(this, "tls", { name: names.sslPolicy, profile: "MODERN", minTlsVersion: "TLS_1_2", dependsOn });
    this.certificateMap = new CertificateManagerCertificateMap(this, "certificates", { name: names.certificateMap, labels: { ...props.labels }, dependsOn });
  }
}
