import { waits, platform } from "./fixtures";
import type { RuleDefinition } from "./rule";

export const authorizedDefaults: RuleDefinition = {
  id: "IDP-002",
  requires: "the Identity Platform config keeps the project's default authorized domains (<project>.firebaseapp.com, <project>.web.app, localhost) beside the portals",
  fix: "list them (IdentityPlatformProject does)",
  source: "authorized_domains replaces the whole list: hashicorp/google 6.50.0 resource_identity_platform_config.go (updateMask=authorizedDomains) and its example",
  judges: ["google_identity_platform_config"],
  fixtures: {
    failing: platform({ google_identity_platform_config: { c: { authorized_domains: ["anphu.thu.gov.vn", "localhost"], ...waits("identitytoolkit") } } }),
    lines: ["IDP-002 p-platform/google_identity_platform_config.c: authorized_domains drops the project's defaults thu-project.firebaseapp.com, thu-project.web.app"],
    passing: platform({ google_identity_platform_config: { c: { authorized_domains: ["anphu.thu.gov.vn", "localhost", "thu-project.firebaseapp.com", "thu-project.web.app"], ...waits("identitytoolkit") } } }),
  },
};
