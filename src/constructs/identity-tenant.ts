import { IdentityPlatformTenant } from "@cdktf/provider-google/lib/identity-platform-tenant";
import { IdentityPlatformTenantInboundSamlConfig } from "@cdktf/provider-google/lib/identity-platform-tenant-inbound-saml-config";
import { IdentityPlatformTenantOauthIdpConfig } from "@cdktf/provider-google/lib/identity-platform-tenant-oauth-idp-config";
import { Construct } from "constructs";
import type { SsoSettings } from "../model/settings";

export interface IdentityTenantProps {
  readonly displayName: string;
  /** The province's central authentication (xác thực người dùng tập trung), when the settings give it. */
  readonly sso?: SsoSettings;
  /** The portal that hosts the sign-in handler (/__/auth/handler) and names the service provider. */
  readonly portalDomain: string;
  /** A retired unit's tenant: sign-in blocked, users kept. */
  readonly disabled?: boolean;
  /** An existing tenant's id: imported, never created again. */
  readonly importId?: string;
  /** The OIDC client secret: a reference to a sensitive Terraform variable, never a literal. */
  readonly clientSecret?: string;
}

/**
 * One tenant of the central identity provider (Google Identity Platform). Nobody signs themselves up and users
 * are not deleted through the client API: accounts come from the province's directory.
 */
export class IdentityTenant extends Construct {
  readonly tenant: IdentityPlatformTenant;

  constructor(scope: Construct, id: string, props: IdentityTenantProps) {
    super(scope, id);
    this.tenant = new IdentityPlatformTenant(this, "tenant", {
      displayName: props.displayName,
      allowPasswordSignup: false,
      enableEmailLinkSignin: false,
      disableAuth: props.disabled ?? false,
      client: { permissions: { disabledUserSignup: true, disabledUserDeletion: true } },
    });
    if (props.importId) this.tenant.importFrom(props.importId);

    const sso = props.sso;
    if (!sso || props.disabled) return;
    if (sso.kind === "saml") {
      new IdentityPlatformTenantInboundSamlConfig(this, "sso", {
        tenant: this.tenant.name,
        name: "saml.province-sso",
        displayName: sso.displayName,
        enabled: true,
        idpConfig: { idpEntityId: sso.entityId, ssoUrl: sso.ssoUrl, signRequest: true, idpCertificates: [{ x509Certificate: sso.certificate }] },
        spConfig: { spEntityId: `https://${props.portalDomain}`, callbackUri: `https://${props.portalDomain}/__/auth/handler` },
      });
    } else {
      new IdentityPlatformTenantOauthIdpConfig(this, "sso", {
        tenant: this.tenant.name,
        name: "oidc.province-sso",
        displayName: sso.displayName,
        enabled: true,
        issuer: sso.issuer,
        clientId: sso.clientId,
        clientSecret: props.clientSecret,
      });
    }
  }
}
