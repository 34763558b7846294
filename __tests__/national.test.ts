import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { environmentClaims } from "../src/model/claims";
import { type DeployEnvironment, resolveEnvironment } from "../src/model/environment";
import { checkNation, formatNationalCheck } from "../src/national/national-check";
import { TINY_NEW_UNITS, TINY_OLD_UNITS, TINY_SETTINGS } from "./support/fixture-config";
import { realProvince, realStacks } from "./support/synth-province";
import { tempDir } from "./support/temp";

/**
 * One owner per name, nationally: the check loads every province of config/ and fails on any zone, hostname,
 * bucket or per-project name claimed twice — by two provinces, or by staging and production of one.
 */

const CONFIG = join(__dirname, "..", "config");
const environments = (name: string, staging = `${name}-staging`) => `environments:
  staging: { gcpProject: ${staging}, dnsimpleAccount: "1234", stateBucket: ${name}-tfstate-stg }
  production: { gcpProject: ${name}-production, dnsimpleAccount: "1234", stateBucket: ${name}-tfstate }
`;
/** Tỉnh Khác: the tiny province under khac.gov.vn, with its settings edited and its new units' extra cells. */
const khac = (edit: (settings: string) => string = (settings) => settings, newUnits = TINY_NEW_UNITS) => ({
  settings: edit(`${TINY_SETTINGS.replace(/thu\.gov\.vn/g, "khac.gov.vn").replace("bucketPrefix: thu", "bucketPrefix: khac")}${environments("khac")}`),
  newUnits,
});
/** Xã An Phú of Tỉnh Khác under Tỉnh Thử's domain. */
const AN_PHU_UNDER_THU = TINY_NEW_UNITS.replace("code,name,kind,former_district", "code,name,kind,former_district,domain").replace("Huyện Sông Xanh\n00020", "Huyện Sông Xanh,anphu.thu.gov.vn\n00020");

describe("the claims the national check compares", () => {
  /** Types whose names live inside another claimed name (a bucket, a tenant) or that any province may declare again. */
  const INSIDE = /^google_(storage_managed_folder|storage_bucket_object|storage_bucket_iam_member|storage_managed_folder_iam_member|project_service|identity_platform_tenant_.*_config)$/;

  it("cover every bucket and every per-project name a synth declares (Bình Thuận, offline)", () => {
    const province = realProvince();
    const environment = resolveEnvironment(province.settings, "offline") as DeployEnvironment;
    const claims = new Set(environmentClaims(province, environment).map((claim) => `${claim.namespace} ${claim.name}`));
    const declared = realStacks().flatMap((stack) =>
      Object.entries(stack.config.resource ?? {})
        .filter(([type]) => type.startsWith("google_") && !INSIDE.test(type))
        .flatMap(([type, resources]) =>
          Object.values(resources).map((attributes) =>
            type === "google_storage_bucket" ? `bucket ${String(attributes.name)}`
            : type === "google_identity_platform_config" ? `project ${environment.gcpProject}: ${type} (one per project)`
            : `project ${environment.gcpProject}: ${type} ${String(type === "google_identity_platform_tenant" ? attributes.display_name : attributes.name)}`,
          ),
        ),
    );
    expect(declared.length).toBeGreaterThan(1000);
    expect(declared.filter((name) => !claims.has(name))).toEqual([]);
  });
});

