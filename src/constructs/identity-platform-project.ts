import { IdentityPlatformConfig } from "@cdktf/provider-google/lib/identity-platform-config";
import { Construct } from "constructs";

export interface IdentityPlatformProjectProps {
  /** Every portal hostname: tenants sign users in only on the project's authorized domains. */
  readonly authorizedDomains: readonly string[];
}

/** The project-wide settings of the identity provider: tenants allowed, nobody signs themselves up. */
export class IdentityPlatformProject extends Construct {
  readonly config: IdentityPlatformConfig;

  constructor(scope: Construct, id: string, props: IdentityPlatformProjectProps) {
    super(scope, id);
    this.config = new IdentityPlatformConfig(this, "config", {
      multiTenant: { allowTenants: true },
      authorizedDomains: [...props.authorizedDomains],
      client: { permissions: { disabledUserSignup: true, disabledUserDeletion: true } },
    });
  }
}
