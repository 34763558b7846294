import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { loadProvince, provinceDir } from "../load/load-province";
import { ConfigError } from "../load/problems";
import type { Province } from "../model/province";
import { environmentName, provinceName } from "../runtime/province-command";
import { compareSyntheses, type Synthesis } from "../guard/compare-synths";
import { environmentChanges, formatEnvironmentChanges, type StackFrame } from "../guard/environment-moves";
import { formatGuard } from "../guard/format-guard";
import { extractRef, isCommit } from "../guard/ref-tree";
import { readSynthesis, synthesizeTree, type Synthesizer, type SynthRun } from "../guard/synthesize-tree";
import { type CommandIo, processIo } from "../runtime/command-io";

export interface GuardOptions {
  /** What the settings file's path in the fix is relative to (the working directory). */
  readonly cwd?: string;
  /** Each side's synth: synthesizeTree, the project's own synth in a child process. */
  readonly synthesize?: Synthesizer;
}

/** A message that ends the command: it goes to stderr, and the command exits 1. */
class GuardFailure extends Error {}

function tryLoad(dir: string): Province | undefined {
  try {
    return loadProvince(dir);
  } catch (error) {
    if (error instanceof ConfigError) return undefined;
    throw error;
  }
}

/**
 * npm run guard -- <git-ref>: synthesizes <git-ref> and the working tree with the same PROVINCE and ENV and
 * fails when the change would destroy, replace or move a protected resource, or change more than 30 % of a
 * large zone's records, unless the working tree's settings acknowledge it; and, for staging and production, when a
 * stack's state bucket, GCP project or DNSimple account moves, unless the settings declare the move
 * (stateMigrations). A province neither side can synthesize for a real ENV (placeholders) is not compared.
 * Needs no credentials. Returns the exit code (0 passed, 1 blocked, a usage error, a bad ref or config, or a
 * failed synth) once the report is written to `io` (whose env gives PROVINCE and ENV).
 */
export async function runGuard(root: string, ref: string | undefined, io: CommandIo = processIo, options: GuardOptions = {}): Promise<number> {
  try {
    return await guard(root, ref, io, options);
  } catch (error) {
    if (!(error instanceof GuardFailure)) throw error;
    io.stderr(error.message.endsWith("\n") ? error.message : error.message + "\n");
    return 1;
  }
}

function synthesisOf(side: string, run: SynthRun, outdir: string): Synthesis {
  if (!run.ok) throw new GuardFailure(`guard: the synth of ${side} failed:\n${run.stderr}`);
  return readSynthesis(outdir);
}

async function guard(root: string, ref: string | undefined, io: CommandIo, { cwd = process.cwd(), synthesize = synthesizeTree }: GuardOptions): Promise<number> {
  if (!ref) throw new GuardFailure("usage: npm run guard -- <git-ref>   (for example origin/main)");
  if (!isCommit(root, ref)) throw new GuardFailure(`guard: "${ref}" is not a commit of this repository; fetch it first (git fetch origin)`);
  const province = provinceName(io.env);
  const environment = environmentName(io.env);
  // The working tree's config first: a bad PROVINCE or config is its own problem, not a failed synth of the ref.
  let current: Province;
  try {
    current = loadProvince(provinceDir(province, root));
  } catch (error) {
    if (error instanceof ConfigError) throw new GuardFailure(error.message);
    throw error;
  }
  const work = mkdtempSync(join(tmpdir(), "guard-"));
  try {
    const refTree = join(work, "ref");
    extractRef(root, ref, refTree);
    // Both trees at once, one process each; a failure is reported the ref's first, as when they ran in turn.
    const sides = { PROVINCE: province, ENV: environment };
    const [refRun, workRun] = await Promise.all([synthesize(refTree, join(work, "before"), sides), synthesize(root, join(work, "after"), sides)]);
    const placeholders = (run: SynthRun) => !run.ok && run.stderr.includes("is still a placeholder");
    if (environment !== "offline" && placeholders(refRun) && placeholders(workRun)) {
      io.stdout(`guard: ${ref} → working tree (PROVINCE=${province}, ENV=${environment}): neither side synthesizes for ${environment} (placeholders), nothing to compare\n`);
      return 0;
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
    const settingsFile = relative(cwd, join(provinceDir(province, root), "settings.yaml"));
    const frames = (synthesis: Synthesis) => synthesis as unknown as ReadonlyMap<string, StackFrame>;
    const moved = environmentChanges(frames(before), frames(after), environment, current.settings.stateMigrations);
    io.stdout(`guard: ${ref} → working tree (PROVINCE=${province}, ENV=${environment})\n\n`);
    io.stdout(formatGuard(result, names, settingsFile));
    const movedLines = formatEnvironmentChanges(moved, { ref, province, environment, settingsFile });
    if (movedLines.length > 0) io.stdout(`${movedLines.join("\n")}\n`);
    return result.violations.length > 0 || moved.moves.length > 0 ? 1 : 0;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
