import { execFileSync } from "node:child_process";

/** The largest SOA serial: an unsigned 32-bit number (RFC 1982). */
const MAX_SERIAL = 4294967295;

/**
 * The default SOA serial: the commit time of HEAD in `root`, in seconds since 1970 (what BIND's
 * `serial-update-method unixtime` would write). The same commit gives the same serial, and a later commit a larger
 * one, so secondaries take each new version. Undefined when `root` is not a git checkout.
 */
export function commitSerial(root: string): number | undefined {
  try {
    const time = Number(execFileSync("git", ["log", "-1", "--format=%ct", "HEAD"], { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim());
    return Number.isInteger(time) && time > 0 ? time : undefined;
  } catch {
    return undefined;
  }
}

/** A serial given on the command line: a whole number from 1 to 2^32 - 1. */
export function parseSerial(text: string): number | undefined {
  if (!/^\d{1,10}$/.test(text)) return undefined;
  const serial = Number(text);
  return serial >= 1 && serial <= MAX_SERIAL ? serial : undefined;
}
