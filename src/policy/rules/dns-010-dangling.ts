import { withZone, ZONE_TYPES } from "./fixtures";
import type { RuleDefinition } from "./rule";

export const dangling: RuleDefinition = {
  id: "DNS-010",
  requires: "a CNAME aimed inside its own zone names a record that exists",
  fix: "declare the target record or correct the CNAME",
  judges: ZONE_TYPES,
  fixtures: { failing: withZone((zone) => zone.addRecord({ name: "a", type: "CNAME", value: "nothing.anphu.thu.gov.vn" })), lines: ["DNS-010 CNAME a: aims at nothing.anphu.thu.gov.vn, which has no record in anphu.thu.gov.vn"], passing: withZone((zone) => { zone.addRecord({ name: "a", type: "CNAME", value: "b.anphu.thu.gov.vn" }); zone.addRecord({ name: "b", type: "TXT", value: "x" }); }) },
};
