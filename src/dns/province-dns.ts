import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { synthesizeProvince } from "../app/synthesize";
import { checkDeployReadiness } from "../load/deploy-readiness";
import { loadProvince, provinceDir } from "../load/load-province";
import { type ConfigProblem, ConfigError } from "../load/problems";
import { type DeployEnvironment } from "../model/environment";
import type { Province } from "../model/province";
import type { PolicyViolation } from "../policy/policy-pack";
import type { SynthesizedStack } from "../synth/terraform-json";
import { type AppliedState, readAppliedState } from "./applied-state";
import { type DeclaredZone, declaredZones } from "./declared-dns";
import { type HandoverZone, handoverZones } from "./handover";
import { environmentOf, provinceName } from "../runtime/province-command";

/** What a province declares in DNS, as zone-files writes it and verify checks it. */
export interface ProvinceDns {
  readonly province: Province;
  readonly environment: DeployEnvironment;
  readonly stacks: readonly SynthesizedStack[];
  readonly zones: readonly DeclaredZone[];
  readonly handovers: readonly HandoverZone[];
  /** Whether values came from applied state (`--state`). */
  readonly withState: boolean;
}

/**
 * Loads PROVINCE (under `root`) for ENV as the synth does — same checks, same stacks, synthesized in a temp folder
 * removed afterwards — and reads its DNS, with the applied state of `stateDir` when given. A bad config, state or
 * ENV throws ConfigError (every problem at once); policy violations and unreadable state files are returned.
 */
export function loadProvinceDns(
  root: string,
  env: NodeJS.ProcessEnv,
  stateDir?: string,
): ProvinceDns | { readonly violations: readonly PolicyViolation[] } | { readonly stateProblems: readonly ConfigProblem[] } {
  const dir = provinceDir(provinceName(env), root);
  const province = loadProvince(dir);
  const environment = environmentOf(province, env);
  const problems = checkDeployReadiness(province, environment, relative(process.cwd(), join(dir, "settings.yaml")));
  if (problems.length > 0) throw new ConfigError(problems);
  const work = mkdtempSync(join(tmpdir(), "province-dns-"));
  try {
    const result = synthesizeProvince(province, environment, work);
    if ("violations" in result) return result;
    const state = stateDir === undefined ? undefined : readAppliedState(stateDir, result.stacks.map((stack) => stack.name));
    if (Array.isArray(state)) return { stateProblems: state };
    return provinceDnsOf(province, environment, result.stacks, state);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** What the synthesized `stacks` of a province declare in DNS, with the values of the applied `state` when given. */
export function provinceDnsOf(province: Province, environment: DeployEnvironment, stacks: readonly SynthesizedStack[], state?: AppliedState): ProvinceDns {
  const zones = declaredZones(stacks, state);
  return { province, environment, stacks, zones, handovers: handoverZones(zones, province.settings), withState: state !== undefined };
}
