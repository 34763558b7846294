import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { copyProvince, ROOT, withOrganizationExceptions, withoutPlaceholders } from "./support/config-copy";
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
    const outdir = mkdtempSync(join(tmpdir(), "secrets-"));
    // Production refuses placeholders: a copy of the real config with them filled in, as ops would deploy it.
    const deployable = copyProvince("secrets", "binh-thuan", (settings) => withOrganizationExceptions(withoutPlaceholders(settings)));
    try {
      const run = spawnSync(process.execPath, ["--import", "tsx", "main.ts"], { cwd: ROOT, env: { ...process.env, ...secrets, CDKTF_OUTDIR: outdir, PROVINCE: deployable.name, ENV: "production" }, encoding: "utf8" });
      // Before the platform's first apply the settings hold no gateway addresses: only that note.
      expect(run.stderr).toBe(
        "note: environments.production.gatewayAddresses is not set, so the shards carry the stand-in addresses 192.0.2.1 / 2001:db8::1: they plan, and refuse to apply until the platform's addresses are in the settings (npm run rollout-plan -- --addresses, once the platform is applied)\n",
      );
      expect(run.status).toBe(0);
    } finally {
      deployable.remove();
    }
    const files = filesUnder(outdir);
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
