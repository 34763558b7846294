import { spawnSync } from "node:child_process";
import { App } from "cdktf";
import { generateProvince } from "../src/capacity/generated-province";
import { type CapacityKey, capacityFigures, increaseNeeded, minimumMinutes } from "../src/capacity/figures";
import { formatCapacity } from "../src/capacity/format-capacity";
import { dnsimpleRequests, recordsPerZone } from "../src/capacity/usage";
import { loadProvince } from "../src/load/load-province";
import { type DeployEnvironment, resolveEnvironment } from "../src/model/environment";
import { checkSynthesizedStacks } from "../src/policy/output-checks";
import { PolicyPack } from "../src/policy/policy-pack";
import { renderHtml } from "../src/report/html";
import { buildRolloutReport } from "../src/report/rollout-rows";
import { gatewayRoutes } from "../src/app/build-app";
import { GatewayStack } from "../src/stacks/gateway-stack";
import { CAPACITY_USAGE, capacityHeading, runCapacity } from "../src/commands/capacity-command";
import { readSynthesizedStacks } from "../src/synth/terraform-json";
import { npmScriptArgs, ROOT } from "./support/project";
import { realProvince, realStacks, TEST_TODAY } from "./support/synth-province";
import { tempDir } from "./support/temp";

const figure = (figures: ReturnType<typeof capacityFigures>, key: CapacityKey) => figures.find((candidate) => candidate.key === key);

