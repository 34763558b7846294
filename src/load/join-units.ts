import { distance } from "fastest-levenshtein";
import { foldToAscii } from "../model/fold";
import { type ConfigFiles, type ConfigProblem, describeRow } from "./problems";
import type { TableResult } from "./read-table";
import type { NewRow, NewUnitRow, OldRow, OldUnitRow } from "./unit-tables";
import { pushTo, suggestion } from "./util";

/** An old unit whose rows agree: the new units it went to and the one that receives its domain. */
export interface OldUnitDraft {
  readonly rows: readonly OldRow[];
  readonly mergedInto: readonly NewRow[];
  /** Absent only for a split unit without one, when the caller decides successors itself. */
  readonly successor?: NewRow;
}

export interface JoinedUnits {
  /**
   * New units by name and by code. A new unit whose name is a typo of the name its old units use (see below) is
   * here under that name, so that every later check runs as it will once the name is corrected.
   */
  readonly newByName: ReadonlyMap<string, NewRow>;
  readonly newByCode: ReadonlyMap<string, NewRow>;
  /** Old units by code, every row of each; and the units fully joined. */
  readonly oldGroups: ReadonlyMap<string, readonly OldRow[]>;
  readonly oldDrafts: readonly OldUnitDraft[];
  /** Old districts named by old units, with their rows. */
  readonly districtRows: ReadonlyMap<string, readonly OldRow[]>;
  /**
   * Old districts that had no commune-level unit (island districts): named in the former_district of new units
   * that no old unit went to.
   */
  readonly communelessDistricts: ReadonlyMap<string, readonly NewRow[]>;
  readonly problems: readonly ConfigProblem[];
}

/** How far (in edits, once folded to ASCII) a name may be from another and still read as a typo of it. */
const TYPO_DISTANCE = 3;

const formerDistricts = (row: NewRow) => row.former_district.split(";").map((part) => part.trim());

/**
 * Joins old units to new ones by name (`merged_into`), never by code: a new unit often reuses one constituent's
 * code. Checks that needs only the two tables: codes and names as keys, split units' rows and successors, and a
 * predecessor for every new unit. Every check runs on whatever joined, so one run reports every problem.
 *
 * A new unit's misspelt name shows as a new unit without predecessors and old rows naming a unit that does not
 * exist. When several old rows agree on a name close to that new unit's, the new unit's name is what is wrong:
 * the problem says so once, and the rest of the checks join the rows to it as if corrected.
 *
 * With `successorsDecided` (the scaffold), a split unit without a successor is no problem: the caller decides it.
 */
export function joinUnits(
  files: Pick<ConfigFiles, "newUnits" | "oldUnits">,
  newUnits: TableResult<NewUnitRow>,
  oldUnits: TableResult<OldUnitRow>,
  { successorsDecided = false } = {},
): JoinedUnits {
  const oldRows = oldUnits.rows;
  // Names on rows already refused: not reported again as missing.
  const refusedNewNames = new Set(newUnits.rejected.map((cells) => cells.name));
  const refusedMergedInto = new Set(oldUnits.rejected.map((cells) => cells.merged_into));
  const problems: ConfigProblem[] = [];

  const { newByName, newByCode } = indexNewUnits(newUnits.rows, files, problems);
  const districtRows = new Map<string, OldRow[]>();
  for (const row of oldRows) pushTo(districtRows, row.district, row);
  const named = new Set([...oldRows.map((row) => row.merged_into), ...refusedMergedInto]);
  const { communelessDistricts, orphans } = unnamedNewUnits(newByName, named, districtRows);
  const misspelt = correctMisspeltNames(orphans, oldRows, newByName, newByCode, refusedNewNames);
  const newNames = [...newByName.keys()];

  // Old units: one code is one unit; a split unit repeats its row with another merged_into.
  const oldGroups = new Map<string, OldRow[]>();
  for (const row of oldRows) pushTo(oldGroups, row.code, row);
  const oldDrafts: OldUnitDraft[] = [];
  for (const rows of oldGroups.values()) {
    const draft = joinOldUnit(rows, { files, newByName, newNames, refusedNewNames, successorsDecided }, problems);
    if (draft) oldDrafts.push(draft);
  }

  problems.push(...predecessorProblems(orphans, misspelt, files));
  return { newByName, newByCode, oldGroups, oldDrafts, districtRows, communelessDistricts, problems };
}

