import { spawnSync } from "node:child_process";
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:https";
import { join } from "node:path";
import { createSecureContext } from "node:tls";
import { runVerify } from "../src/commands/verify-command";
import { loadProvinceDns, type ProvinceDns } from "../src/dns/province-dns";
import { writeZoneFiles } from "../src/dns/write-zone-files";
import { httpsExpectations } from "../src/verify/https-expectations";
import { verifyProvince } from "../src/verify/verify-province";
import { type RunningNamed, startNamed } from "./support/bind";
import { npmScriptArgs, ROOT } from "./support/project";
import { TINY_NEW_UNITS, TINY_SETTINGS, writeProvince } from "./support/fixture-config";
import { makeTestCa } from "./support/test-ca";
import { sharedProvinceDns } from "./support/shared-dns";
import { tempDir } from "./support/temp";

/**
 * verify against real servers: BIND's named serving the zone files zone-files wrote (the province's zones on one
 * server, the parents holding the hand-over records on another, so that a delegation is a real referral) and a
 * local HTTPS server answering like the gateway, with certificates of a test CA made by openssl.
 */

const running: RunningNamed[] = [];
afterAll(async () => {
  await Promise.all(running.map((named) => named.stop()));
});

async function serve(dir: string, probe: string, served: "zones" | "parents"): Promise<RunningNamed> {
  const named = await startNamed(dir, probe, served);
  running.push(named);
  return named;
}

function provinceDns(province: string, root = ROOT): ProvinceDns {
  const dns = loadProvinceDns(root, { PROVINCE: province });
  if ("violations" in dns || "stateProblems" in dns) throw new Error(JSON.stringify(dns));
  return dns;
}

/** A temporary project holding only config/<name>/ (from `provinceDir`), so the test never writes into config/. */
function projectWith(provinceDir: string, name: string): string {
  const project = tempDir("verify-project-");
  cpSync(provinceDir, join(project, "config", name), { recursive: true });
  return project;
}

/** The command in this process (src/commands/verify-command.ts, which the script runs) on `project`: exit code and output. */
async function run(project: string, args: string[], env: Record<string, string>): Promise<{ status: number; stdout: string; stderr: string }> {
  const output = { stdout: "", stderr: "" };
  const status = await runVerify(args, project, { env: { ...process.env, ENV: "offline", ...env }, stdout: (text) => (output.stdout += text), stderr: (text) => (output.stderr += text) });
  return { status, ...output };
}

describe("verify, on Bình Thuận's zones served by BIND", () => {
  it("finds every declared record set as declared, delegations to the communes included", async () => {
    const dns = sharedProvinceDns("binh-thuan");
    const out = join(tempDir("verify-bt-"), "zones");
    writeZoneFiles(dns, out, 1);
    const [zones, parents] = [await serve(out, "hamliem.binhthuan.gov.vn", "zones"), await serve(out, "binhthuan.gov.vn", "parents")];
    const progress: string[] = [];
    const result = await verifyProvince(dns, {
      zoneServers: [{ address: "127.0.0.1", port: zones.port }],
      handoverServers: async () => [{ address: "127.0.0.1", port: parents.port }],
      dnsOnly: true,
      https: {},
      progress: (done, total, mismatches) => progress.push(`${done}/${total} ${mismatches}`),
      progressEvery: 500,
    });
    expect(result).toEqual({ dnsChecks: 1995, httpsChecks: 0, standIns: 840, mismatches: [] });
    expect(progress).toEqual(["500/1995 0", "1000/1995 0", "1500/1995 0", "1995/1995 0"]);
  });
});

