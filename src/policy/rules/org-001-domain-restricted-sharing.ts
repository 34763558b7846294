import { publicGrant, production, orgRefusal, STORAGE_IAM_TYPES, PROJECT_IAM_TYPES } from "./fixtures";
import type { RuleDefinition } from "./rule";

export const domainRestrictedSharing: RuleDefinition = {
  id: "ORG-001",
  requires: "no public grant (allUsers, allAuthenticatedUsers) in a project whose organization enforces domain-restricted sharing (iam.allowedPolicyMemberDomains)",
  fix: "once the project's exception is set, write false for this environment's organizationPolicies.domainRestrictedSharing in settings.yaml",
  source: "https://cloud.google.com/resource-manager/docs/organization-policy/restricting-domains; enforced by default since May 2024: https://cloud.google.com/resource-manager/docs/secure-by-default-organizations; no private-bucket reading for backend buckets: hashicorp/google 6.50.0 resource_compute_backend_bucket.go (no origin authentication; aws_v4_authentication is a backend service's, \"Allowed only for INTERNET_IP_PORT and INTERNET_FQDN_PORT NEG backends\"), https://cloud.google.com/cdn/docs/using-signed-urls (every request signed)",
  judges: [...STORAGE_IAM_TYPES, ...PROJECT_IAM_TYPES],
  fixtures: {
    failing: { stacks: publicGrant, environment: production(true, false) },
    lines: [orgRefusal("ORG-001", "iam.allowedPolicyMemberDomains", "domainRestrictedSharing", "allowAll: true")],
    passing: { stacks: publicGrant, environment: production(false, false) },
  },
};
