import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { adopt } from "../src/adopt/adopt";
import { classify } from "../src/adopt/classify";
import { readDnsimplePages } from "../src/adopt/dnsimple-pages";
import { characterStrings, readZoneFile } from "../src/adopt/zone-file";
import { loadProvince } from "../src/load/load-province";
import { ConfigError } from "../src/load/problems";
import { resolveEnvironment, type DeployEnvironment } from "../src/model/environment";
import type { Province } from "../src/model/province";
import { checkPolicies } from "../src/policy/check-app";
import { buildProvinceStacks } from "../src/app/build-app";
import { npmScriptArgs, ROOT } from "./support/project";
import { tempDir } from "./support/temp";
import { TINY_NEW_UNITS, TINY_OLD_UNITS, TINY_SETTINGS } from "./support/fixture-config";
import { synthProvince, testApp } from "./support/synth-province";

const FIXTURES = join(__dirname, "fixtures", "adopt");
const fixture = (name: string) => relative(process.cwd(), join(FIXTURES, name));
const DOICAT = fixture("doicat.songxanh.thu.gov.vn.zone");
const SONGXANH = fixture("songxanh.thu.gov.vn.json");

/** A temp project root holding the tiny province as config/tinh-thu/, one per test. */
let root: string;
let dir: string;
beforeEach(() => {
  root = tempDir("adopt-");
  dir = join(root, "config", "tinh-thu");
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "new-units.csv"), TINY_NEW_UNITS);
  writeFileSync(join(dir, "old-units.csv"), TINY_OLD_UNITS);
  writeFileSync(join(dir, "settings.yaml"), TINY_SETTINGS);
});

const run = (file: string) => adopt({ root, province: "tinh-thu", file });
/** The report with the temp root's path written as <root>. */
function reportOf(file: string): string {
  const outcome = run(file);
  if (!("report" in outcome)) throw new Error(JSON.stringify(outcome.problems));
  return outcome.report.split(relative(process.cwd(), root)).join("<root>");
}
const zoneFile = (zone: string) => join(dir, "zones", `${zone}.yaml`);
const flip = (zone: string, from: RegExp, to: string) => writeFileSync(zoneFile(zone), readFileSync(zoneFile(zone), "utf8").replace(from, to));

