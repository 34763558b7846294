import { rmSync } from "node:fs";

/** Removes the run's shared temp folder (global-setup.ts). */
export default function globalTeardown(): void {
  const dir = process.env.COMMUNE_INFRA_TEST_RUN;
  if (dir) rmSync(dir, { recursive: true, force: true });
}
