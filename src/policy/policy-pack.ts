import { EmailForward } from "@cdktf/provider-dnsimple/lib/email-forward";
import { ZoneRecord } from "@cdktf/provider-dnsimple/lib/zone-record";
import { Annotations, type IAspect, TerraformResource } from "cdktf";
import type { IConstruct } from "constructs";
import { DnsZone, literal } from "../constructs/dns-zone";
import { PROTECTED_TYPES } from "../model/protected-types";
import { HSTS_HEADER, PUBLIC_READER_ROLE } from "../constructs/site-bucket";
import type { Settings } from "../model/settings";
import type { Province } from "../model/province";
import { checkEnvironmentsApart, ENVIRONMENTS_PATH } from "./environment-checks";
import type { DeployEnvironment } from "../model/environment";
import { checkOrganizationPolicies } from "./organization-policies";
import { checkSynthesizedStacks } from "./output-checks";
import { JUDGED_TYPES, UNLISTED_TYPE } from "./resource-types";
import { RULES } from "./rules";
import type { PolicyRule } from "./rules/rule";
import type { SynthesizedStack } from "../synth/terraform-json";
import { type CheckedRecord, checkZone, type Finding } from "./zone-checks";

export interface PolicyViolation {
  readonly rule: string;
  readonly path: string;
  readonly message: string;
  readonly fix: string;
}

export interface SuppressedViolation extends PolicyViolation {
  readonly reason: string;
}

export interface PolicyPackProps {
  readonly settings: Settings;
  /** Every domain and hostname the app declares, plus shared-system targets and the gateway's addresses (for DNS-011). */
  readonly declaredNames: ReadonlySet<string>;
  /** Where the synth is meant to be deployed: its organization's policies (ORG-001, ORG-002). */
  readonly environment?: DeployEnvironment;
}

type Attributes = Record<string, unknown>;
const BASIC_ROLES = new Set(["roles/owner", "roles/editor", "roles/viewer"]);
const PUBLIC_MEMBERS = new Set(["allUsers", "allAuthenticatedUsers"]);
/** Cloud Storage roles that only read (IAM-002); of them, only PUBLIC_READER_ROLE lists nothing (IAM-004). */
const READ_ONLY_ROLES = new Set(["roles/storage.objectViewer", PUBLIC_READER_ROLE]);
/** Types whose attributes a rule reads (reading them costs a toTerraform per resource). */
const CHECKED_TYPES = new Set([
  "google_storage_bucket",
  "google_storage_bucket_iam_member",
  "google_storage_bucket_iam_binding",
  "google_storage_managed_folder_iam_member",
  "google_storage_managed_folder_iam_binding",
  "google_project_iam_member",
  "google_project_iam_binding",
  "google_compute_target_https_proxy",
  "google_compute_ssl_policy",
  "google_compute_url_map",
  "google_compute_backend_bucket",
  "google_identity_platform_tenant",
  "google_identity_platform_config",
]);

function attributesOf(resource: TerraformResource): Attributes {
  const synthesized = resource.toTerraform() as { resource: Record<string, Record<string, Attributes>> };
  return Object.values(synthesized.resource[resource.terraformResourceType])[0];
}

const get = (attributes: Attributes, path: string): unknown =>
  path.split(".").reduce<unknown>((value, key) => (value && typeof value === "object" ? (value as Attributes)[key] : undefined), attributes);

/** The backends a URL map's host rules serve: its path matchers' defaults, path rules and route rules. */
function siteBackends(urlMap: Attributes): Set<string> {
  const matchers = (urlMap.path_matcher as Attributes[] | undefined) ?? [];
  return new Set(
    matchers.flatMap((matcher) => [matcher.default_service, ...[...((matcher.path_rules as Attributes[] | undefined) ?? []), ...((matcher.route_rules as Attributes[] | undefined) ?? [])].map((rule) => rule.service)]).filter((service): service is string => typeof service === "string"),
  );
}

/**
 * Security and DNS rules as code, added as an Aspect to every stack. A violation is an error annotation on the
 * offending construct (so synth fails) and an entry in `violations`; a suppression in the settings (rule id,
 * optional unit, reason) turns it into an entry of `suppressed`, which the rollout report lists.
 */
export class PolicyPack implements IAspect {
  private readonly found = new Map<string, PolicyViolation>();
  private readonly waived = new Map<string, SuppressedViolation>();
  private zoneIndex?: { records: Map<string, ZoneRecord[]>; forwards: Map<string, number> };
  /** Aspects run again at synth; a construct checked once is not checked twice. */
  private readonly checked = new WeakSet<IConstruct>();

