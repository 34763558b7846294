import { bucket, PORTAL } from "./fixtures";
import type { RuleDefinition } from "./rule";

export const bucketAccess: RuleDefinition = {
  id: "BKT-001",
  requires: "buckets use uniform bucket-level access",
  fix: "set uniformBucketLevelAccess: true (SiteBucket does)",
  source: "managed folders need it: https://cloud.google.com/storage/docs/creating-managing-managed-folders",
  judges: ["google_storage_bucket"],
  fixtures: { failing: bucket({ ...PORTAL, uniformBucketLevelAccess: false }), lines: ["BKT-001 uniform bucket-level access is off"], passing: bucket(PORTAL) },
};
