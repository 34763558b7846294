import { withZone, ZONE_TYPES } from "./fixtures";
import type { RuleDefinition } from "./rule";

export const undeclaredTarget: RuleDefinition = {
  id: "DNS-011",
  requires: "records aim only at what the app declares: the gateway's addresses, names in managed zones or listed shared systems",
  fix: "aim at the gateway's address or add the target to sharedSystems",
  judges: ZONE_TYPES,
  fixtures: { failing: withZone((zone) => zone.addRecord({ name: "b", type: "CNAME", value: "unknown.thu.gov.vn" })), lines: ["DNS-011 CNAME b: aims at unknown.thu.gov.vn, which the app does not declare"], passing: withZone((zone) => zone.addRecord({ name: "b", type: "CNAME", value: "qlvb.thu.gov.vn" })) },
};
