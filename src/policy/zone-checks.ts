import { domainProblem } from "../model/domain-name";
import { RULES } from "./rules";
import type { PolicyRule } from "./rules/rule";

/** A record as the checks see it: values that are references (tokens) are `undefined`. */
export interface CheckedRecord {
  readonly name: string;
  readonly type: string;
  readonly value?: string;
  readonly ttl?: number;
  readonly priority?: number;
  /** Kept from the zone as it was served before (config/<province>/zones/), not declared by the plan. */
  readonly adopted?: boolean;
}

/** TXT records of which a name holds one, or none applies (ADOPT-002's sources). */
const ONE_RECORD_NAMES: Readonly<Record<string, string>> = { _dmarc: "DMARC", "_mta-sts": "MTA-STS", "_smtp._tls": "TLS-RPT" };

export interface ZoneFacts {
  readonly zone: string;
  readonly records: readonly CheckedRecord[];
  /** Mail forwards declared for the zone's domain. */
  readonly forwardCount: number;
  readonly maxRecords: number;
  /** Names the app declares (managed zones and their records), shared-system targets and the gateway's addresses. */
  readonly declaredNames: ReadonlySet<string>;
  /** The province's parent domain: CNAME targets under it must be declared. */
  readonly parentDomain: string;
}

export interface Finding {
  readonly rule: PolicyRule;
  readonly message: string;
}

const SUPPORTED_TYPES = new Set(["A", "AAAA", "CNAME", "MX", "TXT", "CAA", "NS", "SRV", "ALIAS", "PTR", "SSHFP", "URL"]);
const SPF_LOOKUP = /^[+~?-]?(include:|a(:|$|\/)|mx(:|$|\/)|ptr|exists:|redirect=)/;

function spfProblems(value: string): string[] {
  const terms = value.split(/\s+/).slice(1);
  const problems: string[] = [];
  const lookups = terms.filter((term) => SPF_LOOKUP.test(term)).length;
  if (lookups > 10) problems.push(`needs ${lookups} DNS lookups (at most 10)`);
  if (terms.some((term) => /^[+~?-]?ptr/.test(term))) problems.push("uses ptr");
  if (!/[~-]all$/.test(value)) problems.push("does not end in ~all or -all");
  return problems;
}

function dmarcProblems(value: string): string[] {
  const tags = new Map(value.split(";").map((part) => part.trim()).filter(Boolean).map((part) => part.split("=").map((side) => side.trim()) as [string, string]));
  const problems: string[] = [];
  if (!value.startsWith("v=DMARC1")) problems.push("does not start with v=DMARC1");
  if (!tags.has("p")) problems.push("has no p= policy");
  for (const gone of ["pct", "rf", "ri"]) if (tags.has(gone)) problems.push(`uses ${gone}=, removed by RFC 9989`);
  return problems;
}

/** Every zone-level rule on one zone's records. */
export function checkZone(facts: ZoneFacts): Finding[] {
  const findings: Finding[] = [];
  const { zone, records } = facts;
  const fqdn = (name: string) => (name ? `${name}.${zone}` : zone);
  const at = (name: string) => records.filter((record) => record.name === name);
  const label = (record: CheckedRecord) => `${record.type} ${record.name || "@"}`;

  for (const record of records) {
    const problem = domainProblem(fqdn(record.name).replace(/(^|\.)_/g, "$1u"));
    if (problem) findings.push({ rule: RULES.dnsName, message: `${label(record)}: ${problem}` });
    if (!SUPPORTED_TYPES.has(record.type)) findings.push({ rule: RULES.recordFormat, message: `${label(record)}: type "${record.type}" is not an upper-case supported type` });
    if (record.name === "" && record.type === "NS") findings.push({ rule: RULES.recordFormat, message: "NS at the apex: the apex name servers are the provider's system records" });
    if (record.type === "TXT" && (record.value?.length ?? 0) > 1000) findings.push({ rule: RULES.recordFormat, message: `${label(record)}: TXT of ${record.value!.length} characters (at most 1000)` });
    if (record.ttl !== undefined && (record.ttl < 60 || record.ttl > 86400)) findings.push({ rule: RULES.ttl, message: `${label(record)}: TTL ${record.ttl} is outside 60-86400` });
    // Adopted records were reviewed in the zone's file: what they aim at is the province's own.
    if ((record.type === "A" || record.type === "AAAA") && !record.adopted) {
      if (record.value !== undefined && !facts.declaredNames.has(record.value)) findings.push({ rule: RULES.undeclaredTarget, message: `${label(record)}: address ${record.value} is not the gateway's` });
    }
    if (record.type === "CNAME" && record.value !== undefined) {
      const target = record.value.replace(/\.$/, "");
      if (record.name === "") findings.push({ rule: RULES.apexCname, message: `CNAME at the apex of ${zone}` });
      if (target === zone || target.endsWith(`.${zone}`)) {
        const name = target === zone ? "" : target.slice(0, -(zone.length + 1));
        if (at(name).length === 0) findings.push({ rule: RULES.dangling, message: `${label(record)}: aims at ${target}, which has no record in ${zone}` });
      } else if (target.endsWith(`.${facts.parentDomain}`) && !facts.declaredNames.has(target) && !record.adopted) {
        findings.push({ rule: RULES.undeclaredTarget, message: `${label(record)}: aims at ${target}, which the app does not declare` });
      }
    }
  }

  const seen = new Map<string, number>();
  const ttls = new Map<string, Set<number | undefined>>();
  for (const record of records) {
    const key = JSON.stringify([record.name, record.type, record.value, record.priority]);
    seen.set(key, (seen.get(key) ?? 0) + 1);
    const set = `${record.type} ${record.name || "@"}`;
    ttls.set(set, (ttls.get(set) ?? new Set()).add(record.ttl));
  }
  for (const [key, count] of seen) {
    const [name, type, value] = JSON.parse(key) as [string, string, string | null];
    // A reference is compared by Terraform, not here.
    if (count > 1 && value !== null) findings.push({ rule: RULES.duplicate, message: `${type} ${name || "@"} ${value} is declared ${count} times` });
  }
  for (const [set, values] of ttls) if (values.size > 1) findings.push({ rule: RULES.ttl, message: `${set}: ${values.size} different TTLs in one record set` });

  for (const name of new Set(records.map((record) => record.name))) {
    const here = at(name);
    if (here.some((record) => record.type === "CNAME") && here.length > 1) findings.push({ rule: RULES.cnameAlone, message: `${name || "@"} has a CNAME and ${here.length - 1} other record(s)` });
    const spf = here.filter((record) => record.type === "TXT" && record.value?.startsWith("v=spf1"));
    if (spf.length > 1) findings.push({ rule: RULES.spf, message: `${name || "@"} has ${spf.length} SPF records` });
    for (const record of spf) for (const problem of spfProblems(record.value!)) findings.push({ rule: RULES.spf, message: `SPF at ${name || "@"} ${problem}` });
  }
  for (const record of records.filter((r) => r.name === "_dmarc" && r.type === "TXT" && r.value)) {
    for (const problem of dmarcProblems(record.value!)) findings.push({ rule: RULES.dmarc, message: `DMARC of ${zone} ${problem}` });
  }

  const caa = at("").filter((record) => record.type === "CAA").map((record) => record.value ?? "");
  if (!caa.includes('0 issue "pki.goog"') || !caa.some((value) => value.startsWith("0 issuewild "))) {
    findings.push({ rule: RULES.caa, message: `the apex of ${zone} lacks CAA issue "pki.goog" or an explicit issuewild` });
  }
  if (records.length > facts.maxRecords) findings.push({ rule: RULES.zoneSize, message: `${zone} has ${records.length} records (at most ${facts.maxRecords})` });

  findings.push(...mailModeFindings(facts), ...keptRecordFindings(records));
  return findings;
}

