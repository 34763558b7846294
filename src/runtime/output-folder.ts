import { cpSync, existsSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { readStackIn } from "../synth/terraform-json";

function backendOf(stackDir: string): string | undefined {
  const config = readStackIn(stackDir);
  return config && JSON.stringify(config.terraform?.backend);
}

/** What replaceOutput changed besides writing the stacks. */
export interface OutputChanges {
  /** Stacks whose .terraform folder was removed: their backend changed (a switch of ENV). */
  readonly reset: readonly string[];
  /** Stack folders this synth did not write (another province's, or one that went away), removed. */
  readonly removed: readonly string[];
}

/**
 * Moves a finished synth from `staging` into `outdir`, keeping what Terraform initialised there (providers,
 * the lock file) — except where a stack's backend changed, as on a switch of ENV: its `.terraform` folder still
 * points at the other environment's state, and the next `terraform init` would offer to migrate that state into
 * this one. That folder is removed, so init starts clean. Every stack folder the synth does not write goes too —
 * another province's (a synth of lam-dong after binh-thuan), or a shard that went away — so that a glob over
 * cdktf.out/stacks (`cdktf deploy '*-communes-*'`) finds only this synth's stacks; state never lives there (GCS, or
 * the project root offline).
 */
export function replaceOutput(staging: string, outdir: string): OutputChanges {
  const reset: string[] = [];
  const stagedStacks = join(staging, "stacks");
  const written = new Set(existsSync(stagedStacks) ? readdirSync(stagedStacks) : []);
  const currentStacks = join(outdir, "stacks");
  const removed = (existsSync(currentStacks) ? readdirSync(currentStacks) : []).filter((stack) => !written.has(stack)).sort();
  for (const stack of removed) rmSync(join(currentStacks, stack), { recursive: true, force: true });
  for (const stack of written) {
    const current = join(outdir, "stacks", stack);
    const initialised = join(current, ".terraform");
    if (existsSync(initialised) && backendOf(current) !== backendOf(join(stagedStacks, stack))) {
      rmSync(initialised, { recursive: true, force: true });
      reset.push(stack);
    }
  }
  cpSync(staging, outdir, { recursive: true });
  return { reset: reset.sort(), removed };
}
