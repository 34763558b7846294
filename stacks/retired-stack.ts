import { TerraformOutput } from "cdktf";
import type { Construct } from "constructs";
import { RetiredSite } from "../src/constructs/retired-site";
import type { RetiredUnit } from "../src/model/province";
import { managedZones, parentZoneOf } from "../src/model/zones";
import { ProvinceStack, type ProvinceStackProps } from "./province-stack";

export interface RetiredStackProps extends ProvinceStackProps {
  /** The retired units of this shard. */
  readonly units: readonly RetiredUnit[];
}

/** One shard of the retired units (old communes and districts); construct ids derive from their codes. */
export class RetiredStack extends ProvinceStack {
  constructor(scope: Construct, id: string, props: RetiredStackProps) {
    super(scope, id, props);
    const { province } = props;
    const { settings } = province;
    const communes = new Map(province.communes.map((commune) => [commune.code, commune]));
    const gateway = this.gatewayEndpoint();
    const existingZones = new Set(settings.dnsimple.existingZones);
    const zones = managedZones(province);
    for (const unit of props.units) {
      new RetiredSite(this, `retired-${unit.id}`, {
        unit,
        successor: communes.get(unit.successor)!,
        settings,
        gateway,
        labels: { ...this.labels, "unit-code": unit.code },
        adoptZone: existingZones.has(unit.domain),
        parentZone: parentZoneOf(unit.domain, zones),
        archiveBucketName: province.archiveBucketName,
        today: props.today,
      });
    }
    // Mã định danh điện tử of the retired units: closed on the cut-over, never to be issued again.
    const closed = props.units.filter((unit) => unit.identifierCode);
    new TerraformOutput(this, "closed-identifier-codes", {
      description: "Identifier codes closed by the reorganisation, with the date they closed",
      value: Object.fromEntries(closed.map((unit) => [unit.identifierCode!, { unit: unit.name, unit_code: unit.code, closed_on: settings.cutoverDate }])),
    });
  }
}
