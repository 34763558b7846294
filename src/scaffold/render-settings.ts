import { FLAT_COMMUNE_DOMAIN_PATTERN, OLD_COMMUNE_DOMAIN_PATTERN, OLD_DISTRICT_DOMAIN_PATTERN } from "./domains";
import { MAX_RECORDS_PER_ZONE, NAME_SERVERS, type ProvincePlan } from "./plan";

/** A YAML scalar: JSON's double-quoted string is valid YAML and keeps any name intact. */
const quote = (value: string) => JSON.stringify(value);

/** A YAML flow mapping of the entries that are set: `{ code: "593", parentDomain: binhthuan.gov.vn }`. */
function flow(entries: readonly [string, string | undefined][]): string {
  return `{ ${entries.filter(([, value]) => value !== undefined).map(([key, value]) => `${key}: ${value}`).join(", ")} }`;
}

/** Google's defaults for organizations created since May 2024 (DEFAULT_ORGANIZATION_POLICIES), written out to confirm. */
const ORGANIZATION_POLICIES = "organizationPolicies: { domainRestrictedSharing: true, publicAccessPrevention: true }";

/** Pads a line to the comment column, as the hand-written settings align their comments. */
const withComment = (line: string, comment: string) => `${line.padEnd(39)} # ${comment}`;

export interface SettingsText {
  readonly plan: ProvincePlan;
  readonly communeShards: number;
  /** How the header says the config was made, e.g. "from the bundled data data/vn-2025/lam-dong/". */
  readonly origin: string;
}

/**
 * The rollout report's administrative form (Nghị định 30/2020/NĐ-CP) as the data gives it: the province's people's
 * committee over its Department of Science and Technology (which took over digital transformation in 2025), the
 * province's short name as the place. Only what nobody can know yet is left to fill: the number (the clerk's, once
 * the report is registered) and the signer's name.
 */
function reportForm(name: string): string[] {
  const match = /^(Tỉnh|Thành phố) (.+)$/.exec(name);
  const kind = (match?.[1] ?? "Tỉnh").toLocaleLowerCase("vi");
  const place = match?.[2] ?? name;
  return [
    "# The rollout report's form (npm run report).",
    "report:",
    withComment(`  parentBody: ${quote(`UBND ${kind} ${place}`)}`, "to confirm: cơ quan chủ quản (\"\" when the issuer has none)"),
    withComment("  issuer: Sở Khoa học và Công nghệ", "to confirm: the department that signs the report"),
    withComment('  number: "      /BC-SKHCN"', "the clerk writes the number when the report is registered"),
    `  place: ${quote(place)}`,
    "  recipients:",
    `    - UBND ${kind} (để báo cáo)`,
    `    - Các sở, ban, ngành ${kind}`,
    "    - UBND các xã, phường, đặc khu",
    '    - "Lưu: VT, CĐS"',
    withComment("  signer: { authority: KT. GIÁM ĐỐC, position: PHÓ GIÁM ĐỐC }", "PLACEHOLDER: add name: the signer's full name"),
  ];
}

/**
 * settings.yaml in the layout of config/binh-thuan/settings.yaml: every value the scaffold decided carries a
 * "to confirm" comment (DECISIONS.md gives each reason), every value nobody knows yet is marked PLACEHOLDER.
 */
export function renderSettings({ plan, communeShards, origin }: SettingsText): string {
  const lines = [
    ...provinceLines(plan, origin),
    "",
    ...serviceLines(plan.label, plan.parentDomain),
    "",
    ...reportForm(plan.name),
    "",
    ...districtLines(plan),
    "",
    ...takeoverLines(plan),
    "",
    ...stackAndEnvironmentLines(plan.label, plan.parentDomain, communeShards),
  ];
  return lines.join("\n") + "\n";
}

