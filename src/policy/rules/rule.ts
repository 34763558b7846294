import type { TerraformStack } from "cdktf";
import type { DeployEnvironment } from "../../model/environment";
import type { SynthesizedStack } from "../../synth/terraform-json";

/** What a finding names: a rule's stable id (used in suppressions), what it requires, and the fix. */
export interface PolicyRule {
  readonly id: string;
  readonly requires: string;
  readonly fix: string;
  /** Where a provider's or a cloud's constraint is written down; absent for this project's own convention. */
  readonly source?: string;
}

/** Constructs declared in one stack (the Protection aspect on unless `protect` is false), checked as the synth checks them. */
export interface ConstructFixture {
  readonly build: (stack: TerraformStack) => void;
  /** The zone limit of the settings (dnsimple.maxRecordsPerZone), when the rule reads it. */
  readonly maxRecordsPerZone?: number;
  readonly protect?: boolean;
}
/** Synthesized stacks, for the rules that read the Terraform a synth writes (src/policy/output-checks.ts). */
export type OutputFixture = readonly SynthesizedStack[];
/** A small province whose settings end with these environments (src/policy/environment-checks.ts). */
export interface EnvironmentsFixture {
  readonly environments: string;
}
/** Synthesized stacks deployed to an environment: its organization's policies (src/policy/organization-policies.ts). */
export interface OrganizationFixture {
  readonly stacks: OutputFixture;
  readonly environment: DeployEnvironment;
}
/** Synthesized stacks on a day: the warning the synth command asks after the synth (expiredConditions). */
export interface WarningFixture {
  readonly stacks: OutputFixture;
  readonly today: string;
}
export type RuleFixture = ConstructFixture | OutputFixture | EnvironmentsFixture | OrganizationFixture | WarningFixture;

/** A rule seen failing and passing, as close to each other as the rule allows. */
export interface RuleFixtures {
  readonly failing: RuleFixture;
  /** Every line the failing fixture gives, "<rule> <message>" (on synthesized stacks: "<rule> <path>: <message>"). */
  readonly lines: readonly string[];
  /** Other rules the failing fixture cannot help tripping too (a public writer is also a public lister). */
  readonly also?: readonly string[];
  readonly passing: RuleFixture;
}

/** A rule of the policy pack, with the resource types it reads and its fixtures (__tests__/policy-rules.test.ts runs them). */
export interface RuleDefinition extends PolicyRule {
  /** Resource types it judges: the pack accepts exactly the types some rule judges (src/policy/resource-types.ts). */
  readonly judges: readonly string[];
  readonly fixtures: RuleFixtures;
}
