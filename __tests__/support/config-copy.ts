import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { tempDir } from "./temp";

export const ROOT = join(__dirname, "..", "..");

/**
 * A copy of a real province's config, with its settings edited, in a project folder of its own
 * (`<root>/config/<name>/`, among the test's temp folders): the synth command runs on it with `runSynthIn(root)`,
 * and nothing is written into this checkout's config/.
 */
export function copyProvince(tag: string, editSettings: (settings: string) => string = (settings) => settings, from = "binh-thuan"): { name: string; root: string; dir: string } {
  const root = tempDir("project-");
  const name = `zz-${tag}`;
  const dir = join(root, "config", name);
  cpSync(join(ROOT, "config", from), dir, { recursive: true });
  const file = join(dir, "settings.yaml");
  writeFileSync(file, editSettings(readFileSync(file, "utf8")));
  return { name, root, dir };
}

/**
 * The synth command as main.ts runs it — the same cached bundle of src/runtime/synth-command.ts, its runSynth — with
 * `root` as the project whose config/ PROVINCE names, run from `root` (so messages name `config/<province>/…`
 * and the output goes to `<root>/cdktf.out/` unless CDKTF_OUTDIR says otherwise).
 */
export function runSynthIn(root: string, env: NodeJS.ProcessEnv): SpawnSyncReturns<string> {
  const entry = JSON.stringify(join(ROOT, "src", "runtime", "compiled-entry.ts"));
  const script = `process.setSourceMapsEnabled(false); require(${entry}).loadCompiled(${JSON.stringify(ROOT)}, "src/runtime/synth-command.ts").runSynth(${JSON.stringify(root)});`;
  return spawnSync(process.execPath, ["--require", require.resolve("tsx/cjs"), "-e", script], { cwd: root, env: { ...process.env, ...env }, encoding: "utf8", timeout: 60_000 });
}

/** The settings with every placeholder filled in, as a province would before its first real deploy. */
export function withoutPlaceholders(settings: string): string {
  return settings
    .replace(/"PLACEHOLDER-[^"]*"/g, '"98765"')
    .replace(/placeholder-/g, "bt-")
    .replace(/[ \t]*# PLACEHOLDER[^\n]*/g, "");
}
