import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { compareSyntheses, type Synthesis } from "../src/guard/compare-synths";
import { environmentChanges, formatEnvironmentChanges, type StackFrame } from "../src/guard/environment-moves";
import { formatGuard } from "../src/guard/format-guard";
import { extractRef, isCommit } from "../src/guard/ref-tree";
import { readSynthesis, synthesizeTree, type SynthRun } from "../src/guard/synthesize-tree";
import { loadProvince, provinceDir } from "../src/load/load-province";
import { ConfigError } from "../src/load/problems";
import type { Province } from "../src/model/province";
import { environmentName, provinceName } from "../src/runtime/province-command";

/**
 * npm run guard -- <git-ref>: synthesizes <git-ref> and the working tree with the same PROVINCE and ENV and
 * fails when the change would destroy, replace or move a protected resource, or change more than 30 % of a
 * large zone's records, unless the working tree's settings acknowledge it; and, for staging and production, when a
 * stack's state bucket, GCP project or DNSimple account moves, unless the settings declare the move
 * (stateMigrations). A province neither side can synthesize for a real ENV (placeholders) is not compared.
 * Needs no credentials.
 */
const root = join(__dirname, "..");
const province = provinceName();

function fail(message: string): never {
  process.stderr.write(message.endsWith("\n") ? message : message + "\n");
  process.exit(1);
}

function synthesisOf(side: string, run: SynthRun, outdir: string): Synthesis {
  if (!run.ok) fail(`guard: the synth of ${side} failed:\n${run.stderr}`);
  return readSynthesis(outdir);
}

function tryLoad(dir: string): Province | undefined {
  try {
    return loadProvince(dir);
  } catch (error) {
    if (error instanceof ConfigError) return undefined;
    throw error;
  }
}

async function main(): Promise<void> {
  const ref = process.argv[2];
  if (!ref) fail("usage: npm run guard -- <git-ref>   (for example origin/main)");
  if (!isCommit(root, ref)) fail(`guard: "${ref}" is not a commit of this repository; fetch it first (git fetch origin)`);
  // The working tree's config first: a bad PROVINCE or config is its own problem, not a failed synth of the ref.
  let current: Province;
  try {
    current = loadProvince(provinceDir(province, root));
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }
  const work = mkdtempSync(join(tmpdir(), "guard-"));
  try {
    const refTree = join(work, "ref");
    extractRef(root, ref, refTree);
    // Both trees at once, one process each; a failure is reported the ref's first, as when they ran in turn.
    const [refRun, workRun] = await Promise.all([synthesizeTree(refTree, join(work, "before")), synthesizeTree(root, join(work, "after"))]);
    const environment = environmentName();
    const placeholders = (run: SynthRun) => !run.ok && run.stderr.includes("is still a placeholder");
    if (environment !== "offline" && placeholders(refRun) && placeholders(workRun)) {
      process.stdout.write(`guard: ${ref} → working tree (PROVINCE=${province}, ENV=${environment}): neither side synthesizes for ${environment} (placeholders), nothing to compare\n`);
      return;
    }
    // A province that becomes deployable here (the ref still had placeholders) is compared with nothing.
    const before: Synthesis = environment !== "offline" && placeholders(refRun) && workRun.ok ? new Map() : synthesisOf(ref, refRun, join(work, "before"));
    const after = synthesisOf("the working tree", workRun, join(work, "after"));

    const previous = existsSync(provinceDir(province, refTree)) ? tryLoad(provinceDir(province, refTree)) : undefined;
    const names = new Map<string, string>();
    for (const model of [previous, current]) {
      for (const unit of model?.communes ?? []) names.set(`commune-${unit.code}`, unit.name);
      for (const unit of model?.retired ?? []) names.set(`retired-${unit.id}`, unit.name);
    }
    const result = compareSyntheses(before, after, current.settings.acknowledgements);
    const settingsFile = relative(process.cwd(), join(provinceDir(province, root), "settings.yaml"));
    const frames = (synthesis: Synthesis) => synthesis as unknown as ReadonlyMap<string, StackFrame>;
    const moved = environmentChanges(frames(before), frames(after), environment, current.settings.stateMigrations);
    process.stdout.write(`guard: ${ref} → working tree (PROVINCE=${province}, ENV=${environment})\n\n`);
    process.stdout.write(formatGuard(result, names, settingsFile));
    const movedLines = formatEnvironmentChanges(moved, { ref, province, environment, settingsFile });
    if (movedLines.length > 0) process.stdout.write(`${movedLines.join("\n")}\n`);
    process.exitCode = result.violations.length > 0 || moved.moves.length > 0 ? 1 : 0;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

void main();
