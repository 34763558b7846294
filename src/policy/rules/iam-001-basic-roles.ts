import { StorageManagedFolderIamMember } from "@cdktf/provider-google/lib/storage-managed-folder-iam-member";
import { FOLDER, STORAGE_IAM_TYPES, PROJECT_IAM_TYPES } from "./fixtures";
import type { RuleDefinition } from "./rule";

export const basicRoles: RuleDefinition = {
  id: "IAM-001",
  requires: "no basic roles (roles/owner, roles/editor, roles/viewer)",
  fix: "grant a predefined role such as roles/storage.objectAdmin",
  judges: [...STORAGE_IAM_TYPES, ...PROJECT_IAM_TYPES],
  fixtures: {
    failing: { build: (stack) => void new StorageManagedFolderIamMember(stack, "grant", { ...FOLDER, role: "roles/editor", member: "group:admins-anphu@thu.gov.vn" }) },
    lines: ["IAM-001 basic role roles/editor"],
    passing: { build: (stack) => void new StorageManagedFolderIamMember(stack, "grant", { ...FOLDER, role: "roles/storage.objectUser", member: "group:admins-anphu@thu.gov.vn" }) },
  },
};
