import { StorageManagedFolderIamMember } from "@cdktf/provider-google/lib/storage-managed-folder-iam-member";
import { PUBLIC_READER_ROLE } from "../../constructs/site-bucket";
import { FOLDER, STORAGE_IAM_TYPES } from "./fixtures";
import type { RuleDefinition } from "./rule";

export const publicList: RuleDefinition = {
  id: "IAM-004",
  requires: "allUsers and allAuthenticatedUsers hold only roles/storage.legacyObjectReader (storage.objects.get): no role with storage.objects.list, so nobody can enumerate a bucket's or folder's objects",
  fix: "grant the public roles/storage.legacyObjectReader (SiteBucket does); a custom role cannot be checked here",
  source: "https://cloud.google.com/storage/docs/access-control/iam-roles (roles/storage.objectViewer includes storage.objects.list; roles/storage.legacyObjectReader grants storage.objects.get)",
  judges: STORAGE_IAM_TYPES,
  fixtures: {
    failing: { build: (stack) => void new StorageManagedFolderIamMember(stack, "grant", { ...FOLDER, role: "roles/storage.objectViewer", member: "allUsers" }) },
    lines: ["IAM-004 allUsers granted roles/storage.objectViewer: the public may hold only roles/storage.legacyObjectReader, which lists nothing"],
    passing: { build: (stack) => void new StorageManagedFolderIamMember(stack, "grant", { ...FOLDER, role: PUBLIC_READER_ROLE, member: "allUsers" }) },
  },
};
