import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { basename, join, relative } from "node:path";
import { ZONES_FOLDER } from "../load/adopted-zones";
import { loadProvince, provinceDir } from "../load/load-province";
import { ConfigError, type ConfigProblem, describeUnit } from "../load/problems";
import { readUtf8, SAVE_AS_UTF8 } from "../load/read-table";
import { suggestion } from "../load/util";
import { type AdoptedRecord, pairReplaced } from "../model/adopted-zone";
import type { Province } from "../model/province";
import { adoptableZones } from "../model/zones";
import { classify } from "./classify";
import { readDnsimplePages } from "./dnsimple-pages";
import { type ExportRead, sortRecords } from "./existing-record";
import { zonePlan } from "./plan-records";
import { decide, renderZone } from "./zone-document";
import { readZoneFile } from "./zone-file";

export interface AdoptOptions {
  /** The project root: config/<province>/ lies below it. */
  readonly root: string;
  readonly province: string;
  /** The export, as the user named it (relative to the working directory). */
  readonly file: string;
  /** The zone's name, for a zone file without $ORIGIN. */
  readonly zone?: string;
  /** Progress, one line at a time (stderr). */
  readonly progress?: (line: string) => void;
}

export type AdoptOutcome = { readonly report: string; readonly written: boolean } | { readonly problems: readonly ConfigProblem[] };

const GROUPS: readonly [AdoptedRecord["decision"], string][] = [
  ["keep", "kept"],
  ["replace", "replaced by the plan"],
  ["decide", "needs a decision"],
  ["system", "system"],
];

/**
 * `npm run adopt`: reads a zone as it is served today (zone file or DNSimple's list-zone-records pages), decides
 * per record against what the plan declares in that zone, and writes config/<province>/zones/<zone>.yaml — only
 * when it changes, all at once (a temporary file renamed into place). Bad input writes nothing.
 */
export function adopt(options: AdoptOptions): AdoptOutcome {
  const { file } = options;
  const read = readUtf8(file);
  if (!read) return { problems: [{ file, message: "the file cannot be read", fix: "give the path of a zone file or of DNSimple's list-zone-records response" }] };
  if (!("text" in read)) return { problems: [{ file, row: read.row, message: read.message, fix: SAVE_AS_UTF8 }] };
  const format = /^\uFEFF?\s*\{/.test(read.text) ? "dnsimple-api" : "zone-file";
  const exported: ExportRead = format === "dnsimple-api" ? readDnsimplePages(read.text) : readZoneFile(read.text, options.zone);
  if ("problems" in exported) {
    const fix = format === "dnsimple-api" ? "export the zone again: every page of GET /v2/<account>/zones/<zone>/records, one response after another" : "correct the zone file (named-checkzone <zone> <file> checks it)";
    return { problems: exported.problems.map((message) => ({ file, message, fix })) };
  }

  let province: Province;
  try {
    province = loadProvince(provinceDir(options.province, options.root));
  } catch (error) {
    if (error instanceof ConfigError) return { problems: error.problems };
    throw error;
  }
  const { zone } = exported;
  const declared = adoptableZones(province);
  if (!declared.includes(zone)) {
    return {
      problems: [{
        file,
        message: `${zone} is not a zone of ${province.settings.province} (config/${province.id}): a new commune's or an old unit's domain`,
        fix: `adopt the export of a zone the province declares, or correct the unit's domain in the config${suggestion(zone, declared)}`,
      }],
    };
  }

  options.progress?.(`adopt: ${zone}: ${exported.records.length} records; building the plan of ${province.settings.province}`);
  const plan = zonePlan(province, zone);
  const records = sortRecords(exported.records);
  const previous = province.adoptedZones.find((adopted) => adopted.zone === zone);
  const decided = decide(records, classify(records, plan), previous);
  const source = { file: basename(file), format, sha256: createHash("sha256").update(readFileSync(file)).digest("hex") } as const;
  const text = renderZone({ zone, source, records: decided.map(({ record }) => record) }, decided.map(({ reason }) => reason));

  const folder = join(provinceDir(options.province, options.root), ZONES_FOLDER);
  const target = join(folder, `${zone}.yaml`);
  const written = !existsSync(target) || readFileSync(target, "utf8") !== text;
  if (written) {
    mkdirSync(folder, { recursive: true });
    const staging = `${target}.${process.pid}.tmp`;
    writeFileSync(staging, text);
    renameSync(staging, target);
  }

  const owner = [...province.communes.map((unit) => ({ name: unit.name, code: unit.code, domain: unit.domain })), ...province.retired.map((unit) => ({ name: unit.name, code: unit.code, domain: unit.domain }))].find((unit) => unit.domain === zone);
  const shown = relative(process.cwd(), target) || target;
  const adopted = decided.map(({ record }) => record);
  const count = (decision: AdoptedRecord["decision"]) => adopted.filter((record) => record.decision === decision).length;
  const lines = [
    `${zone}${owner ? `, ${describeUnit(owner.name, owner.code)}` : ""}: ${adopted.length} records from ${source.file}`,
    "",
    table(decided),
    "",
    `${GROUPS.map(([decision, label]) => `${count(decision)} ${label}`).join(", ")}; ${written ? "written to" : "unchanged:"} ${shown}`,
  ];
  if (format === "dnsimple-api") {
    const { unpaired } = pairReplaced(adopted.filter((record) => record.decision === "replace"), plan.records);
    const imported = count("keep") + count("replace") - unpaired.length;
    lines.push(`the zone is in DNSimple: the deploy imports it and ${imported} of its records`);
    for (const record of unpaired) lines.push(`left in DNSimple after the deploy (the plan has no record to take its place): ${record.type} ${record.name || "@"} ${record.content} (id ${record.id}); delete it by hand once the plan's records are live`);
  }
  if (count("decide") > 0) lines.push(`next: write keep or replace for the ${count("decide")} records marked decide in ${shown} (the synth refuses them: ADOPT-001)`);
  return { report: `${lines.join("\n")}\n`, written };
}

/** The records grouped kept / replaced / needs a decision / system, in aligned columns. */
function table(decided: readonly { record: AdoptedRecord; reason: string }[]): string {
  const clip = (text: string, width: number) => (text.length > width ? `${text.slice(0, width - 1)}…` : text);
  const rows = GROUPS.flatMap(([decision, label]) =>
    decided
      .filter(({ record }) => record.decision === decision)
      .map(({ record, reason }) => [label, record.name || "@", record.type, String(record.ttl), clip(`${record.priority !== undefined ? `${record.priority} ` : ""}${record.content}`, 50), reason]),
  );
  const all = [["decision", "name", "type", "ttl", "content", "why"], ...rows];
  const widths = all[0].map((_, column) => Math.max(...all.map((row) => row[column].length)));
  return all.map((row) => row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]))).join("  ").trimEnd()).join("\n");
}
