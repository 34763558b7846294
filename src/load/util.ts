import { closest, distance } from "fastest-levenshtein";
import { foldToAscii } from "../model/fold";

/**
 * "; did you mean "…"?" for the candidate closest to `name` once both are folded to ASCII, or "" — also when the
 * closest is more than `maxEdits` edits away (a value from another list, such as a district's kind for a commune's).
 */
export function suggestion(name: string, candidates: readonly string[], maxEdits = Infinity): string {
  if (candidates.length === 0) return "";
  const folded = new Map(candidates.map((candidate) => [foldToAscii(candidate).toLowerCase(), candidate]));
  const typed = foldToAscii(name).toLowerCase();
  const nearest = closest(typed, [...folded.keys()]);
  const best = distance(typed, nearest) <= maxEdits ? folded.get(nearest) : undefined;
  return best ? `; did you mean "${best}"?` : "";
}

/**
 * Appends to the list under `key`. Not `map.set(key, [...(map.get(key) ?? []), value])`: copying the list on every
 * append is quadratic, and a district of 50,000 rows took minutes.
 */
export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Substitutes `{key}` placeholders; unknown keys stay as written. */
export function fillPattern(pattern: string, values: Record<string, string>): string {
  return pattern.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}
