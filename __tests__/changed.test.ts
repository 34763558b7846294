import { execFileSync, spawnSync } from "node:child_process";
import { appendFileSync, cpSync, mkdirSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { synthesizeProvince } from "../src/app/synthesize";
import { affectedProvinces } from "../src/changes/affected-provinces";
import { runChanged } from "../src/commands/changed-command";
import type { CommandIo } from "../src/runtime/command-io";
import { changedStacks, terraformDigest } from "../src/changes/changed-stacks";
import { runGuard } from "../src/commands/guard-command";
import { extractRef } from "../src/guard/ref-tree";
import type { Synthesizer } from "../src/guard/synthesize-tree";
import { checkDeployReadiness } from "../src/load/deploy-readiness";
import { loadProvince, provinceDir } from "../src/load/load-province";
import { ConfigError } from "../src/load/problems";
import { formatViolations } from "../src/policy/check-app";
import { compiledCache, compiledEntry, copyCompiledCache, SYNTH_ENTRY } from "../src/runtime/compiled-entry";
import { environmentOf } from "../src/runtime/province-command";
import { TINY_NEW_UNITS, TINY_OLD_UNITS, TINY_SETTINGS, writeProvince, type FixtureFiles } from "./support/fixture-config";
import { synthProvince } from "./support/synth-province";
import { npmScriptArgs } from "./support/project";
import { tempDir } from "./support/temp";

/**
 * `npm run changed -- <ref>` and `npm run guard -- <ref>` against real synths: a throw-away git repository holding a
 * copy of this project's code and two tiny provinces, edited after its one commit. What only a process shows — the
 * synths of both sides in child processes, progress on stderr, the exit codes, no stack trace — is shown by a few
 * spawned runs; what the commands make of two syntheses runs in this process (runChanged, runGuard), each side
 * synthesized here as its own process would (synthesizeHere).
 */
const ROOT = join(__dirname, "..");
const CODE = ["main.ts", "src", "scripts", "package.json", "package-lock.json", "tsconfig.json", "cdktf.json"];
const TINY: Required<FixtureFiles> = { newUnits: TINY_NEW_UNITS, oldUnits: TINY_OLD_UNITS, settings: TINY_SETTINGS };
/** Xã An Phú (00010) gets a new domain label. */
const RELABELLED = { ...TINY, newUnits: "code,name,kind,former_district,slug\n00010,Xã An Phú,xa,Huyện Sông Xanh,anphumoi\n00020,Xã Sông Xanh,xa,Huyện Sông Xanh,\n" };

function writeConfig(repo: string, province: string, files: Required<FixtureFiles>): void {
  const dir = join(repo, "config", province);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "new-units.csv"), files.newUnits);
  writeFileSync(join(dir, "old-units.csv"), files.oldUnits);
  writeFileSync(join(dir, "settings.yaml"), files.settings);
}

const git = (repo: string, ...args: string[]) => execFileSync("git", ["-c", "user.name=test", "-c", "user.email=test@example.invalid", ...args], { cwd: repo, stdio: "pipe" });

/**
 * The file's one repository: its first commit ("base") holds this project's code and the provinces thu and thu-hai,
 * with this checkout's cached bundle of the synth (made from the same code: used as is, as a checkout that
 * synthesized before would). Each test starts from that commit (fresh()).
 */
let repo: string;
beforeAll(() => {
  // This checkout's bundle of the synth, made now if the code changed since the last one; copied as a ref's tree
  // gets it (other tests' commands may be writing bundles of their own into the cache meanwhile).
  compiledEntry(ROOT, SYNTH_ENTRY);
  repo = tempDir("changed-test-");
  for (const path of CODE) cpSync(join(ROOT, path), join(repo, path), { recursive: true });
  symlinkSync(join(ROOT, "node_modules"), join(repo, "node_modules"), "dir");
  copyCompiledCache(ROOT, repo, SYNTH_ENTRY);
  writeFileSync(join(repo, ".gitignore"), "node_modules\ncdktf.out/\n.cache/\n");
  writeConfig(repo, "thu", TINY);
  writeConfig(repo, "thu-hai", TINY);
  git(repo, "init", "-q");
  git(repo, "add", ".");
  git(repo, "commit", "-q", "-m", "base");
  git(repo, "tag", "base");
});

