import { mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { affectedProvinces } from "../src/changes/affected-provinces";
import { changedStacks, terraformDigest, type StackDigests } from "../src/changes/changed-stacks";
import { changedPaths, provincesAt, provincesInTree } from "../src/changes/git-changes";
import { inParallel } from "../src/changes/in-parallel";
import { extractRef, isCommit } from "../src/guard/ref-tree";
import { readSynthesis, synthesizeTree } from "../src/guard/synthesize-tree";

/**
 * npm run changed -- <git-ref>: prints `<province> <stack>`, one a line, sorted, for every stack whose Terraform
 * differs between <git-ref> and the working tree (added and removed stacks included), both synthesized with this
 * process's ENV (default offline) and this checkout's node_modules. Only what the change can reach is synthesized:
 * the provinces whose config folder changed, or every province when code changed (src/changes/affected-provinces.ts),
 * one process per province and side, as many at once as there are cores. Progress goes to stderr, a line per synth. Needs no
 * credentials. Exits 1 naming every province and side whose synth failed.
 */
const root = join(__dirname, "..");
const say = (message: string) => process.stderr.write(`changed: ${message}\n`);

interface SynthJob {
  readonly province: string;
  readonly side: "ref" | "work";
}

async function main(ref: string | undefined): Promise<number> {
  if (!ref) {
    process.stderr.write("usage: npm run changed -- <git-ref>   (for example origin/main)\n");
    return 2;
  }
  if (!isCommit(root, ref)) {
    say(`"${ref}" is not a commit of this repository; fetch it first (git fetch origin)`);
    return 1;
  }
  const before = new Set(provincesAt(root, ref));
  const after = new Set(provincesInTree(root));
  const { provinces, code } = affectedProvinces(changedPaths(root, ref), [...before, ...after]);
  if (provinces.length === 0) {
    say(`no code and no province config changed since ${ref}: nothing to synthesize`);
    return 0;
  }
  const jobs: SynthJob[] = provinces.flatMap((province) => [
    ...(before.has(province) ? [{ province, side: "ref" } as const] : []),
    ...(after.has(province) ? [{ province, side: "work" } as const] : []),
  ]);
  const parallel = availableParallelism();
  const why = code.length > 0 ? `code changed (${code.slice(0, 3).join(", ")}${code.length > 3 ? ", …" : ""}): every province (${provinces.length})` : `config changed: ${provinces.join(", ")}`;
  say(`${why}; ${jobs.length} synth${jobs.length === 1 ? "" : "s"} of ${ref} and the working tree, ${Math.min(parallel, jobs.length)} at a time`);

  const work = mkdtempSync(join(tmpdir(), "changed-"));
  try {
    const trees = { ref: join(work, "ref"), work: root };
    if (before.size > 0) extractRef(root, ref, trees.ref);
    let finished = 0;
    const runs = await inParallel(jobs, parallel, async ({ province, side }) => {
      const outdir = join(work, "out", side, province);
      const run = await synthesizeTree(trees[side], outdir, { PROVINCE: province });
      // A code change synthesizes every province twice (minutes): say each one as it ends.
      say(`synthesized ${province} ${side === "ref" ? `at ${ref}` : "in the working tree"}${run.ok ? "" : " (failed)"} (${++finished} of ${jobs.length})`);
      // Keep only each stack's digest: a code change synthesizes every province, too much to hold as JSON.
      const digests: StackDigests | undefined = run.ok ? new Map([...readSynthesis(outdir)].map(([stack, config]) => [stack, terraformDigest(config)])) : undefined;
      rmSync(outdir, { recursive: true, force: true });
      return { province, side, digests, stderr: run.stderr };
    });

    const failed = runs.filter((run) => !run.digests);
    if (failed.length > 0) {
      for (const run of failed) say(`the synth of ${run.province} ${run.side === "ref" ? `at ${ref}` : "in the working tree"} failed:\n${run.stderr.trimEnd()}`);
      say(`${failed.length} synth${failed.length > 1 ? "s" : ""} failed; nothing printed`);
      return 1;
    }
    const digests = (province: string, side: SynthJob["side"]) => runs.find((run) => run.province === province && run.side === side)?.digests ?? new Map<string, string>();
    const lines = provinces.flatMap((province) => changedStacks(digests(province, "ref"), digests(province, "work")).map((stack) => `${province} ${stack}`));
    process.stdout.write(lines.map((line) => `${line}\n`).join(""));
    say(`${lines.length} stack${lines.length === 1 ? "" : "s"} differ${lines.length === 1 ? "s" : ""}`);
    return 0;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main(process.argv[2]).then((code) => (process.exitCode = code));
