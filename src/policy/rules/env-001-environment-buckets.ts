import { ENVIRONMENTS } from "./fixtures";
import type { RuleDefinition } from "./rule";

export const environmentBuckets: RuleDefinition = {
  id: "ENV-001",
  requires: "staging and production never share a Cloud Storage bucket: portals, archive, or Terraform state (whoever deploys staging would hold production's state)",
  fix: "give each environment its own stateBucket under environments (portal and archive buckets carry -prod- or -stg-)",
  source: "https://cloud.google.com/storage/docs/buckets#naming (\"Bucket names reside in a single namespace that is shared by all Cloud Storage users\"); state holds every attribute of every resource: https://developer.hashicorp.com/terraform/language/state/sensitive-data",
  judges: [],
  fixtures: {
    failing: { environments: ENVIRONMENTS("thu-tfstate", "thu-staging") },
    lines: ["ENV-001 staging and production would share 1 Cloud Storage bucket: thu-tfstate (state bucket)"],
    passing: { environments: ENVIRONMENTS("thu-tfstate-stg", "thu-staging") },
  },
};
