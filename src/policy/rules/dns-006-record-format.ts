import { withZone, ZONE_TYPES } from "./fixtures";
import type { RuleDefinition } from "./rule";

export const recordFormat: RuleDefinition = {
  id: "DNS-006",
  requires: "record types are upper-case and supported; TXT at most 1000 characters; no NS or SOA at the apex",
  fix: "correct the type or split the TXT value",
  source: "dnsimple provider 2.0.0 validators.RecordType (\"Record type must be specified in UPPERCASE\"); DNSimple record limits",
  judges: ZONE_TYPES,
  fixtures: { failing: withZone((zone) => zone.addRecord({ name: "t", type: "txt" as "TXT", value: "y".repeat(1001) })), lines: ['DNS-006 txt t: type "txt" is not an upper-case supported type'], passing: withZone((zone) => zone.addRecord({ name: "t", type: "TXT", value: "y".repeat(1000) })) },
};
