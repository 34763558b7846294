import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

/**
 * Headless Chromium (Debian's package) turns the HTML page into the PDF with the page's own print style sheet:
 * A4, no browser header or footer. A fresh profile per run, and nothing that reaches the network.
 */

export const CHROMIUM = "/usr/bin/chromium";
export const INSTALL_CHROMIUM = "install Debian's Chromium: apt-get update && apt-get install -y chromium";

/** Flags for a headless run that touches no network and no profile of the user's. */
export function headlessArgs(profileDir: string): string[] {
  return [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    `--user-data-dir=${profileDir}`,
  ];
}

export class PdfError extends Error {}

export function printPdf(htmlFile: string, pdfFile: string, chromium = CHROMIUM): void {
  if (!existsSync(chromium)) throw new PdfError(`${chromium} is missing, so no PDF was written; ${INSTALL_CHROMIUM}`);
  const profile = mkdtempSync(join(tmpdir(), "report-chromium-"));
  try {
    execFileSync(chromium, [...headlessArgs(profile), "--no-pdf-header-footer", `--print-to-pdf=${pdfFile}`, pathToFileURL(htmlFile).href], {
      stdio: ["ignore", "pipe", "pipe"],
      timeout: 60_000,
    });
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim().split("\n").slice(-3).join("\n");
    throw new PdfError(`Chromium could not print ${htmlFile} to PDF${stderr ? `:\n${stderr}` : ""}`);
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  if (!existsSync(pdfFile) || statSync(pdfFile).size === 0) throw new PdfError(`Chromium wrote no PDF for ${htmlFile}`);
}
