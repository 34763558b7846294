import type { GuardResult } from "./compare-synths";

/**
 * The guard's report for ops: changes per stack, then what blocks and how to let it through. `unitNames` is keyed
 * "commune-<code>" / "retired-<id>": a new unit often carries the code of one of its old units.
 */
export function formatGuard(result: GuardResult, unitNames: ReadonlyMap<string, string>, settingsFile: string): string {
  const name = (key?: string) => (key && unitNames.get(key)) || "unit";
  const unit = (id?: string, key?: string) => (id ? `${name(key)} (${id})` : "the platform");
  const lines: string[] = [];
  for (const { stack, added, changed, removed } of result.stacks) {
    lines.push(`${stack}: ${added.length} added, ${changed.length} changed, ${removed.length} removed`);
    for (const [sign, list] of [["+", added], ["~", changed], ["-", removed]] as const) {
      for (const resource of list) lines.push(`  ${sign} ${resource.type}.${resource.address}${resource.unit ? `  [${unit(resource.unit, resource.unitKey)}]` : ""}`);
    }
  }
  for (const ack of result.acknowledged) lines.push(`acknowledged: ${unit(ack.unit, ack.unitKey)}: ${ack.message} — ${ack.reason}`);
  if (result.violations.length === 0) {
    lines.push("", "guard: passed — nothing protected is lost.");
    return lines.join("\n") + "\n";
  }
  const units = new Map(result.violations.filter((violation) => violation.unit !== undefined).map((violation) => [violation.unit!, violation.unitKey]));
  lines.push("", `guard: BLOCKED — ${result.violations.length} change${result.violations.length > 1 ? "s" : ""} would lose protected resources or records:`);
  for (const violation of result.violations) lines.push(`  ${unit(violation.unit, violation.unitKey)} in ${violation.stack}: ${violation.message}`);
  lines.push(
    "",
    "fix: restore the unit or value in the config; or, when the loss is intended, acknowledge it in " +
      `${settingsFile}:\n  acknowledgements:\n${[...units].map(([id, key]) => `    - { unit: "${id}", reason: "<why this ${name(key)} may lose it>" }`).join("\n")}`,
  );
  return lines.join("\n") + "\n";
}
