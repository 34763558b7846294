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
import { type CommandIo, failureExit, processIo } from "../runtime/command-io";
import { environmentOf, provinceName } from "../runtime/province-command";

/** The line above the table: which province, for which environment and project. */
export function capacityHeading(province: Province, environment: DeployEnvironment): string {
  return `${province.settings.province} (ENV=${environment.name}, project ${environment.gcpProject}): what a deploy needs`;
}

/**
 * `npm run capacity` (scripts/capacity.ts says what it reads and prints) with `argv` (its arguments after `--`):
 * here so that tests run it in-process; the script hands it the process's environment and streams. Returns the exit
 * code: 0 the table printed, 1 a bad config or a policy violation.
 */
export function runCapacity(argv: readonly string[], io: CommandIo = processIo): number {
  // One scratch folder for the generated province's config and the synth, removed whatever happens.
  const work = mkdtempSync(join(tmpdir(), "capacity-"));
  try {
    const generated = /^--generated=(\d+),(\d+)$/.exec(argv[0] ?? "");
    const province = generated
      ? loadProvince(generateProvince(work, { id: `generated-${generated[1]}`, name: "Tỉnh Thử Nghiệm", newUnits: Number(generated[1]), oldUnits: Number(generated[2]), seed: Number(generated[1]) }).dir)
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
    return failureExit(error, io);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
