import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { runSynthIn, WITHOUT_TERRAFORM } from "./support/project";
import { loadFixture, TINY_SETTINGS, writeProvinceIn } from "./support/fixture-config";
import { synthProvince } from "./support/synth-province";
import { tempDir } from "./support/temp";

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

const OIDC = "sso: { kind: oidc, displayName: SSO tỉnh, issuer: https://sso.thu.gov.vn, clientId: portal }\n";
const DEPLOYABLE = `${TINY_SETTINGS}${OIDC}environments:\n  production: { gcpProject: thu-prod, dnsimpleAccount: "1", dnsimpleSandbox: false, stateBucket: thu-state, gatewayAddresses: { ipv4: "34.120.7.9", ipv6: "2600:1901:0:7::" }, organizationPolicies: { domainRestrictedSharing: false, publicAccessPrevention: false } }\n`;

describe("secrets", () => {
  it("no credential from the environment reaches any synthesized file", () => {
    const secrets = {
      DNSIMPLE_TOKEN: "dnsimple-token-5ec7e7-do-not-leak",
      GOOGLE_CREDENTIALS: '{"type":"service_account","private_key":"-----BEGIN PRIVATE KEY-----leak"}',
      GOOGLE_OAUTH_ACCESS_TOKEN: "ya29.do-not-leak",
      TF_VAR_sso_client_secret: "oidc-secret-do-not-leak",
    };
    // A province that production can deploy (no placeholders, the gateway's addresses known, its organization's
    // exceptions granted), with the OIDC sign-in whose secret is a variable.
    const root = tempDir("project-");
    writeProvinceIn(join(root, "config"), { settings: DEPLOYABLE });
    const run = runSynthIn(root, { ...secrets, ...WITHOUT_TERRAFORM, PROVINCE: "tinh-thu", ENV: "production" });
    expect([run.status, run.stderr]).toEqual([0, ""]);
    const files = filesUnder(join(root, "cdktf.out"));
    expect(files.filter((file) => file.endsWith("cdk.tf.json"))).toHaveLength(4);
    for (const file of files) {
      const text = readFileSync(file, "utf8");
      for (const value of Object.values(secrets)) expect([file, text.includes(value)]).toEqual([file, false]);
    }
  });

  it("an OIDC client secret is a sensitive Terraform variable, not a value", () => {
    const stack = synthProvince(loadFixture({ settings: TINY_SETTINGS + OIDC })).find((candidate) => candidate.name.includes("-communes-"))!;
    expect(stack.config).toMatchObject({ variable: { sso_client_secret: { type: "string", sensitive: true } } });
    const [idp] = Object.values((stack.config.resource ?? {}).google_identity_platform_tenant_oauth_idp_config ?? {});
    expect(idp.client_secret).toBe("${var.sso_client_secret}");
  });
});
