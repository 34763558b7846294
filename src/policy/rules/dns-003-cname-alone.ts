import { withZone, ZONE_TYPES } from "./fixtures";
import type { RuleDefinition } from "./rule";

export const cnameAlone: RuleDefinition = {
  id: "DNS-003",
  requires: "a CNAME is the only record at its name",
  fix: "remove the other records at that name, or use A/AAAA instead of the CNAME",
  source: "RFC 1034 §3.6.2",
  judges: ZONE_TYPES,
  fixtures: { failing: withZone((zone) => { zone.addRecord({ name: "www", type: "CNAME", value: "qlvb.thu.gov.vn" }); zone.addRecord({ name: "www", type: "TXT", value: "x" }); }), lines: ["DNS-003 www has a CNAME and 1 other record(s)"], passing: withZone((zone) => { zone.addRecord({ name: "www", type: "CNAME", value: "qlvb.thu.gov.vn" }); zone.addRecord({ name: "www2", type: "TXT", value: "x" }); }) },
};
