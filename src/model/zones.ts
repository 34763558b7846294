import type { Province } from "./province";

/**
 * The zones this app manages, and for each the nearest managed zone above it (which then carries its
 * delegation). Old commune domains often sit under an old district's domain, which a new commune took over.
 */
export function managedZones(province: Province): Set<string> {
  const zones = new Set(province.communes.map((commune) => commune.domain));
  for (const unit of province.retired) if (!unit.takenOverBy) zones.add(unit.domain);
  if (province.settings.parentZoneManaged) zones.add(province.settings.parentDomain);
  return zones;
}

/**
 * The zones `npm run adopt` may record: each new commune's and each old unit's own zone (not the parent zone, which
 * is the province's and only carries delegations), sorted.
 */
export function adoptableZones(province: Pick<Province, "communes" | "retired">): string[] {
  return [...province.communes.map((commune) => commune.domain), ...province.retired.filter((unit) => !unit.takenOverBy).map((unit) => unit.domain)].sort();
}

export function parentZoneOf(domain: string, zones: ReadonlySet<string>): string | undefined {
  for (let dot = domain.indexOf("."); dot >= 0; dot = domain.indexOf(".", dot + 1)) {
    const candidate = domain.slice(dot + 1);
    if (zones.has(candidate)) return candidate;
  }
  return undefined;
}

/**
 * The zones no zone of this app delegates: their name servers go to the operator of the zone above them (the
 * province's parent zone, when it is not managed here; always, for staging, which never writes into the parent zone).
 */
export function topLevelZones(province: Province): string[] {
  const zones = managedZones(province);
  return [...zones].filter((zone) => parentZoneOf(zone, zones) === undefined).sort();
}

/** A zone delegated from another zone of this app: the parent carries NS records for it. */
export interface Delegation {
  readonly parent: string;
  readonly child: string;
  /** The child's construct id, "commune-<code>" or "retired-<id>": the delegation belongs to the child. */
  readonly childId: string;
}

/** Every delegation between the app's zones: communes from a managed parent zone, old zones from the zone above them. */
export function delegations(province: Province): Delegation[] {
  const zones = managedZones(province);
  const children = [
    ...province.communes.map((commune) => ({ child: commune.domain, childId: `commune-${commune.code}` })),
    ...province.retired.filter((unit) => !unit.takenOverBy).map((unit) => ({ child: unit.domain, childId: `retired-${unit.id}` })),
  ];
  return children.flatMap(({ child, childId }) => {
    const parent = parentZoneOf(child, zones);
    return parent ? [{ parent, child, childId }] : [];
  });
}