describe("npm run verify, on a small province", () => {
  // An old unit answered by a redirect, and DMARC reports sent to another organization (a hand-over zone of its own).
  const oldUnits = `code,name,kind,district,merged_into,successor,lookup
00010,Xã An Phú,xa,Huyện Sông Xanh,Xã An Phú,,
00011,Thị trấn Đồi Cát,thi-tran,Huyện Sông Xanh,Xã Sông Xanh,,redirect
00012,Xã Bình Minh,xa,Huyện Sông Xanh,Xã An Phú,Xã An Phú,
00012,Xã Bình Minh,xa,Huyện Sông Xanh,Xã Sông Xanh,Xã An Phú,
`;
  const province = "tinh-thu";
  let project: string;
  let dns: ProvinceDns;
  let good: string;
  let broken: string;
  let servers: Record<"good" | "broken", { zones: number; parents: number }>;
  let https: Server;
  let httpsPort: number;
  let caFile: string;
  /** What the HTTPS server gets wrong, per hostname. */
  const faults = { noHsts: new Set<string>(), wrongPolicy: new Set<string>(), wrongRedirect: new Set<string>() };

  beforeAll(async () => {
    const fixture = writeProvince({ newUnits: TINY_NEW_UNITS, oldUnits, settings: TINY_SETTINGS.replace("reportTo: dmarc@thu.gov.vn", "reportTo: dmarc@baocao.vn") });
    project = projectWith(fixture, province);
    dns = provinceDns(province, project);
    good = join(tempDir("verify-good-"), "zones");
    writeZoneFiles(dns, good, 1);
    broken = join(tempDir("verify-broken-"), "zones");
    writeZoneFiles(dns, broken, 1);
    // A record missing, a value wrong, a delegation and a report authorization not added by the parents' operators.
    const edit = (file: string, change: (text: string) => string) => writeFileSync(join(broken, file), change(readFileSync(join(broken, file), "utf8")));
    edit("anphu.thu.gov.vn.zone", (text) => text.replace(/^www\t.*\n/m, ""));
    edit("songxanh.thu.gov.vn.zone", (text) => text.replace("p=reject;", "p=none;"));
    edit("handover/thu.gov.vn.zone", (text) => text.replace(/^anphu\t.*\n/gm, ""));
    edit("handover/baocao.vn.zone", (text) => text.replace(/^doicat\.songxanh\.thu\.gov\.vn\._report.*\n/m, ""));
    servers = {
      good: { zones: (await serve(good, "anphu.thu.gov.vn", "zones")).port, parents: (await serve(good, "thu.gov.vn", "parents")).port },
      broken: { zones: (await serve(broken, "anphu.thu.gov.vn", "zones")).port, parents: (await serve(broken, "thu.gov.vn", "parents")).port },
    };

    const ca = makeTestCa(tempDir("verify-ca-"));
    caFile = ca.caFile;
    const expectations = httpsExpectations(dns.stacks, dns.zones);
    const hosts = expectations.map((expectation) => expectation.host);
    const valid = createSecureContext(ca.issue("gateway", hosts));
    const contexts = new Map([
      ["www.anphu.thu.gov.vn", createSecureContext(ca.issue("wrong-host", ["portal.example.vn"]))],
      ["luutru.songxanh.thu.gov.vn", createSecureContext(ca.issue("expired", ["luutru.songxanh.thu.gov.vn"], { start: "20240101000000Z", end: "20240201000000Z" }))],
    ]);
    const policies = new Map(expectations.flatMap((expectation) => (expectation.answer.kind === "served" && expectation.answer.mtaStsPolicy ? [[expectation.host, expectation.answer.mtaStsPolicy] as const] : [])));
    const redirects = new Map(expectations.flatMap((expectation) => (expectation.answer.kind === "redirect" ? [[expectation.host, expectation.answer.location] as const] : [])));
    // Answers like the gateway: a redirect, or the backend's content with its HSTS header and the MTA-STS policy.
    https = createServer({ ...ca.issue("default", ["default.invalid"]), SNICallback: (name, done) => done(null, faultsOn ? (contexts.get(name) ?? valid) : valid) }, (request, response) => {
      const host = String(request.headers.host);
      if (redirects.has(host)) {
        response.writeHead(301, { location: faultsOn && faults.wrongRedirect.has(host) ? "https://anphu.thu.gov.vn/" : redirects.get(host) }).end();
        return;
      }
      const headers = faultsOn && faults.noHsts.has(host) ? {} : { "strict-transport-security": "max-age=31536000" };
      if (request.url === "/.well-known/mta-sts.txt" && policies.has(host)) {
        response.writeHead(200, { ...headers, "content-type": "text/plain" }).end(faultsOn && faults.wrongPolicy.has(host) ? policies.get(host)!.replace("enforce", "testing") : policies.get(host));
        return;
      }
      response.writeHead(200, { ...headers, "content-type": "text/html" }).end("<html></html>");
    });
    await new Promise<void>((resolve) => https.listen(0, "127.0.0.1", resolve));
    httpsPort = (https.address() as { port: number }).port;
  });
  let faultsOn = false;
  afterAll(() => new Promise((resolve) => https?.close(resolve)));

  const args = (which: "good" | "broken") => [
    "--nameserver", `127.0.0.1:${servers[which].zones}`,
    "--handover-nameserver", `127.0.0.1:${servers[which].parents}`,
    "--https-address", `127.0.0.1:${httpsPort}`,
    "--ca", caFile,
  ];

  it("exits 0 when every record and every hostname answers as declared", async () => {
    faultsOn = false;
    const result = await run(project, args("good"), { PROVINCE: province });
    expect(result.stdout).toBe("verify: Tỉnh Thử (ENV=offline): 67 DNS record sets, 13 HTTPS hostnames: everything answers as declared; 26 values not compared (stand-ins: any value counts; give --state DIR)\n");
    expect(result.stderr.split("\n")).toEqual([
      `verify: synthesizing ${province} (ENV=offline)…`,
      `verify: asking 127.0.0.1:${servers.good.zones} for the province's zones, fetching every hostname over HTTPS at 127.0.0.1:${httpsPort}`,
      "verify: 80/80 checks, 0 mismatches",
      "",
    ]);
    expect(result.status).toBe(0);
  });

  it("names every mismatch — (zone, name, type, expected, got) — and exits 1", async () => {
    faultsOn = true;
    faults.noHsts.add("anphu.thu.gov.vn");
    faults.wrongPolicy.add("mta-sts.songxanh.thu.gov.vn");
    faults.wrongRedirect.add("www.doicat.songxanh.thu.gov.vn");
    const result = await run(project, args("broken"), { PROVINCE: province });
    expect(result.stdout.split("\n")).toEqual([
      "mismatch: anphu.thu.gov.vn anphu.thu.gov.vn HSTS: expected Strict-Transport-Security: max-age=31536000; got nothing",
      // www has no record left, but _acme-challenge.www has one: the name exists, empty (NODATA, not NXDOMAIN).
      "mismatch: anphu.thu.gov.vn www.anphu.thu.gov.vn CNAME: expected anphu.thu.gov.vn; got nothing",
      "mismatch: anphu.thu.gov.vn www.anphu.thu.gov.vn HTTPS: expected a certificate valid for www.anphu.thu.gov.vn; got ERR_TLS_CERT_ALTNAME_INVALID",
      'mismatch: baocao.vn doicat.songxanh.thu.gov.vn._report._dmarc.baocao.vn TXT: expected "v=DMARC1"; got NXDOMAIN',
      "mismatch: doicat.songxanh.thu.gov.vn www.doicat.songxanh.thu.gov.vn REDIRECT: expected 301 https://songxanh.thu.gov.vn/; got 301 https://anphu.thu.gov.vn/",
      'mismatch: songxanh.thu.gov.vn _dmarc.songxanh.thu.gov.vn TXT: expected "v=DMARC1; p=reject; np=reject; adkim=s; aspf=s; rua=mailto:dmarc@baocao.vn"; got "v=DMARC1; p=none; np=reject; adkim=s; aspf=s; rua=mailto:dmarc@baocao.vn"',
      "mismatch: songxanh.thu.gov.vn luutru.songxanh.thu.gov.vn HTTPS: expected a certificate valid for luutru.songxanh.thu.gov.vn; got CERT_HAS_EXPIRED",
      'mismatch: songxanh.thu.gov.vn mta-sts.songxanh.thu.gov.vn MTA-STS: expected "version: STSv1\\r\\nmode: enforce\\r\\nmx: mx1.thu.gov.vn\\r\\nmx: mx2.thu.gov.vn\\r\\nmax_age: 604800\\r\\n"; got "version: STSv1\\r\\nmode: testing\\r\\nmx: mx1.thu.gov.vn\\r\\nmx: mx2.thu.gov.vn\\r\\nmax_age: 604800\\r\\n"',
      "mismatch: thu.gov.vn anphu.thu.gov.vn NS: expected ns1.dnsimple.com, ns2.dnsimple-edge.net; got NXDOMAIN",
      "verify: Tỉnh Thử (ENV=offline): 67 DNS record sets, 13 HTTPS hostnames: 9 mismatches; 26 values not compared (stand-ins: any value counts; give --state DIR)",
      "",
    ]);
    expect(result.status).toBe(1);
  });

  it("says how to call it, and exits 2, when called wrong", async () => {
    const usage =
      "usage: [PROVINCE=<folder>] [ENV=offline|staging|production] npm run verify -- [--nameserver host:port] [--handover-nameserver host:port] [--dns-only] [--state DIR] [--https-address host:port] [--ca FILE]\n";
    // As a script: the usage on stderr, nothing on stdout, exit 2.
    const script = spawnSync(process.execPath, [...npmScriptArgs("verify"), "--nameserver", "127.0.0.1:99999"], { cwd: ROOT, encoding: "utf8", env: { ...process.env, PROVINCE: province } });
    expect(script).toMatchObject({ status: 2, stdout: "", stderr: `verify: --nameserver 127.0.0.1:99999 is not host:port\n${usage}` });
    expect(await run(project, ["--https-address", "127.0.0.1:0"], { PROVINCE: province })).toEqual({ status: 2, stdout: "", stderr: `verify: --https-address 127.0.0.1:0 is not host:port\n${usage}` });
    expect(await run(project, ["--ca", "/nonexistent/ca.pem"], { PROVINCE: province })).toEqual({ status: 2, stdout: "", stderr: `verify: --ca /nonexistent/ca.pem: no such file\n${usage}` });
  });
});
