import { CERTIFICATE_LIMITS, URL_MAP_LIMITS } from "../model/cloud-limits";
import { urlMapUsage } from "../synth/url-map-usage";
import { defaultAuthorizedDomains } from "../constructs/identity-platform-project";
import { PROJECT_APIS, type ProjectApi } from "../constructs/project-apis";
import { GCP_RESOURCE_NAME } from "../model/cloud-names";
import { isStandInAddress } from "../model/gateway-addresses";
import { DNSIMPLE_PROVIDER_VERSION, TERRAFORM_REQUIRED_VERSION } from "../model/provider-versions";
import type { PolicyRule } from "./rules/rule";
import { RULES } from "./rules";
import { dataSourcesIn, resourcesIn, type SynthesizedResource, type SynthesizedStack } from "../synth/terraform-json";

/** A finding on the synthesized Terraform: the rule, where (a construct path or stack/address), and what. */
export interface OutputFinding {
  readonly rule: PolicyRule;
  readonly path: string;
  readonly message: string;
}

/** The API each Google resource type needs, by its type's prefix. */
const API_OF_TYPE: readonly [string, ProjectApi][] = [
  ["google_compute_", "compute"],
  ["google_certificate_manager_", "certificateManager"],
  ["google_identity_platform_", "identityToolkit"],
  ["google_storage_", "storage"],
];

/** Resource types named by Compute Engine and Certificate Manager's rules for resource names. */
const NAMED_TYPES = /^google_(compute|certificate_manager)_/;

const EXPIRY = /request\.time\s*<\s*timestamp\("([^"]+)"\)/g;

function projectOf(stack: SynthesizedStack): string | undefined {
  return stack.config.provider?.google?.[0]?.project as string | undefined;
}

/**
 * The rules a synth can check only on the Terraform it writes: what a real `terraform apply` on Google Cloud
 * and DNSimple would refuse or get wrong (each rule cites where), and the hard limits of the clouds. None depends
 * on the day: IAM-003 is a warning, asked separately (expiredConditions).
 */
export function checkSynthesizedStacks(stacks: readonly SynthesizedStack[]): OutputFinding[] {
  const findings: OutputFinding[] = [];
  const find = (rule: PolicyRule, where: SynthesizedResource | string, message: string) => findings.push({ rule, path: typeof where === "string" ? where : where.path, message });

  for (const stack of stacks) {
    const terraform = stack.config.terraform ?? {};
    if (terraform.required_version !== TERRAFORM_REQUIRED_VERSION) find(RULES.providerVersions, stack.name, `requires Terraform "${terraform.required_version ?? "any"}", not "${TERRAFORM_REQUIRED_VERSION}"`);
    const dnsimple = terraform.required_providers?.dnsimple;
    if (dnsimple && dnsimple.version !== DNSIMPLE_PROVIDER_VERSION) find(RULES.providerVersions, stack.name, `runs dnsimple provider ${dnsimple.version}, not ${DNSIMPLE_PROVIDER_VERSION}`);
  }

  for (const lookup of dataSourcesIn(stacks, "terraform_remote_state")) {
    find(RULES.noStateReads, lookup, `reads another stack's state (backend ${String(lookup.attributes.backend)}): its plan fails ("Unable to find remote state") until that stack has been applied`);
  }
  checkStandIns(stacks, find);

  for (const domain of resourcesIn(stacks, "dnsimple_domain")) {
    if (domain.attributes.prevent_delete !== true) find(RULES.preventDelete, domain, `${String(domain.attributes.name)} has no prevent_delete`);
  }

  // Every resource once; the rules below that look at many types filter this list.
  const all = resourcesIn(stacks);
  checkApis(all, find);

  for (const resource of all.filter((candidate) => NAMED_TYPES.test(candidate.type))) {
    const name = resource.attributes.name;
    if (typeof name === "string" && !GCP_RESOURCE_NAME.test(name)) find(RULES.gcpNames, resource, `name "${name}" does not match ${GCP_RESOURCE_NAME.source}`);
  }

  for (const urlMap of resourcesIn(stacks, "google_compute_url_map")) {
    const usage = urlMapUsage(urlMap);
    const over: [string, number, number][] = [
      ["bytes", usage.bytes, URL_MAP_LIMITS.bytes],
      ["host rules", usage.hostRules, URL_MAP_LIMITS.hostRules],
      ["path matchers", usage.pathMatchers, URL_MAP_LIMITS.pathMatchers],
      ["hosts in one host rule", usage.maxHostsPerHostRule, URL_MAP_LIMITS.hostsPerHostRule],
      ["route rules in one path matcher", usage.maxRouteRules, URL_MAP_LIMITS.routeRulesPerPathMatcher],
      ["predicates in one path matcher", usage.maxPredicates, URL_MAP_LIMITS.predicatesPerPathMatcher],
      ["distinct backends", usage.distinctBackends, URL_MAP_LIMITS.distinctBackends],
    ];
    for (const [what, used, limit] of over) if (used > limit) find(RULES.urlMapLimits, urlMap, `${used} ${what} (at most ${limit})`);
  }
  for (const entry of resourcesIn(stacks, "google_certificate_manager_certificate_map_entry")) {
    const certificates = (entry.attributes.certificates as unknown[] | undefined)?.length ?? 0;
    if (certificates > CERTIFICATE_LIMITS.certificatesPerMapEntry) find(RULES.certificateLimits, entry, `${certificates} certificates in one map entry (at most ${CERTIFICATE_LIMITS.certificatesPerMapEntry})`);
  }
  for (const certificate of resourcesIn(stacks, "google_certificate_manager_certificate")) {
    const domains = (certificate.attributes.managed as { domains?: unknown[] } | undefined)?.domains?.length ?? 0;
    if (domains > CERTIFICATE_LIMITS.domainsPerDnsAuthorizedCertificate) find(RULES.certificateLimits, certificate, `${domains} domains in one certificate (at most ${CERTIFICATE_LIMITS.domainsPerDnsAuthorizedCertificate})`);
  }

  for (const config of resourcesIn(stacks, "google_identity_platform_config")) {
    const project = projectOf(stacks.find((stack) => stack.name === config.stack)!);
    const authorized = (config.attributes.authorized_domains as string[] | undefined) ?? [];
    const dropped = project ? defaultAuthorizedDomains(project).filter((domain) => !authorized.includes(domain)) : [];
    if (dropped.length > 0) find(RULES.authorizedDefaults, config, `authorized_domains drops the project's defaults ${dropped.join(", ")}`);
  }
  return findings;
}

