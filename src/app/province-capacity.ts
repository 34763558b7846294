import type { DeployEnvironment } from "../model/environment";
import type { Province } from "../model/province";
import type { PolicyViolation } from "../policy/policy-pack";
import { type CapacityFigure, capacityFigures } from "../capacity/figures";
import { synthesizeProvince } from "./synthesize";

/** Synthesizes the province into `workdir` (policy pack included) and measures what its deploy needs. */
export function provinceCapacity(province: Province, environment: DeployEnvironment, workdir: string): { figures: CapacityFigure[] } | { violations: readonly PolicyViolation[] } {
  const result = synthesizeProvince(province, environment, workdir);
  if ("violations" in result) return result;
  const { maxRecordsPerZone, hourlyRequestLimit } = province.settings.dnsimple;
  return { figures: capacityFigures(result.stacks, maxRecordsPerZone, hourlyRequestLimit) };
}
