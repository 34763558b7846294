/**
 * The limits and quotas a province's deploy meets, with where each is written down. Limits are fixed (the policy
 * pack fails a synth past them); quotas are per-project defaults that ops can ask Google to raise before a deploy.
 */

/** Hard limits of the global external Application Load Balancer's URL map (https://cloud.google.com/load-balancing/docs/quotas). */
export const URL_MAP_LIMITS = {
  /**
   * 1 MB for every load balancer but the classic one (which keeps 64 KB): https://cloud.google.com/load-balancing/docs/routing-config-size-quota.
   * The general quotas page still lists 64 KB; that page announced the 1 MB limit as a preview.
   */
  bytes: 1024 * 1024,
  /** What the general quotas page still lists: above it, confirm the project has the 1 MB limit. */
  legacyBytes: 64 * 1024,
  hostRules: 1000,
  pathMatchers: 1000,
  hostsPerHostRule: 1000,
  routeRulesPerPathMatcher: 1000,
  predicatesPerPathMatcher: 1000,
  distinctBackends: 2500,
} as const;

/** Certificate Manager (https://cloud.google.com/certificate-manager/docs/quotas). */
export const CERTIFICATE_LIMITS = { certificatesPerMapEntry: 4, domainsPerDnsAuthorizedCertificate: 100 } as const;
export const CERTIFICATE_QUOTAS = { managedCertificates: 1000, certificateMaps: 100, mapEntries: 5000, dnsAuthorizations: 1000, writesPerMinute: 300 } as const;

/** Cloud Storage: about one bucket created every two seconds per project (https://cloud.google.com/storage/quotas), a limit. */
export const BUCKET_CREATIONS_PER_SECOND = 0.5;

/** DNSimple: 2,400 API requests an hour (https://developer.dnsimple.com/v2/#rate-limiting); records per zone by plan. */
export const DNSIMPLE_REQUESTS_PER_HOUR = 2400;

/**
 * Identity Platform tenants: 2 per project without a billing account, unlimited with one
 * (https://cloud.google.com/identity-platform/quotas). Not adjustable: billing must be on.
 */
export const TENANTS_WITHOUT_BILLING = 2;
