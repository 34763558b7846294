import { ENVIRONMENTS } from "./fixtures";
import type { RuleDefinition } from "./rule";

export const environmentProjects: RuleDefinition = {
  id: "ENV-003",
  requires: "staging and production deploy to different GCP projects",
  fix: "set environments.staging.gcpProject and environments.production.gcpProject to two projects",
  source: "GCP resource names are unique per project (https://cloud.google.com/compute/docs/naming-resources), and a project has one Identity Platform config (hashicorp/google 6.50.0 google_identity_platform_config)",
  judges: [],
  fixtures: {
    failing: { environments: ENVIRONMENTS("thu-tfstate-stg", "thu-production") },
    lines: ["ENV-003 staging and production would share the GCP project thu-production"],
    passing: { environments: ENVIRONMENTS("thu-tfstate-stg", "thu-staging") },
  },
};
