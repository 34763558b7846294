import { spawn } from "node:child_process";
import { readSynthesizedStacks } from "../synth/terraform-json";
import type { Synthesis } from "./compare-synths";

export interface SynthRun {
  readonly ok: boolean;
  /** What the synth printed on stderr: the config's problems or the policy violations when it failed. */
  readonly stderr: string;
}

/** Synthesizes a tree into `outdir`: synthesizeTree, or an in-process stand-in where a test compares config alone. */
export type Synthesizer = (projectDir: string, outdir: string, env: Readonly<Record<string, string>>) => Promise<SynthRun>;

/**
 * Runs the project's own synth (`main.ts`, as `npm run synth` does) in `projectDir` — the working tree or a
 * ref's extracted tree — writing to `outdir`; `env` adds to this process's environment (PROVINCE, ENV).
 */
export function synthesizeTree(projectDir: string, outdir: string, env: Readonly<Record<string, string>> = {}): Promise<SynthRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--require", "tsx/cjs", "main.ts"], {
      cwd: projectDir,
      env: { ...process.env, ...env, CDKTF_OUTDIR: outdir },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ ok: code === 0, stderr: stderr || (signal ? `ended by ${signal}\n` : "") }));
  });
}

/** The stacks a synth wrote to `outdir`: stack name → its Terraform. */
export function readSynthesis(outdir: string): Synthesis {
  return new Map(readSynthesizedStacks(outdir).map((stack) => [stack.name, stack.config]));
}
