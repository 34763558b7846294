import { IdentityPlatformTenant } from "@cdktf/provider-google/lib/identity-platform-tenant";
import type { RuleDefinition } from "./rule";

export const selfSignup: RuleDefinition = {
  id: "IDP-001",
  requires: "nobody signs themselves up: no password sign-up, user sign-up and deletion disabled",
  fix: "keep the IdentityTenant and IdentityPlatformProject defaults",
  judges: ["google_identity_platform_config", "google_identity_platform_tenant"],
  fixtures: {
    failing: { build: (stack) => void new IdentityPlatformTenant(stack, "tenant", { displayName: "AnPhu", allowPasswordSignup: true, client: { permissions: { disabledUserSignup: true, disabledUserDeletion: true } } }) },
    lines: ["IDP-001 self sign-up or user deletion is allowed"],
    passing: { build: (stack) => void new IdentityPlatformTenant(stack, "tenant", { displayName: "AnPhu", allowPasswordSignup: false, client: { permissions: { disabledUserSignup: true, disabledUserDeletion: true } } }) },
  },
};