describe("the national check", () => {
  let root: string;
  beforeEach(() => {
    root = tempDir("national-");
  });
  const province = (folder: string, files: { settings: string; newUnits?: string }) => {
    mkdirSync(join(root, folder));
    writeFileSync(join(root, folder, "new-units.csv"), files.newUnits ?? TINY_NEW_UNITS);
    writeFileSync(join(root, folder, "old-units.csv"), TINY_OLD_UNITS);
    writeFileSync(join(root, folder, "settings.yaml"), files.settings);
  };
  const report = () => formatNationalCheck(checkNation(root), "<config>/");

  it("passes config/: every province's names have one owner, binh-thuan overlapping lam-dong only, and lists where the two name a unit differently", () => {
    const check = checkNation(CONFIG);
    process.stdout.write(formatNationalCheck(check));
    expect(check.provinces).toEqual(readdirSync(CONFIG).sort());
    expect(check.conflicts).toEqual([]);
    expect([...check.supersededOverlaps]).toEqual([["binh-thuan", { successor: "lam-dong", names: 252 }]]);
    expect(check.disagreements.map((disagreement) => `${disagreement.unit}: ${disagreement.domains.join(" → ")}`)).toEqual([
      "Xã Thuận Quý (23140): thuanquy.hamthuannam.binhthuan.gov.vn → thuanqui.hamthuannam.binhthuan.gov.vn",
      "Xã Ngũ Phụng (23272): nguphung.phuquy.binhthuan.gov.vn → nguphung.phuqui.binhthuan.gov.vn",
      "Xã Long Hải (23275): longhai.phuquy.binhthuan.gov.vn → longhai.phuqui.binhthuan.gov.vn",
      "Xã Tam Thanh (23278): tamthanh.phuquy.binhthuan.gov.vn → tamthanh.phuqui.binhthuan.gov.vn",
      "Huyện Phú Quý (602): phuquy.binhthuan.gov.vn → phuqui.binhthuan.gov.vn",
    ]);
  });

  it("fails two provinces claiming one commune's names and one bucket prefix, saying who claims what and what to do", () => {
    province("tinh-thu", { settings: TINY_SETTINGS + environments("thu") });
    province("tinh-khac", khac((settings) => settings.replace("bucketPrefix: khac", "bucketPrefix: thu"), AN_PHU_UNDER_THU));
    expect(report()).toBe(`National check of <config>/: 2 provinces in staging and production: 9 names with more than one owner (one province in one environment owns each name).

tinh-khac, tinh-thu:
  DNS name anphu.thu.gov.vn — tinh-khac production: zone and hostname of Xã An Phú (00010); tinh-thu production: zone and hostname of Xã An Phú (00010)
  DNS name mta-sts.anphu.thu.gov.vn — tinh-khac production: hostname of Xã An Phú (00010); tinh-thu production: hostname of Xã An Phú (00010)
  DNS name www.anphu.thu.gov.vn — tinh-khac production: hostname of Xã An Phú (00010); tinh-thu production: hostname of Xã An Phú (00010)
  bucket thu-prod-archive — tinh-khac production: archive bucket; tinh-thu production: archive bucket
  bucket thu-prod-portal-00010 — tinh-khac production: portal bucket of Xã An Phú (00010); tinh-thu production: portal bucket of Xã An Phú (00010)
  bucket thu-prod-portal-00020 — tinh-khac production: portal bucket of Xã Sông Xanh (00020); tinh-thu production: portal bucket of Xã Sông Xanh (00020)
  bucket thu-stg-archive — tinh-khac staging: archive bucket; tinh-thu staging: archive bucket
  bucket thu-stg-portal-00010 — tinh-khac staging: portal bucket of Xã An Phú (00010); tinh-thu staging: portal bucket of Xã An Phú (00010)
  bucket thu-stg-portal-00020 — tinh-khac staging: portal bucket of Xã Sông Xanh (00020); tinh-thu staging: portal bucket of Xã Sông Xanh (00020)
  fix: give one of the units another domain (a slug or domain cell of its new-units.csv or old-units.csv, or a district's domain under districts); give one of the provinces another bucketPrefix (bucket names are global across Cloud Storage); or, if one of tinh-khac, tinh-thu is only a plan of record, write supersededBy: <the province that runs its units> at the top of its settings.yaml
`);
  });

  it("fails provinces or environments sharing a GCP project: its one Identity Platform config, and every name in it", () => {
    province("tinh-thu", { settings: TINY_SETTINGS + environments("thu") });
    province("tinh-khac", khac((settings) => settings.replace("gcpProject: khac-staging", "gcpProject: thu-staging")));
    const conflicts = checkNation(root).conflicts.filter((conflict) => conflict.namespace === "project");
    expect(conflicts.map((conflict) => conflict.name)).toContain("thu-staging: google_identity_platform_config (one per project)");
    // Tenants are named per project: the same commune name in two provinces clashes only in a shared project.
    expect(conflicts.map((conflict) => conflict.name)).toContain("thu-staging: google_identity_platform_tenant AnPhu");
    expect(report()).toContain("  fix: give each province and environment its own GCP project (environments.<env>.gcpProject): names inside a project, and its one Identity Platform config, would clash; or, if one of tinh-khac, tinh-thu is only a plan of record");
    rmSync(join(root, "tinh-khac"), { recursive: true });
    province("tinh-khac", khac((settings) => settings.replace("gcpProject: khac-staging", "gcpProject: khac-production")));
    expect(report()).toContain("tinh-khac:\n  project khac-production: google_certificate_manager_certificate c00010-apex — tinh-khac staging: google_certificate_manager_certificate of Xã An Phú (00010); tinh-khac production: google_certificate_manager_certificate of Xã An Phú (00010)\n");
  });

  it("lets a plan of record overlap its successor only, and lists the units the two name differently", () => {
    province("tinh-thu", { settings: TINY_SETTINGS + environments("thu") });
    // Tỉnh Thử's plan of record, written before the merger: the same units, Xã Sông Xanh under another label.
    const slugged = TINY_NEW_UNITS.replace("code,name,kind,former_district", "code,name,kind,former_district,slug").replace("00020,Xã Sông Xanh,xa,Huyện Sông Xanh", "00020,Xã Sông Xanh,xa,Huyện Sông Xanh,songxanhmoi");
    province("ke-hoach", { settings: `supersededBy: tinh-thu\n${TINY_SETTINGS.replace(/takeovers:\n.*\n/, "")}${environments("kehoach")}`, newUnits: slugged });
    expect(report()).toBe(`National check of <config>/: 2 provinces in staging and production: every name has one owner.

ke-hoach is a plan of record (supersededBy: tinh-thu): it shares 28 names with tinh-thu only, which is allowed.

ke-hoach and its successor tinh-thu name 1 unit differently (the successor's names are the ones deployed):
  Xã Sông Xanh (00020): songxanhmoi.thu.gov.vn in ke-hoach, songxanh.thu.gov.vn in tinh-thu
`);
    // A third province may not overlap the plan of record.
    province("tinh-khac", khac((settings) => settings, AN_PHU_UNDER_THU));
    expect(report()).toContain("\n\nke-hoach, tinh-khac, tinh-thu:\n  DNS name anphu.thu.gov.vn — ke-hoach production: zone and hostname of Xã An Phú (00010); tinh-khac production: zone and hostname of Xã An Phú (00010); tinh-thu production: zone and hostname of Xã An Phú (00010)\n");
  });

  it("reports every province's config problems at once", () => {
    province("tinh-thu", { settings: "supersededBy: tinh-mot\n" + TINY_SETTINGS });
    province("tinh-khac", { settings: TINY_SETTINGS.replace("bucketPrefix: thu", "bucketPrefix: X") });
    let message = "";
    try {
      checkNation(root);
    } catch (error) {
      message = (error as Error).message.split(relative(process.cwd(), root)).join("<config>");
    }
    expect(message).toBe(`The config has 2 problems; nothing was synthesized.

<config>/tinh-khac/settings.yaml, row 4: bucketPrefix: must be 3-31 lower-case letters, digits or hyphens
  fix: set it as the settings reference in the README describes

<config>/tinh-thu/settings.yaml: supersededBy: "tinh-mot" is not a province folder beside this one
  fix: name the folder of the province that runs these units now; did you mean "tinh-khac"?, or remove supersededBy
`);
  });
});
