import { waits, platform, STORAGE_IAM_TYPES } from "./fixtures";
import type { RuleDefinition } from "./rule";

/** A platform stack with one grant whose condition ends at `until`. */
const grant = (until: string) => platform({ google_storage_managed_folder_iam_member: { w: { role: "roles/storage.objectUser", member: "group:g@thu.gov.vn", condition: { expression: `request.time < timestamp("${until}")` }, ...waits("storage") } } });

export const expiredCondition: RuleDefinition = {
  id: "IAM-003",
  requires: "a warning, never an error (the synth does not depend on the day): an IAM condition that has already expired (request.time < a past instant) grants nothing",
  fix: "extend the migration window in settings.yaml, or remove it once the window is closed",
  source: "https://cloud.google.com/iam/docs/conditions-attribute-reference#date-time",
  judges: STORAGE_IAM_TYPES,
  fixtures: {
    failing: { stacks: grant("2025-07-01T00:00:00Z"), today: "2025-07-02" },
    lines: ["IAM-003 p-platform/google_storage_managed_folder_iam_member.w: grants roles/storage.objectUser to group:g@thu.gov.vn only before 2025-07-01T00:00:00Z, which has passed: it grants nothing"],
    passing: { stacks: grant("2025-07-01T00:00:00Z"), today: "2025-07-01" },
  },
};