/** The repository as its first commit left it: later commits, edits and untracked files gone (the cache stays: ignored). */
function fresh(): string {
  git(repo, "reset", "-q", "--hard", "base");
  git(repo, "clean", "-fdq");
  return repo;
}

/** The command as ops run it: a process of its own, whose synths are processes too. */
function spawned(command: "changed" | "guard", args: string[], env: NodeJS.ProcessEnv = {}): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [...npmScriptArgs(command), ...args], { cwd: repo, env: { ...process.env, ENV: "offline", ...env }, encoding: "utf8" });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/**
 * A tree's synth as `npm run synth` in it makes it — ENV offline unless given, messages naming paths from the tree
 * — in this process: the same load, readiness check and synthesizeProvince, this checkout's code (the tree's own
 * wherever only config changed).
 */
const synthesizeHere: Synthesizer = async (tree, outdir, env) => {
  try {
    const province = loadProvince(provinceDir(env.PROVINCE, tree));
    const environment = environmentOf(province, { ENV: "offline", ...env });
    const problems = checkDeployReadiness(province, environment, `config/${env.PROVINCE}/settings.yaml`);
    if (problems.length > 0) throw new ConfigError(problems);
    mkdirSync(outdir, { recursive: true });
    const result = synthesizeProvince(province, environment, outdir);
    return "violations" in result ? { ok: false, stderr: formatViolations(result.violations) } : { ok: true, stderr: "" };
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return { ok: false, stderr: new ConfigError(error.problems.map((problem) => ({ ...problem, file: relative(tree, resolve(problem.file)) }))).message };
  }
};

function collector() {
  const output = { stdout: "", stderr: "" };
  return { output, io: (env: NodeJS.ProcessEnv = process.env): CommandIo => ({ env, stdout: (text) => (output.stdout += text), stderr: (text) => (output.stderr += text) }) };
}

/** `npm run changed -- <ref> [flags]` in this process, both sides synthesized here. */
async function changed(ref = "HEAD", ...flags: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  const { output, io } = collector();
  const status = await runChanged(repo, [ref, ...flags], io(), synthesizeHere);
  return { status, ...output };
}

/** The oracle: each stack's Terraform from an in-process synth (the tests' own path), by stack name. */
const oracle = new Map<string, Map<string, string>>();
function digests(province: string, files: Required<FixtureFiles>): Map<string, string> {
  const key = JSON.stringify([province, files]);
  if (!oracle.has(key)) oracle.set(key, new Map(synthProvince(loadProvince(writeProvince(files, province))).map((stack) => [stack.name, terraformDigest(stack.config)])));
  return oracle.get(key)!;
}
const lines = (province: string, stacks: string[]) => stacks.map((stack) => `${province} ${stack}\n`).join("");
const USAGE = "usage: npm run changed -- <git-ref> [--environments staging,production]   (for example origin/main)\n";

