import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { compiledCache, copyCompiledCache, SYNTH_ENTRY } from "../runtime/compiled-entry";

/** Whether `ref` names a commit of the repository at `root`. */
export function isCommit(root: string, ref: string): boolean {
  try {
    execFileSync("git", ["rev-parse", "--verify", `${ref}^{commit}`], { cwd: root, stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/**
 * Writes the files of `ref` to `dir` (git archive) with this checkout's node_modules linked in: the ref is
 * synthesized with the working tree's dependencies, so only its code and config differ. The checkout's cached
 * bundles go along: one is used only if the ref's files hash as it was made (compiled-entry.ts), so a ref whose
 * code is the working tree's — a change of config only — skips esbuild, and any other builds its own.
 */
export function extractRef(root: string, ref: string, dir: string): void {
  mkdirSync(dir, { recursive: true });
  execFileSync("sh", ["-c", `git archive "$1" | tar -x -C "$2"`, "sh", ref, dir], { cwd: root });
  symlinkSync(join(root, "node_modules"), join(dir, "node_modules"), "dir");
  if (existsSync(compiledCache(root))) copyCompiledCache(root, dir, SYNTH_ENTRY);
}

