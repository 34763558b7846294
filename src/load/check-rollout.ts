import { type ConfigFiles, type ConfigProblem, describeRow } from "./problems";
import type { TableResult } from "./read-table";
import type { Settings } from "../model/settings";
import type { NewUnitRow } from "./unit-tables";
import { suggestion } from "./util";

/**
 * `rollout` reports on the units of new-units.csv and the milestones of `plan.milestones`: a code or key it names
 * that the config does not declare would otherwise vanish from the report without a word.
 */
export function checkRollout(settings: Settings, newUnits: TableResult<NewUnitRow>, files: ConfigFiles): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const units = new Map(newUnits.rows.map((row) => [row.code, row]));
  // A code on a refused row was reported there already.
  const refused = new Set(newUnits.rejected.map((cells) => cells.code));
  const keys = (settings.plan?.milestones ?? []).map((milestone) => milestone.key);
  const declare = (key: string) => `declare it under plan.milestones: - { key: ${key}, due: "YYYY-MM-DD", short: "…", label: "…" }`;

  for (const [code, statuses] of Object.entries(settings.rollout)) {
    const unit = units.get(code);
    if (!unit) {
      if (!refused.has(code)) {
        problems.push({ file: files.settings, unit: code, message: `rollout: "${code}" is not the code of a new unit of ${files.newUnits}`, fix: `write the new unit's code${suggestion(code, [...units.keys()])}` });
      }
      continue;
    }
    for (const key of Object.keys(statuses).filter((key) => !keys.includes(key))) {
      problems.push({
        file: files.settings,
        unit: describeRow(unit),
        message: `rollout: milestone "${key}" is not declared in plan.milestones`,
        fix: keys.length === 0 ? declare(key) : `write a key of plan.milestones (${keys.join(", ")})${suggestion(key, keys)} — or ${declare(key)}`,
      });
    }
  }
  return problems;
}
