import type { DeployEnvironment } from "../model/environment";
import { isWindowOpen } from "../model/migration-window";
import type { MigrationWindow, Province } from "../model/province";
import { describeUnit, type ConfigProblem } from "./problems";

export interface Readiness {
  /** What this environment refuses: the synth stops and lists them with the config's other problems. */
  readonly errors: readonly ConfigProblem[];
  /** What it accepts but ops should know: printed, the synth goes on. */
  readonly warnings: readonly ConfigProblem[];
}

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
 * What a real deploy needs that an offline synth does not: a province that is not superseded, no value still
 * marked as a placeholder, and no migration window that has already closed (its grant would mean nothing, so none is declared). Offline, a
 * closed window is only a warning and placeholders are expected.
 */
export function checkDeployReadiness(province: Province, environment: DeployEnvironment, settingsFile: string, today: string): Readiness {
  const real = environment.name !== "offline";
  // A plan of record shares its units (zones, hostnames) with its successor, which deploys them: deploying both
  // would make two owners of every name. The one problem that matters, so it comes alone.
  const successor = province.settings.supersededBy;
  if (real && successor) {
    return {
      errors: [{
        file: settingsFile,
        message: `the province is superseded by ${successor} (supersededBy: ${successor}): it is kept as a plan of record, which ENV=${environment.name} does not deploy`,
        fix: `deploy ${successor} instead (PROVINCE=${successor}); remove supersededBy only if this province is to run its units itself`,
      }],
      warnings: [],
    };
  }
  const placeholders: ConfigProblem[] = real
    ? province.placeholders
        .filter((placeholder) => !unusedBy(environment.name, placeholder.key))
        .map((placeholder) => ({
          file: settingsFile,
          row: placeholder.row,
          message: `${placeholder.key} is still a placeholder, which ENV=${environment.name} cannot deploy`,
          fix: "write the real value and remove the PLACEHOLDER marker",
        }))
    : [];

  const windows: ConfigProblem[] = [];
  const { migrationWindow, migrationWindows } = province.settings.retirement;
  const closed = (window?: MigrationWindow) => window !== undefined && !isWindowOpen(window, today);
  const provinceWide = province.retired.filter((unit) => unit.archiveFolder && !migrationWindows[unit.id]);
  if (closed(migrationWindow) && provinceWide.length > 0) {
    windows.push({
      file: settingsFile,
      message: `retirement.migrationWindow closed on ${migrationWindow!.until}: nobody may write the archives of its ${provinceWide.length} old units any more, so no grant is declared`,
      fix: "extend until if old content is still to be copied in; once it is all in, remove migrationWindow (the window is closed)",
    });
  }
  for (const unit of province.retired.filter((candidate) => candidate.archiveFolder && closed(migrationWindows[candidate.id]))) {
    windows.push({
      file: settingsFile,
      unit: describeUnit(unit.name, unit.code),
      message: `retirement.migrationWindows: ${unit.id} closed on ${migrationWindows[unit.id].until}, so no grant is declared`,
      fix: `extend until if its old content is still to be copied in; once it is in, remove the entry "${unit.id}"`,
    });
  }
  return real ? { errors: [...placeholders, ...windows], warnings: [] } : { errors: [], warnings: windows };
}
