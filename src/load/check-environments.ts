import { domainProblem } from "../model/domain-name";
import { DEFAULT_STAGING_SUBDOMAIN, stagingNamer } from "../model/environment-names";
import type { Province } from "../model/province";
import { type ConfigProblem, describeUnit } from "./problems";

/**
 * Staging's names must be DNS names and stay apart: every domain and hostname maps to one under
 * environments.staging.subdomain (src/model/environment-names.ts), which makes names longer and turns a custom
 * domain's dots into hyphens, so two of production's names could meet in one.
 */
export function checkStagingNames(province: Omit<Province, "placeholders" | "adoptedZones">, settingsFile: string): ConfigProblem[] {
  const staging = province.settings.environments.staging;
  if (!staging) return [];
  const rename = stagingNamer(province, staging.subdomain ?? DEFAULT_STAGING_SUBDOMAIN);
  const owned = [
    ...province.communes.flatMap((commune) => [commune.domain, ...commune.hostnames.map((host) => host.name)].map((name) => ({ name, unit: describeUnit(commune.name, commune.code) }))),
    ...province.retired.flatMap((unit) => [unit.domain, ...unit.lookupHosts.map((host) => host.name)].map((name) => ({ name, unit: describeUnit(unit.name, unit.code) }))),
  ];
  const problems: ConfigProblem[] = [];
  const seen = new Map<string, { name: string; unit: string }>();
  for (const { name, unit } of owned) {
    const renamed = rename(name);
    const other = seen.get(renamed);
    // A zone's apex is also its first hostname: one name, checked once.
    if (other?.name === name) continue;
    if (other) {
      problems.push({
        file: settingsFile,
        unit,
        message: `in staging, ${name} and ${other.name} (${other.unit}) would both be ${renamed}`,
        fix: "give one of the two units another domain (a slug, or a domain cell)",
      });
    }
    seen.set(renamed, { name, unit });
    const problem = domainProblem(renamed);
    if (problem) {
      problems.push({
        file: settingsFile,
        unit,
        message: `in staging, ${name} would be ${renamed}: ${problem}`,
        fix: "shorten environments.staging.subdomain, or give the unit a shorter slug or domain",
      });
    }
  }
  return problems;
}
