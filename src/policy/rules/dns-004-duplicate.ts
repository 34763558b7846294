import { withZone, ZONE_TYPES } from "./fixtures";
import type { RuleDefinition } from "./rule";

export const duplicate: RuleDefinition = {
  id: "DNS-004",
  requires: "no record is declared twice",
  fix: "declare it once",
  judges: ZONE_TYPES,
  fixtures: { failing: withZone((zone) => { zone.addRecord({ name: "a", type: "TXT", value: "x" }); zone.addRecord({ name: "a", type: "TXT", value: "x" }); }), lines: ["DNS-004 TXT a x is declared 2 times"], passing: withZone((zone) => { zone.addRecord({ name: "a", type: "TXT", value: "x" }); zone.addRecord({ name: "a", type: "TXT", value: "y" }); }) },
};
