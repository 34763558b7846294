import { type Document, isMap, isNode, isPair, isScalar, isSeq, LineCounter, parseDocument } from "yaml";
import type { Placeholder } from "../model/province";
import type { ConfigProblem } from "./problems";
import { readUtf8, SAVE_AS_UTF8 } from "./read-table";
import { type Settings, settingsSchema } from "../model/settings";

export interface SettingsResult {
  readonly settings?: Settings;
  /** Keys still marked as placeholders: refused for a real deploy, fine offline. */
  readonly placeholders?: readonly Placeholder[];
  readonly problems: ConfigProblem[];
}

const PLACEHOLDER = /placeholder/i;

/**
 * Keys whose value is still a placeholder: a value that says so ("placeholder-binhthuan",
 * "PLACEHOLDER-dnsimple-account") or a value followed by a `# PLACEHOLDER` comment on its line (an empty list the
 * province has not filled in yet, a group address that is only a guess).
 */
function findPlaceholders(document: Document, lineCounter: LineCounter): Placeholder[] {
  const found: Placeholder[] = [];
  const walk = (node: unknown, key: string) => {
    if (!isNode(node)) return;
    const marked = PLACEHOLDER.test(node.comment ?? "") || (isScalar(node) && typeof node.value === "string" && PLACEHOLDER.test(node.value));
    if (marked && node.range) {
      found.push({ key, row: lineCounter.linePos(node.range[0]).line });
    } else if (isMap(node)) {
      for (const pair of node.items) if (isPair(pair)) walk(pair.value, key ? `${key}.${String(pair.key)}` : String(pair.key));
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => walk(item, `${key}[${index}]`));
    }
  };
  walk(document.contents, "");
  return found;
}

/**
 * Reads and checks settings.yaml; a problem names the line of the offending key. The text is put in Unicode NFC
 * like the CSV cells, so a district or unit name typed in NFD still matches the tables.
 */
export function readSettings(file: string): SettingsResult {
  const read = readUtf8(file);
  if (!read) return { problems: [{ file, message: "the file cannot be read", fix: "create it from the example in the README" }] };
  if (!("text" in read)) return { problems: [{ file, row: read.row, message: read.message, fix: SAVE_AS_UTF8 }] };
  const text = read.text.normalize("NFC");
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false });
  if (document.errors.length > 0) {
    // Only the first: one syntax error makes the parser report several more that are its echoes.
    const [error] = document.errors;
    return {
      problems: [{
        file,
        row: lineCounter.linePos(error.pos[0]).line,
        message: `the file is not valid YAML (${error.message.split("\n")[0]})`,
        fix: "indent with spaces and quote values that contain ':' or '#'",
      }],
    };
  }
  if (document.contents === null) {
    return { problems: [{ file, message: "the file is empty", fix: "write the settings as the settings reference in the README describes (config/binh-thuan/settings.yaml is a complete example)" }] };
  }
  const parsed = settingsSchema.safeParse(document.toJS() ?? {});
  if (parsed.success) return { settings: parsed.data, placeholders: findPlaceholders(document, lineCounter), problems: [] };

  const lineOf = (path: readonly PropertyKey[]): number | undefined => {
    for (let depth = path.length; depth >= 0; depth--) {
      const node = document.getIn(path.slice(0, depth) as unknown[], true);
      if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
    }
    return undefined;
  };
  // A required key left out: zod says "expected string, received undefined", which reads like a bad value.
  const missing = (path: readonly PropertyKey[]): boolean => {
    if (path.length === 0) return false;
    const parent = path.length === 1 ? document.contents : document.getIn(path.slice(0, -1) as unknown[], true);
    return isMap(parent) && !parent.has(path[path.length - 1]);
  };
  return {
    problems: parsed.error.issues
      .map((issue) => {
      const key = issue.path.map(String).join(".");
      const unknownKeys = issue.code === "unrecognized_keys" ? issue.keys : undefined;
      return {
        file,
        row: lineOf(unknownKeys ? [...issue.path, unknownKeys[0]] : issue.path),
        message: unknownKeys
          ? `${key ? key + ": " : ""}unknown key ${unknownKeys.map((k) => `"${k}"`).join(", ")}`
          : missing(issue.path) ? `${key}: is missing` : `${key || "(top level)"}: ${issue.message}`,
        fix: unknownKeys
          ? "remove it or correct its spelling (see the settings reference in the README)"
          : issue.code === "custom" && typeof issue.params?.fix === "string" ? issue.params.fix
          : missing(issue.path) ? "add it as the settings reference in the README describes" : "set it as the settings reference in the README describes",
      };
    })
      .sort((a, b) => (a.row ?? 0) - (b.row ?? 0)),
  };
}
