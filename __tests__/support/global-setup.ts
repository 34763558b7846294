import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * One temp folder for the whole run, where a synthesis every test file needs (Bình Thuận's: realStacks) is
 * written once and read by the others; global-teardown.ts removes it. Test workers start after this and inherit
 * the variable.
 */
export default function globalSetup(): void {
  process.env.COMMUNE_INFRA_TEST_RUN = mkdtempSync(join(tmpdir(), "commune-infra-run-"));
}
