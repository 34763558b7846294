import { publicGrant, production, orgRefusal, STORAGE_IAM_TYPES } from "./fixtures";
import type { RuleDefinition } from "./rule";

export const publicAccessPrevention: RuleDefinition = {
  id: "ORG-002",
  requires: "no public grant on Cloud Storage in a project whose organization enforces public access prevention (storage.publicAccessPrevention)",
  fix: "once the project's exception is set, write false for this environment's organizationPolicies.publicAccessPrevention in settings.yaml",
  source: "https://cloud.google.com/storage/docs/org-policy-constraints (\"public access is restricted for all buckets and objects, both new and existing\"); https://cloud.google.com/storage/docs/public-access-prevention",
  judges: STORAGE_IAM_TYPES,
  fixtures: {
    failing: { stacks: publicGrant, environment: production(false, true) },
    lines: [orgRefusal("ORG-002", "storage.publicAccessPrevention", "publicAccessPrevention", "enforce: false")],
    passing: { stacks: publicGrant, environment: production(false, false) },
  },
};
