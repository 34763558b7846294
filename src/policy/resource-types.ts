import { type PolicyRule, RULES } from "./rules";

const { dnsName, apexCname, cnameAlone, duplicate, ttl, recordFormat, spf, caa, zoneSize, dangling, undeclaredTarget, mailMode, dmarc } = RULES;
const ZONE_RULES = [dnsName, apexCname, cnameAlone, duplicate, ttl, recordFormat, spf, caa, zoneSize, dangling, undeclaredTarget, mailMode, dmarc];
const IAM_RULES = [RULES.basicRoles, RULES.publicAccess, RULES.expiredCondition];
/** Every Google resource needs its API enabled (API-001); Compute Engine and Certificate Manager names follow GW-006. */
const GOOGLE = [RULES.apis];
const NAMED = [RULES.gcpNames, RULES.apis];

/**
 * Every resource type the stacks may declare, with the rules that judge it. A type listed nowhere fails the policy
 * pack (policy-pack.ts): a new kind of resource — an IAM policy, an ACL, a grant on another level — must be judged
 * before it can pass every rule unread. Adding one: list it here with the rules that read it, adding the rule it
 * needs first (src/policy/rules.ts).
 */
export const RULES_OF_TYPE: Readonly<Record<string, readonly PolicyRule[]>> = {
  dnsimple_domain: [RULES.protection, RULES.preventDelete, ...ZONE_RULES],
  dnsimple_zone: [RULES.protection, ...ZONE_RULES],
  dnsimple_zone_record: ZONE_RULES,
  dnsimple_email_forward: [mailMode],
  google_certificate_manager_certificate: [RULES.certificateLimits, ...NAMED],
  google_certificate_manager_certificate_map: [RULES.certificateLimits, ...NAMED],
  google_certificate_manager_certificate_map_entry: [RULES.certificateLimits, ...NAMED],
  google_certificate_manager_dns_authorization: NAMED,
  google_compute_backend_bucket: [RULES.hsts, ...NAMED],
  google_compute_global_address: NAMED,
  google_compute_global_forwarding_rule: NAMED,
  google_compute_ssl_policy: [RULES.tls, ...NAMED],
  google_compute_target_http_proxy: [RULES.httpsRedirect, ...NAMED],
  google_compute_target_https_proxy: [RULES.tls, RULES.certificateLimits, ...NAMED],
  google_compute_url_map: [RULES.httpsRedirect, RULES.urlMapLimits, ...NAMED],
  google_identity_platform_config: [RULES.selfSignup, RULES.authorizedDefaults, ...GOOGLE],
  google_identity_platform_tenant: [RULES.selfSignup, RULES.protection, ...GOOGLE],
  // The central authentication's metadata; its OIDC client secret is a sensitive variable, never a value.
  google_identity_platform_tenant_inbound_saml_config: GOOGLE,
  google_identity_platform_tenant_oauth_idp_config: GOOGLE,
  google_project_iam_binding: [RULES.basicRoles],
  google_project_iam_member: [RULES.basicRoles],
  google_project_service: GOOGLE,
  google_storage_bucket: [RULES.bucketAccess, RULES.bucketVersioning, RULES.archiveRetention, RULES.retentionWithoutVersions, RULES.protection, ...GOOGLE],
  google_storage_bucket_iam_binding: [...IAM_RULES, ...GOOGLE],
  google_storage_bucket_iam_member: [...IAM_RULES, ...GOOGLE],
  // The MTA-STS policy file a portal bucket serves.
  google_storage_bucket_object: GOOGLE,
  google_storage_managed_folder: [RULES.protection, ...GOOGLE],
  google_storage_managed_folder_iam_binding: [...IAM_RULES, ...GOOGLE],
  google_storage_managed_folder_iam_member: [...IAM_RULES, ...GOOGLE],
  // Terraform's own resource (the check that the gateway's addresses are published): it creates nothing in a cloud.
  terraform_data: [],
};

/**
 * What the pack reports for a type RULES_OF_TYPE does not list. Not a rule of RULES: its id is no rule id, so no
 * suppression can waive it (settings.yaml takes only ids such as DNS-009).
 */
export const UNLISTED_TYPE: PolicyRule = {
  id: "POLICY",
  requires: "every resource type the stacks declare is judged by the policy pack's rules",
  fix: "list the type in src/policy/resource-types.ts with the rules that judge it (add the rule it needs to src/policy/rules.ts first)",
};
