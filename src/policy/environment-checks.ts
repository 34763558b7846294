import { type Claim, type ClaimNamespace, environmentClaims } from "../model/claims";
import { provinceFor } from "../model/environment-names";
import type { Province } from "../model/province";
import { parentZoneOf, topLevelZones } from "../model/zones";
import { RULES } from "./rules";
import type { Finding } from "./zone-checks";

/** Where the environment rules report: the settings that choose the environments' names. */
export const ENVIRONMENTS_PATH = "environments";

/**
 * ENV-001 to ENV-003: staging and production, computed from the model (production's names and staging's from them,
 * src/model/environment-names.ts), share no name in a global or cross-project namespace. Checked on every synth,
 * offline too, so a pull request finds it before either environment is deployed.
 */
export function checkEnvironmentsApart(province: Province): Finding[] {
  const { staging, production } = province.settings.environments;
  if (!staging || !production) return [];
  const stagingProvince = provinceFor(province, "staging");
  const productionProvince = provinceFor(province, "production");
  const stagingClaims = environmentClaims(stagingProvince, staging);
  const productionClaims = environmentClaims(productionProvince, production);
  const shared = (namespace: ClaimNamespace) => {
    const names = new Map<string, Claim>(productionClaims.filter((claim) => claim.namespace === namespace).map((claim) => [claim.name, claim]));
    return [...new Set(stagingClaims.filter((claim) => claim.namespace === namespace && names.has(claim.name)).map((claim) => claim.name))].sort();
  };
  const findings: Finding[] = [];
  const buckets = shared("bucket");
  if (buckets.length > 0) {
    const whatOf = (name: string) => [...new Set([...stagingClaims, ...productionClaims].filter((claim) => claim.name === name).map((claim) => claim.what))].join(", ");
    findings.push({ rule: RULES.environmentBuckets, message: `staging and production would share ${count(buckets.length, "Cloud Storage bucket")}: ${buckets.map((name) => `${name} (${whatOf(name)})`).join(", ")}` });
  }
  const dnsNames = shared("DNS name");
  if (dnsNames.length > 0) findings.push({ rule: RULES.environmentDnsNames, message: `staging and production would share ${count(dnsNames.length, "DNS name")}: ${dnsNames.join(", ")}` });
  // Staging's top-level zones are delegated from the parent zone by its operator (also when production adopts the
  // parent zone: delegations added there by hand are records Terraform does not manage): inside one of production's
  // own zones, nobody would delegate them.
  const parent = province.settings.parentDomain;
  const productionZones = new Set(productionClaims.filter((claim) => claim.what === "zone" && claim.name !== parent).map((claim) => claim.name));
  const enclosed = new Map<string, string[]>();
  for (const zone of topLevelZones(stagingProvince)) {
    const enclosing = parentZoneOf(zone, productionZones);
    if (enclosing) enclosed.set(enclosing, [...(enclosed.get(enclosing) ?? []), zone]);
  }
  for (const [enclosing, zones] of enclosed) {
    findings.push({ rule: RULES.environmentDnsNames, message: `staging's ${count(zones.length, "zone")} ${zones.join(", ")} would lie inside production's zone ${enclosing}, which does not delegate them` });
  }
  if (staging.gcpProject === production.gcpProject) findings.push({ rule: RULES.environmentProjects, message: `staging and production would share the GCP project ${staging.gcpProject}` });
  return findings;
}

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? "" : "s"}`;
