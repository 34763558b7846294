import { archiveBucketName, bucketQualifier, portalBucketName } from "./cloud-names";
import type { Hostname, Province } from "./province";

/**
 * Every environment's names, from production's: the model (src/load/build-province.ts) derives production's, which
 * the offline synth previews as they are; staging's follow here, so that staging and production never share a
 * name in a global or cross-project namespace (the README's naming table; rules ENV-001 to ENV-003).
 *
 * | name                                  | namespace                                 | staging                       |
 * | ------------------------------------- | ----------------------------------------- | ----------------------------- |
 * | zones, hostnames, certificate domains | public DNS (one `_acme-challenge` per     | under `<subdomain>.<parent>`  |
 * |                                       | name across projects), DNSimple account   |                               |
 * | buckets (portals, archive)            | global (all of Cloud Storage)             | `-stg-` for `-prod-`          |
 * | state bucket                          | global                                    | its own (settings)            |
 * | GCP resource names, tenants, the      | per project                               | unchanged: its own project    |
 * | Identity Platform config (one)        |                                           |                               |
 * | records, forwards, folders, objects   | inside their zone or bucket               | follow their zone or bucket   |
 */

export type EnvironmentName = "offline" | "staging" | "production";

/** The label staging's names sit under when the settings name none. */
export const DEFAULT_STAGING_SUBDOMAIN = "staging";

const isUnder = (name: string, suffix: string) => name === suffix || name.endsWith(`.${suffix}`);

/** The longest of `anchors` that `name` is or lies under. */
function anchorOf(name: string, anchors: ReadonlyMap<string, string>): string | undefined {
  for (let suffix = name; ; ) {
    if (anchors.has(suffix)) return suffix;
    const dot = suffix.indexOf(".");
    if (dot < 0) return undefined;
    suffix = suffix.slice(dot + 1);
  }
}

/**
 * Staging's DNS name for each of production's. With P the province's parentDomain and S the staging subdomain: a
 * name under P becomes `<rest>.S.P`; a name under another parent Q that the config declares (a district's
 * parentDomain: an old province's domain, such as binhthuan.gov.vn in lam-dong) becomes `<rest>.<Q, its dots as
 * hyphens>.S.P`; a zone under neither (a custom `domain` cell) becomes one label the same way, and the names below
 * it follow it. So every zone nests in staging as in production, and the whole of staging lives under S.P in the
 * real DNSimple account, where its certificates can issue. Q keeps its dots as hyphens rather than only its first
 * label: lam-dong's Phường Bình Thuận is binhthuan.lamdong.gov.vn, so `binhthuan.S.P` would put Bình Thuận's old
 * districts inside a commune's zone, and a commune added later could move them.
 */
export function stagingNamer(province: Pick<Province, "settings" | "communes" | "retired">, subdomain: string): (name: string) => string {
  const parent = province.settings.parentDomain;
  const root = `${subdomain}.${parent}`;
  const underRoot = (domain: string) => `${domain.replace(/\./g, "-")}.${root}`;
  const anchors = new Map<string, string>([[parent, root]]);
  for (const district of Object.values(province.settings.districts)) {
    const other = district.parentDomain;
    if (other && !isUnder(other, parent)) anchors.set(other, underRoot(other));
  }
  // Outermost first, so that a custom zone below another custom zone follows it.
  const zones = [...province.communes.map((commune) => commune.domain), ...province.retired.map((unit) => unit.domain)].sort((a, b) => a.length - b.length);
  for (const zone of zones) if (!anchorOf(zone, anchors)) anchors.set(zone, underRoot(zone));
  return (name) => {
    const anchor = anchorOf(name, anchors);
    return anchor ? name.slice(0, name.length - anchor.length) + anchors.get(anchor)! : underRoot(name);
  };
}

/**
 * The province as `environment` deploys it: production's model for offline and production; for staging, every
 * domain and hostname under the staging subdomain, `-stg-` buckets, and nothing of production's adopted (zones and
 * their records, legacy tenants) or written (no record outside staging's own zones: the parent zone stays its
 * operator's, even when production manages it, and staging's top-level zones are handed over like an unmanaged
 * parent's). Mail hosts, shared-system targets and report mailboxes stay as configured.
 */
export function provinceFor(province: Province, environment: EnvironmentName): Province {
  if (environment !== "staging") return province;
  const { settings } = province;
  const subdomain = settings.environments.staging?.subdomain ?? DEFAULT_STAGING_SUBDOMAIN;
  const rename = stagingNamer(province, subdomain);
  const host = (hostname: Hostname): Hostname => ({ ...hostname, name: rename(hostname.name) });
  const qualifier = bucketQualifier(environment);
  return {
    ...province,
    settings: {
      ...settings,
      parentDomain: rename(settings.parentDomain),
      parentZoneManaged: false,
      legacyTenants: {},
    },
    communes: province.communes.map((commune) => ({
      ...commune,
      domain: rename(commune.domain),
      bucketName: portalBucketName(settings.bucketPrefix, qualifier, commune.code),
      hostnames: commune.hostnames.map(host),
      takenOver: commune.takenOver && { ...commune.takenOver, oldDomain: rename(commune.takenOver.oldDomain), archiveHost: rename(commune.takenOver.archiveHost) },
    })),
    // Legacy tenants exist in production's project: staging has none to import.
    retired: province.retired.map((unit) => ({ ...unit, domain: rename(unit.domain), lookupHosts: unit.lookupHosts.map(host), legacyTenantId: undefined })),
    archiveBucketName: archiveBucketName(settings.bucketPrefix, qualifier),
    // What production's zones held before (config/<province>/zones/) is theirs: staging's zones start empty.
    adoptedZones: [],
  };
}
