import type { Settings } from "./settings";
import type { AdoptedZone } from "./adopted-zone";
import type { DistrictKind, NewUnitKind, OldUnitKind } from "./unit-kinds";

/**
 * The validated model of one province: plain data, built once from the config and passed down to the
 * constructs. Every name a cloud constrains is derived here, so the constructs never invent one.
 */

export type LookupMode = "archive" | "redirect";
export type MailMode = "forward" | "none";

/** A hostname the shared gateway serves, and what it serves. */
export interface Hostname {
  readonly name: string;
  /** Short, stable role used in resource names: apex, www, mta-sts, archive. */
  readonly role: "apex" | "www" | "mta-sts" | "archive";
  /** GCP name of its DNS authorization, certificate and map entry, from the unit's code and the role. */
  readonly certificateName: string;
}

/** A new commune-level unit (xã, phường, đặc khu) of the two-tier model. */
export interface Commune {
  readonly code: string;
  readonly name: string;
  readonly kind: NewUnitKind;
  readonly formerDistricts: readonly string[];
  readonly label: string;
  readonly domain: string;
  /** Mã định danh điện tử, once issued. */
  readonly identifierCode?: string;
  readonly tenantDisplayName: string;
  readonly bucketName: string;
  /** GCP name of its portal's backend bucket, also the gateway route's name. */
  readonly backendName: string;
  readonly adminGroup: string;
  /** Old domains this commune took over; their old content is served under `archiveHost`. */
  readonly takenOver?: { readonly oldDomain: string; readonly archiveHost: string; readonly oldUnitId: string };
  readonly hostnames: readonly Hostname[];
  readonly predecessors: readonly string[];
}

/** An old unit retired on 1 July 2025: a commune-level unit or a district (huyện, thị xã, thành phố). */
export interface RetiredUnit {
  /** Stable id for Terraform addresses: "22978" for a commune, "d595" for a district. */
  readonly id: string;
  readonly code: string;
  readonly name: string;
  readonly kind: OldUnitKind | DistrictKind;
  readonly district?: string;
  /** Codes of every new unit that received part of it. */
  readonly mergedInto: readonly string[];
  /** Code of the new unit that receives its domain, mail and redirects. */
  readonly successor: string;
  readonly domain: string;
  readonly lookup: LookupMode;
  readonly mail: MailMode;
  readonly identifierCode?: string;
  /** Set when a new unit took this domain over: then the old content lives at `archiveHost` in the new zone. */
  readonly takenOverBy?: string;
  /** The hostname that serves this unit's lookup (archive or redirect): its own domain unless taken over. */
  readonly lookupHosts: readonly Hostname[];
  /**
   * Its prefix in the province's archive bucket ("22978/"), a managed folder, when its lookup is an archive: the
   * gateway rewrites its hostnames' paths under it.
   */
  readonly archiveFolder?: string;
  /** When the successor's admins may copy the old portal's content into its archive folder. */
  readonly migrationWindow?: MigrationWindow;
  readonly legacyTenantId?: string;
}

/** Write access from `from` (00:00 UTC) until the start of `until`, both YYYY-MM-DD. */
export interface MigrationWindow {
  readonly from: string;
  readonly until: string;
}

/** A settings value still marked as a placeholder, which a real deploy must not use. */
export interface Placeholder {
  /** Its key in the settings, e.g. environments.production.gcpProject. */
  readonly key: string;
  readonly row: number;
}

export interface Province {
  /** The config folder's name, e.g. "binh-thuan". */
  readonly id: string;
  readonly settings: Settings;
  readonly communes: readonly Commune[];
  readonly retired: readonly RetiredUnit[];
  /** One bucket holds every old portal's archive, each under its unit's folder. */
  readonly archiveBucketName: string;
  readonly placeholders: readonly Placeholder[];
  /** Zones as they were served before this app (config/<province>/zones/), by zone name order. */
  readonly adoptedZones: readonly AdoptedZone[];
}
