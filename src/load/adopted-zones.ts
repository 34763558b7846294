import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { isNode, LineCounter, parseDocument } from "yaml";
import { z } from "zod";
import { type AdoptedZone, isSystemRecord } from "../model/adopted-zone";
import type { ConfigProblem } from "./problems";
import { readUtf8, SAVE_AS_UTF8 } from "./read-table";

/** The folder of a province's adopted zones: one `<zone>.yaml` per zone, written by `npm run adopt`. */
export const ZONES_FOLDER = "zones";

const zoneName = z.string().regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, "must be a lower-case DNS name");
/** A name relative to its zone: "" (the apex) or labels, `_service` and `*` labels included. */
const relativeName = z.string().regex(/^$|^([a-z0-9_*]([a-z0-9_-]{0,61}[a-z0-9])?\.)*[a-z0-9_*]([a-z0-9_-]{0,61}[a-z0-9])?$/, 'must be a name relative to the zone, "" for the apex');

const adoptedRecordSchema = z
  .object({
    name: relativeName,
    type: z.string().regex(/^[A-Z][A-Z0-9]*$/, "must be an upper-case record type such as TXT"),
    content: z.string(),
    ttl: z.number().int().min(1).max(2147483647),
    priority: z.number().int().min(0).max(65535).optional(),
    /** DNSimple's record id, when the zone was read from its API. */
    id: z.number().int().positive().optional(),
    decision: z.enum(["keep", "replace", "decide", "system"]),
  })
  .strict()
  .superRefine((record, context) => {
    const system = isSystemRecord(record);
    if (system !== (record.decision === "system")) {
      context.addIssue({
        code: "custom",
        path: ["decision"],
        message: system ? `${record.type} ${record.name || "@"} is a system record (DNSimple's own): its decision is system` : `only SOA, apex NS and DNSSEC records are system records, not ${record.type} ${record.name || "@"}`,
        params: { fix: system ? "write decision: system" : "write keep or replace" },
      });
    }
  });

const adoptedZoneSchema = z
  .object({
    zone: zoneName,
    source: z.object({ file: z.string().min(1), format: z.enum(["zone-file", "dnsimple-api"]), sha256: z.string().regex(/^[0-9a-f]{64}$/) }).strict(),
    records: z.array(adoptedRecordSchema),
  })
  .strict();

/**
 * Reads config/<province>/zones/*.yaml: each file one zone as `npm run adopt` wrote it and a person reviewed it. A
 * problem names the file, the record's line and the fix; every file is read, so one run shows every problem.
 */
export function readAdoptedZones(dir: string, shown: (name: string) => string): { zones: AdoptedZone[]; problems: ConfigProblem[] } {
  const folder = join(dir, ZONES_FOLDER);
  if (!existsSync(folder)) return { zones: [], problems: [] };
  const zones: AdoptedZone[] = [];
  const problems: ConfigProblem[] = [];
  for (const name of readdirSync(folder).filter((entry) => entry.endsWith(".yaml")).sort()) {
    const file = shown(join(ZONES_FOLDER, name));
    const read = readAdoptedZone(join(folder, name), file);
    problems.push(...read.problems);
    if (!read.zone) continue;
    if (`${read.zone.zone}.yaml` !== name) {
      problems.push({ file, message: `the file holds zone ${read.zone.zone}, but its name says ${name.slice(0, -".yaml".length)}`, fix: `rename it ${read.zone.zone}.yaml` });
      continue;
    }
    zones.push(read.zone);
  }
  return { zones, problems };
}

function readAdoptedZone(path: string, file: string): { zone?: AdoptedZone; problems: ConfigProblem[] } {
  const read = readUtf8(path);
  if (!read) return { problems: [{ file, message: "the file cannot be read", fix: "delete it and run npm run adopt again" }] };
  if (!("text" in read)) return { problems: [{ file, row: read.row, message: read.message, fix: SAVE_AS_UTF8 }] };
  const lineCounter = new LineCounter();
  const document = parseDocument(read.text, { lineCounter, prettyErrors: false });
  if (document.errors.length > 0) {
    const [error] = document.errors;
    return { problems: [{ file, row: lineCounter.linePos(error.pos[0]).line, message: `the file is not valid YAML (${error.message.split("\n")[0]})`, fix: "correct it (git diff shows what changed), or delete it and run npm run adopt again" }] };
  }
  const parsed = adoptedZoneSchema.safeParse(document.toJS() ?? {});
  if (parsed.success) {
    const { zone, source, records } = parsed.data;
    return { zone: { zone, file, source, records }, problems: [] };
  }
  const lineOf = (path: readonly PropertyKey[]): number | undefined => {
    for (let depth = path.length; depth >= 0; depth--) {
      const node = document.getIn(path.slice(0, depth) as unknown[], true);
      if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
    }
    return undefined;
  };
  return {
    problems: parsed.error.issues.map((issue) => ({
      file,
      row: lineOf(issue.path),
      message: `${issue.path.map(String).join(".") || "(top level)"}: ${issue.message}`,
      fix: issue.code === "custom" && typeof issue.params?.fix === "string" ? issue.params.fix : "correct it as the README's config contract (zones/) describes, or delete the file and run npm run adopt again",
    })),
  };
}
