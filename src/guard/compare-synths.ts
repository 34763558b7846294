import { PROTECTED_TYPES } from "../model/protected-types";
import { resourcesIn, type TerraformJson } from "../synth/terraform-json";

/** A synthesized app: stack name → that stack's Terraform JSON. */
export type Synthesis = ReadonlyMap<string, TerraformJson>;

interface Resource {
  readonly stack: string;
  readonly type: string;
  readonly address: string;
  readonly attributes: Record<string, unknown>;
  /** The unit the resource belongs to (its construct path names commune-<code> or retired-<id>): its id. */
  readonly unit?: string;
  /** "commune-<code>" or "retired-<id>": a new unit often has the code of one of its old units. */
  readonly unitKey?: string;
}

export interface StackChanges {
  readonly stack: string;
  readonly added: readonly Resource[];
  readonly changed: readonly Resource[];
  readonly removed: readonly Resource[];
}

export interface Violation {
  readonly unit?: string;
  readonly unitKey?: string;
  readonly stack: string;
  readonly message: string;
}

export interface GuardResult {
  readonly stacks: readonly StackChanges[];
  readonly violations: readonly Violation[];
  readonly acknowledged: readonly (Violation & { reason: string })[];
}

/** Attributes whose change makes Terraform replace a protected resource. */
const REPLACING_ATTRIBUTES = ["name", "location"];
/** A zone of at least this many records may not have more than RECORD_CHANGE_LIMIT of them changed at once. */
const LARGE_ZONE = 10;
const RECORD_CHANGE_LIMIT = 0.3;

function resourcesOf(synthesis: Synthesis): Map<string, Resource> {
  const resources = new Map<string, Resource>();
  for (const { stack, type, address, path, attributes: { "//": _metadata, ...attributes } } of resourcesIn([...synthesis].map(([name, config]) => ({ name, config })))) {
    const match = /(?:^|\/)((?:commune|retired)-(d?\d+))(?:\/|$)/.exec(path);
    resources.set(`${stack}:${type}.${address}`, { stack, type, address, attributes, unit: match?.[2], unitKey: match?.[1] });
  }
  return resources;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * What a change of config or code does to the Terraform of every stack, and which of it would lose something:
 * a protected resource removed, replaced or moved to another address, or a large share of a zone's records.
 */
export function compareSyntheses(before: Synthesis, after: Synthesis, acknowledgements: readonly { unit: string; reason: string }[]): GuardResult {
  const old = resourcesOf(before);
  const current = resourcesOf(after);
  const stackNames = [...new Set([...before.keys(), ...after.keys()])].sort();
  const stacks = stackNames.map((stack) => {
    const inStack = (map: Map<string, Resource>) => [...map.entries()].filter(([, resource]) => resource.stack === stack);
    return {
      stack,
      added: inStack(current).filter(([key]) => !old.has(key)).map(([, resource]) => resource),
      removed: inStack(old).filter(([key]) => !current.has(key)).map(([, resource]) => resource),
      changed: inStack(current).filter(([key, resource]) => old.has(key) && !same(old.get(key)!.attributes, resource.attributes)).map(([, resource]) => resource),
    };
  });

  const violations: Violation[] = [];
  const describe = (resource: Resource) => `${resource.type}.${resource.address}`;
  for (const { stack, removed, changed } of stacks) {
    for (const resource of removed.filter((r) => PROTECTED_TYPES.has(r.type))) {
      const movedTo = [...current.values()].find((other) => other.type === resource.type && same(other.attributes.name, resource.attributes.name) && !old.has(`${other.stack}:${other.type}.${other.address}`));
      violations.push({
        unit: resource.unit,
        unitKey: resource.unitKey,
        stack,
        message: movedTo
          ? `${describe(resource)} (${String(resource.attributes.name)}) moves to ${movedTo.stack}:${describe(movedTo)}: Terraform would destroy and re-create it`
          : `${describe(resource)} (${String(resource.attributes.name)}) would be destroyed`,
      });
    }
    for (const resource of changed.filter((r) => PROTECTED_TYPES.has(r.type))) {
      const previous = old.get(`${stack}:${resource.type}.${resource.address}`)!;
      const replacing = REPLACING_ATTRIBUTES.filter((attribute) => !same(previous.attributes[attribute], resource.attributes[attribute]));
      if (replacing.length > 0) {
        violations.push({ unit: resource.unit, unitKey: resource.unitKey, stack, message: `${describe(resource)} would be replaced (${replacing.map((a) => `${a}: ${String(previous.attributes[a])} → ${String(resource.attributes[a])}`).join(", ")})` });
      }
    }
  }

  const zoneOf = (resource: Resource) => (resource.type === "dnsimple_zone_record" ? String(resource.attributes.zone_name) : undefined);
  const recordsPerZone = new Map<string, Resource[]>();
  for (const resource of old.values()) {
    const zone = zoneOf(resource);
    if (zone) recordsPerZone.set(zone, [...(recordsPerZone.get(zone) ?? []), resource]);
  }
  const touched = stacks.flatMap(({ removed, changed }) => [...removed, ...changed]);
  for (const [zone, records] of recordsPerZone) {
    if (records.length < LARGE_ZONE) continue;
    const count = touched.filter((resource) => zoneOf(resource) === zone && records.some((r) => r.address === resource.address)).length;
    if (count / records.length > RECORD_CHANGE_LIMIT) {
      violations.push({ unit: records[0].unit, unitKey: records[0].unitKey, stack: records[0].stack, message: `${count} of the ${records.length} records of zone ${zone} would change or go (more than ${RECORD_CHANGE_LIMIT * 100} %)` });
    }
  }

  const reasons = new Map(acknowledgements.map((ack) => [ack.unit, ack.reason]));
  return {
    stacks,
    violations: violations.filter((violation) => !violation.unit || !reasons.has(violation.unit)),
    acknowledged: violations.filter((violation) => violation.unit && reasons.has(violation.unit)).map((violation) => ({ ...violation, reason: reasons.get(violation.unit!)! })),
  };
}
