import { StorageManagedFolderIamMember } from "@cdktf/provider-google/lib/storage-managed-folder-iam-member";
import { PUBLIC_READER_ROLE } from "../../constructs/site-bucket";
import { FOLDER, STORAGE_IAM_TYPES } from "./fixtures";
import type { RuleDefinition } from "./rule";

export const publicAccess: RuleDefinition = {
  id: "IAM-002",
  requires: "allUsers and allAuthenticatedUsers only read site content: no role that writes or administers",
  fix: "grant write access to a group, never to the public",
  judges: STORAGE_IAM_TYPES,
  fixtures: {
    failing: { build: (stack) => void new StorageManagedFolderIamMember(stack, "grant", { ...FOLDER, role: "roles/storage.objectUser", member: "allUsers" }) },
    lines: ["IAM-002 allUsers granted roles/storage.objectUser", "IAM-004 allUsers granted roles/storage.objectUser: the public may hold only roles/storage.legacyObjectReader, which lists nothing"],
    also: ["IAM-004"],
    passing: { build: (stack) => void new StorageManagedFolderIamMember(stack, "grant", { ...FOLDER, role: PUBLIC_READER_ROLE, member: "allUsers" }) },
  },
};
