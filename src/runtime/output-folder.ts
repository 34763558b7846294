import { cpSync, existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";

function backendOf(stackDir: string): string | undefined {
  const file = join(stackDir, "cdk.tf.json");
  if (!existsSync(file)) return undefined;
  return JSON.stringify((JSON.parse(readFileSync(file, "utf8")) as { terraform?: { backend?: unknown } }).terraform?.backend);
}

/**
 * Moves a finished synth from `staging` into `outdir`, keeping what Terraform initialised there (providers,
 * the lock file) — except where a stack's backend changed, as on a switch of ENV: its `.terraform` folder still
 * points at the other environment's state, and the next `terraform init` would offer to migrate that state into
 * this one. That folder is removed, so init starts clean. Returns the stacks whose folder was removed.
 */
export function replaceOutput(staging: string, outdir: string): string[] {
  const reset: string[] = [];
  const stagedStacks = join(staging, "stacks");
  for (const stack of existsSync(stagedStacks) ? readdirSync(stagedStacks) : []) {
    const current = join(outdir, "stacks", stack);
    const initialised = join(current, ".terraform");
    if (existsSync(initialised) && backendOf(current) !== backendOf(join(stagedStacks, stack))) {
      rmSync(initialised, { recursive: true, force: true });
      reset.push(stack);
    }
  }
  cpSync(staging, outdir, { recursive: true });
  return reset;
}
