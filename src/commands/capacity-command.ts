import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { provinceCapacity } from "../app/province-capacity";
import { formatCapacity } from "../capacity/format-capacity";
import { generateProvince } from "../capacity/generated-province";
import { loadProvince, provinceDir } from "../load/load-province";
import type { DeployEnvironment } from "../model/environment";
import type { Province } from "../model/province";
import { formatViolations } from "../policy/check-app";
import { type CommandIo, commandArgs, failureExit, processIo, UsageError } from "../runtime/command-io";
import { environmentOf, provinceName } from "../runtime/province-command";

export const CAPACITY_USAGE = "usage: [PROVINCE=<folder>] [ENV=offline|staging|production] npm run capacity [-- --generated=NEW,OLD]\n";

/** The benchmark's generated province to size instead of PROVINCE, if asked for: its new and old units. */
function generatedSize(argv: readonly string[]): { newUnits: number; oldUnits: number } | undefined {
  const { generated } = commandArgs({ args: [...argv], allowPositionals: false, options: { generated: { type: "string" } } }).values;
  if (generated === undefined) return undefined;
  const size = /^([1-9]\d*),([1-9]\d*)$/.exec(generated);
  if (!size) throw new UsageError(`--generated=${generated} is not NEW,OLD: two whole numbers of units, for example --generated=400,1200`);
  return { newUnits: Number(size[1]), oldUnits: Number(size[2]) };
}

/** The line above the table: which province, for which environment and project. */
export function capacityHeading(province: Province, environment: DeployEnvironment): string {
  return `${province.settings.province} (ENV=${environment.name}, project ${environment.gcpProject}): what a deploy needs`;
}

/**
 * `npm run capacity` (scripts/capacity.ts says what it reads and prints) with `argv` (its arguments after `--`):
 * here so that tests run it in-process; the script hands it the process's environment and streams. Returns the exit
 * code: 0 the table printed, 1 a bad config or a policy violation, 2 a usage error.
 */
export function runCapacity(argv: readonly string[], io: CommandIo = processIo): number {
  // One scratch folder for the generated province's config and the synth, removed whatever happens.
  const work = mkdtempSync(join(tmpdir(), "capacity-"));
  try {
    const generated = generatedSize(argv);
    const province = generated
      ? loadProvince(generateProvince(work, { id: `generated-${generated.newUnits}`, name: "Tỉnh Thử Nghiệm", ...generated, seed: generated.newUnits }).dir)
      : loadProvince(provinceDir(provinceName(io.env)));
    const environment = environmentOf(province, io.env);
    const capacity = provinceCapacity(province, environment, join(work, "cdktf.out"));
    if ("violations" in capacity) {
      io.stderr(formatViolations(capacity.violations));
      return 1;
    }
    io.stdout(`${capacityHeading(province, environment)}\n\n${formatCapacity(capacity.figures)}`);
    return 0;
  } catch (error) {
    return failureExit(error, io, { usage: CAPACITY_USAGE, prefix: "capacity: " });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
