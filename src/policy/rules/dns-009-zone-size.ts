import { withZone, ZONE_TYPES } from "./fixtures";
import type { RuleDefinition } from "./rule";

export const zoneSize: RuleDefinition = {
  id: "DNS-009",
  requires: "at most maxRecordsPerZone records in a zone (DNSimple plan limit)",
  fix: "move delegated old domains elsewhere, trim shared systems, or raise dnsimple.maxRecordsPerZone if the plan allows",
  source: "https://dnsimple.com/pricing (100 records per zone on the Solo and Teams plans)",
  judges: ZONE_TYPES,
  fixtures: { failing: { ...withZone(() => undefined), maxRecordsPerZone: 4 }, lines: ["DNS-009 anphu.thu.gov.vn has 5 records (at most 4)"], passing: { ...withZone(() => undefined), maxRecordsPerZone: 5 } },
};
