import type { ParseArgsConfig } from "node:util";
import { type CommandIo, commandArgs, processIo } from "./command-io";

/**
 * A command's one positional argument and its options (`npm run <command> -- <argument> [--option …]`), or undefined
 * once the usage has been written on stderr: an unknown option, no argument, or more than one. The commands that
 * take one (adopt, new-province) then exit 1, as they always have.
 */
export function oneArgument<const T extends NonNullable<ParseArgsConfig["options"]>>(argv: readonly string[], options: T, usage: string, io: CommandIo = processIo) {
  let parsed;
  try {
    parsed = commandArgs({ args: [...argv], allowPositionals: true, options });
  } catch (error) {
    io.stderr(`${(error as Error).message}\n${usage}`);
    return undefined;
  }
  const [argument, ...extra] = parsed.positionals;
  if (!argument || extra.length > 0) {
    io.stderr(usage);
    return undefined;
  }
  return { argument, values: parsed.values };
}