/** The header, and who the province is: name, domains and their default patterns (with an example each), buckets. */
function provinceLines(plan: ProvincePlan, origin: string): string[] {
  const { name, label, parentDomain, folder, domains, source } = plan;
  // Examples of the default patterns, from units they apply to.
  const commune = source.oldRows.find((row) => row.domain === undefined && !domains.oldDomains.has(row.code) && !domains.districts.get(row.district)!.communeDomainPattern);
  const district = [...domains.districts].find(([, naming]) => !naming.label)?.[0];
  return [
    `# Settings of ${name}'s commune infrastructure, scaffolded by \`npm run new-province -- ${folder}\` ${origin}.`,
    "# The reference of every key is in the README (\"The config contract\", \"Every province: the scaffold\").",
    "# Values marked PLACEHOLDER are not known yet: they synthesize, and must be replaced before a real deploy.",
    "# Values marked \"to confirm\" are the scaffold's decisions, each made by a rule the README states; DECISIONS.md",
    "# lists every one with its reason. Confirm them with the province's IT department before the first deploy.",
    "",
    withComment(`province: ${quote(name)}`, "to confirm: the province's name as its documents write it"),
    withComment(`parentDomain: ${parentDomain}`, "to confirm: the province's domain under which commune domains are delegated"),
    withComment("parentZoneManaged: false", "the parent zone is run by the province's own DNS: hand it the name servers"),
    withComment(`oldCommuneDomainPattern: ${quote(OLD_COMMUNE_DOMAIN_PATTERN)}`, `to confirm${commune ? `: e.g. ${domains.naming.oldDomain(commune)}` : ""}`),
    withComment(`oldDistrictDomainPattern: ${quote(OLD_DISTRICT_DOMAIN_PATTERN)}`, `to confirm${district ? `: e.g. ${domains.naming.districtDomain(district)}` : ""}`),
    withComment('cutoverDate: "2025-07-01"', "the two-tier model took effect; archives are read-only from this date"),
    withComment(`bucketPrefix: ${label}`, "to confirm: bucket names are global and cannot be renamed"),
  ];
}

/** The services the province runs or uses: GCP, DNSimple, mail, retired mail and archives, shared systems, SSO, the plan. */
function serviceLines(label: string, parentDomain: string): string[] {
  return [
    "gcp:",
    withComment(`  project: placeholder-${label}`, "PLACEHOLDER: the offline environment's project id"),
    "  region: asia-southeast1",
    "",
    "dnsimple:",
    '  account: "PLACEHOLDER-dnsimple-account"',
    `  nameServers: [${NAME_SERVERS.join(", ")}]`,
    withComment(`  maxRecordsPerZone: ${MAX_RECORDS_PER_ZONE}`, "Solo and Teams plans"),
    "",
    "mail:",
    withComment("  hosts:", "to confirm: the province's official mail service (thư điện tử công vụ)"),
    `    - { host: mx1.mail.${parentDomain}, priority: 10 }`,
    `    - { host: mx2.mail.${parentDomain}, priority: 20 }`,
    `  spfMechanisms: ["include:_spf.mail.${parentDomain}"]`,
    withComment("  dkim: []", "PLACEHOLDER: { selector, publicKey } pairs from the mail service"),
    `  dmarc: { policy: quarantine, reportTo: dmarc@${parentDomain} }`,
    `  tlsReportTo: tlsrpt@${parentDomain}`,
    withComment("  mtaStsMode: testing", "move to enforce once TLS reports are clean"),
    "",
    "retirement:",
    withComment('  forwardMailbox: "vanthu@{successor}"', "văn thư: the successor's official inbox"),
    "  roleAddresses: [ubnd, vanthu, tiepdan, mail]",
    "  archiveRetentionDays: 3650",
    "  # migrationWindow: when the successors' admins may copy the old portals into the archives (to fill).",
    "",
    withComment("sharedSystems:", "to confirm: the province's shared systems, reached as <label>.<commune domain>"),
    `  - { label: qlvb, target: qlvb.${parentDomain}, purpose: Quản lý văn bản và điều hành }`,
    `  - { label: dichvucong, target: dichvucong.${parentDomain}, purpose: Hệ thống thông tin giải quyết thủ tục hành chính }`,
    `  - { label: hop, target: hop.${parentDomain}, purpose: Hội nghị truyền hình trực tuyến }`,
    "",
    withComment(`portalAdminGroup: "portal-admins-{label}@${parentDomain}"`, "PLACEHOLDER: the Google groups of each commune's admins"),
    "",
    "# sso: the province's central authentication (xác thực người dùng tập trung), once its metadata is known:",
    "#   { kind: saml, displayName: ..., entityId: ..., ssoUrl: https://..., certificate: \"MII...\" }",
    "",
    "plan:",
    withComment("  milestones: []", "to fill: the milestones of the province's plan (kế hoạch): { key, due, short, label }"),
  ];
}

