import { ConfigError } from "../load/problems";
import { DEFAULT_PROVINCE } from "../load/load-province";
import { type DeployEnvironment, resolveEnvironment } from "../model/environment";
import type { Province } from "../model/province";

/**
 * How every command reads PROVINCE and ENV, and reports a config's problems: once, here. An unset PROVINCE means
 * the default; a set but empty one is refused by provinceDir. An unset or empty ENV means offline.
 */

export function provinceName(env: NodeJS.ProcessEnv = process.env): string {
  return env.PROVINCE ?? DEFAULT_PROVINCE;
}

export function environmentName(env: NodeJS.ProcessEnv = process.env): string {
  return env.ENV || "offline";
}

/** The environment ENV names for the province; a ConfigError naming ENV when the settings declare no such one. */
export function environmentOf(province: Province, env: NodeJS.ProcessEnv = process.env): DeployEnvironment {
  const environment = resolveEnvironment(province.settings, environmentName(env));
  if (typeof environment === "string") throw new ConfigError([{ file: "ENV", message: environment, fix: "set ENV to offline, staging or production" }]);
  return environment;
}

/** Runs a command's body; a config's problems (every one, as ConfigError lists them) go to stderr and exit `exitCode`. */
export function reportingConfigErrors(body: () => void, exitCode = 1): void {
  try {
    body();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(error.message);
    process.exitCode = exitCode;
  }
}