/** TF-003: an address record that carries a stand-in of the gateway's addresses waits for a check (a terraform_data precondition) of its stack. */
function checkStandIns(stacks: readonly SynthesizedStack[], find: (rule: PolicyRule, where: SynthesizedResource | string, message: string) => void): void {
  const checks = new Set(resourcesIn(stacks, "terraform_data").filter((check) => (check.attributes.lifecycle as { precondition?: unknown[] } | undefined)?.precondition?.length).map((check) => `${check.stack} terraform_data.${check.address}`));
  for (const record of resourcesIn(stacks, "dnsimple_zone_record")) {
    const value = String(record.attributes.value);
    if (!["A", "AAAA"].includes(String(record.attributes.type)) || !isStandInAddress(value)) continue;
    const waits = ((record.attributes.depends_on as string[] | undefined) ?? []).some((target) => checks.has(`${record.stack} ${target}`));
    if (!waits) find(RULES.standInAddresses, record, `publishes the stand-in ${value} without waiting for the check that refuses to apply it`);
  }
}

/**
 * API-001: the platform stack (the one that declares google_project_service) enables every API some stack's
 * resources need, keeps it on destroy, and its own resources wait for their API. Other stacks deploy after it.
 */
function checkApis(all: readonly SynthesizedResource[], find: (rule: PolicyRule, where: SynthesizedResource | string, message: string) => void): void {
  const services = all.filter((resource) => resource.type === "google_project_service");
  const enabled = new Map(services.map((service) => [String(service.attributes.service), service]));
  for (const service of services) {
    if (service.attributes.disable_on_destroy !== false) find(RULES.apis, service, `${String(service.attributes.service)} would be disabled on destroy`);
  }
  const needed = new Map<ProjectApi, SynthesizedResource>();
  for (const resource of all.filter((candidate) => candidate.type.startsWith("google_") && candidate.type !== "google_project_service")) {
    const api = API_OF_TYPE.find(([prefix]) => resource.type.startsWith(prefix))?.[1];
    if (!api) {
      find(RULES.apis, resource, `${resource.type}: no API is known for this type`);
      continue;
    }
    if (!needed.has(api)) needed.set(api, resource);
    const service = enabled.get(PROJECT_APIS[api]);
    if (service && service.stack === resource.stack) {
      const waits = ((resource.attributes.depends_on as string[] | undefined) ?? []).includes(`google_project_service.${service.address}`);
      if (!waits) find(RULES.apis, resource, `does not wait for ${PROJECT_APIS[api]} to be enabled`);
    }
  }
  for (const [api, example] of needed) {
    if (!enabled.has(PROJECT_APIS[api])) find(RULES.apis, example, `${PROJECT_APIS[api]} is needed (${example.type}) but no google_project_service enables it`);
  }
}

/**
 * IAM-003, a warning: grants whose condition ended before `today` (YYYY-MM-DD, Vietnam) grant nothing. Asked by the
 * synth command after the synth, never by the synth itself, so that the day changes the warnings and not the
 * Terraform. One finding per instant (a province-wide migration window conditions a grant per archive): how many
 * grants end then, and the first of them.
 */
export function expiredConditions(stacks: readonly SynthesizedStack[], today: string): OutputFinding[] {
  const byInstant = new Map<string, SynthesizedResource[]>();
  for (const member of resourcesIn(stacks).filter((resource) => /_iam_(member|binding)$/.test(resource.type))) {
    const expression = (member.attributes.condition as { expression?: string } | undefined)?.expression ?? "";
    for (const [, instant] of expression.matchAll(EXPIRY)) {
      if (new Date(instant).getTime() <= new Date(`${today}T00:00:00+07:00`).getTime()) byInstant.set(instant, [...(byInstant.get(instant) ?? []), member]);
    }
  }
  return [...byInstant].map(([instant, [first, ...others]]) => ({
    rule: RULES.expiredCondition,
    path: first.path,
    message:
      others.length === 0
        ? `grants ${String(first.attributes.role)} to ${String(first.attributes.member)} only before ${instant}, which has passed: it grants nothing`
        : `grants ${String(first.attributes.role)} to ${String(first.attributes.member)}, and ${others.length} other grant${others.length === 1 ? "" : "s"}, only before ${instant}, which has passed: they grant nothing`,
  }));
}
