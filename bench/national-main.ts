/**
 * Bench-only entry for "all provinces at once" (bench/run.ts): every province folder under one directory is
 * synthesized, each in its own process — provinces share nothing, so a national run is the provinces' runs,
 * two at a time on two cores, and no process holds the whole country (the 2 GiB target is per process).
 * Usage: node national-main.js <folder of province folders>. Each child does what main.ts does for one province
 * (load, build, policy check before writing, synth into a staging folder); the parent then merges the children's
 * outputs into CDKTF_OUTDIR, one manifest listing every stack. `--one <folder> <outdir>` is the child's mode.
 */
import { spawn } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { loadProvince } from "../src/load/load-province";
import { ConfigError } from "../src/load/problems";
import { resolveEnvironment } from "../src/model/environment";
import { formatViolations } from "../src/policy/check-app";
import { dropTokenCreationTraces } from "../src/runtime/token-traces";
import { synthesizeProvince } from "../stacks/synthesize";

/** One province into `outdir` (the child process). */
function synthOne(folder: string, outdir: string): void {
  dropTokenCreationTraces();
  try {
    const province = loadProvince(folder);
    const environment = resolveEnvironment(province.settings, "offline");
    if (typeof environment === "string") throw new Error(environment);
    const result = synthesizeProvince(province, environment, new Date().toISOString().slice(0, 10), outdir);
    if ("violations" in result) {
      process.stderr.write(formatViolations(result.violations));
      process.exitCode = 1;
    }
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(error.message);
    process.exitCode = 1;
  }
}

function runChild(folder: string, outdir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [__filename, "--one", folder, outdir], { stdio: ["ignore", "ignore", "inherit"] });
    child.on("error", reject);
    child.on("exit", (code, signal) => (code === 0 ? resolve() : reject(new Error(`${folder}: synth ended with ${signal ?? `exit ${code}`}`))));
  });
}

async function synthAll(root: string): Promise<void> {
  const folders = readdirSync(root)
    .filter((name) => statSync(join(root, name)).isDirectory())
    .sort();
  if (folders.length === 0) throw new Error(`no province folders under ${root}`);
  const outdir = process.env.CDKTF_OUTDIR || "cdktf.out";
  const staging = mkdtempSync(join(tmpdir(), "cdktf-national-"));
  try {
    const queue = [...folders];
    const worker = async () => {
      for (let folder = queue.shift(); folder; folder = queue.shift()) await runChild(join(root, folder), join(staging, folder));
    };
    await Promise.all(Array.from({ length: Math.min(cpus().length, folders.length) }, worker));
    // One manifest for the country: the provinces' stack names are prefixed with their folder, so none clash.
    const manifests = folders.map((folder) => JSON.parse(readFileSync(join(staging, folder, "manifest.json"), "utf8")) as { stacks: Record<string, unknown> });
    for (const folder of folders) cpSync(join(staging, folder, "stacks"), join(outdir, "stacks"), { recursive: true });
    writeFileSync(join(outdir, "manifest.json"), JSON.stringify({ ...manifests[0], stacks: Object.assign({}, ...manifests.map((manifest) => manifest.stacks)) }, null, 2));
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

if (process.argv[2] === "--one") synthOne(process.argv[3], process.argv[4]);
else {
  const root = process.argv[2];
  if (!root) throw new Error("usage: national-main <folder of province folders>");
  synthAll(root).catch((error: Error) => {
    process.stderr.write(`${error.message}\n`);
    process.exitCode = 1;
  });
}
