/**
 * Where a command reads PROVINCE, ENV and the rest of its environment (which its child processes get), and where it
 * writes: the process's own when run as a script, strings when a test runs the command in-process.
 */
export interface CommandIo {
  readonly env: NodeJS.ProcessEnv;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

export const processIo: CommandIo = {
  env: process.env,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};
