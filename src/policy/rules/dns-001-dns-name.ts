import { withZone, ZONE_TYPES } from "./fixtures";
import type { RuleDefinition } from "./rule";

export const dnsName: RuleDefinition = {
  id: "DNS-001",
  requires: "record names are LDH labels (or _service labels) of at most 63 characters, at most 253 in all",
  fix: "correct the label (a slug in the config, or the construct that writes it)",
  source: "RFC 1035 §2.3.4; RFC 1123 §2.1",
  judges: ZONE_TYPES,
  fixtures: { failing: withZone((zone) => zone.addRecord({ name: "bad_label-", type: "TXT", value: "x" })), lines: ['DNS-001 TXT bad_label-: domain "bad_label-.anphu.thu.gov.vn" has a label that is not letters, digits and inner hyphens ("bad_label-")'], passing: withZone((zone) => zone.addRecord({ name: "_mta-sts.good-label", type: "TXT", value: "x" })) },
};
