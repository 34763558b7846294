import { waits, platform, NAMED_TYPES } from "./fixtures";
import type { RuleDefinition } from "./rule";

export const gcpNames: RuleDefinition = {
  id: "GW-006",
  requires: "Google resource names match [a-z]([-a-z0-9]*[a-z0-9])? and are at most 63 characters",
  fix: "derive names from codes in src/model/cloud-names.ts",
  source: "https://cloud.google.com/compute/docs/naming-resources",
  judges: NAMED_TYPES,
  fixtures: {
    failing: platform({ google_compute_ssl_policy: { tls: { name: "Bad_Name", ...waits("compute") } } }),
    lines: ['GW-006 p-platform/google_compute_ssl_policy.tls: name "Bad_Name" does not match ^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$'],
    passing: platform({ google_compute_ssl_policy: { tls: { name: "good-name", ...waits("compute") } } }),
  },
};
