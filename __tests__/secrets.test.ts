import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { copyProvince, runSynthIn, withoutPlaceholders } from "./support/config-copy";
import { loadFixture, TINY_SETTINGS } from "./support/fixture-config";
import { synthProvince } from "./support/synth-province";

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe("secrets", () => {
  it("no credential from the environment reaches any synthesized file", () => {
    const secrets = {
      DNSIMPLE_TOKEN: "dnsimple-token-5ec7e7-do-not-leak",
      GOOGLE_CREDENTIALS: '{"type":"service_account","private_key":"-----BEGIN PRIVATE KEY-----leak"}',
      GOOGLE_OAUTH_ACCESS_TOKEN: "ya29.do-not-leak",
      TF_VAR_sso_client_secret: "oidc-secret-do-not-leak",
    };
    // Production refuses placeholders: a copy of the real config with them filled in, as ops would deploy it.
    const deployable = copyProvince("secrets", withoutPlaceholders);
    const run = runSynthIn(deployable.root, { ...secrets, PROVINCE: deployable.name, ENV: "production" });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const files = filesUnder(join(deployable.root, "cdktf.out"));
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const text = readFileSync(file, "utf8");
      for (const value of Object.values(secrets)) expect([file, text.includes(value)]).toEqual([file, false]);
    }
  });

  it("an OIDC client secret is a sensitive Terraform variable, not a value", () => {
    const settings = TINY_SETTINGS + "sso: { kind: oidc, displayName: SSO tỉnh, issuer: https://sso.thu.gov.vn, clientId: portal }\n";
    const stack = synthProvince(loadFixture({ settings })).find((candidate) => candidate.name.includes("-communes-"))!;
    expect(stack.config).toMatchObject({ variable: { sso_client_secret: { type: "string", sensitive: true } } });
    const [idp] = Object.values((stack.config.resource ?? {}).google_identity_platform_tenant_oauth_idp_config ?? {});
    expect(idp.client_secret).toBe("${var.sso_client_secret}");
  });
});
