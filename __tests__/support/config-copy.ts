import { cpSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export const ROOT = join(__dirname, "..", "..");

/** Whether a folder of config/ is a copy made by copyProvince, there only while its test runs. */
export const isTestCopy = (folder: string) => /^zz-.+-\d+$/.test(folder);

/**
 * A copy of a real province's config under config/ (where PROVINCE looks), with its settings edited; the name is
 * unique to the test process. Remove it with the returned function.
 */
export function copyProvince(tag: string, from: string, editSettings: (settings: string) => string = (settings) => settings): { name: string; dir: string; remove: () => void } {
  const name = `zz-${tag}-${process.pid}`;
  const dir = join(ROOT, "config", name);
  cpSync(join(ROOT, "config", from), dir, { recursive: true });
  const file = join(dir, "settings.yaml");
  writeFileSync(file, editSettings(readFileSync(file, "utf8")));
  return { name, dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * The settings with every placeholder filled in, as a province would before its first real deploy; a plan of
 * record (binh-thuan) also loses its supersededBy, so that its copy deploys on its own.
 */
export function withoutPlaceholders(settings: string): string {
  return settings
    .replace(/^supersededBy: .*\n/m, "")
    .replace(/"PLACEHOLDER-[^"]*"/g, '"98765"')
    .replace(/placeholder-/g, "bt-")
    .replace(/[ \t]*# PLACEHOLDER[^\n]*/g, "");
}

/** The settings once each environment's project has its organization policy exceptions (README "Organization policies"). */
export function withOrganizationExceptions(settings: string): string {
  return settings.replace(/organizationPolicies: \{ domainRestrictedSharing: true, publicAccessPrevention: true \}/g, "organizationPolicies: { domainRestrictedSharing: false, publicAccessPrevention: false }");
}
