import { asciiWords } from "./fold";

/**
 * Names the clouds constrain, derived in one place. Names that cannot change without replacing the resource
 * (buckets) derive from official codes, so a renamed commune keeps its bucket.
 */

export const TENANT_DISPLAY_NAME = /^[a-zA-Z][a-zA-Z0-9-]{3,19}$/;
export const GCP_RESOURCE_NAME = /^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$/;
const BUCKET_NAME = /^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/;

const KIND_WORD: Record<string, string> = { xa: "Xa", phuong: "Phuong", "dac-khu": "DacKhu" };

/** "Xã Phan Rí Cửa" → "PhanRiCua"; from the slug when there is one ("phan-ri" → "PhanRi"). */
export function tenantDisplayName(name: string, kind: string, slug?: string): string {
  const words = (slug ?? asciiWords(name)).split(/-+/).filter(Boolean);
  const camel = words.map((word) => word[0].toUpperCase() + word.slice(1).toLowerCase()).join("");
  const withKind = /^[A-Za-z]/.test(camel) && camel.length >= 4 ? camel : (KIND_WORD[kind] ?? "Unit") + camel;
  return withKind.slice(0, 20);
}

/** Backend buckets and gateway routes: `portal-<code>`, `archive-<id>`, `redirect-<id>`. */
export function backendName(kind: "portal" | "archive" | "redirect", id: string): string {
  return `${kind}-${id}`;
}

/** A hostname's certificate pieces: `c<code>-<role>` for a commune, `r<id>-<role>` for a retired unit. */
export function certificateName(owner: "commune" | "retired", id: string, role: string): string {
  return `${owner === "commune" ? "c" : "r"}${id}-${role}`;
}

export function portalBucketName(prefix: string, code: string): string {
  return `${prefix}-portal-${code}`;
}

export function archiveBucketName(prefix: string, retiredId: string): string {
  return `${prefix}-archive-${retiredId}`;
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