/** ADOPT-002: kept records that cannot stand beside what the plan declares. */
function keptRecordFindings(records: readonly CheckedRecord[]): Finding[] {
  const findings: Finding[] = [];
  const plan = records.filter((record) => !record.adopted);
  const delegated = new Set(plan.filter((record) => record.type === "NS" && record.name !== "").map((record) => record.name));
  for (const record of records.filter((candidate) => candidate.adopted)) {
    const at = `${record.type} ${record.name || "@"} ${record.value ?? ""}`.trimEnd();
    const beside = plan.filter((candidate) => candidate.name === record.name && candidate.type === record.type);
    const cut = [...delegated].find((name) => record.name === name || record.name.endsWith(`.${name}`));
    if (cut !== undefined) {
      findings.push({ rule: RULES.unkeepable, message: `kept ${at}: ${cut} is delegated to its own zone, which hides this record` });
    } else if ((record.type === "A" || record.type === "AAAA") && beside.length > 0) {
      findings.push({ rule: RULES.unkeepable, message: `kept ${at}: the plan points ${record.name || "@"} at the gateway, and an old address beside it would send visitors elsewhere` });
    } else if (record.type === "TXT" && ONE_RECORD_NAMES[record.name] && beside.length > 0) {
      findings.push({ rule: RULES.unkeepable, message: `kept ${at}: a second ${ONE_RECORD_NAMES[record.name]} record beside the plan's, so neither applies` });
    }
  }
  return findings;
}

function mailModeFindings(facts: ZoneFacts): Finding[] {
  const apex = facts.records.filter((record) => record.name === "");
  const mx = apex.filter((record) => record.type === "MX");
  const spf = apex.find((record) => record.type === "TXT" && record.value?.startsWith("v=spf1"))?.value;
  const dmarc = facts.records.find((record) => record.name === "_dmarc" && record.type === "TXT")?.value;
  const has = (name: string) => facts.records.some((record) => record.name === name && record.type === "TXT");
  const missing = (what: string[]) => (what.length ? [{ rule: RULES.mailMode, message: `${facts.zone}: ${what.join(", ")}` }] : []);

  const nullMx = mx.some((record) => record.value === ".");
  if (nullMx) {
    return missing([
      ...(mx.length > 1 || facts.forwardCount > 0 ? ["a null MX must stand alone (no other MX, no forwards)"] : []),
      ...(spf === "v=spf1 -all" ? [] : ['no-mail mode needs SPF "v=spf1 -all"']),
      ...(dmarc?.includes("p=reject") ? [] : ["no-mail mode needs DMARC p=reject"]),
    ]);
  }
  if (facts.forwardCount > 0) return missing(mx.length > 0 ? ["a forwarding domain declares no MX (DNSimple places its own)"] : []);
  if (mx.length === 0) return missing(["no mail mode: declare hosted mail, forwards, or a null MX"]);
  return missing([
    ...(mx.length >= 2 ? [] : ["hosted mail needs at least 2 MX"]),
    ...(spf ? [] : ["hosted mail needs SPF"]),
    ...(dmarc ? [] : ["hosted mail needs DMARC"]),
    ...(has("_mta-sts") ? [] : ["hosted mail needs MTA-STS"]),
    ...(has("_smtp._tls") ? [] : ["hosted mail needs TLS-RPT"]),
  ]);
}
