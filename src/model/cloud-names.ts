import { asciiWords } from "./fold";
import { UNIT_KINDS } from "./unit-kinds";

/**
 * Names the clouds constrain, derived in one place. Names that cannot change without replacing the resource
 * (buckets) derive from official codes, so a renamed commune keeps its bucket.
 */

export const TENANT_DISPLAY_NAME = /^[a-zA-Z][a-zA-Z0-9-]{3,19}$/;
export const GCP_RESOURCE_NAME = /^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$/;
const BUCKET_NAME = /^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/;

/** The word a tenant display name begins with when the name alone is too short or starts with a digit. */
const TENANT_WORD: ReadonlyMap<string, string | undefined> = new Map(UNIT_KINDS.map((row) => [row.kind, row.tenantWord]));

/** "Xã Phan Rí Cửa" → "PhanRiCua"; from the slug when there is one ("phan-ri" → "PhanRi"). */
export function tenantDisplayName(name: string, kind: string, slug?: string): string {
  const words = (slug ?? asciiWords(name)).split(/-+/).filter(Boolean);
  const camel = words.map((word) => word[0].toUpperCase() + word.slice(1).toLowerCase()).join("");
  const withKind = /^[A-Za-z]/.test(camel) && camel.length >= 4 ? camel : (TENANT_WORD.get(kind) ?? "Unit") + camel;
  return withKind.slice(0, 20);
}

/** A portal's backend bucket, also its path matcher in the gateway's URL map: `portal-<code>`. */
export function portalBackendName(code: string): string {
  return `portal-${code}`;
}

/** A hostname's certificate pieces: `c<code>-<role>` for a commune, `r<id>-<role>` for a retired unit. */
export function certificateName(owner: "commune" | "retired", id: string, role: string): string {
  return `${owner === "commune" ? "c" : "r"}${id}-${role}`;
}

/**
 * The environment's part of a global name: Cloud Storage bucket names live in one namespace shared by every
 * project of every customer (https://cloud.google.com/storage/docs/buckets#naming), so staging's buckets and
 * production's never share one. The offline environment is production's credential-free preview: its names are
 * production's.
 */
export type BucketQualifier = "prod" | "stg";

export function bucketQualifier(environment: "offline" | "staging" | "production"): BucketQualifier {
  return environment === "staging" ? "stg" : "prod";
}

/** A commune's portal: `<prefix>-prod-portal-<code>` (staging: `-stg-`). */
export function portalBucketName(prefix: string, qualifier: BucketQualifier, code: string): string {
  return `${prefix}-${qualifier}-portal-${code}`;
}

/** The province's one archive bucket, `<prefix>-prod-archive` (staging: `-stg-`); each old unit's archive is its folder `<id>/`. */
export function archiveBucketName(prefix: string, qualifier: BucketQualifier): string {
  return `${prefix}-${qualifier}-archive`;
}

/**
 * The backend bucket that serves every archive. Backend bucket names are per project: the province's prefix keeps
 * two provinces sharing a project apart (portal backends are apart already: GSO codes are national).
 */
export function archiveBackendName(prefix: string): string {
  return `${prefix}-archives`;
}

/** Why a bucket name is refused, or undefined when it is fine. */
export function bucketNameProblem(bucket: string): string | undefined {
  if (!BUCKET_NAME.test(bucket)) return `bucket name "${bucket}" is not 3-63 lower-case letters, digits or hyphens`;
  if (bucket.startsWith("goog") || bucket.includes("google")) return `bucket name "${bucket}" starts with "goog" or contains "google"`;
  return undefined;
}

/** GCP label values: lower-case letters, digits, '_' and '-', at most 63. */
export function labelValue(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9_-]/g, "-").slice(0, 63);
}

/**
 * The shared gateway's pieces, named from the province's prefix (GCP names are per project: the prefix keeps
 * provinces sharing a project apart): the long-lived edge (addresses, TLS policy, certificate map) and the routing.
 */
export function gatewayNames(prefix: string) {
  return {
    ipv4: `${prefix}-gateway-v4`,
    ipv6: `${prefix}-gateway-v6`,
    sslPolicy: `${prefix}-tls12`,
    certificateMap: `${prefix}-portals`,
    urlMap: `${prefix}-portals`,
    httpRedirectMap: `${prefix}-http-to-https`,
    httpsProxy: `${prefix}-https`,
    httpProxy: `${prefix}-http`,
    /** One forwarding rule per listener: HTTPS and HTTP, on IPv4 and IPv6. */
    forwardingRule: (listener: "https-v4" | "https-v6" | "http-v4" | "http-v6") => `${prefix}-${listener}`,
  };
}

/**
 * Ids of resources another stack declares, derived from their names: the referring fields accept them, so no
 * stack has to look them up (a lookup of a stack not applied yet fails the plan).
 */
export const gcpIds = {
  backendBucket: (project: string, name: string) => `projects/${project}/global/backendBuckets/${name}`,
  sslPolicy: (project: string, name: string) => `projects/${project}/global/sslPolicies/${name}`,
  certificateMap: (project: string, name: string) => `projects/${project}/locations/global/certificateMaps/${name}`,
  globalAddress: (project: string, name: string) => `projects/${project}/global/addresses/${name}`,
};