describe("npm run changed", () => {
  it("prints nothing, and synthesizes nothing, when neither code nor config changed", async () => {
    writeFileSync(join(fresh(), "NOTES.md"), "not read by the synth\n");
    expect(await changed()).toEqual({ status: 0, stdout: "", stderr: "changed: no code and no province config changed since HEAD: nothing to synthesize\n" });
  });

  it("lists exactly the stacks a new domain label touches, synthesizing both sides in processes of their own, a progress line per synth", () => {
    writeConfig(fresh(), "thu", RELABELLED);
    const result = spawned("changed", ["HEAD"]);

    const relabelled = changedStacks(digests("thu", TINY), digests("thu", RELABELLED));
    expect(relabelled).toEqual(expect.arrayContaining(["thu-gateway", "thu-platform"]));
    expect(relabelled.length).toBeLessThan(digests("thu", TINY).size);
    expect(result).toEqual({
      status: 0,
      stdout: lines("thu", relabelled),
      stderr: expect.stringContaining("changed: config changed: thu; 2 synths of HEAD and the working tree"),
    });
    // A line per synth as it ends (they run in parallel: in any order), counted.
    const progress = result.stderr.split("\n").filter((line) => line.startsWith("changed: synthesized "));
    expect(progress.map((line) => / \((\d) of 2\)$/.exec(line)?.[1])).toEqual(["1", "2"]);
    expect(progress.map((line) => line.replace(/ \(\d of 2\)$/, "")).sort()).toEqual(["changed: synthesized thu at HEAD", "changed: synthesized thu in the working tree"]);
    expect(result.stderr).toMatch(/\nchanged: \d+ stacks differ\n$/);
  });

  it("lists every stack of an added province along with the changed stacks of an edited one; leaves the untouched province alone", async () => {
    writeConfig(fresh(), "thu", RELABELLED);
    writeConfig(repo, "thu-ba", TINY);
    const result = await changed();
    expect(result).toEqual({
      status: 0,
      stdout: lines("thu", changedStacks(digests("thu", TINY), digests("thu", RELABELLED))) + lines("thu-ba", [...digests("thu-ba", TINY).keys()].sort()),
      stderr: expect.stringContaining("changed: config changed: thu, thu-ba; 3 synths of HEAD and the working tree"),
    });
    expect(result.stderr.split("\n").filter((line) => line.startsWith("changed: synthesized ")).sort()).toEqual([
      "changed: synthesized thu at HEAD (1 of 3)",
      "changed: synthesized thu in the working tree (2 of 3)",
      "changed: synthesized thu-ba in the working tree (3 of 3)",
    ]);
  });

  it("synthesizes every province on both sides when code changed: a change of no consequence prints nothing, a deleted province all its stacks", async () => {
    appendFileSync(join(fresh(), "main.ts"), "// a comment changes no Terraform\n");
    rmSync(join(repo, "config", "thu-hai"), { recursive: true });
    expect(await changed()).toEqual({
      status: 0,
      stdout: lines("thu-hai", [...digests("thu-hai", TINY).keys()].sort()),
      stderr: expect.stringContaining("changed: code changed (main.ts): every province (2); 3 synths"),
    });
  });

  it("fails naming the province and the side whose synth failed, and prints no stack", async () => {
    writeConfig(fresh(), "thu-loi", { ...TINY, settings: TINY_SETTINGS.replace("parentDomain: thu.gov.vn\n", "") });
    const inTree = spawned("changed", ["HEAD"]);
    expect([inTree.status, inTree.stdout]).toEqual([1, ""]);
    expect(inTree.stderr).toContain("changed: the synth of thu-loi in the working tree failed:\n");
    expect(inTree.stderr).toContain("config/thu-loi/settings.yaml, row 1: parentDomain: is missing");
    expect(inTree.stderr).toMatch(/changed: 1 synth failed; nothing printed\n$/);
    expect(inTree.stderr).not.toMatch(/\n\s+at /);

    git(repo, "add", "config/thu-loi");
    git(repo, "commit", "-q", "-m", "broken province");
    writeConfig(repo, "thu-loi", TINY);
    const atRef = await changed();
    expect([atRef.status, atRef.stdout]).toEqual([1, ""]);
    expect(atRef.stderr).toContain("changed: the synth of thu-loi at HEAD failed:\n");
    expect(atRef.stderr).toContain("config/thu-loi/settings.yaml, row 1: parentDomain: is missing");
  });

  it("extracts a ref with the checkout's finished bundles, not a bundle another command is still writing", () => {
    const cache = compiledCache(fresh());
    writeFileSync(join(cache, `synth-command-0123.js.${process.pid}.partial`), "half a bundle");
    const tree = tempDir("ref-");
    extractRef(repo, "base", tree);
    const copied = readdirSync(compiledCache(tree)).sort();
    expect(copied).toEqual(readdirSync(cache).filter((file) => !file.endsWith(".partial")).sort());
    expect(copied).toContain("synth-command.inputs.json");
    rmSync(join(cache, `synth-command-0123.js.${process.pid}.partial`));
  });

  it("refuses a ref that is not a commit", async () => {
    fresh();
    expect(await changed("origin/no-such-branch")).toEqual({ status: 1, stdout: "", stderr: 'changed: "origin/no-such-branch" is not a commit of this repository; fetch it first (git fetch origin)\n' });
  });

  it("refuses a flag it does not know, or an environment that is not staging or production, with its usage and exit code 2", async () => {
    fresh();
    expect(spawned("changed", ["HEAD", "--environments", "prod"])).toEqual({ status: 2, stdout: "", stderr: USAGE });
    for (const args of [[], ["--environments", "staging"], ["HEAD", "--environment", "staging"], ["HEAD", "--environments"], ["HEAD", "--environments", "staging,prod"], ["HEAD", "--environments", "staging", "extra"]]) {
      const { output, io } = collector();
      expect([await runChanged(repo, args, io(), synthesizeHere), output]).toEqual([2, { stdout: "", stderr: USAGE }]);
    }
  });
});

