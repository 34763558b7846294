import { goodZone, withZone, ZONE_TYPES } from "./fixtures";
import type { RuleDefinition } from "./rule";

export const caa: RuleDefinition = {
  id: "DNS-008",
  requires: "every zone's apex has CAA issue \"pki.goog\" and an explicit issuewild",
  fix: "keep the CAA records the site constructs write",
  source: "RFC 8659; Certificate Manager issues through pki.goog",
  judges: ZONE_TYPES,
  fixtures: {
    failing: { build: (stack) => { const zone = goodZone(stack); zone.node.tryRemoveChild("apex-CAA-2"); } },
    lines: ['DNS-008 the apex of anphu.thu.gov.vn lacks CAA issue "pki.goog" or an explicit issuewild'],
    passing: withZone(() => undefined),
  },
};
