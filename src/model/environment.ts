import type { Settings } from "../load/settings-schema";
import type { GatewayAddressValues } from "./gateway-addresses";

/** Where a synth is meant to be deployed, chosen by ENV. */
export interface DeployEnvironment {
  readonly name: "offline" | "staging" | "production";
  readonly gcpProject: string;
  readonly dnsimpleAccount: string;
  readonly dnsimpleSandbox: boolean;
  /** Remote state in GCS; absent offline, where state stays local. */
  readonly stateBucket?: string;
  /** The gateway's addresses, once the platform stack is applied and they are in the settings; else stand-ins. */
  readonly gatewayAddresses?: GatewayAddressValues;
}

export const ENVIRONMENT_NAMES = ["offline", "staging", "production"] as const;

/**
 * "offline" (the default) needs no credentials and keeps state local: for synth, tests and reviews. staging and
 * production come from the settings' environments.
 */
export function resolveEnvironment(settings: Settings, name: string): DeployEnvironment | string {
  if (name === "offline") {
    return { name, gcpProject: settings.gcp.project, dnsimpleAccount: settings.dnsimple.account, dnsimpleSandbox: true };
  }
  if (name !== "staging" && name !== "production") return `ENV "${name}" is not one of ${ENVIRONMENT_NAMES.join(", ")}`;
  const declared = settings.environments[name];
  if (!declared) return `ENV "${name}" is not declared under environments in the settings`;
  return { name, ...declared };
}
