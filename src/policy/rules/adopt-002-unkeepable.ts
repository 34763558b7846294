import { adopted, oldApex, ZONE_TYPES } from "./fixtures";
import type { RuleDefinition } from "./rule";

export const unkeepable: RuleDefinition = {
  id: "ADOPT-002",
  requires: "a kept record can stand beside the plan's: no old address where the plan points at the gateway, no second DMARC, MTA-STS or TLS-RPT record, nothing at or below a name the plan delegates to another zone",
  fix: "write decision: replace for it in config/<province>/zones/<zone>.yaml (or adopt it into the delegated zone)",
  source: "RFC 7489 §6.6.3 (several DMARC records: none applies); RFC 8461 §3.1 (several MTA-STS records: no policy); RFC 8460 §3 (several TLS-RPT records: no reports); RFC 1034 §4.2.1 (data below a zone cut is not the zone's)",
  judges: ZONE_TYPES,
  fixtures: {
    failing: adopted({ ...oldApex, decision: "keep" }),
    lines: ["ADOPT-002 kept A @ 203.0.113.30: the plan points @ at the gateway, and an old address beside it would send visitors elsewhere"],
    passing: adopted({ ...oldApex, decision: "replace" }),
  },
};
