import { spawn } from "node:child_process";

export interface TerraformResult {
  /** Exit code, or null when a signal ended it. */
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  /** stdout and stderr, interleaved as they came. */
  readonly output: string;
}

export interface TerraformProcess {
  readonly done: Promise<TerraformResult>;
  /**
   * Asks terraform to stop: one SIGINT or SIGTERM (terraform treats both as a graceful stop: it starts no new
   * operation, waits for those under way, writes the state and releases the lock), then waits for it to exit, at
   * most `graceMs`. A second signal would make terraform quit at once and lose the state of what it was creating,
   * so none is sent: after the grace the process is left to whoever ends this one. True when it exited in time.
   */
  interrupt(signal: "SIGINT" | "SIGTERM", graceMs: number): Promise<boolean>;
}

/**
 * Runs one terraform command in `cwd`, in a process group of its own (detached): a Ctrl-C at a terminal or a
 * signal to this runner's group never reaches it, so it only ever gets the one signal `interrupt` forwards, and no
 * other stack's terraform is touched when one fails. `onLine` sees every line as it comes (for the log).
 */
export function startTerraform(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv, onLine: (line: string) => void = () => {}): TerraformProcess {
  const child = spawn("terraform", args, { cwd, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  let pending = "";
  const take = (chunk: string) => {
    output += chunk;
    pending += chunk;
    const lines = pending.split("\n");
    pending = lines.pop() ?? "";
    for (const line of lines) onLine(line);
  };
  child.stdout.setEncoding("utf8").on("data", take);
  child.stderr.setEncoding("utf8").on("data", take);
  const done = new Promise<TerraformResult>((resolve) => {
    child.on("error", (error) => resolve({ code: 127, signal: null, output: `${output}${String(error.message)}\n` }));
    child.on("close", (code, signal) => {
      if (pending) onLine(pending);
      resolve({ code, signal, output });
    });
  });
  let signalled = false;
  return {
    done,
    async interrupt(signal, graceMs) {
      if (!signalled && child.exitCode === null && child.signalCode === null && child.pid !== undefined) {
        signalled = true;
        try {
          process.kill(-child.pid, signal);
        } catch {
          // Already gone.
        }
      }
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), graceMs)));
      const exited = await Promise.race([done.then(() => true as const), timeout]);
      clearTimeout(timer);
      return exited;
    },
  };
}
