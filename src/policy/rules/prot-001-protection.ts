import { PROTECTED_TYPES } from "../../model/protected-types";
import { bucket, PORTAL } from "./fixtures";
import type { RuleDefinition } from "./rule";

export const protection: RuleDefinition = {
  id: "PROT-001",
  requires: "zones, domains, tenants, buckets and archive folders carry lifecycle.prevent_destroy",
  fix: "keep the Protection aspect on every stack",
  judges: [...PROTECTED_TYPES],
  fixtures: { failing: { ...bucket(PORTAL), protect: false }, lines: ["PROT-001 google_storage_bucket has no lifecycle.prevent_destroy"], passing: bucket(PORTAL) },
};