describe("the exports are real formats", () => {
  it("BIND's named-checkzone accepts every zone file fixture", () => {
    for (const [file, zone] of [["doicat.songxanh.thu.gov.vn.zone", "doicat.songxanh.thu.gov.vn"], ["dnsimple-developer-getZoneFile.zone", "example.com"]]) {
      // -i local: no lookups of names outside the zone (the tests use no network).
      const check = spawnSync("named-checkzone", ["-i", "local", zone, join(FIXTURES, file)], { encoding: "utf8" });
      expect([file, check.status, check.stdout.trim().split("\n").pop()]).toEqual([file, 0, "OK"]);
    }
  });

  it("reads a BIND zone file into the records BIND itself reads from it", () => {
    const read = readZoneFile(readFileSync(DOICAT, "utf8"));
    if (!("records" in read)) throw new Error(read.problems.join("\n"));
    // named-compilezone writes the zone one record per line, names absolute, as BIND loaded it.
    const compiled = spawnSync("named-compilezone", ["-i", "local", "-s", "full", "-o", "-", "doicat.songxanh.thu.gov.vn", DOICAT], { encoding: "utf8" });
    const bind = compiled.stdout.split("\n").filter((line) => /^\S+\.\s+\d+\s+IN\s/.test(line)).map((line) => {
      const [name, ttl, , type] = line.split(/\s+/);
      return [name.replace(/\.?doicat\.songxanh\.thu\.gov\.vn\.$/, ""), type, Number(ttl)].join(" ");
    });
    expect(read.records.map((record) => [record.name, record.type, record.ttl].join(" ")).sort()).toEqual(bind.sort());
    expect(read.zone).toBe("doicat.songxanh.thu.gov.vn");
    expect(read.records).toEqual(expect.arrayContaining([
      { name: "", type: "TXT", content: "v=spf1 a mx -all", ttl: 3600 },
      { name: "", type: "MX", content: "mail.doicat.songxanh.thu.gov.vn", priority: 10, ttl: 3600 },
      { name: "www", type: "CNAME", content: "doicat.songxanh.thu.gov.vn", ttl: 300 },
      { name: "_sip._tcp", type: "SRV", content: "60 5060 sip.example.net", priority: 10, ttl: 3600 },
      { name: "ftp", type: "A", content: "203.0.113.32", ttl: 7200 },
    ]));
  });

  it("reads DNSimple's own zone export ($TTL 1h) and its published list-zone-records response", () => {
    const exported = readZoneFile(readFileSync(fixture("dnsimple-developer-getZoneFile.zone"), "utf8"));
    const listed = readDnsimplePages(readFileSync(fixture("dnsimple-developer-listZoneRecords.json"), "utf8"));
    expect(exported).toEqual({ zone: "example.com", records: expect.any(Array) });
    expect(listed).toEqual({ zone: "example.com", records: expect.any(Array) });
    const shape = (read: typeof listed) => ("records" in read ? read.records.map(({ name, type, content, ttl }) => [name, type, content.split(" ")[0], ttl]) : []);
    expect(shape(exported)).toEqual([
      ["", "SOA", "ns1.dnsimple.com.", 3600],
      ["", "NS", "ns1.dnsimple.com", 3600],
      ["", "NS", "ns2.dnsimple.com", 3600],
      ["", "NS", "ns3.dnsimple.com", 3600],
      ["", "NS", "ns4.dnsimple.com", 3600],
    ]);
    expect("records" in listed && listed.records.map((record) => [record.id, record.type])).toEqual([[1, "SOA"], [69061, "NS"], [2, "NS"], [3, "NS"], [4, "NS"]]);
  });

  it("decodes TXT character-strings: several, quoted or bare, with escapes", () => {
    expect(characterStrings('"v=spf1 mx " "-all"').join("")).toBe("v=spf1 mx -all");
    expect(characterStrings('"a\\"b" "c\\\\d" "\\065BC" bare')).toEqual(['a"b', "c\\d", "ABC", "bare"]);
  });

  it("reads several pages written one after another, and says which page is missing or twice", () => {
    const pages = readFileSync(SONGXANH, "utf8");
    const read = readDnsimplePages(pages);
    expect("records" in read && read.records.length).toBe(13);
    const [first, second] = pages.trim().split("\n");
    expect(readDnsimplePages(second)).toEqual({ problems: ["page 1 of 2 is missing: write every page into the file (?page=1)"] });
    expect(readDnsimplePages(`${first}${first}${second}`)).toEqual({ problems: ["page 1 is in the file 2 times"] });
    expect(readDnsimplePages(`${first}\n{"data": [`)).toEqual({ problems: [expect.stringMatching(/^document 2 is not JSON \(/)] });
  });
});

describe("npm run adopt", () => {
  it("writes the zone's file and prints kept / replaced by the plan / needs a decision", () => {
    expect(reportOf(DOICAT)).toBe(`doicat.songxanh.thu.gov.vn, Thị trấn Đồi Cát (00011): 15 records from doicat.songxanh.thu.gov.vn.zone

decision              name       type   ttl   content                                             why
kept                  @          TXT    3600  google-site-verification=doicat-abc123
kept                  _sip._tcp  SRV    3600  10 60 5060 sip.example.net
kept                  ftp        A      7200  203.0.113.32
kept                  mail       A      3600  203.0.113.31
kept                  motcua     CNAME  3600  dichvucong.thu.gov.vn
replaced by the plan  @          A      3600  203.0.113.30                                        the plan's A at @ (the gateway's address)
replaced by the plan  @          MX     3600  10 mail.doicat.songxanh.thu.gov.vn                  the domain forwards its mail: DNSimple places its own MX
replaced by the plan  @          TXT    3600  v=spf1 a mx -all                                    the plan's SPF at @ (v=spf1 include:_spf.dnsimple.com -all)
replaced by the plan  www        CNAME  300   doicat.songxanh.thu.gov.vn                          the plan's CNAME at www (doicat.songxanh.thu.gov.vn)
needs a decision      _dmarc     CNAME  3600  dmarc.mailprovider.example                          a CNAME where the plan declares TXT: a CNAME cannot stand beside other data
needs a decision      lienhe     TXT    3600  v=spf1 include:_spf.example.net -all                one of 2 SPF records at lienhe: keep one (RFC 7208 §3.2)
needs a decision      lienhe     TXT    3600  v=spf1 ip4:203.0.113.31 -all                        one of 2 SPF records at lienhe: keep one (RFC 7208 §3.2)
system                @          NS     3600  ns1.songxanh.thu.gov.vn                             apex NS: DNSimple's own
system                @          NS     3600  ns2.songxanh.thu.gov.vn                             apex NS: DNSimple's own
system                @          SOA    3600  ns1.songxanh.thu.gov.vn. hostmaster.songxanh.thu.…  SOA: DNSimple's own

5 kept, 4 replaced by the plan, 3 needs a decision, 3 system; written to <root>/config/tinh-thu/zones/doicat.songxanh.thu.gov.vn.yaml
next: write keep or replace for the 3 records marked decide in <root>/config/tinh-thu/zones/doicat.songxanh.thu.gov.vn.yaml (the synth refuses them: ADOPT-001)
`);
    const written = readFileSync(zoneFile("doicat.songxanh.thu.gov.vn"), "utf8");
    expect(written).toContain('  - { decision: replace, name: "", type: MX, content: mail.doicat.songxanh.thu.gov.vn, ttl: 3600, priority: 10 } # the domain forwards its mail: DNSimple places its own MX\n');
    expect(written).toContain("  - { decision: keep, name: ftp, type: A, content: 203.0.113.32, ttl: 7200 }\n");
    expect(loadProvince(dir).adoptedZones.map((zone) => [zone.zone, zone.records.length])).toEqual([["doicat.songxanh.thu.gov.vn", 15]]);
  });

  it("run again on the same export, changes nothing, and a person's flipped decisions survive", () => {
    run(DOICAT);
    const first = readFileSync(zoneFile("doicat.songxanh.thu.gov.vn"));
    expect(run(DOICAT)).toEqual({ report: expect.stringContaining("; unchanged: "), written: false });
    expect(readFileSync(zoneFile("doicat.songxanh.thu.gov.vn"))).toEqual(first);

    flip("doicat.songxanh.thu.gov.vn", /decision: keep, name: ftp/, "decision: replace, name: ftp");
    flip("doicat.songxanh.thu.gov.vn", /decision: decide, name: _dmarc/, "decision: replace, name: _dmarc");
    const edited = readFileSync(zoneFile("doicat.songxanh.thu.gov.vn"), "utf8");
    expect(run(DOICAT)).toEqual({ report: expect.stringContaining("4 kept, 6 replaced by the plan, 2 needs a decision, 3 system; unchanged: "), written: false });
    expect(readFileSync(zoneFile("doicat.songxanh.thu.gov.vn"), "utf8")).toBe(edited);
  });

  it("refuses a zone the province does not declare, naming the nearest one, and writes nothing", () => {
    expect(run(fixture("dnsimple-developer-listZoneRecords.json"))).toEqual({
      problems: [{
        file: fixture("dnsimple-developer-listZoneRecords.json"),
        message: "example.com is not a zone of Tỉnh Thử (config/tinh-thu): a new commune's or an old unit's domain",
        fix: 'adopt the export of a zone the province declares, or correct the unit\'s domain in the config; did you mean "anphu.thu.gov.vn"?',
      }],
    });
    expect(existsSync(join(dir, "zones"))).toBe(false);
  });

  it("as a command: exit 1, every problem with its fix, no stack trace, nothing written; a usage error", () => {
    const command = (...args: string[]) => spawnSync(process.execPath, [...npmScriptArgs("adopt"), ...args], { cwd: ROOT, env: { ...process.env, PROVINCE: "binh-thuan" }, encoding: "utf8" });
    const refused = command(fixture("dnsimple-developer-listZoneRecords.json"));
    expect([refused.status, refused.stdout, refused.stderr]).toEqual([1, "", `The adoption has 1 problem; nothing was written.

${fixture("dnsimple-developer-listZoneRecords.json")}: example.com is not a zone of Bình Thuận (config/binh-thuan): a new commune's or an old unit's domain
  fix: adopt the export of a zone the province declares, or correct the unit's domain in the config; did you mean "lada.binhthuan.gov.vn"?
`]);
    expect(existsSync(join(ROOT, "config", "binh-thuan", "zones"))).toBe(false);
    const usage = command();
    expect([usage.status, usage.stderr]).toEqual([1, "usage: PROVINCE=<province> npm run adopt -- <zone file or DNSimple records JSON> [--zone <zone name>]\n"]);
    // --zone reaches the reader: in this process, as the command calls it.
    const noOrigin = adopt({ root: ROOT, province: "binh-thuan", file: fixture("dnsimple-developer-getZoneFile.zone"), zone: "doicat.songxanh.binhthuan.gov.vn" });
    expect("problems" in noOrigin && noOrigin.problems.map((problem) => problem.message).join("\n")).toContain("its SOA is for example.com, not doicat.songxanh.binhthuan.gov.vn as --zone says");
  });

  it("a zone file without $ORIGIN needs --zone; what dnsz cannot split is refused, never dropped", () => {
    expect(readZoneFile("@ IN SOA ns1 host 1 2 3 4 5\n@ IN NS ns1\n")).toEqual({ problems: ["the file has no $ORIGIN, so its relative names name nothing: give the zone with --zone <name>"] });
    expect(readZoneFile("@ IN SOA ns1 host 1 2 3 4 5\n@ IN NS ns1\nwww IN A 192.0.2.1\n", "a.vn")).toEqual({
      zone: "a.vn",
      records: [
        { name: "", type: "SOA", content: "ns1 host 1 2 3 4 5", ttl: 3600 },
        { name: "", type: "NS", content: "ns1.a.vn", ttl: 3600 },
        { name: "www", type: "A", content: "192.0.2.1", ttl: 3600 },
      ],
    });
    // RFC 1035 allows the class before the TTL; dnsz reads such a line as a record of type IN.
    expect(readZoneFile("$ORIGIN a.vn.\n@ 3600 IN SOA ns1 host 1 2 3 4 5\nmail IN 300 A 192.0.2.6\n")).toEqual({
      problems: ["a line this reader cannot split (mail.a.vn 3600 IN 300 A 192.0.2.6): write it out one record per line with BIND's named-compilezone -s full -o <new file> <zone> <file>, and adopt that"],
    });
  });

  it("below a name the plan delegates to its own zone, a record needs a decision; the delegation itself is replaced", () => {
    const zone = "$ORIGIN songxanh.thu.gov.vn.\n$TTL 3600\n@ IN SOA ns1 host 1 2 3 4 5\n@ IN NS ns1\nns1 IN A 192.0.2.9\ndoicat IN NS ns1\nwww.doicat IN A 192.0.2.10\n";
    const file = join(root, "songxanh.zone");
    writeFileSync(file, zone);
    expect(reportOf(relative(process.cwd(), file))).toContain(
      "replaced by the plan  doicat      NS    3600  ns1.songxanh.thu.gov.vn  the plan's NS at doicat (2 records)\nneeds a decision      www.doicat  A     3600  192.0.2.10               below doicat, which the plan delegates to its own zone: adopt it there\n",
    );
  });
});

describe("the default decisions", () => {
  const plan = { records: [{ name: "", type: "A" }, { name: "", type: "TXT", value: "v=spf1 mx -all" }, { name: "www", type: "CNAME", value: "a.vn" }], forwarding: false };
  const record = (name: string, type: string, content: string) => ({ name, type, content, ttl: 3600 });
  it("replace what the plan declares at the same name and kind, keep the rest, leave conflicts to a person", () => {
    expect(classify([
      record("", "ALIAS", "old-host.example.net"),
      record("", "TXT", "google-site-verification=x"),
      record("", "TXT", '"v=spf1 a -all"'),
      record("", "SPF", "v=spf1 a -all"),
      record("www", "A", "192.0.2.1"),
      record("", "MX", "mail.a.vn"),
    ], plan).map(({ decision, reason }) => `${decision} ${reason}`.trim())).toEqual([
      "replace the plan's A/AAAA at @: an ALIAS answers for them",
      "keep",
      "replace the plan's SPF at @ (v=spf1 mx -all)",
      "replace the plan's SPF at @ (v=spf1 mx -all)",
      "replace the plan's CNAME at www (a.vn)",
      "keep",
    ]);
    expect(classify([record("", "MX", "mail.a.vn"), record("x", "SPF", "v=spf1 -all")], { ...plan, forwarding: true }).map(({ decision }) => decision)).toEqual(["replace", "decide"]);
  });
});

describe("the synth keeps what was adopted", () => {
  /** The province after adopting both fixtures, with the doicat zone's three open decisions made. */
  function adopted(): Province {
    run(DOICAT);
    run(SONGXANH);
    flip("doicat.songxanh.thu.gov.vn", /decision: decide, name: _dmarc/, "decision: replace, name: _dmarc");
    flip("doicat.songxanh.thu.gov.vn", /decision: decide, (name: lienhe, type: TXT, content: v=spf1 include)/, "decision: replace, $1");
    flip("doicat.songxanh.thu.gov.vn", /decision: decide, (name: lienhe, type: TXT, content: v=spf1 ip4)/, "decision: keep, $1");
    return loadProvince(dir);
  }
  const violations = (province: Province) => {
    const app = testApp();
    const policy = buildProvinceStacks(app, province, resolveEnvironment(province.settings, "offline") as DeployEnvironment);
    return checkPolicies(app, policy).map((violation) => `${violation.rule} ${violation.message}`);
  };
  const records = (stacks: ReturnType<typeof synthProvince>, zone: string) =>
    stacks.flatMap((stack) => Object.entries((stack.config.resource?.dnsimple_zone_record ?? {}) as Record<string, Record<string, unknown>>)).filter(([, record]) => record.zone_name === zone);
  const imports = (stacks: ReturnType<typeof synthProvince>) => stacks.flatMap((stack) => ((stack.config as { import?: { id: string; to: string }[] }).import ?? []).map(({ id, to }) => `${id} -> ${to}`)).sort();

  it("declares the kept records with their TTLs, and passes the policy pack", () => {
    const province = adopted();
    expect(violations(province)).toEqual([]);
    const kept = records(synthProvince(province), "doicat.songxanh.thu.gov.vn").filter(([address]) => address.includes("_adopted-"));
    expect(kept.map(([, record]) => [record.name, record.type, record.value, record.ttl, record.priority]).sort()).toEqual([
      ["", "TXT", "google-site-verification=doicat-abc123", 3600, undefined],
      ["_sip._tcp", "SRV", "60 5060 sip.example.net", 3600, 10],
      ["ftp", "A", "203.0.113.32", 7200, undefined],
      ["lienhe", "TXT", "v=spf1 ip4:203.0.113.31 -all", 3600, undefined],
      ["mail", "A", "203.0.113.31", 3600, undefined],
      ["motcua", "CNAME", "dichvucong.thu.gov.vn", 3600, undefined],
    ]);
  });

  it("imports the zone read from DNSimple by name and the records the plan manages by <zone>_<id>, never a system record; staging imports nothing", () => {
    const province = adopted();
    const stacks = synthProvince(province);
    const found = imports(stacks);
    expect(found.map((line) => line.replace(/_[0-9A-F]{8}$/, ""))).toEqual([
      "songxanh.thu.gov.vn -> dnsimple_domain.commune-00020_zone_domain",
      "songxanh.thu.gov.vn_101 -> dnsimple_zone_record.commune-00020_zone_apex-A-1",
      "songxanh.thu.gov.vn_102 -> dnsimple_zone_record.commune-00020_zone_apex-MX-1",
      "songxanh.thu.gov.vn_103 -> dnsimple_zone_record.commune-00020_zone_apex-TXT-1",
      "songxanh.thu.gov.vn_104 -> dnsimple_zone_record.commune-00020_zone_adopted-apex-TXT-id104",
      "songxanh.thu.gov.vn_105 -> dnsimple_zone_record.commune-00020_zone_www-CNAME-1",
      "songxanh.thu.gov.vn_106 -> dnsimple_zone_record.delegations_retired-00011_ns-1",
      "songxanh.thu.gov.vn_107 -> dnsimple_zone_record.commune-00020_zone_adopted-ftp-A-id107",
      "songxanh.thu.gov.vn_108 -> dnsimple_zone_record.commune-00020_zone__dmarc-TXT-1",
      "songxanh.thu.gov.vn_109 -> dnsimple_zone_record.commune-00020_zone_adopted-hanhchinhcong-CNAME-id109",
      "songxanh.thu.gov.vn_110 -> dnsimple_zone_record.commune-00020_zone_adopted-mail-A-id110",
    ]);
    // Every import lands on a resource the stack declares (Terraform refuses one that does not).
    for (const stack of stacks) {
      for (const { to } of (stack.config as { import?: { to: string }[] }).import ?? []) {
        const [type, name] = to.split(".");
        expect([to, (stack.config.resource?.[type] as Record<string, unknown>)?.[name]]).toEqual([to, expect.anything()]);
      }
    }
    const staging = { ...province, settings: { ...province.settings, environments: { staging: { gcpProject: "thu-staging", dnsimpleAccount: "1234", dnsimpleSandbox: false, stateBucket: "thu-state", subdomain: "staging", organizationPolicies: { domainRestrictedSharing: false, publicAccessPrevention: false } } } } };
    expect(imports(synthProvince(staging, "staging"))).toEqual([]);
  });

  // Terraform is no Debian package: a machine without it skips this.
  const haveTerraform = spawnSync("terraform", ["version"]).status === 0;
  (haveTerraform ? it : it.skip)("Terraform 1.11.4 takes the import blocks as written: each on a resource of its stack (stand-ins: terraform_data), none twice", () => {
    const stack = synthProvince(adopted()).find((candidate) => (candidate.config as { import?: unknown[] }).import)!;
    const blocks = (stack.config as { import: { id: string; to: string }[] }).import;
    // The providers cannot be downloaded here: each imported resource becomes a terraform_data of the same name,
    // the import blocks stay as cdktf wrote them but for the type in `to`.
    const standIn = (to: string) => `terraform_data.${to.replace(".", "--")}`;
    const work = tempDir("adopt-terraform-");
    try {
      const write = (imports: typeof blocks) =>
        writeFileSync(join(work, "main.tf.json"), JSON.stringify({
          resource: { terraform_data: Object.fromEntries(blocks.map(({ id, to }) => [to.replace(".", "--"), { input: id }])) },
          import: imports.map((block) => ({ ...block, to: standIn(block.to) })),
        }));
      const terraform = (...args: string[]) => spawnSync("terraform", args, { cwd: work, encoding: "utf8", env: { ...process.env, CHECKPOINT_DISABLE: "1", TF_IN_AUTOMATION: "1" } });
      write(blocks);
      expect(terraform("init", "-input=false", "-no-color").status).toBe(0);
      const plan = terraform("plan", "-input=false", "-no-color");
      expect([plan.status, plan.stderr.includes("Error")]).toEqual([0, false]);
      expect(plan.stdout).toContain(`Plan: ${blocks.length} to import, 0 to add, ${blocks.length} to change, 0 to destroy.`);
      for (const { id } of blocks) expect(plan.stdout).toContain(`(imported from "${id}")`);
      // The check can fail: a second import onto one resource is refused.
      write([...blocks, { id: "songxanh.thu.gov.vn_999", to: blocks[0].to }]);
      expect(terraform("plan", "-input=false", "-no-color").stderr).toContain(`Duplicate import configuration for "${standIn(blocks[0].to)}"`);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });

  it("a decision left open fails the synth (ADOPT-001); a kept CNAME beside data (DNS-003), two SPF (DNS-007), an old apex address (ADOPT-002)", () => {
    run(DOICAT);
    const file = "<dir>/zones/doicat.songxanh.thu.gov.vn.yaml";
    const shown = (lines: string[]) => lines.map((line) => line.split(relative(process.cwd(), dir)).join("<dir>"));
    expect(shown(violations(loadProvince(dir)))).toEqual([
      `ADOPT-001 CNAME _dmarc dmarc.mailprovider.example in ${file} needs a decision`,
      `ADOPT-001 TXT lienhe v=spf1 include:_spf.example.net -all in ${file} needs a decision`,
      `ADOPT-001 TXT lienhe v=spf1 ip4:203.0.113.31 -all in ${file} needs a decision`,
    ]);
    flip("doicat.songxanh.thu.gov.vn", /decision: decide/g, "decision: keep");
    flip("doicat.songxanh.thu.gov.vn", /decision: replace, name: "", type: A,/, 'decision: keep, name: "", type: A,');
    expect(violations(loadProvince(dir))).toEqual([
      "DNS-003 _dmarc has a CNAME and 1 other record(s)",
      "DNS-007 lienhe has 2 SPF records",
      "ADOPT-002 kept A @ 203.0.113.30: the plan points @ at the gateway, and an old address beside it would send visitors elsewhere",
    ]);
  });

  it("a zone file for a zone the province does not declare is a config error", () => {
    mkdirSync(join(dir, "zones"));
    cpSync(join(FIXTURES, "doicat.songxanh.thu.gov.vn.zone"), join(root, "x"));
    writeFileSync(join(dir, "zones", "example.com.yaml"), `zone: example.com\nsource: { file: x, format: zone-file, sha256: ${"a".repeat(64)} }\nrecords: []\n`);
    expect(() => loadProvince(dir)).toThrow(ConfigError);
    try {
      loadProvince(dir);
    } catch (error) {
      expect((error as ConfigError).problems.map((problem) => [problem.message, problem.fix])).toEqual([["example.com is not a zone of this province (a new commune's or an old unit's domain)", 'remove the file, or correct the unit\'s domain in the config; did you mean "anphu.thu.gov.vn"?']]);
    }
  });
});

describe("one way to say that something exists already", () => {
  it("dnsimple.existingZones is refused, telling to run npm run adopt", () => {
    writeFileSync(join(dir, "settings.yaml"), TINY_SETTINGS.replace('dnsimple: { account: "1234",', 'dnsimple: { existingZones: [doicat.songxanh.thu.gov.vn], account: "1234",'));
    expect(() => loadProvince(dir)).toThrow(
      `${relative(process.cwd(), join(dir, "settings.yaml"))}, row 6: dnsimple.existingZones: no longer exists: a zone that exists already is adopted with its records, one file per zone under zones/ beside settings.yaml\n  fix: remove existingZones and, for each zone it listed, run npm run adopt -- <the zone's export> (README: Cut-over)`,
    );
  });

  it("a legacy tenant gets an import block with its id, in a form google 6.50.0 imports", () => {
    writeFileSync(join(dir, "settings.yaml"), `${TINY_SETTINGS}legacyTenants: { "00011": "projects/thu-project/tenants/doicat-1" }\n`);
    const found = synthProvince(loadProvince(dir)).flatMap((stack) => (stack.config as { import?: { id: string; to: string }[] }).import ?? []);
    expect(found).toEqual([{ id: "projects/thu-project/tenants/doicat-1", to: expect.stringMatching(/^google_identity_platform_tenant\.retired-00011_identity_tenant_[0-9A-F]{8}$/) }]);
    writeFileSync(join(dir, "settings.yaml"), `${TINY_SETTINGS}legacyTenants: { "00011": "tenants/doicat-1/x" }\n`);
    expect(() => loadProvince(dir)).toThrow("legacyTenants.00011: must be a tenant id as Terraform imports it: projects/<project>/tenants/<id>, <project>/<id> or <id>");
  });
});
