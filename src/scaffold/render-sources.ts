import { NATIONAL_DATA } from "./national-provinces";
import type { ProvinceSource } from "./source";

/** SOURCES.md of a province scaffolded from the bundled data: a pointer to the national SOURCES.md. */
export function renderNationalSources(folder: string): string {
  return [
    "# Sources",
    "",
    `The unit lists of this folder were scaffolded from the national data in \`${NATIONAL_DATA}/${folder}/\`. Where`,
    `every fact came from, and what was corrected, is in [${NATIONAL_DATA}/SOURCES.md](../../${NATIONAL_DATA}/SOURCES.md).`,
    "The decisions the scaffold made where the data leaves a choice open are in DECISIONS.md.",
    "",
  ].join("\n");
}

/**
 * SOURCES.md of a province scaffolded from lists that came without one: which lists, as the command was given
 * them, and how many rows each had, so that a reviewer can tell them apart from others. No date: the same input
 * gives the same file.
 */
export function renderListsSources(folder: string, from: string, source: ProvinceSource): string {
  // As a shell takes it back: a path with spaces or quotes in single quotes.
  const argument = /^[\w./@:+,=-]+$/.test(from) ? from : `'${from.replace(/'/g, "'\\''")}'`;
  return [
    "# Sources",
    "",
    `The unit lists of this folder were scaffolded by \`npm run new-province -- ${folder} --from ${argument}\` from these`,
    "files, which came without a SOURCES.md:",
    "",
    "| file | rows |",
    "| --- | ---: |",
    `| new-units.csv | ${source.newRows.length} |`,
    `| old-units.csv | ${source.oldRows.length} |`,
    `| districts.csv | ${source.districts.size} |`,
    "",
    "Write here where they came from (the resolution or list they copy, its date, who sent them) and what was",
    "corrected, so that a reviewer can check them. Who the province is, and every other decision the scaffold made,",
    "is in DECISIONS.md.",
    "",
  ].join("\n");
}
