/**
 * Bench-only (bench/run.ts): the whole country in one command. Run in a project folder, it synthesizes each
 * province named on the command line with the command `npm run synth` runs (package.json's synth script, PROVINCE
 * set), one process per province — provinces share nothing, so no process holds the country — and as many at a
 * time as there are cores. Province <p> is written to $CDKTF_OUTDIR/<p>/. Prints "<province> <milliseconds>" per
 * province; exits 1 after all have run if one failed (its stderr is passed on).
 * Usage: node --require tsx/cjs bench/national-main.ts <province>...
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { cpus } from "node:os";
import { join } from "node:path";
import { inParallel } from "../src/changes/in-parallel";

const SYNTH = (JSON.parse(readFileSync("package.json", "utf8")) as { scripts: { synth: string } }).scripts.synth;

function synthesize(province: string, outdir: string): Promise<boolean> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(SYNTH, { shell: true, env: { ...process.env, PROVINCE: province, CDKTF_OUTDIR: join(outdir, province) }, stdio: ["ignore", "ignore", "inherit"] });
    child.on("error", reject);
    child.on("close", (code, signal) => {
      if (code === 0) process.stdout.write(`${province} ${Math.round(performance.now() - started)}\n`);
      else process.stderr.write(`${province}: the synth ended with ${signal ?? `exit ${code}`}\n`);
      resolve(code === 0);
    });
  });
}

async function main(): Promise<void> {
  const provinces = process.argv.slice(2);
  if (provinces.length === 0) throw new Error("usage: national-main <province>...");
  const outdir = process.env.CDKTF_OUTDIR || "cdktf.out";
  const succeeded = await inParallel(provinces, cpus().length, (province) => synthesize(province, outdir));
  if (succeeded.includes(false)) process.exitCode = 1;
}

main().catch((error: Error) => {
  process.stderr.write(`${error.message}\n`);
  process.exitCode = 1;
});
