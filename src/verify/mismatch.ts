/** Something that does not answer as declared: where (zone, name), what (a record type or an HTTPS check), how. */
export interface Mismatch {
  readonly zone: string;
  readonly name: string;
  /** A DNS record type (A, TXT, …) or an HTTPS check (HTTPS, HSTS, MTA-STS, REDIRECT). */
  readonly type: string;
  readonly expected: string;
  readonly got: string;
}

/** One line per mismatch: `mismatch: <zone> <name> <type>: expected <…>; got <…>`. */
export function formatMismatch(mismatch: Mismatch): string {
  return `mismatch: ${mismatch.zone} ${mismatch.name} ${mismatch.type}: expected ${mismatch.expected}; got ${mismatch.got}`;
}
