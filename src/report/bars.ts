import { escapeHtml } from "./escape";
import { CELL_STATUSES, type CellStatus, headerCase, STATUS_TEXT } from "./milestones";
import { vietnameseNumber } from "./numbers";
import type { MilestoneSummary } from "./rollout-rows";

/**
 * One stacked bar per milestone as inline SVG: no script, no font or file to fetch, and it prints. Each segment is
 * as long as its share of the units and carries its status and count (data-status, data-count, a tooltip).
 */

const WIDTH = 300;
const HEIGHT = 20;
/** Narrower segments get no number written in them (it would not fit). */
const MIN_LABELLED_WIDTH = 16;

/** Fill and text colour per status; they also colour the status badges of the tables. */
export const STATUS_COLOURS: Readonly<Record<CellStatus, { readonly fill: string; readonly text: string }>> = {
  done: { fill: "#2e7d32", text: "#ffffff" },
  "in-progress": { fill: "#f2b705", text: "#1b1b1b" },
  pending: { fill: "#8a8a8a", text: "#ffffff" },
  "not-reported": { fill: "#d9dee3", text: "#1b1b1b" },
  overdue: { fill: "#b71c1c", text: "#ffffff" },
};

export function progressLegend(): string {
  const items = CELL_STATUSES.map(
    (status) => `<span class="legend-item"><span class="swatch" style="background:${STATUS_COLOURS[status].fill}"></span>${escapeHtml(headerCase(STATUS_TEXT[status]))}</span>`,
  );
  return `<p class="legend">${items.join(" ")}</p>`;
}

export function stackedBar(milestone: MilestoneSummary): string {
  const total = CELL_STATUSES.reduce((sum, status) => sum + milestone.counts[status], 0);
  const label = `${milestone.short}: ${CELL_STATUSES.map((status) => `${vietnameseNumber(milestone.counts[status])} ${STATUS_TEXT[status]}`).join(", ")}`;
  const segments: string[] = [];
  let done = 0;
  for (const status of CELL_STATUSES) {
    const count = milestone.counts[status];
    if (count === 0) continue;
    // Edges from the running total, so the segments always meet and end exactly at WIDTH.
    const x = round((done / total) * WIDTH);
    done += count;
    const width = round((done / total) * WIDTH) - x;
    const { fill, text } = STATUS_COLOURS[status];
    const number = width >= MIN_LABELLED_WIDTH ? `<text x="${round(x + width / 2)}" y="14" fill="${text}" text-anchor="middle">${vietnameseNumber(count)}</text>` : "";
    segments.push(
      `<g class="segment" data-status="${status}" data-count="${count}"><title>${escapeHtml(`${headerCase(STATUS_TEXT[status])}: ${vietnameseNumber(count)}`)}</title><rect x="${x}" y="0" width="${round(width)}" height="${HEIGHT}" fill="${fill}"/>${number}</g>`,
    );
  }
  return `<svg class="bar" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" role="img" aria-label="${escapeHtml(label)}" data-milestone="${escapeHtml(milestone.key)}">${segments.join("")}<rect class="frame" x="0" y="0" width="${WIDTH}" height="${HEIGHT}" fill="none" stroke="#6b6b6b" stroke-width="1"/></svg>`;
}

const round = (value: number) => Math.round(value * 100) / 100;
