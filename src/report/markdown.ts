import { DOCUMENT_TYPE, MOTTO, NATIONAL_HEADING } from "./admin-form";
import { romanNumeral } from "./numbering";
import type { RolloutReport } from "./rollout-rows";
import type { Block, Cell, Section } from "./blocks";
import { appendixReference, appendixSections, bodySections, openingText } from "./sections";

/** The report as Markdown (CommonMark with GitHub tables), for the repository and for e-mail; same parts, same order. */

/** Escapes text for a Markdown table cell or paragraph: no character of the data can start markup. */
export function mdEscape(text: string): string {
  return text.replace(/[\\`*_{}[\]<>&|~]/g, (char) => `\\${char}`).replace(/\r?\n/g, " ");
}

const cellText = (cell: Cell) => (typeof cell === "string" ? cell : cell.text);

function table(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(" | ")} |`;
  return [line(header.map(mdEscape)), line(header.map(() => "---")), ...rows.map((row) => line(row.map((cell) => mdEscape(cellText(cell)))))].join("\n");
}

function block(value: Block): string | undefined {
  switch (value.kind) {
    case "paragraph":
      return mdEscape(value.text);
    case "facts":
      return value.items.map(([label, text]) => `- ${mdEscape(label)}: ${mdEscape(text)}`).join("\n");
    case "progress-bars":
      return undefined;
    case "table":
      return table(value.header, value.rows);
  }
}

function section(value: Section, heading: string): string {
  const blocks = value.blocks.map(block).filter((text): text is string => text !== undefined);
  const parts = (value.parts ?? []).map((part) => section(part, `### ${mdEscape(part.title)}`));
  return [heading, ...blocks, ...parts].join("\n\n");
}

/** Lines of one paragraph, broken with a backslash (CommonMark hard line break). */
const lines = (texts: readonly string[]) => texts.join("\\\n");

export function renderMarkdown(report: RolloutReport): string {
  const { form } = report;
  const agency = [...(form.parentBody === undefined ? [] : [mdEscape(form.parentBody)]), `**${mdEscape(form.issuer)}**`, `Số: ${mdEscape(form.number.trim())}`];
  const body = bodySections(report).map((value, index) => section(value, `## ${romanNumeral(index + 1)}. ${mdEscape(value.title)}`));
  const appendices = appendixSections(report).map((value, index) =>
    section({ ...value, blocks: [{ kind: "paragraph", text: appendixReference(report) }, ...value.blocks] }, `## Phụ lục ${romanNumeral(index + 1)}: ${mdEscape(value.title)}`),
  );
  return [
    lines([`**${NATIONAL_HEADING}**`, `**${MOTTO}**`, `*${mdEscape(form.placeAndDate)}*`]),
    lines(agency),
    `# ${DOCUMENT_TYPE}`,
    `**${mdEscape(form.title)}**`,
    mdEscape(openingText(report)),
    ...body,
    // The recipients' "- " lines make a list under the heading.
    ["**Nơi nhận:**", ...form.recipients.map(mdEscape)].join("\n"),
    lines([...form.signerTitles.map((title) => `**${mdEscape(title)}**`), "", `**${mdEscape(form.signerName)}**`]),
    ...appendices,
  ].join("\n\n") + "\n";
}
