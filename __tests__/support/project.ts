import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { delimiter, join } from "node:path";

/** This checkout: its code, node_modules and config/ (which tests read, never write). */
export const ROOT = join(__dirname, "..", "..");

/**
 * The node arguments of `npm run <name>` as package.json has them ("node --require tsx/cjs scripts/x.ts"), so that a
 * test runs a command exactly as ops do, without npm's own start: spawn process.execPath with them.
 */
export function npmScriptArgs(name: string): string[] {
  const command = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts[name];
  const [program, ...args] = command.split(" ");
  if (program !== "node") throw new Error(`npm run ${name} is not a node command: ${command}`);
  return args;
}

/**
 * The PATH without the folders that hold a `terraform`: a staging or production synth warns when the Terraform it
 * finds is older than the stacks require (this machine's 1.11.4 is), which tests of other things leave out.
 */
export const WITHOUT_TERRAFORM = { PATH: (process.env.PATH ?? "").split(delimiter).filter((dir) => !existsSync(join(dir, "terraform"))).join(delimiter) };

/**
 * The synth command as main.ts runs it — the same cached bundle of src/runtime/synth-command.ts, its runSynth — with
 * `root` (a project folder among the test's temp folders) as the project whose config/ PROVINCE names, run from
 * `cwd` (default `root`), with `nodeArgs` before its own (a preload): messages name `config/<province>/…` and the stacks go to `<root>/cdktf.out/` unless CDKTF_OUTDIR says
 * otherwise. Nothing is written into this checkout but the bundle's cache (.cache/, as any synth).
 */
export function runSynthIn(root: string, env: NodeJS.ProcessEnv, cwd = root, nodeArgs: readonly string[] = []): SpawnSyncReturns<string> {
  const entry = JSON.stringify(join(ROOT, "src", "runtime", "compiled-entry.ts"));
  const script = `process.setSourceMapsEnabled(false); require(${entry}).loadCompiled(${JSON.stringify(ROOT)}, "src/runtime/synth-command.ts").runSynth(${JSON.stringify(root)});`;
  return spawnSync(process.execPath, [...nodeArgs, "--require", require.resolve("tsx/cjs"), "-e", script], { cwd, env: { ...process.env, ...env }, encoding: "utf8", timeout: 60_000 });
}
