/**
 * `npm run report`: writes the rollout report of one province (Markdown, CSV, HTML) from its config alone.
 *   PROVINCE    config folder under config/ (default binh-thuan)
 *   REPORT_DIR  output folder (default report/<province>/ below the project root, git-ignored)
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { DEFAULT_PROVINCE, loadProvince, provinceDir } from "../src/load/load-province";
import { ConfigError } from "../src/load/problems";
import type { Province } from "../src/model/province";
import { renderRolloutReport } from "../src/report";

function today(): string {
  // The date in Vietnam, written dd/mm/yyyy.
  const parts = new Intl.DateTimeFormat("en-GB", { timeZone: "Asia/Ho_Chi_Minh", day: "2-digit", month: "2-digit", year: "numeric" }).format(new Date());
  return parts;
}

function main(): void {
  const province = process.env.PROVINCE || DEFAULT_PROVINCE;
  let model: Province;
  try {
    model = loadProvince(provinceDir(province));
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(error.message);
      process.exitCode = 1;
      return;
    }
    throw error;
  }
  const outDir = resolve(process.env.REPORT_DIR || join(__dirname, "..", "report", province));
  mkdirSync(outDir, { recursive: true });
  for (const [name, content] of Object.entries(renderRolloutReport(model, { generatedOn: today() }))) {
    const path = join(outDir, name);
    writeFileSync(path, content, "utf8");
    process.stdout.write(`wrote ${relative(process.cwd(), path) || path}\n`);
  }
}

main();
