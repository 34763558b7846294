import { waits, platform, GOOGLE_TYPES } from "./fixtures";
import type { RuleDefinition } from "./rule";

export const apis: RuleDefinition = {
  id: "API-001",
  requires: "every Google API a resource needs is enabled by a google_project_service in the platform stack, never disabled on destroy, and the platform's resources wait for it",
  fix: "add the API to PROJECT_APIS (src/constructs/project-apis.ts)",
  source: "api_service_name in each resource's *_generated_meta.yaml, hashicorp/google 6.50.0",
  judges: GOOGLE_TYPES,
  fixtures: {
    failing: platform({ google_storage_bucket: { b: { name: "b" } } }),
    lines: ["API-001 p-platform/google_storage_bucket.b: does not wait for storage.googleapis.com to be enabled"],
    passing: platform({ google_storage_bucket: { b: { name: "b", ...waits("storage") } } }),
  },
};
