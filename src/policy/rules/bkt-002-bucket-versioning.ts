import { bucket, PORTAL } from "./fixtures";
import type { RuleDefinition } from "./rule";

export const bucketVersioning: RuleDefinition = {
  id: "BKT-002",
  requires: "buckets without a retention policy keep object versions",
  fix: "set versioning.enabled: true (SiteBucket does for portals)",
  judges: ["google_storage_bucket"],
  fixtures: { failing: bucket({ ...PORTAL, versioning: { enabled: false } }), lines: ["BKT-002 versioning is off"], passing: bucket(PORTAL) },
};
