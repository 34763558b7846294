import { dnsimpleRequests, type GoogleWrites, googleWrites, recordsPerZone } from "../capacity/usage";
import { STAND_INS_OUTPUT } from "../model/gateway-addresses";
import type { SynthesizedStack } from "../synth/terraform-json";

/** What one stack's first deploy asks of the two APIs (the model of `npm run capacity`, stack by stack). */
export interface StackLoad {
  readonly stack: string;
  /** DNSimple requests of its first apply: one per resource created. */
  readonly dnsimpleRequests: number;
  /** DNSimple requests of a refresh once its resources exist: what a rerun spends before it creates anything. */
  readonly dnsimpleRefreshRequests: number;
  readonly google: GoogleWrites;
  /** It carries the stand-in gateway addresses, so it cannot apply before the platform's are in the settings. */
  readonly standIns: boolean;
}

/** The load of every stack of a province, from its synthesized Terraform. */
export function stackLoads(stacks: readonly SynthesizedStack[]): StackLoad[] {
  const zones = recordsPerZone(stacks);
  return stacks.map((stack) => {
    const requests = dnsimpleRequests(stack, zones);
    return {
      stack: stack.name,
      dnsimpleRequests: requests.firstDeploy,
      dnsimpleRefreshRequests: requests.plan,
      google: googleWrites([stack]),
      standIns: stack.config.output?.[STAND_INS_OUTPUT] !== undefined,
    };
  });
}