/** Old districts, abolished on 1 July 2025, by the province they belonged to, each with what the scaffold decided. */
function districtLines({ oldProvinces, parentDomain, source, domains, districtSuccessors }: ProvincePlan): string[] {
  const lines = ["# Old districts, abolished on 1 July 2025, by the province they belonged to. Codes are the GSO district codes.", "districts:"];
  for (const province of oldProvinces) {
    const own = province.domain === parentDomain;
    lines.push(`  # ${province.name} (${province.code}): old portals under ${province.domain}${own ? "" : " (parentDomain)"} — to confirm`);
    for (const district of source.districts.values()) {
      if (district.old_province !== province.name) continue;
      const naming = domains.districts.get(district.name)!;
      const successor = districtSuccessors.get(district.name);
      const entry = flow([
        ["code", quote(district.code)],
        ["parentDomain", naming.parentDomain],
        ["label", naming.label],
        ["communeDomainPattern", naming.communeDomainPattern && quote(naming.communeDomainPattern)],
        ["successor", successor && quote(successor)],
      ]);
      const why = [
        naming.label && "label: its name folds to another district's domain",
        naming.communeDomainPattern === FLAT_COMMUNE_DOMAIN_PATTERN && "communeDomainPattern: too many old communes to delegate from its zone",
        successor && "successor: none of its new units carries its name",
      ].filter(Boolean);
      if (why.length > 0) lines.push(`  # to confirm (DECISIONS.md): ${why.join("; ")}`);
      lines.push(`  ${quote(district.name)}: ${entry}`);
    }
  }
  return lines;
}

/** Takeovers: a new unit whose domain an old unit used. */
function takeoverLines({ domains }: ProvincePlan): string[] {
  if (domains.takeovers.length === 0) return ["takeovers: {}                           # no new unit's domain was an old unit's"];
  return [
    "# A new unit whose domain an old unit used takes it over; the old portal stays readable at luutru.<domain>.",
    "# To confirm (DECISIONS.md): each is the old unit's successor, and its zone fits the delegations below it.",
    "takeovers:",
    ...domains.takeovers.map((takeover) => `  ${takeover.domain}: ${flow([["newUnit", quote(takeover.newUnit)], ["reason", quote(takeover.reason)]])}`),
  ];
}

/** The stacks' sharding, legacy tenants, and the two deployable environments. */
function stackAndEnvironmentLines(label: string, parentDomain: string, communeShards: number): string[] {
  return [
    "# Communes are spread over stacks by code, each with its old units; each stack stays well under 1,000 resources",
    "# (plan time, API rate limit).",
    withComment(`stacks: { communeShards: ${communeShards} }`, "to confirm: sized by the scaffold (DECISIONS.md)"),
    "",
    withComment("legacyTenants: {}", "PLACEHOLDER: old unit code → its existing tenant id, if any had one"),
    "",
    "# ENV=staging / ENV=production. Without ENV, synth is \"offline\": production's names, placeholder project, local",
    "# state, no credentials. Staging rehearses production in the real DNSimple account, every name under",
    `# <subdomain>.${parentDomain} and every bucket -stg- (README: Environments and state); each has its own project.`,
    "# organizationPolicies: whether the project's organization enforces the constraints that refuse the portals' and",
    "# archive's public read (true refuses the synth with the exception to request; README \"Organization policies\").",
    "environments:",
    "  staging:",
    withComment(`    gcpProject: placeholder-${label}-stg`, "PLACEHOLDER"),
    withComment('    dnsimpleAccount: "PLACEHOLDER-dnsimple-account"', "the real account, as production's"),
    withComment("    subdomain: staging", `to confirm: staging's names end in .staging.${parentDomain}`),
    withComment(`    stateBucket: placeholder-${label}-tfstate-stg`, "PLACEHOLDER: versioned GCS bucket for Terraform state"),
    withComment(`    ${ORGANIZATION_POLICIES}`, "to confirm"),
    "  production:",
    withComment(`    gcpProject: placeholder-${label}-prod`, "PLACEHOLDER"),
    '    dnsimpleAccount: "PLACEHOLDER-dnsimple-account"',
    withComment(`    stateBucket: placeholder-${label}-tfstate`, "PLACEHOLDER: versioned GCS bucket for Terraform state"),
    withComment(`    ${ORGANIZATION_POLICIES}`, "to confirm"),
  ];
}
