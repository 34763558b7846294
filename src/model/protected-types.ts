/**
 * Resource types whose loss cannot be undone: a destroyed dnsimple_domain takes its records with it, a tenant
 * its users, a bucket a portal's or the archive's content, an archive folder the access to one old portal.
 */
export const PROTECTED_TYPES: ReadonlySet<string> = new Set([
  "dnsimple_domain",
  "dnsimple_zone",
  "google_identity_platform_tenant",
  "google_storage_bucket",
  "google_storage_managed_folder",
]);
