import { JSONParser } from "@streamparser/json";
import { z } from "zod";
import type { ExistingRecord, ExportRead } from "./existing-record";

/**
 * One response of DNSimple's list-zone-records (API v2, GET /v2/{account}/zones/{zone}/records): `data` and
 * `pagination`, as developer.dnsimple.com/v2/zones/records/#listZoneRecords documents it and
 * dnsimple/dnsimple-developer fixtures/v2/api/listZoneRecords/success.http shows it. Unknown fields are allowed.
 */
const page = z.object({
  data: z.array(
    z.object({
      id: z.number().int().positive(),
      zone_id: z.string().min(1),
      name: z.string(),
      content: z.string(),
      ttl: z.number().int().positive(),
      priority: z.number().int().min(0).nullable(),
      type: z.string().min(1),
      system_record: z.boolean().optional(),
    }),
  ),
  pagination: z.object({ current_page: z.number().int().positive(), total_pages: z.number().int().min(0) }),
});

/**
 * Reads DNSimple's list-zone-records responses: one page, or several written one after another into one file (as
 * `for page in 1 2 3; do curl …?page=$page; done > records.json` writes them). The documents are split by
 * @streamparser/json's tokenizer (`separator: ""` reads concatenated JSON), not by guessing where one ends.
 */
export function readDnsimplePages(text: string): ExportRead {
  const documents: unknown[] = [];
  const parser = new JSONParser({ separator: "", paths: ["$"], keepStack: false });
  parser.onValue = ({ value }) => {
    documents.push(value);
  };
  try {
    parser.write(text.replace(/^\uFEFF/, ""));
    parser.end();
  } catch (error) {
    return { problems: [`document ${documents.length + 1} is not JSON (${(error as Error).message.split("\n")[0]})`] };
  }
  const problems: string[] = [];
  const pages: z.infer<typeof page>[] = [];
  documents.forEach((document, index) => {
    const parsed = page.safeParse(document);
    if (parsed.success) pages.push(parsed.data);
    else problems.push(`document ${index + 1} is not a list-zone-records response: ${parsed.error.issues.map((issue) => `${issue.path.join(".") || "(top level)"} ${issue.message}`).join("; ")}`);
  });
  if (problems.length > 0) return { problems };
  if (pages.length === 0) return { problems: ["the file holds no response"] };

  const numbers = pages.map((response) => response.pagination.current_page);
  const total = Math.max(...pages.map((response) => response.pagination.total_pages), 1);
  for (let number = 1; number <= total; number++) {
    const count = numbers.filter((candidate) => candidate === number).length;
    if (count === 0) problems.push(`page ${number} of ${total} is missing: write every page into the file (?page=${number})`);
    if (count > 1) problems.push(`page ${number} is in the file ${count} times`);
  }
  const records = pages.flatMap((response) => response.data);
  const zones = [...new Set(records.map((record) => record.zone_id))];
  if (zones.length > 1) problems.push(`records of several zones (${zones.join(", ")}): adopt one zone per file`);
  if (zones.length === 0) problems.push("the responses hold no record: not even the SOA, so they are not a zone's");
  if (problems.length > 0) return { problems };
  return {
    zone: zones[0],
    records: records.map((record): ExistingRecord => ({
      name: record.name,
      type: record.type,
      content: record.content,
      ttl: record.ttl,
      ...(record.priority !== null && ["MX", "SRV"].includes(record.type) ? { priority: record.priority } : {}),
      id: record.id,
    })),
  };
}
