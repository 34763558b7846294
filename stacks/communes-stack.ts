import { TerraformOutput, TerraformVariable } from "cdktf";
import type { Construct } from "constructs";
import { CommuneSite } from "../src/constructs/commune-site";
import type { Commune } from "../src/model/province";
import { ProvinceStack, type ProvinceStackProps } from "./province-stack";

export interface CommunesStackProps extends ProvinceStackProps {
  /** The communes of this shard. */
  readonly communes: readonly Commune[];
}

/** One shard of the new communes. Construct ids derive from official codes, so a renamed commune keeps its addresses. */
export class CommunesStack extends ProvinceStack {
  constructor(scope: Construct, id: string, props: CommunesStackProps) {
    super(scope, id, props);
    const { settings } = props.province;
    const gateway = this.gatewayEndpoint();
    const existingZones = new Set(settings.dnsimple.existingZones);
    // Secrets reach Terraform only as sensitive variables (TF_VAR_sso_client_secret), never through the config.
    const ssoClientSecret =
      settings.sso?.kind === "oidc"
        ? new TerraformVariable(this, "sso_client_secret", { type: "string", sensitive: true, description: "OIDC client secret of the province's SSO" }).stringValue
        : undefined;
    for (const commune of props.communes) {
      const site = new CommuneSite(this, `commune-${commune.code}`, {
        commune,
        settings,
        gateway,
        labels: { ...this.labels, "unit-code": commune.code },
        adoptZone: existingZones.has(commune.domain),
        parentZone: settings.parentZoneManaged ? settings.parentDomain : undefined,
        ssoClientSecret,
      });
      new TerraformOutput(this, `commune-${commune.code}-output`, {
        description: `${commune.name}: hand name_servers to the parent zone's operator`,
        value: {
          domain: commune.domain,
          name_servers: settings.dnsimple.nameServers,
          portal_url: `https://${commune.domain}/`,
          tenant_id: site.tenant.tenant.name,
        },
      });
    }
  }
}
