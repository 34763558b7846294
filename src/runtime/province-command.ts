import { ConfigError } from "../load/problems";
import { DEFAULT_PROVINCE } from "../load/load-province";
import { type DeployEnvironment, resolveEnvironment } from "../model/environment";
import type { Province } from "../model/province";

/**
 * How every command reads PROVINCE and ENV: once, here (command-io.ts says how they report a config's problems).
 * An unset PROVINCE means the default; a set but empty one is refused by provinceDir. An unset or empty ENV means
 * offline.
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
