import type { GuardResult } from "./compare-synths";

/** The guard's report for ops: changes per stack, then what blocks and how to let it through. */
export function formatGuard(result: GuardResult, unitNames: ReadonlyMap<string, string>, settingsFile: string): string {
  const unit = (id?: string) => (id ? `${unitNames.get(id) ?? "unit"} (${id})` : "the platform");
  const lines: string[] = [];
  for (const { stack, added, changed, removed } of result.stacks) {
    lines.push(`${stack}: ${added.length} added, ${changed.length} changed, ${removed.length} removed`);
    for (const [sign, list] of [["+", added], ["~", changed], ["-", removed]] as const) {
      for (const resource of list) lines.push(`  ${sign} ${resource.type}.${resource.address}${resource.unit ? `  [${unit(resource.unit)}]` : ""}`);
    }
  }
  for (const ack of result.acknowledged) lines.push(`acknowledged: ${unit(ack.unit)}: ${ack.message} — ${ack.reason}`);
  if (result.violations.length === 0) {
    lines.push("", "guard: passed — nothing protected is lost.");
    return lines.join("\n") + "\n";
  }
  const units = [...new Set(result.violations.map((violation) => violation.unit).filter((id): id is string => id !== undefined))];
  lines.push("", `guard: BLOCKED — ${result.violations.length} change${result.violations.length > 1 ? "s" : ""} would lose protected resources or records:`);
  for (const violation of result.violations) lines.push(`  ${unit(violation.unit)} in ${violation.stack}: ${violation.message}`);
  lines.push(
    "",
    "fix: restore the unit or value in the config; or, when the loss is intended, acknowledge it in " +
      `${settingsFile}:\n  acknowledgements:\n${units.map((id) => `    - { unit: "${id}", reason: "<why this ${unitNames.get(id) ?? "unit"} may lose it>" }`).join("\n")}`,
  );
  return lines.join("\n") + "\n";
}