  constructor(private readonly props: PolicyPackProps) {}

  get violations(): PolicyViolation[] {
    return [...this.found.values()];
  }

  get suppressed(): SuppressedViolation[] {
    return [...this.waived.values()];
  }

  visit(node: IConstruct): void {
    if (this.checked.has(node)) return;
    this.checked.add(node);
    const findings = node instanceof DnsZone ? this.zoneFindings(node) : node instanceof TerraformResource ? this.resourceFindings(node) : [];
    for (const finding of findings) this.record(node, finding);
  }

  private record(node: IConstruct, finding: Finding): void {
    if (this.recordAt(node.node.path, finding)) Annotations.of(node).addError(`[${finding.rule.id}] ${finding.message} (fix: ${finding.rule.fix})`);
  }

  /** Records a finding unless a suppression waives it; true when it is a new violation. */
  private recordAt(path: string, { rule, message }: Finding): boolean {
    const key = `${rule.id} ${path} ${message}`;
    if (this.found.has(key) || this.waived.has(key)) return false;
    const violation = { rule: rule.id, path, message, fix: rule.fix };
    const suppression = this.props.settings.suppressions.find((candidate) => candidate.rule === rule.id && (!candidate.unit || new RegExp(`/(commune|retired)-${candidate.unit}(/|$)`).test(path)));
    if (suppression) {
      this.waived.set(key, { ...violation, reason: suppression.reason });
      return false;
    }
    this.found.set(key, violation);
    return true;
  }

  /**
   * The rules that need the Terraform a synth writes (src/policy/output-checks.ts), run on the province's stacks
   * once they are synthesized; their violations join the others.
   */
  checkSynthesized(stacks: readonly SynthesizedStack[]): void {
    for (const { path, ...finding } of checkSynthesizedStacks(stacks)) this.recordAt(path, finding);
    if (this.props.environment) for (const { path, ...finding } of checkOrganizationPolicies(stacks, this.props.environment)) this.recordAt(path, finding);
  }

  /**
   * The rules on the province's environments as a whole (src/policy/environment-checks.ts): `province` in
   * production's names, as the config gives it. Their violations join the others, before any stack is written.
   */
  checkEnvironments(province: Province): void {
    for (const finding of checkEnvironmentsApart(province)) this.recordAt(ENVIRONMENTS_PATH, finding);
  }

  private readonly stacks: IConstruct[] = [];

  /** Called by each stack of the province: zone rules look at records across all of them, and no others. */
  register(stack: IConstruct): void {
    this.stacks.push(stack);
  }

  /** Records and forwards of the province, by zone: a zone's delegations may be declared in other stacks. */
  private index() {
    if (this.zoneIndex) return this.zoneIndex;
    const records = new Map<string, ZoneRecord[]>();
    const forwards = new Map<string, number>();
    for (const construct of this.stacks.flatMap((stack) => stack.node.findAll())) {
      if (construct instanceof ZoneRecord && construct.zoneNameInput) {
        const inZone = records.get(construct.zoneNameInput);
        if (inZone) inZone.push(construct);
        else records.set(construct.zoneNameInput, [construct]);
      }
      if (construct instanceof EmailForward && construct.domainInput) forwards.set(construct.domainInput, (forwards.get(construct.domainInput) ?? 0) + 1);
    }
    this.zoneIndex = { records, forwards };
    return this.zoneIndex;
  }

  private zoneFindings(zone: DnsZone): Finding[] {
    const { records, forwards } = this.index();
    const checked: CheckedRecord[] = (records.get(zone.domain) ?? []).map((record) => ({
      name: record.nameInput ?? "",
      type: record.typeInput ?? "",
      value: literal(record.valueInput),
      ttl: literal(record.ttlInput),
      priority: literal(record.priorityInput),
      adopted: zone.isAdopted(record),
    }));
    const undecided: Finding[] = (zone.adopted?.records ?? [])
      .filter((record) => record.decision === "decide")
      .map((record) => ({ rule: RULES.undecided, message: `${record.type} ${record.name || "@"} ${record.content} in ${zone.adopted!.file} needs a decision` }));
    return [...undecided, ...checkZone({
      zone: zone.domain,
      records: checked,
      forwardCount: forwards.get(zone.domain) ?? 0,
      maxRecords: this.props.settings.dnsimple.maxRecordsPerZone,
      declaredNames: this.props.declaredNames,
      parentDomain: this.props.settings.parentDomain,
    })];
  }

