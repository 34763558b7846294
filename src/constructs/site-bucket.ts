import { ComputeBackendBucket } from "@cdktf/provider-google/lib/compute-backend-bucket";
import { StorageBucket } from "@cdktf/provider-google/lib/storage-bucket";
import { StorageBucketIamMember } from "@cdktf/provider-google/lib/storage-bucket-iam-member";
import { Construct } from "constructs";

export interface SiteWriter {
  readonly member: string;
  /** Write access ends at this instant (RFC 3339): nobody keeps write access to an archive after cut-over. */
  readonly until?: string;
}

export interface SiteBucketProps {
  readonly bucketName: string;
  /** Name of the gateway's backend bucket (a GCP resource name). */
  readonly backendName: string;
  readonly location: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly writers: readonly SiteWriter[];
  /** An archive: objects stay undeletable for this many days. */
  readonly retentionDays?: number;
}

export const HSTS_HEADER = "Strict-Transport-Security: max-age=31536000";

/**
 * A static site's content (a commune portal or an old portal's archive) in a bucket, served through the shared
 * gateway as a CDN backend. Only the named writers may change it; everyone may read objects, since the gateway
 * serves them to the public.
 */
export class SiteBucket extends Construct {
  readonly bucket: StorageBucket;
  readonly backend: ComputeBackendBucket;

  constructor(scope: Construct, id: string, props: SiteBucketProps) {
    super(scope, id);
    this.bucket = new StorageBucket(this, "bucket", {
      name: props.bucketName,
      location: props.location,
      labels: { ...props.labels },
      uniformBucketLevelAccess: true,
      versioning: { enabled: true },
      retentionPolicy: props.retentionDays ? { retentionPeriod: props.retentionDays * 86400, isLocked: false } : undefined,
      website: { mainPageSuffix: "index.html", notFoundPage: "404.html" },
      forceDestroy: false,
    });
    new StorageBucketIamMember(this, "public-read", { bucket: this.bucket.name, role: "roles/storage.objectViewer", member: "allUsers" });
    props.writers.forEach((writer, index) => {
      new StorageBucketIamMember(this, `writer-${index + 1}`, {
        bucket: this.bucket.name,
        role: "roles/storage.objectAdmin",
        member: writer.member,
        condition: writer.until ? { title: "until-cutover", description: "Write access ends at the cut-over", expression: `request.time < timestamp("${writer.until}")` } : undefined,
      });
    });
    this.backend = new ComputeBackendBucket(this, "backend", {
      name: props.backendName,
      bucketName: this.bucket.name,
      enableCdn: true,
      customResponseHeaders: [HSTS_HEADER],
    });
  }
}