/** New units by name and by code: codes and names are keys, each of them once. */
function indexNewUnits(rows: readonly NewRow[], files: Pick<ConfigFiles, "newUnits">, problems: ConfigProblem[]): { newByName: Map<string, NewRow>; newByCode: Map<string, NewRow> } {
  const newByName = new Map<string, NewRow>();
  const newByCode = new Map<string, NewRow>();
  for (const row of rows) {
    const sameCode = newByCode.get(row.code);
    if (sameCode) {
      problems.push({ file: files.newUnits, row: row.row, unit: describeRow(row), message: `code ${row.code} is also the code of ${describeRow(sameCode)} in row ${sameCode.row}`, fix: "each new unit has its own code: correct one of the two rows" });
    } else newByCode.set(row.code, row);
    const sameName = newByName.get(row.name);
    if (sameName) {
      problems.push({ file: files.newUnits, row: row.row, unit: describeRow(row), message: `the name is also used in row ${sameName.row}`, fix: "old units join new ones by name, so each new unit's name must be unique: correct one of the two rows" });
    } else newByName.set(row.name, row);
  }
  return { newByName, newByCode };
}

/**
 * New units no old row names (`named`): the successors of a district that had no commune (named in their
 * former_district), or orphans.
 */
function unnamedNewUnits(newByName: ReadonlyMap<string, NewRow>, named: ReadonlySet<string>, districtRows: ReadonlyMap<string, readonly OldRow[]>): { communelessDistricts: Map<string, NewRow[]>; orphans: NewRow[] } {
  const communelessDistricts = new Map<string, NewRow[]>();
  const orphans: NewRow[] = [];
  for (const row of newByName.values()) {
    if (named.has(row.name)) continue;
    const districts = formerDistricts(row).filter((district) => !districtRows.has(district));
    for (const district of districts) pushTo(communelessDistricts, district, row);
    if (districts.length === 0) orphans.push(row);
  }
  return { communelessDistricts, orphans };
}

/**
 * An orphan whose name is a typo of a name several old rows agree on, but no new unit has: the orphan is
 * joined under that name (in `newByName` and `newByCode`), and returned with the rows that name it.
 */
function correctMisspeltNames(
  orphans: readonly NewRow[],
  oldRows: readonly OldRow[],
  newByName: Map<string, NewRow>,
  newByCode: Map<string, NewRow>,
  refusedNewNames: ReadonlySet<string>,
): Map<NewRow, { name: string; rows: OldRow[] }> {
  const unknownNames = new Map<string, OldRow[]>();
  for (const row of oldRows) if (!newByName.has(row.merged_into) && !refusedNewNames.has(row.merged_into)) pushTo(unknownNames, row.merged_into, row);
  const misspelt = new Map<NewRow, { name: string; rows: OldRow[] }>();
  const folded = (name: string) => foldToAscii(name).toLowerCase();
  for (const orphan of orphans) {
    const candidates = [...unknownNames]
      .filter(([, rows]) => rows.length >= 2)
      .map(([name, rows]) => ({ name, rows, distance: distance(folded(name), folded(orphan.name)) }))
      .filter((candidate) => candidate.distance <= TYPO_DISTANCE)
      .sort((a, b) => a.distance - b.distance);
    // One clear candidate only; two equally close names leave the rows' own problems to speak.
    if (candidates.length === 0 || candidates[1]?.distance === candidates[0].distance) continue;
    const { name, rows } = candidates[0];
    unknownNames.delete(name);
    const corrected = { ...orphan, name };
    misspelt.set(orphan, { name, rows });
    newByName.delete(orphan.name);
    newByName.set(name, corrected);
    if (newByCode.get(orphan.code) === orphan) newByCode.set(orphan.code, corrected);
  }
  return misspelt;
}

interface OldUnitContext {
  readonly files: Pick<ConfigFiles, "newUnits" | "oldUnits">;
  readonly newByName: ReadonlyMap<string, NewRow>;
  readonly newNames: readonly string[];
  readonly refusedNewNames: ReadonlySet<string>;
  readonly successorsDecided: boolean;
}

const SHARED_COLUMNS = ["name", "kind", "district", "domain", "lookup", "mail", "successor", "identifier_code"] as const;