describe("capacity", () => {
  const province = realProvince();
  const figures = capacityFigures(realStacks(), province.settings.dnsimple.maxRecordsPerZone);

  it("counts what a Bình Thuận deploy needs of Google Cloud's quotas and limits", () => {
    expect(figure(figures, "hostRules")).toMatchObject({ used: 45, kind: "limit", allowance: 1000 });
    expect(figure(figures, "backendBuckets")).toMatchObject({ used: 46, kind: "quota", allowance: undefined });
    expect(figure(figures, "certificates")).toMatchObject({ used: 387, kind: "quota", allowance: 1000 });
    expect(increaseNeeded(figure(figures, "certificates")!)).toBe(0);
    expect(figure(figures, "certificateWrites")).toMatchObject({ used: 387 * 3 + 1, kind: "rate", allowance: 300, per: "minute" });
    expect(figure(figures, "archiveFolders")).toMatchObject({ used: 131 });
    const urlMap = figure(figures, "urlMapBytes")!;
    expect(urlMap.used).toBeGreaterThan(64 * 1024);
    expect(urlMap.used).toBeLessThan(1024 * 1024);
  });

  it("and of DNSimple's: the fullest zone against the plan's limit, API requests against 2,400 an hour", () => {
    expect(figure(figures, "zoneRecords")).toMatchObject({ subject: "bacbinh.binhthuan.gov.vn", used: 92, allowance: 100 });
    const firstDeploy = figure(figures, "dnsimpleFirstDeploy")!;
    expect(firstDeploy).toMatchObject({ kind: "rate", allowance: 2400, per: "hour", subject: expect.stringMatching(/^binh-thuan-communes-\d$/) });
    expect(minimumMinutes(firstDeploy)).toBeCloseTo((firstDeploy.used / 2400) * 60);
    expect(firstDeploy.used).toBeGreaterThan(2400);
  });

  it("counts DNSimple requests as provider 2.2.0 makes them: one per create; a refresh lists each zone whole, whichever stack declares its records", () => {
    const records = (n: number, zone: string) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`${zone}-${i}`, { zone_name: zone }]));
    const shard = { name: "p-communes-0", config: { resource: { dnsimple_domain: { a: {} }, dnsimple_zone_record: records(60, "a.vn"), dnsimple_email_forward: { f: {}, g: {} } } } };
    const other = { name: "p-communes-1", config: { resource: { dnsimple_zone: { b: {} }, dnsimple_zone_record: { ...records(50, "a.vn"), ...records(3, "b.vn") } } } };
    const zones = recordsPerZone([shard, other]);
    // 110 records + 5 of DNSimple's own in a.vn: two pages for each stack that reads it.
    expect([dnsimpleRequests(shard, zones), dnsimpleRequests(other, zones)]).toEqual([
      { stack: "p-communes-0", firstDeploy: 1 + 60 + 2, plan: 1 + 2 + 2 },
      { stack: "p-communes-1", firstDeploy: 1 + 53, plan: 1 + 2 + 1 },
    ]);
    const limited = capacityFigures([shard, other], 100, 50);
    expect(figure(limited, "dnsimpleFirstDeploy")).toMatchObject({ used: 117, allowance: 50, per: "hour", subject: "p-communes-0" });
    // Drift's share of an hour of 8 is 4: each stack's refresh (5, 4) is a slot of its own, the first over the share.
    const tight = capacityFigures([shard, other], 100, 8);
    expect(figure(tight, "dnsimpleDriftSlot")).toMatchObject({ used: 5, allowance: 4, per: "hour", subject: "2" });
    expect(formatCapacity(tight)).toMatch(/\nDNSimple +API requests of the drift check's largest hour slot +5 +rate +4\/h +one stack's refresh alone is over drift's half of the hour: raise stacks.communeShards\n/);
  });

  it("shows each workflow's requests against the hour: a deploy, a drift check, a pull request's plan", () => {
    const text = formatCapacity(figures);
    // The drift check refreshes the province a slot an hour, each within drift's half of the hour (1,200).
    const drift = figure(figures, "dnsimpleDriftSlot")!;
    expect(drift).toMatchObject({ kind: "rate", allowance: 1200, per: "hour", subject: "1" });
    expect(drift.used).toBe(937);
    expect(text).toMatch(new RegExp(`\\nDNSimple +API requests of the drift check's largest hour slot +${drift.used} +rate +1200/h +drift's half of the hour; 1 slot, each stack refreshed once a week \\(npm run rollout-plan -- --drift\\)\\n`));
    expect(text).toMatch(/\nDNSimple +API requests of a pull request's plan \(no refresh\) +12 +rate +2400\/h +no record is read \(-refresh=false\); at most one request per stack\n/);
    expect(text).toMatch(/\nDNSimple +API requests of a first deploy \(deploy workflow\) +\d+ +rate +2400\/h +at least \d+ min; the busiest stack is binh-thuan-communes-\d\n/);
  });

  it("a quota the deploy outgrows says how much to request", () => {
    const certificates = Object.fromEntries(Array.from({ length: 1200 }, (_, i) => [`c${i}`, {}]));
    const big = capacityFigures([{ name: "p-communes-0", config: { resource: { google_certificate_manager_certificate: certificates } } }], 100);
    expect(increaseNeeded(figure(big, "certificates")!)).toBe(200);
    expect(formatCapacity(big)).toMatch(/\nGoogle Cloud +Certificate Manager certificates +1200 +quota +1000 +request an increase of 200 \(to 1200\) before the deploy\n/);
  });

  it("the generated 400/1,200 province's gateway stays inside every hard limit", () => {
    const generated = loadProvince(generateProvince(tempDir("capacity-"), { id: "bench-400", name: "Tỉnh Thử Nghiệm", newUnits: 400, oldUnits: 1200, seed: 400 }).dir);
    const environment = resolveEnvironment(generated.settings, "offline") as DeployEnvironment;
    const policy = new PolicyPack({ settings: generated.settings, declaredNames: new Set() });
    const outdir = tempDir("gateway-");
    const app = new App({ outdir, skipValidation: true });
    new GatewayStack(app, "bench-400-gateway", { province: generated, environment, policy, routes: gatewayRoutes(generated, environment.gcpProject) });
    app.synth();
    const stacks = readSynthesizedStacks(outdir);
    // Alone, the gateway stack has no platform to enable its API; every other rule must pass.
    expect(checkSynthesizedStacks(stacks).filter((finding) => finding.rule.id !== "API-001")).toEqual([]);
    const limits = capacityFigures(stacks, 100).filter((candidate) => candidate.service === "Google Cloud" && candidate.kind === "limit" && candidate.allowance !== undefined);
    expect(limits.length).toBeGreaterThanOrEqual(7);
    for (const limit of limits) expect([limit.key, limit.used <= limit.allowance!]).toEqual([limit.key, true]);
    expect(figure(limits, "hostRules")?.used).toBe(400);
  });

  it("the rollout report carries the same figures, in Vietnamese, as its last appendix", () => {
    const outgrown = figures.map((candidate) => (candidate.key === "certificates" ? { ...candidate, used: 1200 } : candidate));
    const html = renderHtml(buildRolloutReport(province, TEST_TODAY, outgrown));
    expect(html).toContain("Hạn mức dịch vụ đám mây cần cho triển khai");
    expect(html).toMatch(/Số chứng thư số \(Certificate Manager\)<\/td><td class="num">1\.200<\/td><td>Hạn mức \(có thể đề nghị tăng\)<\/td><td>1\.000<\/td><td>Cần đề nghị tăng thêm 200 \(lên 1\.200\) trước khi triển khai<\/td>/);
    expect(html).toMatch(/Số bản ghi của vùng DNS nhiều bản ghi nhất<\/td><td class="num">92<\/td><td>Giới hạn cứng<\/td><td>100<\/td><td>Vùng <span class="addr">bacbinh\.binhthuan\.gov\.vn<\/span>; giới hạn theo gói dịch vụ DNSimple<\/td>/);
    expect(renderHtml(buildRolloutReport(province, TEST_TODAY))).not.toContain("Hạn mức dịch vụ đám mây");
  });

  it("npm run capacity prints the table: Bình Thuận's, and a generated province's from the command itself", () => {
    // Bình Thuận's heading and table, as the command prints them for its figures (the synth above).
    expect(capacityHeading(province, resolveEnvironment(province.settings, "offline") as DeployEnvironment)).toBe("Bình Thuận (ENV=offline, project placeholder-binhthuan): what a deploy needs");
    const table = formatCapacity(figures);
    expect(table.split("\n")[0]).toMatch(/^service +what +used +kind +allowed +note$/);
    expect(table).toMatch(/\nGoogle Cloud +Certificate Manager certificates +387 +quota +1000 +within the default quota\n/);
    expect(table).toMatch(/\nDNSimple +records in the fullest zone \(bacbinh\.binhthuan\.gov\.vn\) +92 +limit +100 /);
    // The command in this process (src/commands/capacity-command.ts, which the script runs), on a province whose synth is cheap.
    let stdout = "";
    let stderr = "";
    const status = runCapacity(["--generated=4,12"], { env: { ...process.env, ENV: "" }, stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
    expect([status, stderr]).toEqual([0, ""]);
    const lines = stdout.split("\n");
    expect(lines.slice(0, 2)).toEqual(["Tỉnh Thử Nghiệm (ENV=offline, project bench-tinhthunghiem): what a deploy needs", ""]);
    expect(lines[2]).toMatch(/^service +what +used +kind +allowed +note$/);
    expect(stdout).toMatch(/\nGoogle Cloud +Certificate Manager certificates +\d+ +quota +1000 +within the default quota\n/);
  });

  it("refuses an argument it does not know, or a --generated that is not NEW,OLD, with its usage and exit code 2, sizing nothing", () => {
    const usageOf = (argv: string[]) => {
      let stdout = "";
      let stderr = "";
      const status = runCapacity(argv, { env: { ...process.env, PROVINCE: "binh-thuan", ENV: "offline" }, stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
      return { status, stdout, stderr };
    };
    expect(usageOf(["--bogus"])).toEqual({ status: 2, stdout: "", stderr: `capacity: Unknown option '--bogus'\n${CAPACITY_USAGE}` });
    expect(usageOf(["lam-dong"])).toEqual({ status: 2, stdout: "", stderr: `capacity: Unexpected argument 'lam-dong'. This command does not take positional arguments\n${CAPACITY_USAGE}` });
    expect(usageOf(["--generated=400"])).toEqual({ status: 2, stdout: "", stderr: `capacity: --generated=400 is not NEW,OLD: two whole numbers of units, for example --generated=400,1200\n${CAPACITY_USAGE}` });
  });

  it("npm run capacity, run as npm runs it: a bad config is said on stderr without a stack trace, nothing on stdout, exit 1", () => {
    const run = spawnSync(process.execPath, npmScriptArgs("capacity"), { cwd: ROOT, env: { ...process.env, PROVINCE: "binh-thuan", ENV: "bogus" }, encoding: "utf8" });
    expect([run.status, run.stdout, run.stderr]).toEqual([1, "", 'The config has 1 problem; nothing was synthesized.\n\nENV: "bogus" is not one of offline, staging, production\n  fix: set ENV to offline, staging or production\n']);
  });
});
