import { copyFileSync, existsSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { loadProvince, provinceNameProblem } from "../load/load-province";
import { ConfigError, type ConfigProblem } from "../load/problems";
import { provinceLabel } from "./domains";
import { NATIONAL_DATA, readNationalProvinces } from "./national-provinces";
import { planProvince } from "./plan";
import { identifyProvince } from "./province-identity";
import { renderDecisions, renderSummary } from "./render-decisions";
import { renderSettings } from "./render-settings";
import { renderListsSources, renderNationalSources } from "./render-sources";
import { renderTables } from "./render-tables";
import { sizeShards } from "./shards";
import { readSource } from "./source";

export interface ScaffoldRequest {
  /** The config folder to write: config/<folder>/. */
  readonly folder: string;
  /** A folder holding new-units.csv, old-units.csv and districts.csv; by default the bundled data of `folder`. */
  readonly from?: string;
  /**
   * The caller's directory, which `from` is relative to: `npm run` runs the command in the project root and passes
   * the caller's directory in INIT_CWD. By default the process's.
   */
  readonly cwd?: string;
  /** Replace config/<folder>/ when it exists. */
  readonly force: boolean;
  /** The project root, with config/ and data/vn-2025/ below it. */
  readonly root: string;
}

export type ScaffoldOutcome =
  | { readonly written: string; readonly summary: string }
  /** `input`: the request or the data is wrong. `output`: the loader refused what the scaffold wrote (a bug). */
  | { readonly problems: readonly ConfigProblem[]; readonly stage: "input" | "output" };

/**
 * Writes config/<folder>/ for one province from its three-file lists: every decision the data leaves open made
 * by a stated rule and marked "to confirm", so that the config synthesizes as written. The files are staged
 * beside the config folders and checked with the loader before they replace anything; on any problem nothing
 * is written.
 */
export function scaffoldProvince(request: ScaffoldRequest): ScaffoldOutcome {
  const { folder, root, force, from } = request;
  const shown = (path: string) => relative(process.cwd(), path) || path;
  const sourceDir = from === undefined ? join(root, NATIONAL_DATA, folder) : resolve(request.cwd ?? process.cwd(), from);
  const configDir = join(root, "config");
  const target = join(configDir, folder);

  const nameProblem = provinceNameProblem(folder);
  if (nameProblem) return { stage: "input", problems: [{ file: "<folder>", message: nameProblem, fix: "name the config folder like the bundled provinces (lam-dong, ha-noi): lower-case ASCII words joined by hyphens" }] };
  const problems: ConfigProblem[] = [];
  const national = readNationalProvinces(root);
  if (!existsSync(sourceDir)) {
    const provinces = readdirSync(join(root, NATIONAL_DATA), { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
    // A province of the 34 whose lists are not bundled (Đồng Tháp, Cà Mau): its lists are to be given.
    const unbundled = national.national?.provinces.find((province) => provinceLabel(province.name) === folder.replace(/-/g, ""));
    problems.push(from !== undefined
      ? { file: shown(sourceDir), message: "the folder does not exist", fix: "give the folder that holds new-units.csv, old-units.csv and districts.csv" }
      : unbundled
        ? { file: shown(sourceDir), message: `the lists of ${unbundled.name} (${unbundled.code}) are not bundled`, fix: `give its new-units.csv, old-units.csv and districts.csv with --from <dir>` }
        : { file: shown(sourceDir), message: "no bundled province has this folder name", fix: `use one of ${provinces.join(", ")}; or give the province's new-units.csv, old-units.csv and districts.csv with --from <dir>` });
  }
  if (existsSync(target) && !force) {
    problems.push({ file: shown(target), message: "the folder exists already", fix: "choose another folder name, or pass --force to replace it (edits made in it are lost)" });
  }
  if (problems.length > 0) return { stage: "input", problems };

  const read = readSource(sourceDir);
  if (!read.source || !national.national) return { stage: "input", problems: [...read.problems, ...national.problems] };
  const identified = identifyProvince(read.source, folder, national.national);
  if (!identified.identity) return { stage: "input", problems: identified.problems };
  const plan = planProvince(read.source, folder, identified.identity);
  const origin = from === undefined ? `from the bundled data ${NATIONAL_DATA}/${folder}/` : "from the new-units.csv, old-units.csv and districts.csv given with --from";

  const staging = mkdtempSync(join(configDir, `.new-${folder}-`));
  try {
    const tables = renderTables(plan);
    writeFileSync(join(staging, "new-units.csv"), tables.newUnits);
    writeFileSync(join(staging, "old-units.csv"), tables.oldUnits);
    // The stacks are sized on the model the loader builds from the written config, then written in.
    writeFileSync(join(staging, "settings.yaml"), renderSettings({ plan, origin, communeShards: 1 }));
    const communeShards = sizeShards(loadProvince(staging), plan.decisions);
    writeFileSync(join(staging, "settings.yaml"), renderSettings({ plan, origin, communeShards }));
    const province = loadProvince(staging);
    writeFileSync(join(staging, "DECISIONS.md"), renderDecisions(plan.name, folder, origin, plan.decisions));
    if (read.source.sourcesFile) copyFileSync(read.source.sourcesFile, join(staging, "SOURCES.md"));
    else writeFileSync(join(staging, "SOURCES.md"), from === undefined ? renderNationalSources(folder) : renderListsSources(folder, from, read.source));

    if (existsSync(target)) {
      const previous = `${staging}.previous`;
      renameSync(target, previous);
      renameSync(staging, target);
      rmSync(previous, { recursive: true, force: true });
    } else renameSync(staging, target);
    const counts = `${province.communes.length} new units, ${province.retired.length} retired units (${plan.source.joined.oldDrafts.length} old units and ${province.retired.length - plan.source.joined.oldDrafts.length} districts)`;
    const note = identified.identity.folderNote ? `note: ${identified.identity.folderNote}\n` : "";
    return { written: target, summary: `new-province: wrote ${shown(target)}/ for ${plan.name} ${origin}: ${counts}\n${note}\n${renderSummary(plan.decisions)}` };
  } catch (error) {
    // Named as the files will be, not as the staging folder that is gone once this returns.
    if (error instanceof ConfigError) return { stage: "output", problems: error.problems.map((problem) => ({ ...problem, file: problem.file.replace(shown(staging), shown(target)) })) };
    throw error;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
