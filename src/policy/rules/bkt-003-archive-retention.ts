import { bucket, PORTAL, ARCHIVE } from "./fixtures";
import type { RuleDefinition } from "./rule";

export const archiveRetention: RuleDefinition = {
  id: "BKT-003",
  requires: "archive buckets have a retention policy",
  fix: "set retentionDays for archives (settings.yaml retirement.archiveRetentionDays)",
  judges: ["google_storage_bucket"],
  fixtures: { failing: bucket(PORTAL, "archive"), lines: ["BKT-003 an archive bucket without a retention policy"], passing: bucket(ARCHIVE, "archive") },
};
