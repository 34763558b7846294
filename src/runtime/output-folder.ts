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
 * this one. That folder is removed, so init starts clean. A folder of this province's that the synth no longer
 * writes (a shard that went away) is removed too, so no glob over cdktf.out/stacks finds a stale stack; state
 * never lives there (GCS, or the project root offline). Returns the stacks whose .terraform folder was removed.
 */
export function replaceOutput(staging: string, outdir: string, province: string): string[] {
  const reset: string[] = [];
  const stagedStacks = join(staging, "stacks");
  const written = new Set(existsSync(stagedStacks) ? readdirSync(stagedStacks) : []);
  const currentStacks = join(outdir, "stacks");
  for (const stack of existsSync(currentStacks) ? readdirSync(currentStacks) : []) {
    if (stack.startsWith(`${province}-`) && !written.has(stack)) rmSync(join(currentStacks, stack), { recursive: true, force: true });
  }
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
