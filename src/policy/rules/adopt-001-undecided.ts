import { ADOPTED_FILE, adopted, oldApex, ZONE_TYPES } from "./fixtures";
import type { RuleDefinition } from "./rule";

export const undecided: RuleDefinition = {
  id: "ADOPT-001",
  requires: "every record of an adopted zone carries a decision: keep, replace (or system for SOA, apex NS and DNSSEC)",
  fix: "review the record in config/<province>/zones/<zone>.yaml and write keep (declared as it is) or replace (the plan's record takes its place)",
  judges: ZONE_TYPES,
  fixtures: {
    failing: adopted({ ...oldApex, name: "ftp", decision: "decide" }),
    lines: [`ADOPT-001 A ftp 203.0.113.30 in ${ADOPTED_FILE} needs a decision`],
    passing: adopted({ ...oldApex, name: "ftp", decision: "keep" }),
  },
};
