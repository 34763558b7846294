import { noMailZone, ZONE_TYPES } from "./fixtures";
import type { RuleDefinition } from "./rule";

export const dmarc: RuleDefinition = {
  id: "MAIL-002",
  requires: "DMARC records follow RFC 9989: v=DMARC1 first, a p= policy, no pct, rf or ri",
  fix: "correct settings.yaml mail.dmarc",
  source: "RFC 9989",
  judges: ZONE_TYPES,
  fixtures: { failing: noMailZone("v=DMARC1; p=reject; pct=50"), lines: ["MAIL-002 DMARC of anphu.thu.gov.vn uses pct=, removed by RFC 9989"], passing: noMailZone("v=DMARC1; p=reject; np=reject") },
};
