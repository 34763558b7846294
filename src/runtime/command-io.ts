import { parseArgs, type ParseArgsConfig } from "node:util";
import { ConfigError } from "../load/problems";

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

/** A command called wrong: said with the command's usage, exit 2. */
export class UsageError extends Error {}

/** A command's arguments as parseArgs reads them; what it refuses (an unknown option, a missing value) is a UsageError. */
export function commandArgs<T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/**
 * What a command says of a failure the user can act on, on stderr without a stack trace, and its exit code: a usage
 * error after `prefix`, followed by `usage` (2); a config's problems, every one (`configExit`, 1 unless the command
 * says otherwise). Anything else is a bug, and is thrown again.
 */
export function failureExit(error: unknown, io: CommandIo, { usage = "", prefix = "", configExit = 1 } = {}): number {
  if (error instanceof UsageError) {
    io.stderr(`${prefix}${error.message}\n${usage}`);
    return 2;
  }
  if (error instanceof ConfigError) {
    io.stderr(error.message);
    return configExit;
  }
  throw error;
}
