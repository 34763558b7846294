import { withZone, ZONE_TYPES } from "./fixtures";
import type { RuleDefinition } from "./rule";

export const spf: RuleDefinition = {
  id: "DNS-007",
  requires: "at most one SPF record per name, at most 10 DNS lookups, no ptr, ending in ~all or -all",
  fix: "merge the SPF records and trim the mechanisms in settings.yaml mail.spfMechanisms",
  source: "RFC 7208 §3.2, §4.6.4, §5.5",
  judges: ZONE_TYPES,
  fixtures: { failing: withZone((zone) => zone.addRecord({ name: "", type: "TXT", value: "v=spf1 ptr -all" })), lines: ["DNS-007 @ has 2 SPF records", "DNS-007 SPF at @ uses ptr"], passing: withZone((zone) => zone.addRecord({ name: "lists", type: "TXT", value: "v=spf1 include:_spf.thu.gov.vn -all" })) },
};
