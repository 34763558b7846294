import { BlockList, isIPv4, isIPv6 } from "node:net";

/** The gateway's two global addresses, which Google assigns when the platform stack is applied. */
export interface GatewayAddressValues {
  readonly ipv4: string;
  readonly ipv6: string;
}

/** The platform stack's outputs that carry the gateway's addresses, which ops copy into the settings. */
export const GATEWAY_ADDRESS_OUTPUTS = { ipv4: "gateway_ipv4", ipv6: "gateway_ipv6" } as const;

/** The output a stack on stand-ins carries, so that its plan says which values are not real yet. */
export const STAND_INS_OUTPUT = "stand_ins";

/**
 * What a shard's address records carry while the platform's addresses are not in the settings: documentation
 * addresses (RFC 5737 §3, RFC 3849), which are never routed, so a plan can be made and read. A check refuses to
 * apply them (GatewayAddresses).
 */
export const STAND_IN_ADDRESSES: GatewayAddressValues = { ipv4: "192.0.2.1", ipv6: "2001:db8::1" };

/** The ranges reserved for documentation: RFC 5737 (TEST-NET-1, -2, -3) and RFC 3849. */
const DOCUMENTATION = new BlockList();
DOCUMENTATION.addSubnet("192.0.2.0", 24, "ipv4");
DOCUMENTATION.addSubnet("198.51.100.0", 24, "ipv4");
DOCUMENTATION.addSubnet("203.0.113.0", 24, "ipv4");
DOCUMENTATION.addSubnet("2001:db8::", 32, "ipv6");

/** True for an address of a documentation range: a stand-in, never a gateway's. */
export function isDocumentationAddress(address: string): boolean {
  if (isIPv4(address)) return DOCUMENTATION.check(address, "ipv4");
  return isIPv6(address) && DOCUMENTATION.check(address, "ipv6");
}

/** True for one of the two stand-ins the shards carry until the settings give the gateway's addresses. */
export function isStandInAddress(address: string): boolean {
  return address === STAND_IN_ADDRESSES.ipv4 || address === STAND_IN_ADDRESSES.ipv6;
}
