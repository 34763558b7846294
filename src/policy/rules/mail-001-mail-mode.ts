import { withZone, ZONE_TYPES } from "./fixtures";
import type { RuleDefinition } from "./rule";

export const mailMode: RuleDefinition = {
  id: "MAIL-001",
  requires: "each zone is in one mail mode: hosted (≥ 2 MX, SPF, DMARC, MTA-STS, TLS-RPT), none (null MX alone, SPF -all, DMARC p=reject) or forwarding (forwards, no MX)",
  fix: "let MailDomain write the zone's mail records",
  source: "RFC 7505 (null MX); RFC 8461 (MTA-STS); RFC 8460 (TLS-RPT)",
  judges: [...ZONE_TYPES, "dnsimple_email_forward"],
  fixtures: { failing: withZone((zone) => zone.addRecord({ name: "", type: "MX", value: "mx1.thu.gov.vn", priority: 10 })), lines: ["MAIL-001 anphu.thu.gov.vn: a null MX must stand alone (no other MX, no forwards)"], passing: withZone((zone) => zone.addRecord({ name: "lists", type: "MX", value: "mx1.thu.gov.vn", priority: 10 })) },
};