  private resourceFindings(resource: TerraformResource): Finding[] {
    const type = resource.terraformResourceType;
    const findings: Finding[] = [];
    const check = (rule: PolicyRule, ok: boolean, message: string) => {
      if (!ok) findings.push({ rule, message });
    };
    if (!JUDGED_TYPES.has(type)) return [{ rule: UNLISTED_TYPE, message: `${type} is judged by no rule of the policy pack` }];
    if (PROTECTED_TYPES.has(type)) check(RULES.protection, resource.lifecycle?.preventDestroy === true, `${type} has no lifecycle.prevent_destroy`);
    const attributes = CHECKED_TYPES.has(type) ? attributesOf(resource) : {};
    switch (type) {
      case "google_storage_bucket":
        check(RULES.bucketAccess, attributes.uniform_bucket_level_access === true, "uniform bucket-level access is off");
        {
          const retained = typeof get(attributes, "retention_policy.retention_period") === "number";
          if (retained) check(RULES.retentionWithoutVersions, get(attributes, "versioning.enabled") !== true, "a retention policy and Object Versioning on one bucket");
          else check(RULES.bucketVersioning, get(attributes, "versioning.enabled") === true, "versioning is off");
          if (/\/archive(\/|$)/.test(resource.node.path)) check(RULES.archiveRetention, retained, "an archive bucket without a retention policy");
        }
        break;
      // A managed folder's grants are a bucket's, per prefix (google/services/storage/iam_storage_managed_folder.go,
      // hashicorp/google 6.50.0: the same member/binding schema).
      case "google_storage_bucket_iam_member":
      case "google_storage_bucket_iam_binding":
      case "google_storage_managed_folder_iam_member":
      case "google_storage_managed_folder_iam_binding": {
        const role = String(attributes.role);
        const members = type.endsWith("_member") ? [String(attributes.member)] : ((attributes.members as string[]) ?? []);
        const isPublic = members.some((member) => PUBLIC_MEMBERS.has(member));
        check(RULES.basicRoles, !BASIC_ROLES.has(role), `basic role ${role}`);
        check(RULES.publicAccess, !isPublic || READ_ONLY_ROLES.has(role), `${members.join(", ")} granted ${role}`);
        check(RULES.publicList, !isPublic || role === PUBLIC_READER_ROLE, `${members.join(", ")} granted ${role}: the public may hold only ${PUBLIC_READER_ROLE}, which lists nothing`);
        break;
      }
      case "google_project_iam_member":
      case "google_project_iam_binding":
        check(RULES.basicRoles, !BASIC_ROLES.has(String(attributes.role)), `basic role ${String(attributes.role)}`);
        break;
      case "google_compute_target_https_proxy":
        check(RULES.tls, attributes.ssl_policy !== undefined, "no SSL policy: the default allows TLS 1.0");
        break;
      case "google_compute_ssl_policy":
        check(RULES.tls, ["TLS_1_2", "TLS_1_3"].includes(String(attributes.min_tls_version)), `minimum ${String(attributes.min_tls_version)}`);
        break;
      case "google_compute_url_map": {
        const redirectOnly = attributes.default_url_redirect !== undefined;
        if (redirectOnly && !attributes.host_rule) check(RULES.httpsRedirect, get(attributes, "default_url_redirect.https_redirect") === true, "a redirect-only URL map that does not redirect to HTTPS");
        const defaults = [literal(attributes.default_service as string | undefined), ...((get(attributes, "default_route_action.weighted_backend_services") as Attributes[] | undefined) ?? []).map((weighted) => literal(weighted.backend_service as string | undefined))];
        const sites = siteBackends(attributes);
        for (const backend of defaults) if (backend) check(RULES.neutralDefault, !sites.has(backend), `the default service ${backend} is a site's backend: a Host no rule knows is answered as that site`);
        break;
      }
      case "google_compute_backend_bucket":
        check(RULES.hsts, ((attributes.custom_response_headers as string[]) ?? []).includes(HSTS_HEADER), "no Strict-Transport-Security header");
        break;
      case "google_identity_platform_tenant":
      case "google_identity_platform_config":
        check(RULES.selfSignup, attributes.allow_password_signup !== true && get(attributes, "client.permissions.disabled_user_signup") === true && get(attributes, "client.permissions.disabled_user_deletion") === true, "self sign-up or user deletion is allowed");
        break;
    }
    return findings;
  }
}
