import { type TerraformResource, TerraformOutput, TerraformVariable } from "cdktf";
import { ZoneRecord } from "@cdktf/provider-dnsimple/lib/zone-record";
import type { Construct } from "constructs";
import type { DnsZone } from "../constructs/dns-zone";
import { CommuneSite } from "../constructs/commune-site";
import { RetiredSite } from "../constructs/retired-site";
import type { Commune, RetiredUnit } from "../model/province";
import type { Delegation } from "../model/zones";
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
    const adoptedZones = new Map(province.adoptedZones.map((zone) => [zone.zone, zone]));
    // Offline previews production: both import what exists already; staging creates its own.
    const importExisting = props.environment.name !== "staging";
    const zones = new Map<string, TerraformResource>();
    const siteZones: DnsZone[] = [];
    // Secrets reach Terraform only as sensitive variables (TF_VAR_sso_client_secret), never through the config.
    const ssoClientSecret =
      settings.sso?.kind === "oidc"
        ? new TerraformVariable(this, "sso_client_secret", { type: "string", sensitive: true, description: "OIDC client secret of the province's SSO" }).stringValue
        : undefined;
    for (const commune of props.communes) {
      const site = new CommuneSite(this, `commune-${commune.code}`, {
        commune,
        sharedSystems: settings.sharedSystems,
        region: settings.gcp.region,
        mail: settings.mail,
        sso: settings.sso,
        gateway,
        labels: { ...this.labels, "unit-code": commune.code },
        adoptedZone: adoptedZones.get(commune.domain),
        importExisting,
        ssoClientSecret,
      });
      zones.set(commune.domain, site.zone.resource);
      siteZones.push(site.zone);
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
        retiredMail: settings.retirement,
        dmarcReportTo: settings.mail.dmarc.reportTo,
        gateway,
        labels: { ...this.labels, "unit-code": unit.code },
        adoptedZone: adoptedZones.get(unit.domain),
        importExisting,
        archiveBucketName: province.archiveBucketName,
      });
      if (site.zone) {
        zones.set(unit.domain, site.zone.resource);
        siteZones.push(site.zone);
      }
    }

    this.declareDelegations(props.delegations, zones);
    importReplacedRecords(this, siteZones);

    // Mã định danh điện tử of the retired units: closed on the cut-over, never to be issued again.
    const closed = props.retired.filter((unit) => unit.identifierCode);
    new TerraformOutput(this, "closed-identifier-codes", {
      description: "Identifier codes closed by the reorganisation, with the date they closed",
      value: Object.fromEntries(closed.map((unit) => [unit.identifierCode!, { unit: unit.name, unit_code: unit.code, closed_on: settings.cutoverDate }])),
    });
  }
}

/**
 * A zone adopted from DNSimple has its replaced records imported into the plan's records that take their place,
 * delegations included (declared outside the zone's construct): once every record of the stack is declared.
 */
function importReplacedRecords(stack: Construct, zones: readonly DnsZone[]): void {
  const adopted = new Map(zones.filter((zone) => zone.adopted).map((zone) => [zone.domain, zone]));
  if (adopted.size === 0) return;
  const records = new Map<string, ZoneRecord[]>();
  for (const construct of stack.node.findAll()) {
    if (construct instanceof ZoneRecord && construct.zoneNameInput && adopted.has(construct.zoneNameInput)) {
      records.set(construct.zoneNameInput, [...(records.get(construct.zoneNameInput) ?? []), construct]);
    }
  }
  for (const [domain, zone] of adopted) zone.importReplaced(records.get(domain) ?? []);
}
