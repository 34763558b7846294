import { NOT_DECLARED } from "./admin-form";

/** Text into HTML: escaped, every e-mail address, web address and domain kept on one line, gaps marked. */

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[char]!);
}

/**
 * Web addresses, e-mail addresses and domain names (lower-case, as the config writes them), in that order of
 * preference so that a domain inside an address is not taken alone. A web address ends before a closing
 * bracket or a trailing full stop, comma or semicolon of the sentence around it.
 */
export const ADDRESS = /https?:\/\/[^\s<>"'()]*[^\s<>"'().,;:]|[a-z0-9._+-]+@(?:[a-z0-9-]+\.)+[a-z]{2,63}\b|\b(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,63}\b/g;

const INLINE = new RegExp(`${NOT_DECLARED.replace(/[()]/g, "\\$&")}|${ADDRESS.source}`, "g");

/**
 * Escaped text with each address in a span that never breaks across lines (class "addr") and each text the
 * settings leave undeclared in a span that stands out (class "missing"); see the style sheet.
 */
export function inlineHtml(text: string): string {
  let html = "";
  let from = 0;
  for (const match of text.matchAll(INLINE)) {
    const kind = match[0] === NOT_DECLARED ? "missing" : "addr";
    html += `${escapeHtml(text.slice(from, match.index))}<span class="${kind}">${escapeHtml(match[0])}</span>`;
    from = match.index + match[0].length;
  }
  return html + escapeHtml(text.slice(from));
}
