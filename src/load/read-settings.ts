import { readFileSync } from "node:fs";
import { isNode, LineCounter, parseDocument } from "yaml";
import type { ConfigProblem } from "./problems";
import { type Settings, settingsSchema } from "./settings-schema";

export interface SettingsResult {
  readonly settings?: Settings;
  readonly problems: ConfigProblem[];
}

/** Reads and checks settings.yaml; a problem names the line of the offending key. */
export function readSettings(file: string): SettingsResult {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return { problems: [{ file, message: "the file cannot be read", fix: "create it from the example in the README" }] };
  }
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false });
  if (document.errors.length > 0) {
    return {
      problems: document.errors.map((error) => ({
        file,
        row: lineCounter.linePos(error.pos[0]).line,
        message: `the file is not valid YAML (${error.message.split("\n")[0]})`,
        fix: "indent with spaces and quote values that contain ':' or '#'",
      })),
    };
  }
  const parsed = settingsSchema.safeParse(document.toJS() ?? {});
  if (parsed.success) return { settings: parsed.data, problems: [] };

  const lineOf = (path: readonly PropertyKey[]): number | undefined => {
    for (let depth = path.length; depth >= 0; depth--) {
      const node = document.getIn(path.slice(0, depth) as unknown[], true);
      if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
    }
    return undefined;
  };
  return {
    problems: parsed.error.issues
      .map((issue) => {
      const key = issue.path.map(String).join(".");
      const unknownKeys = issue.code === "unrecognized_keys" ? issue.keys : undefined;
      return {
        file,
        row: lineOf(unknownKeys ? [...issue.path, unknownKeys[0]] : issue.path),
        message: unknownKeys ? `${key ? key + ": " : ""}unknown key ${unknownKeys.map((k) => `"${k}"`).join(", ")}` : `${key || "(top level)"}: ${issue.message}`,
        fix: unknownKeys ? "remove it or correct its spelling (see the settings reference in the README)" : "set it as the settings reference in the README describes",
      };
    })
      .sort((a, b) => (a.row ?? 0) - (b.row ?? 0)),
  };
}
