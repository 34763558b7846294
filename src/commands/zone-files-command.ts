import { join } from "node:path";
import { loadProvinceDns } from "../dns/province-dns";
import { isZoneFilesFolder, writeZoneFiles } from "../dns/write-zone-files";
import { commitSerial, parseSerial } from "../dns/zone-serial";
import { formatProblem } from "../load/problems";
import { formatViolations } from "../policy/check-app";
import { environmentName, provinceName } from "../runtime/province-command";
import { type CommandIo, commandArgs, failureExit, processIo, UsageError } from "../runtime/command-io";

export const ZONE_FILES_USAGE = "usage: [PROVINCE=<folder>] [ENV=offline|staging|production] npm run zone-files -- --out DIR [--state DIR] [--serial N]\n";

/**
 * `npm run zone-files` (scripts/zone-files.ts says what it writes) with `argv` (its arguments after `--`), for the
 * project at `root`: here so that tests run it in-process; the script hands it the process's environment and streams.
 * Returns the exit code: 0 written; 1 a bad config, state or policy violation (nothing written); 2 a usage error.
 */
export function runZoneFiles(argv: readonly string[], root: string, io: CommandIo = processIo): number {
  try {
    return zoneFiles(argv, root, io);
  } catch (error) {
    return failureExit(error, io, { usage: ZONE_FILES_USAGE, prefix: "zone-files: " });
  }
}

function zoneFiles(argv: readonly string[], root: string, io: CommandIo): number {
  const { out, state, serial } = parse(argv, root);
  io.stderr(`zone-files: synthesizing ${provinceName(io.env)} (ENV=${environmentName(io.env)})…\n`);
  const dns = loadProvinceDns(root, io.env, state);
  if ("violations" in dns) {
    io.stderr(formatViolations(dns.violations));
    return 1;
  }
  if ("stateProblems" in dns) {
    io.stderr(`The state has ${dns.stateProblems.length} problem(s); nothing was written.\n\n${dns.stateProblems.map(formatProblem).join("\n\n")}\n`);
    return 1;
  }
  const summary = writeZoneFiles(dns, out, serial);
  const standIns = summary.standIns === 0 ? "no stand-ins" : `${summary.standIns} stand-ins (values known after apply${dns.withState ? " that the state does not have" : ": give --state DIR"}; each marked on its line)`;
  const handovers = summary.handovers.map((handover) => `  ${join(out, "handover", `${handover.name}.zone`)}: ${handover.delegations} delegations, ${handover.reportAuthorizations} DMARC report authorizations\n`);
  io.stdout(
    `${dns.province.settings.province} (ENV=${dns.environment.name}): ${summary.zones} zones, ${summary.records} records, ${standIns}, SOA serial ${serial}; written to ${out}/\n` +
      `${summary.handovers.length} hand-over zones (records for zones the config does not manage):\n${handovers.join("")}`,
  );
  return 0;
}

function parse(argv: readonly string[], root: string): { out: string; state?: string; serial: number } {
  const { values } = commandArgs({ args: [...argv], allowPositionals: false, options: { out: { type: "string" }, state: { type: "string" }, serial: { type: "string" } } });
  const { out, state, serial: serialText } = values;
  if (!out) throw new UsageError("--out DIR is required");
  if (!isZoneFilesFolder(out)) throw new UsageError(`${out} holds files zone-files did not write; give a new or empty folder, or one it wrote before`);
  const serial = serialText === undefined ? commitSerial(root) : parseSerial(serialText);
  if (serial === undefined) throw new UsageError(serialText === undefined ? "this is not a git checkout, so the SOA serial has no default: give --serial N" : `--serial ${serialText} is not a whole number from 1 to 4294967295`);
  return { out, state, serial };
}
