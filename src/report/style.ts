import { STATUS_COLOURS } from "./bars";
import { CELL_STATUSES } from "./milestones";

/**
 * The page's one style sheet. Printed (the PDF), it follows the presentation rules of Nghị định 30/2020/NĐ-CP,
 * Phụ lục I: A4 portrait, margins 20 mm top and bottom, 30 mm left, 15 mm right, Times New Roman 13–14 pt, the page
 * number at the top centre from page 2; the appendices' wide tables go on A4 landscape pages, as the decree allows
 * for tables. Addresses (class "addr") never break across lines. A page break never splits a chart, a table row or
 * one unit's section (its name, facts and table, when they fit on a page), nor separates a heading from what follows.
 */

const statusBadges = CELL_STATUSES.map(
  (status) => `.status-${status} { background: ${STATUS_COLOURS[status].fill}; color: ${STATUS_COLOURS[status].text}; }`,
).join("\n");

export const CSS = `
:root { color-scheme: light; }
body { font-family: "Times New Roman", "DejaVu Serif", "Liberation Serif", serif; font-size: 14px; line-height: 1.45; color: #111; margin: 24px auto; max-width: 1100px; padding: 0 24px; }
p { margin: 4px 0; }
.addr { white-space: nowrap; overflow-wrap: normal; word-break: keep-all; hyphens: none; }
.missing { color: #b00020; font-style: italic; }

/* Heading of an administrative document: the issuing body left, the national heading right. */
.form-heading { display: grid; grid-template-columns: 40% 60%; grid-template-areas: "agency nation" "number date"; text-align: center; margin-bottom: 18px; font-size: 0.95em; }
.national-heading { white-space: nowrap; }
.agency { grid-area: agency; }
.nation { grid-area: nation; }
.number { grid-area: number; margin-top: 6px; }
.number-value { white-space: pre; }
.place-date { grid-area: date; margin-top: 6px; font-style: italic; }
.issuer, .national-heading, .motto { font-weight: bold; }
.issuer::after, .document-title::after { content: ""; display: block; width: 33%; margin: 5px auto 0; border-bottom: 1px solid #111; }
.motto span { border-bottom: 1px solid #111; padding-bottom: 1px; }
h1.document-type { font-size: 1.15em; text-align: center; margin: 18px 0 0; }
.document-title { font-weight: bold; text-align: center; margin: 0 auto 16px; max-width: 90%; }
p.opening { text-indent: 1cm; text-align: justify; }

h2 { font-size: 1.05em; margin: 20px 0 8px; }
h3 { font-size: 1em; margin: 16px 0 6px; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 12px; font-size: 0.9em; }
th, td { border: 1px solid #8a8a8a; padding: 3px 6px; text-align: left; vertical-align: top; }
th { background: #efefef; font-weight: bold; }
td.num, th.num { text-align: right; }
#tong-quan-bang { width: auto; min-width: 60%; }
tr { break-inside: avoid; }
.status { display: inline-block; padding: 0 5px; border-radius: 3px; white-space: nowrap; font-size: 0.92em; }
${statusBadges}

/* Progress bars. */
.legend { font-size: 0.9em; }
.legend-item { margin-right: 14px; white-space: nowrap; }
.swatch { display: inline-block; width: 12px; height: 12px; margin-right: 4px; vertical-align: -1px; border: 1px solid #6b6b6b; }
table.bars td { border: none; padding: 2px 6px 2px 0; vertical-align: middle; }
table.bars td.bar-label { width: 30%; }
figure.chart { margin: 0 0 8px; break-inside: avoid; }
svg.bar { display: block; width: 100%; height: auto; font-family: "DejaVu Sans", Arial, sans-serif; font-size: 11px; }

dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 4px 0 8px; }
dl.facts dt { color: #444; }
dl.facts dd { margin: 0; }

/* Closing: recipients left, signature right. */
.closing { display: grid; grid-template-columns: 45% 55%; margin-top: 24px; break-inside: avoid; }
.recipients p { font-size: 0.85em; margin: 0; }
.recipients p.recipients-heading { font-size: 0.9em; font-weight: bold; font-style: italic; }
.signature { text-align: center; }
.signer-title, .signer-name { font-weight: bold; margin: 0; }
.signature-space { height: 80px; }

.appendix { break-before: page; }
.appendix-number, .appendix h2 { text-align: center; font-weight: bold; margin: 0; }
.appendix-ref { text-align: center; font-style: italic; margin-bottom: 10px; }
.appendix table { font-size: 0.85em; }
#don-vi-moi td:nth-child(2) { white-space: nowrap; }
section.unit { break-inside: avoid; }
section.unit dl.facts { break-inside: avoid; }
section.unit th:first-child { width: 16%; }
section.unit th:last-child { width: 18%; }

@page { size: A4; margin: 20mm 15mm 20mm 30mm; @top-center { content: counter(page); font-family: "Times New Roman", "DejaVu Serif", serif; font-size: 13pt; } }
@page :first { @top-center { content: none; } }
@page appendix { size: A4 landscape; margin: 20mm 20mm 20mm 25mm; }
@media print {
  body { margin: 0; padding: 0; max-width: none; font-size: 13pt; }
  * { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  .appendix { page: appendix; font-size: 11pt; }
  .form-heading { font-size: 12.5pt; }
  h2, h3, .appendix-number, .appendix-ref, .legend { break-after: avoid; }
  thead { display: table-header-group; }
  a { color: inherit; text-decoration: none; }
}
`;
