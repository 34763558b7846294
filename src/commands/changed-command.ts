import { mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { extractRef, isCommit } from "../guard/ref-tree";
import { readSynthesis, synthesizeTree, type Synthesizer } from "../guard/synthesize-tree";
import { affectedProvinces } from "../changes/affected-provinces";
import { changedStacks, terraformDigest, type StackDigests } from "../changes/changed-stacks";
import { changedPaths, provincesAt, provincesInTree } from "../changes/git-changes";
import { inParallel } from "../changes/in-parallel";
import { type CommandIo, processIo } from "../runtime/command-io";

interface SynthJob {
  readonly province: string;
  readonly side: "ref" | "work";
  /** undefined: this process's ENV, all of the Terraform compared; else only each stack's environment frame. */
  readonly environment?: string;
}

/** What a stack's environment decides beside its resources: backend and required providers, providers, variables. */
const frameDigest = (config: { terraform?: unknown; provider?: unknown; variable?: unknown }) => terraformDigest({ terraform: config.terraform, provider: config.provider, variable: config.variable });

const USAGE = "usage: npm run changed -- <git-ref> [--environments staging,production]   (for example origin/main)\n";

/**
 * npm run changed -- <git-ref> [--environments staging,production]: prints `<province> <stack>`, one a line,
 * sorted, for every stack whose Terraform differs between <git-ref> and the working tree (added and removed stacks
 * included), both synthesized with this process's ENV (default offline) and this checkout's node_modules; with
 * --environments, also every stack whose backend, providers or variables differ in those environments' synths
 * (what offline cannot show: a moved state bucket, project or account). A province neither side synthesizes for
 * such an environment (placeholders) is skipped there, saying so on stderr. Only what the change can reach is synthesized:
 * the provinces whose config folder changed, or every province when code changed (src/changes/affected-provinces.ts),
 * one process per province and side, as many at once as there are cores. Progress goes to stderr, a line per synth. Needs no
 * credentials. Exits 1 naming every province and side whose synth failed.
 *
 * Returns the exit code (0 listed, 1 a bad ref or a failed synth, 2 usage) once every line is written to `io`;
 * `synthesize` makes each side's synth (synthesizeTree: the project's own synth in a child process).
 */
export async function runChanged(root: string, args: readonly string[], io: CommandIo = processIo, synthesize: Synthesizer = synthesizeTree): Promise<number> {
  const say = (message: string) => io.stderr(`changed: ${message}\n`);
  const [ref, flag, list, ...rest] = args;
  const environments = flag === "--environments" ? (list ?? "").split(",").filter(Boolean) : [];
  if (!ref || ref.startsWith("-") || (flag !== undefined && (flag !== "--environments" || environments.length === 0 || environments.some((env) => env !== "staging" && env !== "production"))) || rest.length > 0) {
    io.stderr(USAGE);
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
  const jobs: SynthJob[] = [undefined, ...environments].flatMap((environment) =>
    provinces.flatMap((province) => [
      ...(before.has(province) ? [{ province, side: "ref", environment } as const] : []),
      ...(after.has(province) ? [{ province, side: "work", environment } as const] : []),
    ]),
  );
  const parallel = availableParallelism();
  const why = code.length > 0 ? `code changed (${code.slice(0, 3).join(", ")}${code.length > 3 ? ", …" : ""}): every province (${provinces.length})` : `config changed: ${provinces.join(", ")}`;
  say(`${why}; ${jobs.length} synth${jobs.length === 1 ? "" : "s"} of ${ref} and the working tree, ${Math.min(parallel, jobs.length)} at a time`);

  const work = mkdtempSync(join(tmpdir(), "changed-"));
  try {
    const trees = { ref: join(work, "ref"), work: root };
    if (before.size > 0) extractRef(root, ref, trees.ref);
    let finished = 0;
    const runs = await inParallel(jobs, parallel, async ({ province, side, environment }) => {
      const outdir = join(work, "out", environment ?? "default", side, province);
      const run = await synthesize(trees[side], outdir, { PROVINCE: province, ...(environment ? { ENV: environment } : {}) });
      // A code change synthesizes every province twice (minutes): say each one as it ends.
      say(`synthesized ${province}${environment ? ` for ${environment}` : ""} ${side === "ref" ? `at ${ref}` : "in the working tree"}${run.ok ? "" : " (failed)"} (${++finished} of ${jobs.length})`);
      // Keep only each stack's digest: a code change synthesizes every province, too much to hold as JSON.
      const digest = environment ? frameDigest : terraformDigest;
      const digests: StackDigests | undefined = run.ok ? new Map([...readSynthesis(outdir)].map(([stack, config]) => [stack, digest(config as Parameters<typeof frameDigest>[0])])) : undefined;
      rmSync(outdir, { recursive: true, force: true });
      return { province, side, environment, digests, stderr: run.stderr };
    });

    const find = (province: string, side: SynthJob["side"], environment?: string) => runs.find((run) => run.province === province && run.side === side && run.environment === environment);
    // A real environment's synth fails while the settings hold placeholders: on both sides, nothing to compare
    // there; on the ref's side only, the province becomes deployable and every stack is new there.
    const excused = new Set<(typeof runs)[number]>();
    for (const province of provinces) {
      for (const environment of environments) {
        const [was, now] = [find(province, "ref", environment), find(province, "work", environment)];
        if (now && !now.digests && !was?.digests) {
          say(`${province}: not compared for ${environment}: neither side synthesizes for it (placeholders, or another config problem)`);
          for (const run of [was, now]) if (run) excused.add(run);
        } else if (was && !was.digests && now?.digests) excused.add(was);
      }
    }
    const failed = runs.filter((run) => !run.digests && !excused.has(run));
    if (failed.length > 0) {
      for (const run of failed) say(`the synth of ${run.province}${run.environment ? ` for ${run.environment}` : ""} ${run.side === "ref" ? `at ${ref}` : "in the working tree"} failed:\n${run.stderr.trimEnd()}`);
      say(`${failed.length} synth${failed.length > 1 ? "s" : ""} failed; nothing printed`);
      return 1;
    }
    const digests = (province: string, side: SynthJob["side"], environment?: string) => find(province, side, environment)?.digests ?? new Map<string, string>();
    const lines = [
      ...new Set(
        provinces.flatMap((province) =>
          [undefined, ...environments]
            .filter((environment) => !environment || find(province, "work", environment)?.digests)
            .flatMap((environment) => changedStacks(digests(province, "ref", environment), digests(province, "work", environment)).map((stack) => `${province} ${stack}`)),
        ),
      ),
    ].sort();
    io.stdout(lines.map((line) => `${line}\n`).join(""));
    say(`${lines.length} stack${lines.length === 1 ? "" : "s"} differ${lines.length === 1 ? "s" : ""}`);
    return 0;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

