/**
 * npm run zone-files -- --out DIR [--state DIR] [--serial N]
 *
 * Writes every zone PROVINCE declares for ENV as an RFC 1035 master file, DIR/<zone>.zone, and for every zone the
 * config does not manage but must hold records, DIR/handover/<zone>.zone. Exit codes: 0 written; 1 a bad config,
 * state or policy violation (every problem listed, nothing written); 2 a usage error.
 */
import { join } from "node:path";
import { parseArgs } from "node:util";
import { loadProvinceDns } from "../src/dns/province-dns";
import { isZoneFilesFolder, writeZoneFiles } from "../src/dns/write-zone-files";
import { commitSerial, parseSerial } from "../src/dns/zone-serial";
import { formatProblem } from "../src/load/problems";
import { formatViolations } from "../src/policy/check-app";
import { environmentName, provinceName, reportingConfigErrors } from "../src/runtime/province-command";

const USAGE = "usage: [PROVINCE=<folder>] [ENV=offline|staging|production] npm run zone-files -- --out DIR [--state DIR] [--serial N]\n";
const ROOT = join(__dirname, "..");

function usageError(message: string): void {
  process.stderr.write(`zone-files: ${message}\n${USAGE}`);
  process.exitCode = 2;
}

function main(): void {
  let args: ReturnType<typeof parse>;
  try {
    args = parse();
  } catch (error) {
    return usageError((error as Error).message);
  }
  const { out, state, serial: serialText } = args.values;
  if (!out) return usageError("--out DIR is required");
  if (!isZoneFilesFolder(out)) return usageError(`${out} holds files zone-files did not write; give a new or empty folder, or one it wrote before`);
  const serial = serialText === undefined ? commitSerial(ROOT) : parseSerial(serialText);
  if (serial === undefined) return usageError(serialText === undefined ? "this is not a git checkout, so the SOA serial has no default: give --serial N" : `--serial ${serialText} is not a whole number from 1 to 4294967295`);

  process.stderr.write(`zone-files: synthesizing ${provinceName()} (ENV=${environmentName()})…\n`);
  reportingConfigErrors(() => {
    const dns = loadProvinceDns(ROOT, process.env, state);
    if ("violations" in dns) {
      process.stderr.write(formatViolations(dns.violations));
      process.exitCode = 1;
      return;
    }
    if ("stateProblems" in dns) {
      process.stderr.write(`The state has ${dns.stateProblems.length} problem(s); nothing was written.\n\n${dns.stateProblems.map(formatProblem).join("\n\n")}\n`);
      process.exitCode = 1;
      return;
    }
    const summary = writeZoneFiles(dns, out, serial);
    const standIns = summary.standIns === 0 ? "no stand-ins" : `${summary.standIns} stand-ins (values known after apply${dns.withState ? " that the state does not have" : ": give --state DIR"}; each marked on its line)`;
    const handovers = summary.handovers.map((handover) => `  ${join(out, "handover", `${handover.name}.zone`)}: ${handover.delegations} delegations, ${handover.reportAuthorizations} DMARC report authorizations\n`);
    process.stdout.write(
      `${dns.province.settings.province} (ENV=${dns.environment.name}): ${summary.zones} zones, ${summary.records} records, ${standIns}, SOA serial ${serial}; written to ${out}/\n` +
        `${summary.handovers.length} hand-over zones (records for zones the config does not manage):\n${handovers.join("")}`,
    );
  });
}

function parse() {
  return parseArgs({ allowPositionals: false, options: { out: { type: "string" }, state: { type: "string" }, serial: { type: "string" } } });
}

main();
