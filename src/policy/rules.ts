import { dnsName } from "./rules/dns-001-dns-name";
import { apexCname } from "./rules/dns-002-apex-cname";
import { cnameAlone } from "./rules/dns-003-cname-alone";
import { duplicate } from "./rules/dns-004-duplicate";
import { ttl } from "./rules/dns-005-ttl";
import { recordFormat } from "./rules/dns-006-record-format";
import { spf } from "./rules/dns-007-spf";
import { caa } from "./rules/dns-008-caa";
import { zoneSize } from "./rules/dns-009-zone-size";
import { dangling } from "./rules/dns-010-dangling";
import { undeclaredTarget } from "./rules/dns-011-undeclared-target";
import { mailMode } from "./rules/mail-001-mail-mode";
import { dmarc } from "./rules/mail-002-dmarc";
import { bucketAccess } from "./rules/bkt-001-bucket-access";
import { bucketVersioning } from "./rules/bkt-002-bucket-versioning";
import { archiveRetention } from "./rules/bkt-003-archive-retention";
import { retentionWithoutVersions } from "./rules/bkt-004-retention-without-versions";
import { tls } from "./rules/gw-001-tls";
import { httpsRedirect } from "./rules/gw-002-https-redirect";
import { hsts } from "./rules/gw-003-hsts";
import { urlMapLimits } from "./rules/gw-004-url-map-limits";
import { certificateLimits } from "./rules/gw-005-certificate-limits";
import { neutralDefault } from "./rules/gw-007-neutral-default";
import { gcpNames } from "./rules/gw-006-gcp-names";
import { selfSignup } from "./rules/idp-001-self-signup";
import { authorizedDefaults } from "./rules/idp-002-authorized-defaults";
import { basicRoles } from "./rules/iam-001-basic-roles";
import { publicAccess } from "./rules/iam-002-public-access";
import { publicList } from "./rules/iam-004-public-list";
import { expiredCondition } from "./rules/iam-003-expired-condition";
import { domainRestrictedSharing } from "./rules/org-001-domain-restricted-sharing";
import { publicAccessPrevention } from "./rules/org-002-public-access-prevention";
import { undecided } from "./rules/adopt-001-undecided";
import { unkeepable } from "./rules/adopt-002-unkeepable";
import { protection } from "./rules/prot-001-protection";
import { preventDelete } from "./rules/prot-002-prevent-delete";
import { providerVersions } from "./rules/tf-001-provider-versions";
import { environmentBuckets } from "./rules/env-001-environment-buckets";
import { environmentDnsNames } from "./rules/env-002-environment-dns-names";
import { environmentProjects } from "./rules/env-003-environment-projects";
import { noStateReads } from "./rules/tf-002-no-state-reads";
import { standInAddresses } from "./rules/tf-003-stand-in-addresses";
import { apis } from "./rules/api-001-apis";

/**
 * The policy pack's rules, in the order the README's table lists them. Each lives in its own file under
 * src/policy/rules/ with its stable id (used in suppressions), what it requires, how to fix a violation, where a
 * provider's or a cloud's constraint is written down, the resource types it judges, and a failing and a passing
 * fixture (__tests__/policy-rules.test.ts runs them): the next rule is added there once, with its source.
 */
export const RULES = {
  dnsName,
  apexCname,
  cnameAlone,
  duplicate,
  ttl,
  recordFormat,
  spf,
  caa,
  zoneSize,
  dangling,
  undeclaredTarget,
  mailMode,
  dmarc,
  bucketAccess,
  bucketVersioning,
  archiveRetention,
  retentionWithoutVersions,
  tls,
  httpsRedirect,
  hsts,
  urlMapLimits,
  certificateLimits,
  neutralDefault,
  gcpNames,
  selfSignup,
  authorizedDefaults,
  basicRoles,
  publicAccess,
  publicList,
  expiredCondition,
  domainRestrictedSharing,
  publicAccessPrevention,
  undecided,
  unkeepable,
  protection,
  preventDelete,
  providerVersions,
  environmentBuckets,
  environmentDnsNames,
  environmentProjects,
  noStateReads,
  standInAddresses,
  apis,
} as const;
