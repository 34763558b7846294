/**
 * A config problem names where it is (file, row), whom it concerns (unit) and how to fix it, so that ops can
 * act on it without reading code. All problems of a run are gathered and reported together.
 */
export interface ConfigProblem {
  /** Path as the user typed it or relative to the working directory, e.g. config/binh-thuan/old-units.csv. */
  readonly file: string;
  /** Spreadsheet row (the header is row 1), when the problem belongs to one row. */
  readonly row?: number;
  /** The unit concerned, as "Xã Phong Phú (22978)". */
  readonly unit?: string;
  readonly message: string;
  readonly fix: string;
}

/** The three files of a province, as shown in messages. */
export interface ConfigFiles {
  readonly newUnits: string;
  readonly oldUnits: string;
  readonly settings: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly ConfigProblem[]) {
    super(formatProblems(problems));
    this.name = "ConfigError";
  }
}

export function formatProblem(problem: ConfigProblem): string {
  const where = [problem.file, problem.row === undefined ? undefined : `row ${problem.row}`, problem.unit]
    .filter((part) => part !== undefined)
    .join(", ");
  return `${where}: ${problem.message}\n  fix: ${problem.fix}`;
}

/** "1 problem", "3 problems". */
export function problemCount(problems: readonly ConfigProblem[]): string {
  return problems.length === 1 ? "1 problem" : `${problems.length} problems`;
}

export function formatProblems(problems: readonly ConfigProblem[]): string {
  return `The config has ${problemCount(problems)}; nothing was synthesized.\n\n${problems.map(formatProblem).join("\n\n")}\n`;
}

export function describeUnit(name: string, code: string): string {
  return `${name} (${code})`;
}

/** A unit's row as messages name it: "Xã Phong Phú (22978)". */
export function describeRow(row: { readonly name: string; readonly code: string }): string {
  return describeUnit(row.name, row.code);
}
