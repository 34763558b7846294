import { withZone, ZONE_TYPES } from "./fixtures";
import type { RuleDefinition } from "./rule";

export const ttl: RuleDefinition = {
  id: "DNS-005",
  requires: "TTL between 60 and 86400 seconds, one TTL per record set",
  fix: "use one TTL in range for all records of the same name and type",
  source: "DNSimple: minimum TTL 60; RFC 2181 §5.2",
  judges: ZONE_TYPES,
  fixtures: { failing: withZone((zone) => { zone.addRecord({ name: "a", type: "TXT", value: "x", ttl: 30 }); zone.addRecord({ name: "a", type: "TXT", value: "y", ttl: 60 }); }), lines: ["DNS-005 TXT a: TTL 30 is outside 60-86400", "DNS-005 TXT a: 2 different TTLs in one record set"], passing: withZone((zone) => { zone.addRecord({ name: "a", type: "TXT", value: "x", ttl: 60 }); zone.addRecord({ name: "a", type: "TXT", value: "y", ttl: 60 }); }) },
};
