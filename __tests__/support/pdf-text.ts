import { execFileSync } from "node:child_process";
import { join } from "node:path";

/**
 * The text of each page of a PDF, read by PDF.js (pdfjs-dist). PDF.js is an ES module that loads its worker with
 * import(), which jest's CommonJS runtime refuses; so it runs in a child node process.
 */
const READ_PAGES = `
import { readFileSync } from "node:fs";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
const document = await getDocument({ data: new Uint8Array(readFileSync(process.argv[1])), verbosity: 0 }).promise;
const pages = [];
for (let number = 1; number <= document.numPages; number++) {
  const content = await (await document.getPage(number)).getTextContent();
  pages.push(content.items.map((item) => ("str" in item ? item.str + (item.hasEOL ? "\\n" : "") : "")).join(""));
}
process.stdout.write(JSON.stringify(pages));
`;

export function pdfPages(file: string): string[] {
  const output = execFileSync(process.execPath, ["--input-type=module", "-e", READ_PAGES, file], {
    cwd: join(__dirname, "..", ".."),
    encoding: "utf8",
    timeout: 30_000,
  });
  return JSON.parse(output) as string[];
}
