import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { App } from "cdktf";
import { generateProvince } from "../bench/generate";
import { capacityFigures } from "../src/capacity/figures";
import { loadProvince } from "../src/load/load-province";
import { type DeployEnvironment, resolveEnvironment } from "../src/model/environment";
import { checkSynthesizedStacks } from "../src/policy/output-checks";
import { PolicyPack } from "../src/policy/policy-pack";
import { gatewayRoutes } from "../stacks/build-app";
import { GatewayStack } from "../stacks/gateway-stack";
import { ROOT } from "./support/config-copy";
import { realProvince, stableSynth, synthProvince, TEST_TODAY } from "./support/synth-province";

const figure = (figures: ReturnType<typeof capacityFigures>, item: string) => figures.find((candidate) => candidate.item.startsWith(item));

describe("capacity", () => {
  const province = realProvince();
  const figures = capacityFigures(synthProvince(province), province.settings.dnsimple.maxRecordsPerZone);

  it("counts what a Bình Thuận deploy needs of Google Cloud's quotas and limits", () => {
    expect(figure(figures, "host rules")).toMatchObject({ used: 45, kind: "limit", allowance: 1000 });
    expect(figure(figures, "backend buckets")).toMatchObject({ used: 46, kind: "quota" });
    expect(figure(figures, "Certificate Manager certificates")).toMatchObject({ used: 387, kind: "quota", allowance: 1000, note: "within the default quota" });
    expect(figure(figures, "Certificate Manager writes")).toMatchObject({ used: 387 * 3 + 1, kind: "rate", note: "300/min: at least 4 min" });
    expect(figure(figures, "archive folders")).toMatchObject({ used: 131 });
    const urlMap = figure(figures, "URL map size")!;
    expect(urlMap.used).toBeGreaterThan(64 * 1024);
    expect(urlMap.used).toBeLessThan(1024 * 1024);
  });

  it("and of DNSimple's: the fullest zone against the plan's limit, API requests against 2,400 an hour", () => {
    expect(figure(figures, "records in the fullest zone")).toMatchObject({ item: "records in the fullest zone (bacbinh.binhthuan.gov.vn)", used: 92, allowance: 100 });
    const firstDeploy = figure(figures, "API requests of a first deploy")!;
    expect(firstDeploy).toMatchObject({ kind: "rate", allowance: 2400 });
    expect(firstDeploy.used).toBeGreaterThan(2400);
    expect(firstDeploy.note).toMatch(/^2400\/h: at least 2 h; largest stack binh-thuan-communes-\d [0-9]+$/);
  });

  it("a quota the deploy outgrows says how much to request", () => {
    const certificates = Object.fromEntries(Array.from({ length: 1200 }, (_, i) => [`c${i}`, {}]));
    const big = capacityFigures([{ name: "p-communes-0", config: { resource: { google_certificate_manager_certificate: certificates } } }], 100);
    expect(figure(big, "Certificate Manager certificates")).toMatchObject({ used: 1200, note: "request an increase of 200 (to 1200) before the deploy" });
  });

  it("the generated 400/1,200 province's gateway stays inside every hard limit", () => {
    const generated = loadProvince(generateProvince(mkdtempSync(`${tmpdir()}/capacity-`), { id: "bench-400", name: "Tỉnh Thử Nghiệm", newUnits: 400, oldUnits: 1200, seed: 400 }).dir);
    const environment = resolveEnvironment(generated.settings, "offline") as DeployEnvironment;
    const policy = new PolicyPack({ settings: generated.settings, declaredNames: new Set(), today: TEST_TODAY });
    const gateway = new GatewayStack(new App(), "bench-400-gateway", { province: generated, environment, policy, today: TEST_TODAY, routes: gatewayRoutes(generated, environment.gcpProject) });
    const stacks = [{ name: gateway.node.id, config: JSON.parse(stableSynth(gateway)) }];
    // Alone, the gateway stack has no platform to enable its API; every other rule must pass.
    expect(checkSynthesizedStacks(stacks, TEST_TODAY).filter((finding) => finding.rule.id !== "API-001")).toEqual([]);
    const limits = capacityFigures(stacks, 100).filter((candidate) => candidate.service === "Google Cloud" && candidate.kind === "limit" && candidate.allowance !== undefined);
    expect(limits.length).toBeGreaterThanOrEqual(7);
    for (const limit of limits) expect([limit.item, limit.used <= limit.allowance!]).toEqual([limit.item, true]);
    expect(figure(limits, "host rules")?.used).toBe(400);
  });

  it("npm run capacity prints the table", () => {
    const run = spawnSync(process.execPath, ["--import", "tsx", "scripts/capacity.ts"], { cwd: ROOT, env: { ...process.env, PROVINCE: "binh-thuan" }, encoding: "utf8" });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const lines = run.stdout.split("\n");
    expect(lines[0]).toBe("Bình Thuận (ENV=offline, project placeholder-binhthuan): what a deploy needs");
    expect(lines[2]).toMatch(/^service +what +used +kind +limit\/quota\/rate +note$/);
    expect(run.stdout).toMatch(/\nGoogle Cloud +Certificate Manager certificates +387 +quota +1000 +within the default quota\n/);
    expect(run.stdout).toMatch(/\nDNSimple +records in the fullest zone \(bacbinh\.binhthuan\.gov\.vn\) +92 +limit +100 /);
  });
});
