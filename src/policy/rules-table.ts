import { RULES } from "./rules";

/** A Markdown table cell: one line, no column separator. */
const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\s*\n\s*/g, " ");

/**
 * The README's table of the policy pack, from the rules themselves (`npm run rules-table` prints it;
 * __tests__/policy-rules.test.ts fails while the README's differs): id, what it requires, and its source.
 */
export function rulesTable(): string {
  const rows = Object.values(RULES).map((rule) => `| ${rule.id} | ${cell(rule.requires)} | ${cell(rule.source ?? "this project's convention")} |`);
  return ["| rule | requires | source |", "| --- | --- | --- |", ...rows].join("\n") + "\n";
}
