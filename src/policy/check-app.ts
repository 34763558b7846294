import { Aspects, type App, TerraformStack } from "cdktf";
import type { PolicyPack, PolicyViolation } from "./policy-pack";

/**
 * Runs every stack's aspects over the whole app before anything is written, so a violation stops the synth
 * before the first stack reaches the disk (cdktf would otherwise write stacks until the first that fails).
 */
export function checkPolicies(app: App, pack: PolicyPack): PolicyViolation[] {
  for (const stack of app.node.children.filter((child): child is TerraformStack => child instanceof TerraformStack)) {
    const aspects = Aspects.of(stack).all;
    for (const node of stack.node.findAll()) for (const aspect of aspects) aspect.visit(node);
  }
  return pack.violations;
}

export function formatViolations(violations: readonly PolicyViolation[]): string {
  const lines = violations.map((violation) => `[${violation.rule}] ${violation.path}: ${violation.message}\n  fix: ${violation.fix}`);
  return `The policy pack found ${violations.length} violation${violations.length === 1 ? "" : "s"}; nothing was synthesized.\n\n${lines.join("\n\n")}\n\nA deliberate exception goes in settings.yaml: suppressions: [{ rule: <id>, unit: <code>, reason: <why> }]\n`;
}