/** One old unit's rows (one code): consistent, each naming a new unit once, with a successor; or its problems. */
function joinOldUnit(rows: readonly OldRow[], context: OldUnitContext, problems: ConfigProblem[]): OldUnitDraft | undefined {
  const { files, newByName, newNames, refusedNewNames } = context;
  const [first, ...others] = rows;
  let consistent = true;
  for (const other of others) {
    const differing = SHARED_COLUMNS.filter((column) => other[column] !== first[column]);
    if (differing.length === 0) continue;
    consistent = false;
    const clash = differing.includes("name") || differing.includes("district");
    problems.push({
      file: files.oldUnits,
      row: other.row,
      unit: describeRow(other),
      message: clash
        ? `code ${other.code} is also the code of ${describeRow(first)} of ${first.district} in row ${first.row}`
        : `this row repeats code ${other.code} of row ${first.row} but differs in ${differing.join(", ")}`,
      fix: clash
        ? "each old unit has its own code: correct one of the two rows"
        : "a split unit repeats its row with only merged_into differing: make the other columns the same",
    });
  }
  if (!consistent) return undefined;

  const mergedInto: NewRow[] = [];
  const seen = new Map<string, number>();
  for (const row of rows) {
    if (seen.has(row.merged_into)) {
      problems.push({ file: files.oldUnits, row: row.row, unit: describeRow(row), message: `this row repeats row ${seen.get(row.merged_into)}`, fix: "delete the duplicate row" });
      continue;
    }
    seen.set(row.merged_into, row.row);
    const target = newByName.get(row.merged_into);
    if (target) mergedInto.push(target);
    else if (!refusedNewNames.has(row.merged_into)) {
      problems.push({ file: files.oldUnits, row: row.row, unit: describeRow(row), message: `merged_into "${row.merged_into}" names no new unit of ${files.newUnits}`, fix: `write the new unit's exact name${suggestion(row.merged_into, newNames)}` });
    }
  }

  // The successor is checked against the names as written, so a split's missing successor shows in the same
  // run as a misspelt merged_into.
  const names = [...seen.keys()];
  let successor: NewRow | undefined;
  if (first.successor !== undefined) {
    successor = mergedInto.find((unit) => unit.name === first.successor);
    // A successor that names a new unit while a merged_into of the unit names none is right, and that row is the
    // slip (reported above, with the name it meant): advising the successor to follow the slip would undo it.
    const rightBesideASlip = newByName.has(first.successor) && mergedInto.length < seen.size;
    if (!names.includes(first.successor) && !rightBesideASlip) {
      problems.push({ file: files.oldUnits, row: first.row, unit: describeRow(first), message: `successor "${first.successor}" is not a unit it merged into (${names.join(", ")})`, fix: `write one of its merged_into values${suggestion(first.successor, names)}` });
    }
  } else if (names.length > 1) {
    if (context.successorsDecided) return mergedInto.length === seen.size ? { rows, mergedInto } : undefined;
    problems.push({
      file: files.oldUnits,
      row: first.row,
      unit: describeRow(first),
      message: `the unit is split between ${names.join(" and ")} (rows ${rows.map((r) => r.row).join(", ")}) but no row says which receives its domain`,
      fix: `write the receiving unit's name (e.g. "${names[0]}") in the successor column of each of its rows`,
    });
  } else successor = mergedInto[0];
  return successor && mergedInto.length === seen.size ? { rows, mergedInto, successor } : undefined;
}

/** Every new unit has at least one predecessor (an old unit, or an old district that had none). */
function predecessorProblems(orphans: readonly NewRow[], misspelt: ReadonlyMap<NewRow, { name: string; rows: OldRow[] }>, files: Pick<ConfigFiles, "newUnits" | "oldUnits">): ConfigProblem[] {
  return orphans.map((row) => {
    const typo = misspelt.get(row);
    return typo
      ? {
          file: files.newUnits,
          row: row.row,
          unit: describeRow(row),
          message: `no old unit has merged_into naming this unit, while rows ${typo.rows.map((r) => r.row).join(", ")} of ${files.oldUnits} name "${typo.name}", which is not a new unit`,
          fix: `correct this unit's name to "${typo.name}", as its old units write it`,
        }
      : { file: files.newUnits, row: row.row, unit: describeRow(row), message: "no old unit has merged_into naming this unit", fix: `add its predecessors to ${files.oldUnits}, or correct the name to match their merged_into` };
  });
}
