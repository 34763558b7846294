import type { OrganizationPolicies, Settings } from "./settings";
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
  /** What the project's organization enforces; absent offline, which is never deployed. */
  readonly organizationPolicies?: OrganizationPolicies;
}

export const ENVIRONMENT_NAMES = ["offline", "staging", "production"] as const;

/**
 * What an organization enforces unless the settings say otherwise: Google enforces domain-restricted sharing and
 * public access prevention by default in organizations created since May 2024 ("secure by default"), and a
 * synth that assumes them refuses early instead of an apply failing half-way.
 */
export const DEFAULT_ORGANIZATION_POLICIES: OrganizationPolicies = { domainRestrictedSharing: true, publicAccessPrevention: true };

/**
 * "offline" (the default) needs no credentials and keeps state local: for synth, tests and reviews. staging and
 * production come from the settings' environments. A refusal is the problem's text, which callers print after
 * "ENV: " (so it does not name ENV itself).
 */
export function resolveEnvironment(settings: Settings, name: string): DeployEnvironment | string {
  if (name === "offline") {
    return { name, gcpProject: settings.gcp.project, dnsimpleAccount: settings.dnsimple.account, dnsimpleSandbox: true };
  }
  if (name !== "staging" && name !== "production") return `"${name}" is not one of ${ENVIRONMENT_NAMES.join(", ")}`;
  const declared = settings.environments[name];
  if (!declared) return `"${name}" is not declared under environments in the settings`;
  return { name, ...declared, organizationPolicies: declared.organizationPolicies ?? DEFAULT_ORGANIZATION_POLICIES };
}
