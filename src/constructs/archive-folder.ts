import { StorageManagedFolder } from "@cdktf/provider-google/lib/storage-managed-folder";
import { StorageManagedFolderIamMember } from "@cdktf/provider-google/lib/storage-managed-folder-iam-member";
import { Construct } from "constructs";
import { windowCondition } from "../model/migration-window";
import type { MigrationWindow } from "../model/province";

export interface ArchiveFolderProps {
  /** The province's archive bucket, by name: it lives in the platform stack, deployed first. */
  readonly bucketName: string;
  /** The unit's folder, "22978/". */
  readonly folder: string;
  /** Who copies the old portal's content in (chuyển đổi dữ liệu), and while the window is open. */
  readonly writer?: { readonly member: string; readonly window: MigrationWindow };
}

/**
 * One old unit's archive: a managed folder of the province's archive bucket, so that write access can be granted
 * on this unit's content alone. The bucket's retention policy keeps every object it receives.
 */
export class ArchiveFolder extends Construct {
  readonly folder: StorageManagedFolder;

  constructor(scope: Construct, id: string, props: ArchiveFolderProps) {
    super(scope, id);
    this.folder = new StorageManagedFolder(this, "folder", { bucket: props.bucketName, name: props.folder, forceDestroy: false });
    if (!props.writer) return;
    new StorageManagedFolderIamMember(this, "writer", {
      bucket: props.bucketName,
      managedFolder: this.folder.name,
      // The smallest predefined role that lets `gcloud storage rsync` create, overwrite and list objects.
      role: "roles/storage.objectUser",
      member: props.writer.member,
      condition: {
        title: "migration-window",
        description: `Copying the old portal in: ${props.writer.window.from} to ${props.writer.window.until}`,
        expression: windowCondition(props.writer.window),
      },
    });
  }
}
