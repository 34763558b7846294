import { bucket, ARCHIVE } from "./fixtures";
import type { RuleDefinition } from "./rule";

export const retentionWithoutVersions: RuleDefinition = {
  id: "BKT-004",
  requires: "no bucket has both a retention policy and Object Versioning: Cloud Storage refuses the pair, so the bucket never creates",
  fix: "drop versioning where a retention policy keeps the objects (SiteBucket does)",
  source: "https://cloud.google.com/storage/docs/bucket-lock (retention policies and Object Versioning are mutually exclusive)",
  judges: ["google_storage_bucket"],
  fixtures: { failing: bucket({ ...ARCHIVE, versioning: { enabled: true } }, "archive"), lines: ["BKT-004 a retention policy and Object Versioning on one bucket"], passing: bucket(ARCHIVE, "archive") },
};
