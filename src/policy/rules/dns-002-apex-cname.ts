import { withZone, ZONE_TYPES } from "./fixtures";
import type { RuleDefinition } from "./rule";

export const apexCname: RuleDefinition = {
  id: "DNS-002",
  requires: "no CNAME at a zone's apex",
  fix: "point the apex with A/AAAA records instead",
  source: "RFC 1034 §3.6.2",
  judges: ZONE_TYPES,
  fixtures: { failing: withZone((zone) => zone.addRecord({ name: "", type: "CNAME", value: "qlvb.thu.gov.vn" })), lines: ["DNS-002 CNAME at the apex of anphu.thu.gov.vn", "DNS-003 @ has a CNAME and 4 other record(s)"], also: ["DNS-003"], passing: withZone((zone) => zone.addRecord({ name: "qlvb", type: "CNAME", value: "qlvb.thu.gov.vn" })) },
};
