import { join } from "node:path";
import { formatProblem, problemCount } from "../load/problems";
import type { ScaffoldOutcome } from "./scaffold";

/**
 * What `npm run new-province` prints for a scaffold's outcome and exits with: the summary and the next step on
 * stdout (0), or every problem under one header on stderr (1).
 */
export function outcomeText(folder: string, outcome: ScaffoldOutcome): { readonly exitCode: 0 | 1; readonly stdout: string; readonly stderr: string } {
  if ("written" in outcome) {
    const next = `\nnext: confirm the decisions (${join("config", folder, "DECISIONS.md")}), fill in the PLACEHOLDER values of ${join("config", folder, "settings.yaml")}, then PROVINCE=${folder} npm run synth\n`;
    return { exitCode: 0, stdout: `${outcome.summary}${next}`, stderr: "" };
  }
  const count = problemCount(outcome.problems);
  const header = outcome.stage === "input"
    ? `The province's data has ${count}; nothing was written.`
    : `The config the scaffold would write has ${count} it could not settle; nothing was written. Settle them in the input (its new-units.csv and old-units.csv may carry slug, domain and successor columns), or report them as a bug of the scaffold.`;
  return { exitCode: 1, stdout: "", stderr: `${header}\n\n${outcome.problems.map(formatProblem).join("\n\n")}\n` };
}
