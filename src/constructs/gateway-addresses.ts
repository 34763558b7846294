import { DataResource, TerraformLocal, TerraformOutput } from "cdktf";
import { Construct } from "constructs";
import { type GatewayAddressValues, STAND_IN_ADDRESSES, STAND_INS_OUTPUT } from "../model/gateway-addresses";
/** The local value holding them, which the check refers to. */
const STAND_INS_LOCAL = "gateway_stand_ins";

export interface GatewayAddressesProps {
  /** The platform's addresses from the settings, once it has been applied; absent, the stand-ins are used. */
  readonly applied?: GatewayAddressValues;
  /** Why they are absent and how to get them (a sentence), for the plan and the check's error. */
  readonly missing: string;
}

/**
 * The gateway's addresses as plain values: no stack reads another's state (a `terraform_remote_state` read fails
 * at plan while the other stack has no state). The platform's addresses come from the settings once it has been
 * applied; until then the documentation stand-ins, which the plan names (`stand_ins` output, the check's input)
 * and `standInCheck` refuses to apply. Every record that carries an address waits for that check, so a stand-in
 * is never published. With the applied addresses there is no check.
 */
export class GatewayAddresses extends Construct {
  readonly ipv4: string;
  readonly ipv6: string;
  /** Present on stand-ins only: passes the plan, fails the apply before anything that waits for it. */
  readonly standInCheck?: DataResource;

  constructor(scope: Construct, id: string, props: GatewayAddressesProps) {
    super(scope, id);
    const addresses = props.applied ?? STAND_IN_ADDRESSES;
    this.ipv4 = addresses.ipv4;
    this.ipv6 = addresses.ipv6;
    if (props.applied) return;

    const why = `documentation addresses (RFC 5737, RFC 3849), never routed: ${props.missing}`;
    const standIns = { gateway_ipv4: STAND_IN_ADDRESSES.ipv4, gateway_ipv6: STAND_IN_ADDRESSES.ipv6 };
    // Terraform refuses a condition that refers to nothing: this one refers to the stand-ins it guards.
    new TerraformLocal(this, "stand-ins", standIns).overrideLogicalId(STAND_INS_LOCAL);
    this.standInCheck = new DataResource(this, "stand-in-check", {
      input: { ...standIns, why },
      lifecycle: {
        precondition: [
          {
            // No stand-ins, or else never: timestamp() is unknown while planning, so the plan passes and the
            // apply fails here, before anything that waits for it.
            condition: `\${length(local.${STAND_INS_LOCAL}) == 0 || timestamp() == "never"}`,
            errorMessage: `This stack carries the stand-in gateway addresses ${STAND_IN_ADDRESSES.ipv4} / ${STAND_IN_ADDRESSES.ipv6}, which are never applied: ${props.missing}`,
          },
        ],
      },
    });
    new TerraformOutput(this, "stand-ins-output", {
      description: "Values of this plan that are stand-ins, and why",
      value: { ...standIns, why },
    }).overrideLogicalId(STAND_INS_OUTPUT);
  }
}
