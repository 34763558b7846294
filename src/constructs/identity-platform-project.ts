import { IdentityPlatformConfig } from "@cdktf/provider-google/lib/identity-platform-config";
import type { ITerraformDependable } from "cdktf";
import { Construct } from "constructs";

export interface IdentityPlatformProjectProps {
  /** The project's id: its own default domains stay authorized. */
  readonly project: string;
  /** The portals' hostnames: tenants sign users in only on the project's authorized domains. */
  readonly portalHosts: readonly string[];
  /** The enabled Identity Toolkit API. */
  readonly api: ITerraformDependable;
}

/**
 * The domains Identity Platform authorizes by default on a project. Declaring `authorized_domains` replaces the
 * list, so they are declared again beside the portals.
 */
export function defaultAuthorizedDomains(project: string): string[] {
  return [`${project}.firebaseapp.com`, `${project}.web.app`, "localhost"];
}

/** The project-wide settings of the identity provider: tenants allowed, nobody signs themselves up. */
export class IdentityPlatformProject extends Construct {
  readonly config: IdentityPlatformConfig;

  constructor(scope: Construct, id: string, props: IdentityPlatformProjectProps) {
    super(scope, id);
    this.config = new IdentityPlatformConfig(this, "config", {
      multiTenant: { allowTenants: true },
      authorizedDomains: [...defaultAuthorizedDomains(props.project), ...props.portalHosts],
      client: { permissions: { disabledUserSignup: true, disabledUserDeletion: true } },
      dependsOn: [props.api],
    });
  }
}