describe("a change only staging or production shows: the state bucket moves", () => {
  // The project's organization grants the exceptions the public portals need (ORG-001/002).
  const production = (bucket: string) =>
    `environments: { production: { gcpProject: thu-prod-1, dnsimpleAccount: "1", stateBucket: ${bucket}, organizationPolicies: { domainRestrictedSharing: false, publicAccessPrevention: false } } }\n`;
  /** `ENV=production PROVINCE=thu npm run guard -- HEAD` in this process, both sides synthesized here. */
  const guard = async () => {
    const { output, io } = collector();
    const status = await runGuard(repo, "HEAD", io({ ENV: "production", PROVINCE: "thu" }), { cwd: repo, synthesize: synthesizeHere });
    return { status, ...output };
  };
  let stacks: string[];
  beforeAll(() => {
    writeConfig(fresh(), "thu", { ...TINY, settings: TINY_SETTINGS + production("thu-tfstate-prod") });
    git(repo, "commit", "-q", "-am", "production");
    writeConfig(repo, "thu", { ...TINY, settings: TINY_SETTINGS + production("thu-tfstate-new") });
    stacks = [...digests("thu", TINY).keys()].sort();
  });

  it("offline sees nothing; with --environments, every stack whose backend moved is listed, and a province without production is skipped saying so", async () => {
    expect((await changed()).stdout).toBe("");
    writeConfig(repo, "thu-hai", { ...TINY, settings: TINY_SETTINGS + "# edited\n" });
    const result = await changed("HEAD", "--environments", "staging,production");
    expect([result.status, result.stdout]).toEqual([0, lines("thu", stacks)]);
    expect(result.stderr).toContain("changed: thu-hai: not compared for production: neither side synthesizes for it (placeholders, or another config problem)\n");
    writeConfig(repo, "thu-hai", TINY);
  });

  it("the guard refuses the move with the migration's exact steps, and lets a declared move through", async () => {
    const blocked = await guard();
    expect(blocked.status).toBe(1);
    expect(blocked.stdout).toContain(`guard: BLOCKED — ${stacks.length} stacks would move to another state, project or account (ENV=production):\n`);
    expect(blocked.stdout).toContain(`\n  thu-gateway: state gs://thu-tfstate-prod/thu/production/thu-gateway → gs://thu-tfstate-new/thu/production/thu-gateway: terraform init would start from an empty state and create everything again, orphaning the old state\n`);
    expect(blocked.stdout).toContain(
      [
        "fix: restore the value in the settings; or, when the move is intended, move first, then declare it in config/thu/settings.yaml:",
        "  stateMigrations:",
        '    - { environment: production, from: "thu-tfstate-prod", to: "thu-tfstate-new", reason: "<why it moves>" }',
        "  moving the state, with nobody deploying, from a checkout of this change:",
        "    git worktree add ../before HEAD && (cd ../before && npm ci && ENV=production PROVINCE=thu npm run synth)",
        "    ENV=production PROVINCE=thu CDKTF_OUTDIR=cdktf.moved npm run synth",
        `    terraform -chdir=../before/cdktf.out/stacks/${stacks[0]} init -input=false`,
        `    cp cdktf.moved/stacks/${stacks[0]}/cdk.tf.json ../before/cdktf.out/stacks/${stacks[0]}/ && terraform -chdir=../before/cdktf.out/stacks/${stacks[0]} init -migrate-state -force-copy -input=false`,
      ].join("\n"),
    );
    writeConfig(repo, "thu", { ...TINY, settings: `${TINY_SETTINGS}${production("thu-tfstate-new")}stateMigrations: [{ environment: production, from: thu-tfstate-prod, to: thu-tfstate-new, reason: "the old bucket was in the wrong region" }]\n` });
    const declared = await guard();
    expect(declared.status).toBe(0);
    expect(declared.stdout).toContain("declared move: thu-gateway: state gs://thu-tfstate-prod/thu/production/thu-gateway → gs://thu-tfstate-new/thu/production/thu-gateway — the old bucket was in the wrong region\n");
  });
});

