import { DOCUMENT_TYPE, MOTTO, NATIONAL_HEADING } from "./admin-form";
import { progressLegend, stackedBar } from "./bars";
import { escapeHtml, inlineHtml } from "./escape";
import { romanNumeral } from "./numbering";
import type { RolloutReport } from "./rollout-rows";
import type { Block, Cell, Section } from "./blocks";
import { appendixReference, appendixSections, bodySections, openingText } from "./sections";
import { CSS } from "./style";

/**
 * The report as one self-contained HTML page (inline CSS and SVG, no script, nothing fetched) in the form of an
 * administrative report: heading, title, body, recipients and signature, then the appendices. It prints to the PDF.
 */

function cell(value: Cell, tag: "td" | "th" = "td"): string {
  if (typeof value === "string") return `<${tag}>${inlineHtml(value)}</${tag}>`;
  switch (value.kind) {
    case "number":
      return `<${tag} class="num">${inlineHtml(value.text)}</${tag}>`;
    case "status":
      return `<${tag}><span class="status status-${value.status}">${escapeHtml(value.text)}</span></${tag}>`;
    case "link":
      return `<${tag}><a href="#${escapeHtml(value.target)}">${inlineHtml(value.text)}</a></${tag}>`;
  }
}

function block(value: Block): string {
  switch (value.kind) {
    case "paragraph":
      return `<p>${inlineHtml(value.text)}</p>`;
    case "facts":
      return `<dl class="facts">${value.items.map(([label, text]) => `<dt>${escapeHtml(label)}</dt><dd>${inlineHtml(text)}</dd>`).join("")}</dl>`;
    case "progress-bars": {
      const rows = value.milestones.map((m) => `<tr><td class="bar-label">${inlineHtml(`${m.short} (hạn ${m.due})`)}</td><td>${stackedBar(m)}</td></tr>`);
      // One figure, legend and bars, that a page break never splits.
      return `<figure class="chart">\n${progressLegend()}\n<table class="bars" id="bieu-do">\n<tbody>\n${rows.join("\n")}\n</tbody>\n</table>\n</figure>`;
    }
    case "table": {
      const id = value.id === undefined ? "" : ` id="${escapeHtml(value.id)}"`;
      return `<table${id}>\n<thead><tr>${value.header.map((text) => cell(text, "th")).join("")}</tr></thead>\n<tbody>\n${value.rows.map((row) => `<tr>${row.map((text) => cell(text)).join("")}</tr>`).join("\n")}\n</tbody>\n</table>`;
    }
  }
}

function section(value: Section, heading: string, level: 2 | 3): string {
  const parts = (value.parts ?? []).map((part) => section(part, escapeHtml(part.title), 3));
  const className = level === 3 ? ` class="unit"` : "";
  return `<section id="${escapeHtml(value.id)}"${className}>\n<h${level}>${heading}</h${level}>\n${[...value.blocks.map(block), ...parts].join("\n")}\n</section>`;
}

function heading(report: RolloutReport): string {
  const { form } = report;
  const parentBody = form.parentBody === undefined ? "" : `<p class="parent-body">${inlineHtml(form.parentBody)}</p>`;
  return `<header class="form-heading">
<div class="nation"><p class="national-heading">${NATIONAL_HEADING}</p><p class="motto"><span>${MOTTO}</span></p></div>
<div class="agency">${parentBody}<p class="issuer">${inlineHtml(form.issuer)}</p></div>
<p class="number">Số: <span class="number-value">${inlineHtml(form.number)}</span></p>
<p class="place-date">${inlineHtml(form.placeAndDate)}</p>
</header>
<h1 class="document-type">${DOCUMENT_TYPE}</h1>
<p class="document-title">${inlineHtml(form.title)}</p>`;
}

function closing(report: RolloutReport): string {
  const { form } = report;
  return `<footer class="closing">
<div class="recipients"><p class="recipients-heading">Nơi nhận:</p>${form.recipients.map((line) => `<p>${inlineHtml(line)}</p>`).join("")}</div>
<div class="signature">${form.signerTitles.map((line) => `<p class="signer-title">${inlineHtml(line)}</p>`).join("")}<p class="signature-space"></p><p class="signer-name">${inlineHtml(form.signerName)}</p></div>
</footer>`;
}

function appendix(report: RolloutReport, value: Section, index: number): string {
  const parts = (value.parts ?? []).map((part) => section(part, escapeHtml(part.title), 3));
  return `<section class="appendix" id="${escapeHtml(value.id)}">
<p class="appendix-number">Phụ lục ${romanNumeral(index + 1)}</p>
<h2>${escapeHtml(value.title)}</h2>
<p class="appendix-ref">${inlineHtml(appendixReference(report))}</p>
${[...value.blocks.map(block), ...parts].join("\n")}
</section>`;
}

export function renderHtml(report: RolloutReport): string {
  const body = bodySections(report).map((value, index) => section(value, `${romanNumeral(index + 1)}. ${escapeHtml(value.title)}`, 2));
  const appendices = appendixSections(report).map((value, index) => appendix(report, value, index));
  return `<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(`${DOCUMENT_TYPE}: ${report.form.title} — ${report.provinceName}`)}</title>
<style>${CSS}</style>
</head>
<body>
${heading(report)}
<main>
<p class="opening">${inlineHtml(openingText(report))}</p>
${body.join("\n\n")}
</main>
${closing(report)}
${appendices.join("\n\n")}
</body>
</html>
`;
}
