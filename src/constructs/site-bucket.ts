import { ComputeBackendBucket } from "@cdktf/provider-google/lib/compute-backend-bucket";
import { StorageBucket } from "@cdktf/provider-google/lib/storage-bucket";
import { StorageBucketIamMember } from "@cdktf/provider-google/lib/storage-bucket-iam-member";
import type { ITerraformDependable } from "cdktf";
import { Construct } from "constructs";

export interface SiteBucketProps {
  readonly bucketName: string;
  /** Name of the gateway's backend bucket (a GCP resource name). */
  readonly backendName: string;
  readonly location: string;
  readonly labels: Readonly<Record<string, string>>;
  /** Members who may change the whole bucket's content (a portal's admin group). */
  readonly writers: readonly string[];
  /**
   * An archive: objects stay undeletable for this many days. Such a bucket keeps no object versions: Cloud
   * Storage refuses a retention policy on a bucket with Object Versioning, and retention already keeps every object.
   */
  readonly retentionDays?: number;
  /** The enabled APIs (storage, compute) the bucket and its backend wait for, when declared in the same stack. */
  readonly apis?: readonly ITerraformDependable[];
}

export const HSTS_HEADER = "Strict-Transport-Security: max-age=31536000";

/**
 * What the public may do with a site's content: read an object it names (storage.objects.get), never list them
 * (roles/storage.objectViewer also grants storage.objects.list: anyone could enumerate every archived file).
 * https://cloud.google.com/storage/docs/access-control/iam-roles (Storage Legacy Object Reader).
 */
export const PUBLIC_READER_ROLE = "roles/storage.legacyObjectReader";

/** The object a site answers a missing page with (the bucket's website notFoundPage; GatewayRouting's error page). */
export const NOT_FOUND_PAGE = "404.html";

/**
 * A static site's content (a commune portal, or the province's archive of old portals) in a bucket, served through
 * the shared gateway as a CDN backend. Only the named writers may change it; everyone may read objects, since the
 * gateway serves them to the public.
 */
export class SiteBucket extends Construct {
  readonly bucket: StorageBucket;
  readonly backend: ComputeBackendBucket;

  constructor(scope: Construct, id: string, props: SiteBucketProps) {
    super(scope, id);
    const dependsOn = props.apis ? [...props.apis] : undefined;
    const retained = props.retentionDays !== undefined;
    this.bucket = new StorageBucket(this, "bucket", {
      name: props.bucketName,
      location: props.location,
      labels: { ...props.labels },
      uniformBucketLevelAccess: true,
      versioning: { enabled: !retained },
      retentionPolicy: retained ? { retentionPeriod: props.retentionDays! * 86400, isLocked: false } : undefined,
      website: { mainPageSuffix: "index.html", notFoundPage: NOT_FOUND_PAGE },
      forceDestroy: false,
      dependsOn,
    });
    new StorageBucketIamMember(this, "public-read", { bucket: this.bucket.name, role: PUBLIC_READER_ROLE, member: "allUsers", dependsOn });
    props.writers.forEach((member, index) => {
      new StorageBucketIamMember(this, `writer-${index + 1}`, { bucket: this.bucket.name, role: "roles/storage.objectAdmin", member, dependsOn });
    });
    this.backend = new ComputeBackendBucket(this, "backend", {
      name: props.backendName,
      bucketName: this.bucket.name,
      enableCdn: true,
      customResponseHeaders: [HSTS_HEADER],
      dependsOn,
    });
  }
}
