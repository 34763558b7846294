import type { CellStatus } from "./milestones";
import type { MilestoneSummary } from "./rollout-rows";

/**
 * What the report is made of: sections of plain blocks, which the HTML and Markdown writers lay out. The sections
 * themselves are written in sections.ts and capacity-section.ts.
 */

/** A table cell: text, or text a writer lays out in its own way. */
export type Cell =
  | string
  | { readonly kind: "number"; readonly text: string }
  | { readonly kind: "status"; readonly text: string; readonly status: CellStatus }
  /** A link to the part with this id. */
  | { readonly kind: "link"; readonly text: string; readonly target: string };

export type Block =
  | { readonly kind: "paragraph"; readonly text: string }
  | { readonly kind: "table"; readonly id?: string; readonly header: readonly string[]; readonly rows: readonly (readonly Cell[])[] }
  | { readonly kind: "facts"; readonly items: readonly (readonly [string, string])[] }
  /** One stacked bar per milestone; drawn in HTML only, the table beside it carries the same counts. */
  | { readonly kind: "progress-bars"; readonly milestones: readonly MilestoneSummary[] };

export interface Section {
  readonly id: string;
  readonly title: string;
  readonly blocks: readonly Block[];
  /** Parts with a heading of their own, such as one per unit. */
  readonly parts?: readonly Section[];
}
