import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { loadProvince } from "../load/load-province";
import { ConfigError, type ConfigProblem } from "../load/problems";
import { type ClaimNamespace, environmentClaims } from "../model/claims";
import { provinceFor } from "../model/environment-names";
import type { Province } from "../model/province";

/**
 * One owner per name, nationally: every province of config/ in each environment it deploys to (staging,
 * production), from the model alone (no synth: the country loads in seconds). A name two owners claim — two
 * provinces, or two environments of one — fails; a province kept as a plan of record (`supersededBy`) may overlap
 * its successor only, and where the two name one unit differently the check lists it.
 */

export type DeployedEnvironment = "staging" | "production";

export interface Ownership {
  readonly province: string;
  readonly environment: DeployedEnvironment;
  readonly what: string;
  readonly unit?: string;
}

/** A name claimed by more than one owner. */
export interface Conflict {
  readonly namespace: ClaimNamespace;
  readonly name: string;
  readonly owners: readonly Ownership[];
}

/**
 * A unit a superseded province and its successor both declare, named differently: an old unit under another domain,
 * or a new commune under another label (its parent domain is the province's own, so that part differs by design).
 */
export interface Disagreement {
  readonly superseded: string;
  readonly successor: string;
  readonly unit: string;
  /** Production's domain in the superseded province, then in its successor. */
  readonly domains: readonly [string, string];
}

export interface NationalCheck {
  readonly provinces: readonly string[];
  readonly conflicts: readonly Conflict[];
  /** Per superseded province, how many names it shares with its successor only: allowed. */
  readonly supersededOverlaps: ReadonlyMap<string, { readonly successor: string; readonly names: number }>;
  readonly disagreements: readonly Disagreement[];
}

const ENVIRONMENTS: readonly DeployedEnvironment[] = ["staging", "production"];

