import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * Every folder a test writes goes under one temp folder per test file, which setup.ts removes after the file's
 * last test: a run leaves nothing behind in the temp folder, whatever the test did or where it failed.
 */
let root: string | undefined;

/** A fresh empty folder, removed with every other of this test file once its tests are done. */
export function tempDir(prefix = "tmp-"): string {
  root ??= mkdtempSync(join(tmpdir(), "commune-infra-test-"));
  return mkdtempSync(join(root, prefix));
}

/** Removes every folder tempDir made (setup.ts calls it after each test file). */
export function removeTempDirs(): void {
  if (root) rmSync(root, { recursive: true, force: true });
  root = undefined;
}
