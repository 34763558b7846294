import { Construct } from "constructs";
import type { RetiredMailSettings } from "../model/settings";
import type { AdoptedZone } from "../model/adopted-zone";
import type { Commune, RetiredUnit } from "../model/province";
import { forwardMailbox } from "../model/retired-mail";
import { ArchiveFolder } from "./archive-folder";
import type { DnsZone } from "./dns-zone";
import { IdentityTenant } from "./identity-tenant";
import { MailDomain } from "./mail-domain";
import { type GatewayEndpoint, siteCertificates, siteZone } from "./site-zone";

export interface RetiredSiteProps {
  readonly unit: RetiredUnit;
  /** The new unit that receives its domain, mail and redirects. */
  readonly successor: Commune;
  /** Where its mail goes when it is forwarded (retirement in the settings). */
  readonly retiredMail: RetiredMailSettings;
  /** Where DMARC reports go (mail.dmarc.reportTo). */
  readonly dmarcReportTo: string;
  readonly gateway: GatewayEndpoint;
  readonly labels: Readonly<Record<string, string>>;
  /** What its zone held before, from config/<province>/zones/. */
  readonly adoptedZone?: AdoptedZone;
  /** Whether this environment imports what exists already (DnsZone, and the legacy tenant). */
  readonly importExisting: boolean;
  /** The province's archive bucket, where this unit's archive is a folder. */
  readonly archiveBucketName: string;
}

/**
 * An old unit retired without going dark: its domain keeps answering (an archive of its portal or a 301 to its
 * successor), its mail reaches the successor or is refused, its tenant is switched off but kept. When a new unit
 * took its domain over, only the archive remains here; the new unit's zone serves it at luutru.<domain>.
 */
export class RetiredSite extends Construct {
  /** Its own zone, unless a new unit took its domain over. */
  readonly zone?: DnsZone;

  constructor(scope: Construct, id: string, props: RetiredSiteProps) {
    super(scope, id);
    const { unit, successor, retiredMail, gateway } = props;
    if (unit.archiveFolder) {
      const window = unit.migrationWindow;
      new ArchiveFolder(this, "archive", {
        bucketName: props.archiveBucketName,
        folder: unit.archiveFolder,
        // The successor's admins copy the old content in during the window. The grant is declared whatever the
        // day: its IAM condition opens and closes it, so the Terraform is the same on any day and shows no drift.
        writer: window ? { member: `group:${successor.adminGroup}`, window } : undefined,
      });
    }
    if (unit.legacyTenantId) {
      new IdentityTenant(this, "identity", { displayName: `Old${unit.id}`, portalDomain: unit.domain, disabled: true, importId: unit.legacyTenantId });
    }
    if (unit.takenOverBy) return;

    const zone = siteZone(this, { domain: unit.domain, hostnames: unit.lookupHosts, gateway, adoptedZone: props.adoptedZone, importExisting: props.importExisting });
    this.zone = zone;
    siteCertificates(this, zone, unit.lookupHosts, gateway, props.labels);
    const reportTo = props.dmarcReportTo;
    new MailDomain(this, "mail", {
      zone,
      mode:
        unit.mail === "forward"
          ? { kind: "forward", catchAllTo: forwardMailbox(retiredMail.forwardMailbox, successor.domain), roleAddresses: retiredMail.roleAddresses, roleDomain: successor.domain, reportTo }
          : { kind: "none", reportTo },
    });
  }
}
