import { parseArgs, type ParseArgsConfig } from "node:util";

/**
 * A command's one positional argument and its options (`npm run <command> -- <argument> [--option …]`), or undefined
 * once the usage has been printed on stderr with exit code 1: an unknown option, no argument, or more than one.
 */
export function oneArgument<const T extends NonNullable<ParseArgsConfig["options"]>>(options: T, usage: string) {
  let parsed;
  try {
    parsed = parseArgs({ allowPositionals: true, options });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${usage}`);
    process.exitCode = 1;
    return undefined;
  }
  const [argument, ...extra] = parsed.positionals;
  if (!argument || extra.length > 0) {
    process.stderr.write(usage);
    process.exitCode = 1;
    return undefined;
  }
  return { argument, values: parsed.values };
}