describe("npm run guard", () => {
  it("names a bad PROVINCE as the problem, not the synth of the ref", () => {
    fresh();
    expect(spawned("guard", ["HEAD"], { PROVINCE: "Thu" })).toEqual({
      status: 1,
      stdout: "",
      stderr: `The config has 1 problem; nothing was synthesized.

PROVINCE: "Thu" is not a plain folder name (lower-case letters, digits and hyphens, such as lam-dong)
  fix: set PROVINCE to the name of a folder of config/ (thu, thu-hai), not a path
`,
    });
  });
});

describe("which provinces a change reaches", () => {
  const provinces = ["binh-thuan", "lam-dong", "ha-noi"];

  it("a province whose folder changed, was added or deleted; not the others", () => {
    expect(affectedProvinces(["config/lam-dong/new-units.csv", "config/ha-noi/settings.yaml", "README.md", "__tests__/x.test.ts"], provinces)).toEqual({ provinces: ["ha-noi", "lam-dong"], code: [] });
    expect(affectedProvinces(["scripts/report.ts", "bench/run.ts", ".github/workflows/drift.yml"], provinces).provinces).toEqual([]);
  });

  it("every province when anything the synth runs changed, including a file shared by the config folders", () => {
    for (const code of ["main.ts", "src/model/shards.ts", "src/app/build-app.ts", "package-lock.json", "package.json", "tsconfig.json", "cdktf.json", "config/README.md"]) {
      expect(affectedProvinces([code, "config/lam-dong/new-units.csv"], provinces)).toEqual({ provinces: ["binh-thuan", "ha-noi", "lam-dong"], code: [code] });
    }
  });
});

describe("which stacks differ", () => {
  it("compares what Terraform reads: key order and cdktf's comments do not count", () => {
    const a = { "//": { metadata: { path: "a/b" } }, resource: { x: { y: { name: "n", "//": { metadata: { path: "p" } }, size: 1 } } } };
    const b = { resource: { x: { y: { size: 1, name: "n", "//": { metadata: { path: "q" } } } } } };
    expect(terraformDigest(a)).toBe(terraformDigest(b));
    expect(terraformDigest(a)).not.toBe(terraformDigest({ resource: { x: { y: { name: "n", size: 2 } } } }));
    expect(changedStacks(new Map([["p-a", "1"], ["p-b", "2"], ["p-c", "3"]]), new Map([["p-c", "3"], ["p-b", "9"], ["p-d", "4"]]))).toEqual(["p-a", "p-b", "p-d"]);
  });
});