/** Every province folder of `configRoot`, loaded; one ConfigError with every province's problems otherwise. */
function loadAll(configRoot: string): Province[] {
  const folders = readdirSync(configRoot, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(configRoot, entry.name, "settings.yaml")))
    .map((entry) => entry.name)
    .sort();
  const provinces: Province[] = [];
  const problems: ConfigProblem[] = [];
  for (const folder of folders) {
    try {
      provinces.push(loadProvince(join(configRoot, folder)));
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      problems.push(...error.problems);
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return provinces;
}

export function checkNation(configRoot: string): NationalCheck {
  const provinces = loadAll(configRoot);
  const successorOf = new Map(provinces.flatMap((province) => (province.settings.supersededBy ? [[province.id, province.settings.supersededBy] as const] : [])));
  const owners = new Map<string, { namespace: ClaimNamespace; name: string; owners: Ownership[] }>();
  for (const province of provinces) {
    for (const environment of ENVIRONMENTS) {
      const declared = province.settings.environments[environment];
      if (!declared) continue;
      for (const claim of environmentClaims(provinceFor(province, environment), declared)) {
        // Provinces may keep their state in one bucket, each under its own prefix (<province>/<environment>/…).
        if (claim.what === "state bucket") continue;
        const key = `${claim.namespace}\u0000${claim.name}`;
        const entry = owners.get(key) ?? { namespace: claim.namespace, name: claim.name, owners: [] };
        entry.owners.push({ province: province.id, environment, what: claim.what, unit: claim.unit });
        owners.set(key, entry);
      }
    }
  }

  const conflicts: Conflict[] = [];
  const supersededOverlaps = new Map<string, { successor: string; names: number }>();
  for (const entry of owners.values()) {
    const byProvince = new Map<string, Set<DeployedEnvironment>>();
    for (const owner of entry.owners) byProvince.set(owner.province, (byProvince.get(owner.province) ?? new Set()).add(owner.environment));
    if (byProvince.size === 1 && [...byProvince.values()][0].size === 1) continue;
    const [first, second, ...more] = [...byProvince.keys()];
    const planOfRecord = more.length === 0 && second !== undefined && [...byProvince.values()].every((environments) => environments.size === 1)
      ? successorOf.get(first) === second ? first : successorOf.get(second) === first ? second : undefined
      : undefined;
    if (planOfRecord) supersededOverlaps.set(planOfRecord, { successor: successorOf.get(planOfRecord)!, names: (supersededOverlaps.get(planOfRecord)?.names ?? 0) + 1 });
    else conflicts.push(entry);
  }
  return { provinces: provinces.map((province) => province.id), conflicts, supersededOverlaps, disagreements: disagreements(provinces) };
}

/** Units a superseded province and its successor both declare (same code, or district id), named differently. */
function disagreements(provinces: readonly Province[]): Disagreement[] {
  const byId = new Map(provinces.map((province) => [province.id, province]));
  const found: Disagreement[] = [];
  for (const superseded of provinces) {
    const successor = superseded.settings.supersededBy ? byId.get(superseded.settings.supersededBy) : undefined;
    if (!successor) continue;
    const units = (province: Province) =>
      new Map([
        ...province.communes.map((unit) => [`commune ${unit.code}`, { unit: `${unit.name} (${unit.code})`, domain: unit.domain, name: unit.label }] as const),
        ...province.retired.map((unit) => [`retired ${unit.id}`, { unit: `${unit.name} (${unit.code})`, domain: unit.domain, name: unit.domain }] as const),
      ]);
    const theirs = units(successor);
    for (const [key, ours] of units(superseded)) {
      const other = theirs.get(key);
      if (other && other.name !== ours.name) found.push({ superseded: superseded.id, successor: successor.id, unit: ours.unit, domains: [ours.domain, other.domain] });
    }
  }
  return found;
}

const NAMESPACES: readonly ClaimNamespace[] = ["DNS name", "bucket", "project"];

const FIXES: Record<ClaimNamespace, string> = {
  "DNS name": "give one of the units another domain (a slug or domain cell of its new-units.csv or old-units.csv, or a district's domain under districts)",
  bucket: "give one of the provinces another bucketPrefix (bucket names are global across Cloud Storage)",
  project: "give each province and environment its own GCP project (environments.<env>.gcpProject): names inside a project, and its one Identity Platform config, would clash",
};

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? "" : "s"}`;

function describeOwners(owners: readonly Ownership[]): string {
  const byOwner = new Map<string, Ownership[]>();
  for (const owner of owners) {
    const key = `${owner.province} ${owner.environment}`;
    byOwner.set(key, [...(byOwner.get(key) ?? []), owner]);
  }
  return [...byOwner.entries()]
    .map(([who, claims]) => `${who}: ${[...new Set(claims.map((claim) => claim.what))].join(" and ")}${claims[0].unit ? ` of ${claims[0].unit}` : ""}`)
    .join("; ");
}

/** The check's report: what is claimed twice, by whom and what to do, then the plans of record's overlaps and disagreements. */
export function formatNationalCheck(check: NationalCheck, configShown = "config/"): string {
  const lines: string[] = [];
  const head = `National check of ${configShown}: ${plural(check.provinces.length, "province")} in staging and production`;
  if (check.conflicts.length === 0) lines.push(`${head}: every name has one owner.`);
  else {
    lines.push(`${head}: ${plural(check.conflicts.length, "name")} with more than one owner (one province in one environment owns each name).`);
    const groups = new Map<string, Conflict[]>();
    for (const conflict of check.conflicts) {
      const key = [...new Set(conflict.owners.map((owner) => owner.province))].sort().join(", ");
      groups.set(key, [...(groups.get(key) ?? []), conflict]);
    }
    for (const [provinces, conflicts] of [...groups.entries()].sort(([a], [b]) => a.localeCompare(b))) {
      lines.push("", `${provinces}:`);
      const sorted = [...conflicts].sort((a, b) => NAMESPACES.indexOf(a.namespace) - NAMESPACES.indexOf(b.namespace) || a.name.localeCompare(b.name));
      for (const conflict of sorted) lines.push(`  ${conflict.namespace} ${conflict.name} — ${describeOwners(conflict.owners)}`);
      const fixes = [...new Set(sorted.map((conflict) => FIXES[conflict.namespace]))];
      const several = provinces.includes(",");
      if (several) fixes.push(`or, if one of ${provinces} is only a plan of record, write supersededBy: <the province that runs its units> at the top of its settings.yaml`);
      lines.push(`  fix: ${fixes.join("; ")}`);
    }
  }
  for (const [superseded, { successor, names }] of check.supersededOverlaps) {
    lines.push("", `${superseded} is a plan of record (supersededBy: ${successor}): it shares ${plural(names, "name")} with ${successor} only, which is allowed.`);
  }
  const bySuperseded = new Map<string, Disagreement[]>();
  for (const disagreement of check.disagreements) bySuperseded.set(disagreement.superseded, [...(bySuperseded.get(disagreement.superseded) ?? []), disagreement]);
  for (const [superseded, list] of bySuperseded) {
    lines.push("", `${superseded} and its successor ${list[0].successor} name ${plural(list.length, "unit")} differently (the successor's names are the ones deployed):`);
    for (const disagreement of list) lines.push(`  ${disagreement.unit}: ${disagreement.domains[0]} in ${superseded}, ${disagreement.domains[1]} in ${disagreement.successor}`);
  }
  return `${lines.join("\n")}\n`;
}
