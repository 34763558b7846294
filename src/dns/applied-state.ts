import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import type { ConfigProblem } from "../load/problems";

/**
 * What Terraform knows after apply, read from the stacks' states: `DIR/<stack>.tfstate`, each the output of
 * `terraform state pull` in that stack's folder (state format version 4: `outputs.<name>.value`, and
 * `resources[]` with `mode`, `type`, `name` — the address in cdk.tf.json — and `instances[].attributes`).
 * Only what zone-files and verify read is checked; the rest of a state is left alone.
 * Format: https://developer.hashicorp.com/terraform/cli/commands/state/pull (the state is JSON, "version": 4).
 */
const stateSchema = z.object({
  version: z.literal(4),
  outputs: z.record(z.string(), z.object({ value: z.unknown() })).default({}),
  resources: z
    .array(
      z.object({
        mode: z.enum(["managed", "data"]),
        type: z.string(),
        name: z.string(),
        instances: z.array(z.object({ attributes: z.record(z.string(), z.unknown()).default({}) })),
      }),
    )
    .default([]),
});

export type StackState = z.infer<typeof stateSchema>;

/** The applied states of a province's stacks, by stack name; a stack without a file has not been applied. */
export type AppliedState = ReadonlyMap<string, StackState>;

/** Reads `dir/<stack>.tfstate` for every stack that has one; every unreadable file is a problem, all at once. */
export function readAppliedState(dir: string, stackNames: readonly string[]): AppliedState | ConfigProblem[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    return [{ file: dir, message: "is not a folder", fix: "give --state a folder holding <stack>.tfstate files (terraform state pull > DIR/<stack>.tfstate)" }];
  }
  const problems: ConfigProblem[] = [];
  const states = new Map<string, StackState>();
  const known = new Set(stackNames);
  for (const entry of readdirSync(dir).filter((name) => name.endsWith(".tfstate")).sort()) {
    const file = join(dir, entry);
    const stack = entry.slice(0, -".tfstate".length);
    if (!known.has(stack)) {
      problems.push({ file, message: `names no stack of this province (${stackNames.join(", ")})`, fix: "name each file after its stack, <stack>.tfstate, or remove it" });
      continue;
    }
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(file, "utf8"));
    } catch {
      problems.push({ file, message: "is not JSON", fix: `write it with: terraform state pull > ${file}` });
      continue;
    }
    const parsed = stateSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      problems.push({ file, message: `is not a Terraform state of format 4: ${issue.path.join(".") || "(top)"}: ${issue.message}`, fix: `write it with: terraform state pull > ${file}` });
      continue;
    }
    states.set(stack, parsed.data);
  }
  return problems.length > 0 ? problems : states;
}

/** A managed resource's first instance's attributes, as the stack's state has them. */
export function appliedAttributes(state: StackState | undefined, type: string, name: string): Record<string, unknown> | undefined {
  return state?.resources.find((resource) => resource.mode === "managed" && resource.type === type && resource.name === name)?.instances[0]?.attributes;
}
