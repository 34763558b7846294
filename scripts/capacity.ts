/**
 * npm run capacity: what a deploy of the province needs of Google Cloud and DNSimple — every quota, hard limit and
 * rate it meets, from the synthesized stacks — so that quota increases are requested before the deploy.
 *   PROVINCE    config folder under config/ (default lam-dong)
 *   ENV         offline (default), staging or production
 *   --generated=NEW,OLD   instead of PROVINCE, the benchmark's generated province of NEW new and OLD old units
 *                         (src/capacity/generated-province.ts; e.g. --generated=400,1200, larger than any real province)
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateProvince } from "../src/capacity/generated-province";
import { formatCapacity } from "../src/capacity/format-capacity";
import { provinceCapacity } from "../src/app/province-capacity";
import { loadProvince, provinceDir } from "../src/load/load-province";
import { ConfigError } from "../src/load/problems";
import { formatViolations } from "../src/policy/check-app";
import { environmentOf, provinceName } from "../src/runtime/province-command";

function main(): void {
  // One scratch folder for the generated province's config and the synth, removed whatever happens.
  const work = mkdtempSync(join(tmpdir(), "capacity-"));
  try {
    const generated = /^--generated=(\d+),(\d+)$/.exec(process.argv[2] ?? "");
    const province = generated
      ? loadProvince(generateProvince(work, { id: `generated-${generated[1]}`, name: "Tỉnh Thử Nghiệm", newUnits: Number(generated[1]), oldUnits: Number(generated[2]), seed: Number(generated[1]) }).dir)
      : loadProvince(provinceDir(provinceName()));
    const environment = environmentOf(province);
    const capacity = provinceCapacity(province, environment, join(work, "cdktf.out"));
    if ("violations" in capacity) {
      process.stderr.write(formatViolations(capacity.violations));
      process.exitCode = 1;
      return;
    }
    process.stdout.write(`${province.settings.province} (ENV=${environment.name}, project ${environment.gcpProject}): what a deploy needs\n\n${formatCapacity(capacity.figures)}`);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(error.message);
    process.exitCode = 1;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main();
