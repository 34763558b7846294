import { GATEWAY_ADDRESS_OUTPUTS } from "../model/gateway-addresses";
import { STAND_IN_ADDRESSES } from "../model/gateway-addresses";
import type { SynthesizedStack } from "../synth/terraform-json";
import { type AppliedState, appliedAttributes } from "./applied-state";

/** A record's value as zone-files writes it and verify expects it. */
export interface RecordValue {
  readonly value: string;
  /** Set when the value is not known yet: why, for the comment on the record's line. */
  readonly standIn?: string;
  /** The value came from the applied state (`--state`). */
  readonly applied?: boolean;
  /** A record the provider places itself (not declared, any value of it will do): DNSimple's forwarding MX. */
  readonly placedByProvider?: boolean;
}

/**
 * What a value known only after apply stands for until then, by record type: documentation addresses
 * (RFC 5737, RFC 3849) and a name under the reserved `.invalid` (RFC 6761 §6.4), so the zone files still load.
 */
const STAND_IN_BY_TYPE: Readonly<Record<string, string>> = {
  A: STAND_IN_ADDRESSES.ipv4,
  AAAA: STAND_IN_ADDRESSES.ipv6,
  CNAME: "known-after-apply.invalid",
  MX: "known-after-apply.invalid",
  NS: "known-after-apply.invalid",
  TXT: "known after apply",
};

function standInValue(type: string): string {
  return STAND_IN_BY_TYPE[type] ?? STAND_IN_BY_TYPE.TXT;
}

/** The gateway's documentation stand-ins, and the platform output that replaces each once applied. */
const GATEWAY_STAND_INS: ReadonlyMap<string, { output: string; what: string }> = new Map([
  [STAND_IN_ADDRESSES.ipv4, { output: GATEWAY_ADDRESS_OUTPUTS.ipv4, what: "the gateway's IPv4 address" }],
  [STAND_IN_ADDRESSES.ipv6, { output: GATEWAY_ADDRESS_OUTPUTS.ipv6, what: "the gateway's IPv6 address" }],
]);

/**
 * `${expr}` or `${trimsuffix(expr, "x")}`, the two shapes a record's value takes when it is a reference: a
 * resource's computed attribute such as a DNS authorization's `dns_resource_record[0].data`
 * (hashicorp/terraform-provider-google v6.50.0,
 * google/services/certificatemanager/resource_certificate_manager_dns_authorization.go: a computed list of
 * name, type, data).
 */
const INTERPOLATION = /^\$\{(?:trimsuffix\((?<inner>[^,]+),\s*"(?<suffix>[^"]*)"\)|(?<plain>[^}]+))\}$/;
const RESOURCE_ATTRIBUTE = /^(?<type>[a-z0-9_]+)\.(?<name>[A-Za-z0-9_-]+)(?<path>(?:\.[a-z0-9_]+|\[\d+\])+)$/;

function follow(value: unknown, path: string): unknown {
  for (const [, key, index] of path.matchAll(/\.([a-z0-9_]+)|\[(\d+)\]/g)) {
    if (value === null || typeof value !== "object") return undefined;
    value = key !== undefined ? (value as Record<string, unknown>)[key] : (value as unknown[])[Number(index)];
  }
  return value;
}

function platformOutput(state: AppliedState | undefined, output: string): unknown {
  for (const stackState of state?.values() ?? []) if (output in stackState.outputs) return stackState.outputs[output].value;
  return undefined;
}

/**
 * A record's value: a literal as it is — except the gateway's documentation stand-ins, which the applied platform
 * replaces — and a reference from the applied state of the stack it points into, else a marked stand-in.
 */
export function recordValue(raw: string, type: string, stack: SynthesizedStack, state: AppliedState | undefined): RecordValue {
  const match = INTERPOLATION.exec(raw);
  if (!match) {
    const gateway = type === "A" || type === "AAAA" ? GATEWAY_STAND_INS.get(raw) : undefined;
    if (!gateway) return { value: raw };
    const applied = platformOutput(state, gateway.output);
    return typeof applied === "string" ? { value: applied, applied: true } : { value: raw, standIn: `${gateway.what}, known once the platform stack is applied` };
  }
  const expression = (match.groups!.inner ?? match.groups!.plain).trim();
  const trim = (value: string) => (match.groups!.suffix && value.endsWith(match.groups!.suffix) ? value.slice(0, -match.groups!.suffix.length) : value);

  const attribute = RESOURCE_ATTRIBUTE.exec(expression);
  if (attribute) {
    const { type: resourceType, name, path } = attribute.groups!;
    const applied = follow(appliedAttributes(state?.get(stack.name), resourceType, name), path);
    if (typeof applied === "string") return { value: trim(applied), applied: true };
    const declaredName = stack.config.resource?.[resourceType]?.[name]?.name;
    return { value: standInValue(type), standIn: `${resourceType} ${typeof declaredName === "string" ? declaredName : name}${path}, known once ${stack.name} is applied` };
  }
  return { value: standInValue(type), standIn: `${raw}, known after apply` };
}
