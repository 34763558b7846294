import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseZone } from "dnsz";
import { runZoneFiles, ZONE_FILES_USAGE } from "../src/commands/zone-files-command";
import { readAppliedState } from "../src/dns/applied-state";
import { type DeclaredZone, declaredZones, fullName } from "../src/dns/declared-dns";
import { provinceDnsOf, type ProvinceDns } from "../src/dns/province-dns";
import { recordValue } from "../src/dns/record-values";
import { isZoneFilesFolder, writeZoneFiles } from "../src/dns/write-zone-files";
import { txtStrings, zoneFile } from "../src/dns/zone-file";
import { loadProvince } from "../src/load/load-province";
import { type DeployEnvironment, resolveEnvironment } from "../src/model/environment";
import { checkConfZones, writeNamedConf } from "./support/bind";
import { writeProvinceIn } from "./support/fixture-config";
import { npmScriptArgs, ROOT } from "./support/project";
import { sharedProvinceDns } from "./support/shared-dns";
import { synthProvince } from "./support/synth-province";
import { tempDir } from "./support/temp";

/** A TXT record's data as read back: its character-strings unquoted and joined. */
function txtValue(content: string): string {
  return [...content.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map(([, text]) => text.replace(/\\(.)/g, "$1")).join("");
}

/** The records of a zone file read back with dnsz, as [name, type, value] (MX with its preference). */
function readBack(text: string): string[][] {
  return parseZone(text).records.map((record) => [record.name, record.type, record.type === "TXT" ? txtValue(record.content) : record.content]);
}

function expectedLines(zone: DeclaredZone): string[][] {
  const dotted = (value: string) => `${value}.`;
  return zone.records.map((record) => {
    const value = record.type === "MX" ? `${record.priority} ${dotted(record.value)}` : record.type === "CNAME" || record.type === "NS" ? dotted(record.value) : record.value;
    return [fullName(record.name, zone.name), record.type, value];
  });
}

describe.each([
  ["binh-thuan", 166, 2524, ["binhthuan.gov.vn"]],
  ["lam-dong", 481, 7034, ["binhthuan.gov.vn", "daknong.gov.vn", "lamdong.gov.vn"]],
])("zone-files for %s", (province, zoneCount, recordCount, handovers) => {
  let dns: ProvinceDns;
  let out: string;
  beforeAll(() => {
    dns = sharedProvinceDns(province);
    out = join(tempDir("zone-files-"), "zones");
    writeZoneFiles(dns, out, 2026112901);
  });

  it("writes one master file per declared zone and one hand-over file per parent the config does not manage", () => {
    expect(dns.zones).toHaveLength(zoneCount);
    expect(dns.zones.reduce((sum, zone) => sum + zone.records.length, 0)).toBe(recordCount);
    expect(readdirSync(out).filter((file) => file.endsWith(".zone"))).toHaveLength(zoneCount);
    expect(readdirSync(join(out, "handover")).sort()).toEqual(handovers.map((parent) => `${parent}.zone`));
  });

  it("every file loads in BIND: each zone, and each hand-over fragment $INCLUDEd in a parent zone (named-checkconf -z)", () => {
    const { status, output } = checkConfZones(writeNamedConf(out, 53));
    expect(output.split("\n").filter((line) => line && !/: loaded serial \d+$/.test(line))).toEqual([]);
    expect(output.match(/loaded serial 2026112901/g)).toHaveLength(zoneCount);
    expect(output.match(/loaded serial 1$/gm)).toHaveLength(handovers.length);
    expect(status).toBe(0);
  });

  it("reads back as declared: SOA and apex NS first, then every record with absolute names and TXT whole", () => {
    for (const zone of dns.zones) {
      const text = readFileSync(join(out, `${zone.name}.zone`), "utf8");
      const lines = readBack(text);
      expect(lines[0]).toEqual([zone.name, "SOA", `ns1.dnsimple.com. hostmaster.${zone.name}. 2026112901 86400 7200 3600000 3600`]);
      expect(lines.slice(1, 5)).toEqual(dns.province.settings.dnsimple.nameServers.map((server) => [zone.name, "NS", `${server}.`]));
      expect(lines.slice(5)).toEqual(expectedLines(zone));
    }
  });
});

describe("zone-files", () => {
  const dns = sharedProvinceDns("binh-thuan");
  const zone = dns.zones.find((candidate) => candidate.name === "hamliem.binhthuan.gov.vn")!;

  it("writes a zone with its stand-ins marked on their lines and counted in its header", () => {
    const text = zoneFile(zone, { nameServers: ["ns1.dnsimple.com", "ns2.dnsimple-edge.net"], serial: 7, origin: "test" });
    expect(text.split("\n").slice(0, 9)).toEqual([
      ";; hamliem.binhthuan.gov.vn: test",
      ";; Declared by the stack binh-thuan-communes-0; SOA serial 7, timers per RIPE-203.",
      ";; 5 value(s) are stand-ins until their stacks are applied (see the comments; npm run zone-files -- --state DIR).",
      "",
      "$ORIGIN hamliem.binhthuan.gov.vn.",
      "$TTL 3600",
      "",
      "@\t3600\tIN\tSOA\tns1.dnsimple.com. hostmaster.hamliem.binhthuan.gov.vn. 7 86400 7200 3600000 3600",
      "@\t3600\tIN\tNS\tns1.dnsimple.com.",
    ]);
    expect(text).toContain("@\t3600\tIN\tA\t192.0.2.1\t; stand-in: the gateway's IPv4 address, known once the platform stack is applied\n");
    expect(text).toContain(
      "_acme-challenge.www\t3600\tIN\tCNAME\tknown-after-apply.invalid.\t; stand-in: google_certificate_manager_dns_authorization c23095-www.dns_resource_record[0].data, known once binh-thuan-communes-0 is applied\n",
    );
    expect(text).toContain('@\t3600\tIN\tCAA\t0 issue "pki.goog"\n');
    expect(text).toContain("@\t3600\tIN\tMX\t10 mx1.mail.binhthuan.gov.vn.\n");
    expect(text).toContain("www\t3600\tIN\tCNAME\thamliem.binhthuan.gov.vn.\n");
  });

  it("lists a forwarding domain's forwards in its header, and DNSimple's own MX as a stand-in", () => {
    const forwarding = dns.zones.find((candidate) => candidate.name === "hamcan.hamthuannam.binhthuan.gov.vn")!;
    const text = zoneFile(forwarding, { nameServers: ["ns1.dnsimple.com"], serial: 7, origin: "test" });
    expect(text).toContain(";; Mail: DNSimple email forwarding (DNSimple places its own MX for it: the MX below stands in for it):\n;; any address -> vanthu@hamthanh.binhthuan.gov.vn\n");
    expect(text.split("\n").filter((line) => line.includes("\tMX\t"))).toEqual([
      "@\t3600\tIN\tMX\t10 forwarding-mx.invalid.\t; stand-in: DNSimple's email-forwarding MX, which DNSimple places for the forwards (not declared in the stacks)",
    ]);
  });

  it("splits a TXT longer than 255 bytes into character-strings that BIND joins back", () => {
    const key = `v=DKIM1; k=rsa; p=${"A".repeat(392)}"\\`;
    expect(txtStrings(key)).toBe(`"${key.slice(0, 255)}" "${key.slice(255, -2)}\\"\\\\"`);
    const long: DeclaredZone = { ...zone, records: [{ name: "s1._domainkey", type: "TXT", value: key, ttl: 3600 }] };
    const dir = tempDir("long-txt-");
    writeFileSync(join(dir, `${zone.name}.zone`), zoneFile(long, { nameServers: ["ns1.dnsimple.com"], serial: 1, origin: "test" }));
    const check = spawnSync("named-checkzone", ["-D", "-o", "-", zone.name, join(dir, `${zone.name}.zone`)], { encoding: "utf8" });
    expect(check.status).toBe(0);
    const line = check.stdout.split("\n").find((candidate) => candidate.startsWith(`s1._domainkey.${zone.name}.`))!;
    expect(txtValue(line)).toBe(key);
  });

  it("takes values known after apply from the stacks' applied state", () => {
    const stateDir = tempDir("state-");
    const platform = { version: 4, terraform_version: "1.12.2", serial: 3, lineage: "x", outputs: { gateway_ipv4: { value: "34.120.1.2", type: "string" }, gateway_ipv6: { value: "2600:1901:0:1::", type: "string" } }, resources: [] };
    const shard = {
      version: 4,
      outputs: {},
      resources: [
        {
          mode: "managed",
          type: "google_certificate_manager_dns_authorization",
          name: "commune-23095_certificate-www_authorization_C1D2F5E3",
          provider: 'provider["registry.terraform.io/hashicorp/google"]',
          instances: [{ schema_version: 0, attributes: { dns_resource_record: [{ name: "_acme-challenge.www.hamliem.binhthuan.gov.vn.", type: "CNAME", data: "8f2a.9.authorize.certificatemanager.goog." }] } }],
        },
      ],
    };
    const address = Object.keys(dns.stacks.find((stack) => stack.name === "binh-thuan-communes-0")!.config.resource!.google_certificate_manager_dns_authorization).find((name) => name.startsWith("commune-23095_certificate-www_"))!;
    shard.resources[0].name = address;
    writeFileSync(join(stateDir, "binh-thuan-platform.tfstate"), JSON.stringify(platform));
    writeFileSync(join(stateDir, "binh-thuan-communes-0.tfstate"), JSON.stringify(shard));
    const state = readAppliedState(stateDir, dns.stacks.map((stack) => stack.name));
    if (Array.isArray(state)) throw new Error(JSON.stringify(state));
    const applied = declaredZones(dns.stacks, state).find((candidate) => candidate.name === zone.name)!;
    const record = (name: string, type: string) => applied.records.find((candidate) => candidate.name === name && candidate.type === type);
    expect(record("", "A")).toMatchObject({ value: "34.120.1.2", applied: true });
    expect(record("", "AAAA")).toMatchObject({ value: "2600:1901:0:1::", applied: true });
    expect(record("_acme-challenge.www", "CNAME")).toMatchObject({ value: "8f2a.9.authorize.certificatemanager.goog", applied: true });
    expect(record("_acme-challenge", "CNAME")!.standIn).toMatch(/^google_certificate_manager_dns_authorization c23095-apex/);
    expect(applied.records.filter((candidate) => candidate.standIn)).toHaveLength(2);
  });

  it("handles literal addresses and the documentation stand-ins as literals (gateway addresses from the settings)", () => {
    const stack = dns.stacks[0];
    expect(recordValue("34.1.2.3", "A", stack, undefined)).toEqual({ value: "34.1.2.3" });
    expect(recordValue("192.0.2.1", "A", stack, undefined)).toEqual({ value: "192.0.2.1", standIn: "the gateway's IPv4 address, known once the platform stack is applied" });
    const state = new Map([["binh-thuan-platform", { version: 4 as const, outputs: { gateway_ipv6: { value: "2600::5" } }, resources: [] }]]);
    expect(recordValue("2001:db8::1", "AAAA", stack, state)).toEqual({ value: "2600::5", applied: true });
    expect(recordValue("192.0.2.1", "TXT", stack, state)).toEqual({ value: "192.0.2.1" });
  });

  it("refuses a state folder it cannot read, naming every file and the fix", () => {
    const stateDir = tempDir("bad-state-");
    writeFileSync(join(stateDir, "binh-thuan-platform.tfstate"), "{");
    writeFileSync(join(stateDir, "binh-thuan-communes-1.tfstate"), JSON.stringify({ version: 3 }));
    writeFileSync(join(stateDir, "other.tfstate"), "{}");
    const problems = readAppliedState(stateDir, ["binh-thuan-platform", "binh-thuan-communes-1"]);
    expect(problems).toEqual([
      { file: join(stateDir, "binh-thuan-communes-1.tfstate"), message: "is not a Terraform state of format 4: version: Invalid input: expected 4", fix: `write it with: terraform state pull > ${join(stateDir, "binh-thuan-communes-1.tfstate")}` },
      { file: join(stateDir, "binh-thuan-platform.tfstate"), message: "is not JSON", fix: `write it with: terraform state pull > ${join(stateDir, "binh-thuan-platform.tfstate")}` },
      { file: join(stateDir, "other.tfstate"), message: "names no stack of this province (binh-thuan-platform, binh-thuan-communes-1)", fix: "name each file after its stack, <stack>.tfstate, or remove it" },
    ]);
  });

  it("replaces only a folder it wrote", () => {
    const dir = tempDir("out-");
    expect(isZoneFilesFolder(join(dir, "new"))).toBe(true);
    mkdirSync(join(dir, "mine", "handover"), { recursive: true });
    writeFileSync(join(dir, "mine", "a.vn.zone"), "");
    expect(isZoneFilesFolder(join(dir, "mine"))).toBe(true);
    writeFileSync(join(dir, "mine", "notes.txt"), "");
    expect(isZoneFilesFolder(join(dir, "mine"))).toBe(false);
  });
});

describe("the hand-over files", () => {
  const dns = sharedProvinceDns("lam-dong");
  const handover = (name: string) => dns.handovers.find((candidate) => candidate.name === name)!;

  it("delegate every top-level zone of the province, commune and retired, from the zone above it", () => {
    expect(dns.handovers.map((candidate) => [candidate.name, candidate.delegations.length, candidate.reportAuthorizations.length])).toEqual([
      ["binhthuan.gov.vn", 10, 0],
      ["daknong.gov.vn", 8, 0],
      ["lamdong.gov.vn", 157, 210],
    ]);
    expect(handover("binhthuan.gov.vn").delegations).toContain("bacbinh.binhthuan.gov.vn");
    // Every declared zone is reachable: it is delegated from a hand-over zone or from a declared zone.
    const declared = new Set(dns.zones.map((zone) => zone.name));
    const delegated = new Set(dns.handovers.flatMap((candidate) => candidate.delegations));
    for (const zone of dns.zones) {
      const parentZone = zone.name.slice(zone.name.indexOf(".") + 1);
      const label = zone.name.split(".")[0];
      const fromParent = declared.has(parentZone) && dns.zones.find((candidate) => candidate.name === parentZone)!.records.some((record) => record.name === label && record.type === "NS");
      expect([zone.name, delegated.has(zone.name) || fromParent]).toEqual([zone.name, true]);
    }
  });

  it("authorize the DMARC reports of the zones of another organizational domain (RFC 7489 §7.1), and only those", () => {
    const authorized = handover("lamdong.gov.vn").reportAuthorizations;
    expect(authorized).toContain("bacbinh.binhthuan.gov.vn");
    expect(authorized.every((zone) => zone.endsWith(".binhthuan.gov.vn") || zone.endsWith(".daknong.gov.vn"))).toBe(true);
    const out = join(tempDir("handover-"), "z");
    writeZoneFiles(dns, out, 1);
    const text = readFileSync(join(out, "handover", "lamdong.gov.vn.zone"), "utf8");
    expect(text).toContain('bacbinh.binhthuan.gov.vn._report._dmarc\t3600\tIN\tTXT\t"v=DMARC1"\n');
    expect(text).toContain("bacbinh.binhthuan.gov.vn._report._dmarc\t3600\tIN\tTXT");
    expect(text.split("\n").slice(0, 4)).toEqual([
      ";; lamdong.gov.vn: Tỉnh Lâm Đồng (PROVINCE=lam-dong, ENV=offline), written by npm run zone-files",
      ";; Records this zone must hold; its SOA and NS stay as they are. Add them, or $INCLUDE this file in the zone.",
      ";; 157 delegation(s) to the province's name servers (ns1.dnsimple.com, ns2.dnsimple-edge.net, ns3.dnsimple.com, ns4.dnsimple-edge.org).",
      ";; 210 DMARC report authorization(s) (RFC 7489 section 7.1).",
    ]);
  });
});

describe("npm run zone-files", () => {
  const env = { ...process.env, PROVINCE: "binh-thuan", ENV: "offline" };
  /** The command in this process (src/commands/zone-files-command.ts, which the script runs): exit code and output. */
  const run = (args: string[], root = ROOT, runEnv: NodeJS.ProcessEnv = env) => {
    const output = { stdout: "", stderr: "" };
    const status = runZoneFiles(args, root, { env: runEnv, stdout: (text) => (output.stdout += text), stderr: (text) => (output.stderr += text) });
    return { status, ...output };
  };
  const usage = ZONE_FILES_USAGE;

  it("says how to call it, and exits 2, when called wrong: as a script, the usage on stderr and nothing on stdout", () => {
    const script = spawnSync(process.execPath, [...npmScriptArgs("zone-files")], { cwd: ROOT, encoding: "utf8", env });
    expect(script).toMatchObject({ status: 2, stdout: "", stderr: `zone-files: --out DIR is required\n${usage}` });
    expect(run(["--out", tempDir("o-"), "--serial", "0"])).toEqual({ status: 2, stdout: "", stderr: `zone-files: --serial 0 is not a whole number from 1 to 4294967295\n${usage}` });
    expect(run(["--bogus"])).toEqual({ status: 2, stdout: "", stderr: `zone-files: Unknown option '--bogus'\n${usage}` });
    const busy = tempDir("busy-");
    writeFileSync(join(busy, "keep.txt"), "");
    expect(run(["--out", busy])).toEqual({ status: 2, stdout: "", stderr: `zone-files: ${busy} holds files zone-files did not write; give a new or empty folder, or one it wrote before\n${usage}` });
  });

  // The command synthesizes the province itself: a tiny one in a project of its own (Bình Thuận's zones, above,
  // come from the run's one synthesis of it).
  it("writes the province's zones and says what it wrote, byte for byte what another synth of the same config gives", () => {
    const root = tempDir("project-");
    const province = loadProvince(writeProvinceIn(join(root, "config")));
    const out = join(tempDir("cli-"), "zones");
    expect(run(["--out", out, "--serial", "2026112901"], root, { ...env, PROVINCE: "tinh-thu" })).toEqual({
      status: 0,
      stderr: "zone-files: synthesizing tinh-thu (ENV=offline)…\n",
      stdout:
        `Tỉnh Thử (ENV=offline): 5 zones, 70 records, 26 stand-ins (values known after apply: give --state DIR; each marked on its line), SOA serial 2026112901; written to ${out}/\n` +
        `1 hand-over zones (records for zones the config does not manage):\n  ${out}/handover/thu.gov.vn.zone: 2 delegations, 0 DMARC report authorizations\n`,
    });
    // Deterministic: the tests' own synth of the same config, written with the same serial, gives the same bytes.
    const again = join(tempDir("same-"), "zones");
    writeZoneFiles(provinceDnsOf(province, resolveEnvironment(province.settings, "offline") as DeployEnvironment, synthProvince(province).map(({ name, config }) => ({ name, config }))), again, 2026112901);
    const files = readdirSync(out).filter((file) => file.endsWith(".zone"));
    expect(files).toHaveLength(5);
    for (const file of [...files, join("handover", "thu.gov.vn.zone")]) expect([file, readFileSync(join(again, file), "utf8")]).toEqual([file, readFileSync(join(out, file), "utf8")]);
  });

  it("refuses an ENV the settings do not declare, naming it, and writes nothing", () => {
    const out = join(tempDir("env-"), "zones");
    const result = runZoneFiles(["--out", out, "--serial", "1"], ROOT, { env: { ...env, ENV: "bogus" }, stdout: () => {}, stderr: () => {} });
    expect(result).toBe(1);
    expect(existsSync(out)).toBe(false);
  });
});
