import { DataResource, Fn, Op, type TerraformRemoteState } from "cdktf";
import { Construct } from "constructs";

/** The platform stack's outputs that carry the gateway's addresses, the only values other stacks look up. */
export const GATEWAY_ADDRESS_OUTPUTS = { ipv4: "gateway_ipv4", ipv6: "gateway_ipv6" } as const;

/**
 * What a lookup yields before the platform has published its addresses: documentation addresses (RFC 5737,
 * RFC 3849), never routed, so that a plan can still be made and read.
 */
export const UNPUBLISHED_GATEWAY = { ipv4: "192.0.2.1", ipv6: "2001:db8::1" } as const;

export interface GatewayAddressesProps {
  /** The platform stack's state, read with `defaults` so that a plan works before the platform has applied. */
  readonly platformState: (scope: Construct, id: string, defaults: Record<string, string>) => TerraformRemoteState;
}

/**
 * The gateway's cloud-assigned addresses, read from the platform stack's state. Until the platform is applied
 * the lookup falls back to UNPUBLISHED_GATEWAY: plans still work, but `published` refuses to apply, and every
 * record that carries an address waits for it, so a fallback address is never published.
 */
export class GatewayAddresses extends Construct {
  readonly ipv4: string;
  readonly ipv6: string;
  /** Fails at apply, before anything that depends on it, while either address is the fallback. */
  readonly published: DataResource;

  constructor(scope: Construct, id: string, props: GatewayAddressesProps) {
    super(scope, id);
    const platform = props.platformState(this, "platform", { [GATEWAY_ADDRESS_OUTPUTS.ipv4]: UNPUBLISHED_GATEWAY.ipv4, [GATEWAY_ADDRESS_OUTPUTS.ipv6]: UNPUBLISHED_GATEWAY.ipv6 });
    this.ipv4 = platform.getString(GATEWAY_ADDRESS_OUTPUTS.ipv4);
    this.ipv6 = platform.getString(GATEWAY_ADDRESS_OUTPUTS.ipv6);
    const isPublished = Op.and(Op.neq(this.ipv4, UNPUBLISHED_GATEWAY.ipv4), Op.neq(this.ipv6, UNPUBLISHED_GATEWAY.ipv6));
    this.published = new DataResource(this, "published", {
      input: { ipv4: this.ipv4, ipv6: this.ipv6 },
      lifecycle: {
        precondition: [
          {
            // timestamp() is unknown while planning, so a plan on the fallback passes and the apply fails here.
            condition: Fn.conditional(isPublished, true, Op.eq(Fn.timestamp(), "never")),
            errorMessage: `The platform stack has not published the gateway's addresses yet (this stack read the fallback ${UNPUBLISHED_GATEWAY.ipv4} / ${UNPUBLISHED_GATEWAY.ipv6}): deploy the platform stack first, then this one.`,
          },
        ],
      },
    });
  }
}
