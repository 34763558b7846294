import type { DeployEnvironment } from "../model/environment";
import { windowNotices } from "../model/migration-window";
import type { Province } from "../model/province";
import { describeUnit, type ConfigProblem } from "./problems";

/** Keys a real deploy to `environment` does not use: placeholders there are harmless. */
function unusedBy(environment: DeployEnvironment["name"], key: string): boolean {
  // gcp.project and dnsimple.account are the offline environment's; each real one has its own under environments.
  const offlineOnly = key === "gcp.project" || key === "dnsimple.account";
  const otherEnvironment = key.startsWith("environments.") && !key.startsWith(`environments.${environment}.`);
  // The rollout report's texts never reach Terraform.
  const reportOnly = /^(plan|report|rollout)(\.|\[|$)/.test(key);
  return offlineOnly || otherEnvironment || reportOnly;
}

/**
 * What a real deploy needs that an offline synth does not: a province that is not superseded, and no value still
 * marked as a placeholder (offline, placeholders are expected). The synth stops and lists them with the config's
 * other problems. Nothing here depends on the day: the same commit synthesizes the same Terraform, or fails the same
 * way, on any day.
 */
export function checkDeployReadiness(province: Province, environment: DeployEnvironment, settingsFile: string): ConfigProblem[] {
  if (environment.name === "offline") return [];
  // A plan of record shares its units (zones, hostnames) with its successor, which deploys them: deploying both
  // would make two owners of every name. The one problem that matters, so it comes alone.
  const successor = province.settings.supersededBy;
  if (successor) {
    return [{
      file: settingsFile,
      message: `the province is superseded by ${successor} (supersededBy: ${successor}): it is kept as a plan of record, which ENV=${environment.name} does not deploy`,
      fix: `deploy ${successor} instead (PROVINCE=${successor}); remove supersededBy only if this province is to run its units itself`,
    }];
  }
  return province.placeholders
    .filter((placeholder) => !unusedBy(environment.name, placeholder.key))
    .map((placeholder) => ({
      file: settingsFile,
      row: placeholder.row,
      message: `${placeholder.key} is still a placeholder, which ENV=${environment.name} cannot deploy`,
      fix: "write the real value and remove the PLACEHOLDER marker",
    }));
}

/**
 * Migration windows whose grants mean nothing on `today` (Vietnam): a warning in every environment, never an
 * error. The grants stay declared with their IAM condition, which Google evaluates at each request, so a window
 * that opens or closes changes no Terraform and shows no drift; the warning says that the settings no longer
 * describe what is true.
 */
export function migrationWindowWarnings(province: Province, settingsFile: string, today: string): ConfigProblem[] {
  return windowNotices(province, today).map(({ entry, window, state, units }) => {
    const key = entry === undefined ? "retirement.migrationWindow" : `retirement.migrationWindows: ${entry}`;
    const whose = entry === undefined ? `the successors' admins on the archives of its ${units.length} old units` : "the successor's admins on its archive";
    const where = { file: settingsFile, ...(entry === undefined ? {} : { unit: describeUnit(units[0].name, units[0].code) }) };
    if (state === "not-open") {
      return { ...where, message: `${key} opens on ${window.from}: its grants to ${whose} are declared but grant nothing until then`, fix: "nothing to do if that is the planned start; move from earlier if the copying must start sooner" };
    }
    return {
      ...where,
      message: `${key} closed on ${window.until}: its grants to ${whose} are declared but grant nothing any more`,
      fix:
        entry === undefined
          ? "extend until if old content is still to be copied in; once it is all in, remove migrationWindow and deploy (the grants go)"
          : `extend until if its old content is still to be copied in; once it is in, remove the entry "${entry}" and deploy`,
    };
  });
}
