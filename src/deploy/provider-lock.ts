import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readSynthesizedStacks } from "../synth/terraform-json";

/** The platforms the committed lock file covers: the workflows' runners (ubuntu-latest). */
export const LOCK_PLATFORMS = ["linux_amd64"] as const;

type RequiredProviders = Record<string, { source?: string; version?: string }>;

/**
 * Every provider the synthesized stacks require, with its version: one set for all of them (every stack pins the
 * same versions, TF-001), so one committed .terraform.lock.hcl serves every stack. A provider required at two
 * versions is an error.
 */
export function requiredProviders(outdir: string): RequiredProviders {
  const merged: RequiredProviders = {};
  for (const { name: stack, config } of readSynthesizedStacks(outdir)) {
    for (const [name, requirement] of Object.entries(config.terraform?.required_providers ?? {})) {
      const known = merged[name];
      if (known && (known.source !== requirement.source || known.version !== requirement.version)) {
        throw new Error(`${stack} requires provider ${name} ${requirement.source}@${requirement.version}, another stack ${known.source}@${known.version}: one lock file cannot serve both`);
      }
      merged[name] = { source: requirement.source, version: requirement.version };
    }
  }
  return merged;
}

/**
 * Writes the stacks' providers into a scratch configuration, runs `terraform providers lock` for LOCK_PLATFORMS
 * (which needs the registry: the workflows run it, this machine cannot) and compares the result with the committed
 * lock file. Missing or different, the generated file is written beside it as `<file>.generated` and the check
 * fails: commit it after reading what changed. Returns the exit code.
 */
export function lockCheck(outdir: string, lockFile: string, log: (line: string) => void, env: NodeJS.ProcessEnv = process.env): number {
  const scratch = mkdtempSync(join(tmpdir(), "provider-lock-"));
  try {
    writeFileSync(join(scratch, "main.tf.json"), `${JSON.stringify({ terraform: { required_providers: requiredProviders(outdir) } }, null, 2)}\n`);
    const run = spawnSync("terraform", ["providers", "lock", ...LOCK_PLATFORMS.map((platform) => `-platform=${platform}`)], { cwd: scratch, encoding: "utf8", env: { ...env, TF_INPUT: "0" } });
    if (run.status !== 0) {
      log(`terraform providers lock failed (exit ${run.status ?? run.signal}):\n${run.stdout}${run.stderr}`);
      return 1;
    }
    const generated = readFileSync(join(scratch, ".terraform.lock.hcl"), "utf8");
    if (existsSync(lockFile) && readFileSync(lockFile, "utf8") === generated) {
      log(`${lockFile}: matches the providers every stack requires (${LOCK_PLATFORMS.join(", ")})`);
      return 0;
    }
    writeFileSync(`${lockFile}.generated`, generated);
    log(
      existsSync(lockFile)
        ? `${lockFile} differs from what terraform providers lock writes for the stacks' providers: read ${lockFile}.generated and commit it as ${lockFile} if the change is intended`
        : `${lockFile} is not committed: terraform providers lock wrote ${lockFile}.generated; commit it as ${lockFile}`,
    );
    return 1;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
