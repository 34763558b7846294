import { Document, isMap, isSeq } from "yaml";
import type { AdoptedRecord, AdoptedZone } from "../model/adopted-zone";
import { type ExistingRecord, sameRecord } from "./existing-record";
import type { Classified } from "./classify";

const HEADER = [
  " What this zone held before this app managed it, written by `npm run adopt` (README: Cut-over). Review it in the",
  " pull request; flip a decision by editing it. A re-run of npm run adopt on the same export keeps the decisions.",
  "   keep     declared as it is, with its TTL, beside the plan's records",
  "   replace  the plan's record of the same name and kind takes its place (imported into it when the zone is in DNSimple)",
  "   decide   a person decides: write keep or replace (the synth refuses the zone until then: ADOPT-001)",
  "   system   DNSimple's own (SOA, apex NS) or its signer's: never declared or imported",
].join("\n");

/**
 * The decisions of this run: a person's earlier decision on the same record survives (keep or replace, from the
 * zone's file as it was); a record that was undecided, or new, takes the default.
 */
export function decide(records: readonly ExistingRecord[], defaults: readonly Classified[], previous?: AdoptedZone): { record: AdoptedRecord; reason: string }[] {
  return records.map((record, index) => {
    const earlier = previous?.records.find((candidate) => sameRecord(candidate, record));
    const kept = earlier && defaults[index].decision !== "system" && (earlier.decision === "keep" || earlier.decision === "replace") ? earlier.decision : undefined;
    return { record: { ...record, decision: kept ?? defaults[index].decision }, reason: defaults[index].reason };
  });
}

/** The zone's file under config/<province>/zones/: one line per record, its default's reason as a comment. */
export function renderZone(zone: Omit<AdoptedZone, "file">, reasons: readonly string[]): string {
  const document = new Document({
    zone: zone.zone,
    source: zone.source,
    records: zone.records.map(({ decision, name, type, content, ttl, priority, id }) => ({
      decision,
      name,
      type,
      content,
      ttl,
      ...(priority !== undefined ? { priority } : {}),
      ...(id !== undefined ? { id } : {}),
    })),
  });
  document.commentBefore = HEADER;
  const source = document.get("source", true);
  if (isMap(source)) source.flow = true;
  const records = document.get("records", true);
  if (isSeq(records)) {
    records.items.forEach((item, index) => {
      if (!isMap(item)) return;
      item.flow = true;
      if (reasons[index]) item.comment = ` ${reasons[index]}`;
    });
  }
  return document.toString({ lineWidth: 0 });
}
