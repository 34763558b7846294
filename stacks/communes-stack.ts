import { type TerraformResource, TerraformOutput, TerraformVariable } from "cdktf";
import type { Construct } from "constructs";
import { CommuneSite } from "../src/constructs/commune-site";
import { RetiredSite } from "../src/constructs/retired-site";
import type { Commune, RetiredUnit } from "../src/model/province";
import type { Delegation } from "../src/model/zones";
import { ProvinceStack, type ProvinceStackProps } from "./province-stack";

export interface CommunesStackProps extends ProvinceStackProps {
  /** The communes of this shard. */
  readonly communes: readonly Commune[];
  /** The old units whose successor is one of them: their redirects, mail and archive follow the successor. */
  readonly retired: readonly RetiredUnit[];
  /** Delegations of the app's zones; the stack writes those whose parent zone it owns. */
  readonly delegations: readonly Delegation[];
}

/**
 * One shard: new communes and the old units that merged into them, so a change to one commune touches one
 * shard. Construct ids derive from official codes, so a renamed commune keeps its addresses.
 */
export class CommunesStack extends ProvinceStack {
  constructor(scope: Construct, id: string, props: CommunesStackProps) {
    super(scope, id, props);
    const { province } = props;
    const { settings } = province;
    const gateway = this.gatewayEndpoint();
    const existingZones = new Set(settings.dnsimple.existingZones);
    const zones = new Map<string, TerraformResource>();
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
        ssoClientSecret,
      });
      zones.set(commune.domain, site.zone.resource);
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

    const communes = new Map(province.communes.map((commune) => [commune.code, commune]));
    for (const unit of props.retired) {
      const site = new RetiredSite(this, `retired-${unit.id}`, {
        unit,
        successor: communes.get(unit.successor)!,
        settings,
        gateway,
        labels: { ...this.labels, "unit-code": unit.code },
        adoptZone: existingZones.has(unit.domain),
        archiveBucketName: province.archiveBucketName,
      });
      if (site.zone) zones.set(unit.domain, site.zone.resource);
    }

    this.declareDelegations(props.delegations, zones);

    // Mã định danh điện tử of the retired units: closed on the cut-over, never to be issued again.
    const closed = props.retired.filter((unit) => unit.identifierCode);
    new TerraformOutput(this, "closed-identifier-codes", {
      description: "Identifier codes closed by the reorganisation, with the date they closed",
      value: Object.fromEntries(closed.map((unit) => [unit.identifierCode!, { unit: unit.name, unit_code: unit.code, closed_on: settings.cutoverDate }])),
    });
  }
}
