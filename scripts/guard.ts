import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { compareSyntheses, type Synthesis } from "../src/guard/compare-synths";
import { formatGuard } from "../src/guard/format-guard";
import { DEFAULT_PROVINCE, loadProvince, provinceDir } from "../src/load/load-province";
import { ConfigError } from "../src/load/problems";
import type { Province } from "../src/model/province";

/**
 * npm run guard -- <git-ref>: synthesizes <git-ref> and the working tree with the same PROVINCE and ENV and
 * fails when the change would destroy, replace or move a protected resource, or change more than 30 % of a
 * large zone's records, unless the working tree's settings acknowledge it. Needs no credentials.
 */
const root = join(__dirname, "..");
const province = process.env.PROVINCE || DEFAULT_PROVINCE;

function fail(message: string): never {
  process.stderr.write(message.endsWith("\n") ? message : message + "\n");
  process.exit(1);
}

function synthesize(projectDir: string, outdir: string): Synthesis {
  const run = spawnSync(process.execPath, ["--import", "tsx", "main.ts"], { cwd: projectDir, env: { ...process.env, CDKTF_OUTDIR: outdir }, encoding: "utf8" });
  if (run.status !== 0) fail(`guard: the synth of ${relative(root, projectDir) || "the working tree"} failed:\n${run.stderr}`);
  const stacksDir = join(outdir, "stacks");
  return new Map(readdirSync(stacksDir).map((stack) => [stack, JSON.parse(readFileSync(join(stacksDir, stack, "cdk.tf.json"), "utf8"))]));
}

function tryLoad(dir: string): Province | undefined {
  try {
    return loadProvince(dir);
  } catch (error) {
    if (error instanceof ConfigError) return undefined;
    throw error;
  }
}

function main(): void {
  const ref = process.argv[2];
  if (!ref) fail("usage: npm run guard -- <git-ref>   (for example origin/main)");
  try {
    execFileSync("git", ["rev-parse", "--verify", `${ref}^{commit}`], { cwd: root, stdio: "ignore" });
  } catch {
    fail(`guard: "${ref}" is not a commit of this repository; fetch it first (git fetch origin)`);
  }
  const work = mkdtempSync(join(tmpdir(), "guard-"));
  try {
    const refTree = join(work, "ref");
    mkdirSync(refTree);
    execFileSync("sh", ["-c", `git archive "$1" | tar -x -C "$2"`, "sh", ref, refTree], { cwd: root });
    symlinkSync(join(root, "node_modules"), join(refTree, "node_modules"), "dir");
    const before = synthesize(refTree, join(work, "before"));
    const after = synthesize(root, join(work, "after"));

    let current: Province;
    try {
      current = loadProvince(provinceDir(province, root));
    } catch (error) {
      if (error instanceof ConfigError) fail(error.message);
      throw error;
    }
    const previous = existsSync(provinceDir(province, refTree)) ? tryLoad(provinceDir(province, refTree)) : undefined;
    const names = new Map<string, string>();
    for (const model of [previous, current]) {
      for (const unit of model?.communes ?? []) names.set(unit.code, unit.name);
      for (const unit of model?.retired ?? []) names.set(unit.id, unit.name);
    }
    const result = compareSyntheses(before, after, current.settings.acknowledgements);
    const settingsFile = relative(process.cwd(), join(provinceDir(province, root), "settings.yaml"));
    process.stdout.write(`guard: ${ref} → working tree (PROVINCE=${province}, ENV=${process.env.ENV || "offline"})\n\n`);
    process.stdout.write(formatGuard(result, names, settingsFile));
    process.exitCode = result.violations.length > 0 ? 1 : 0;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main();
