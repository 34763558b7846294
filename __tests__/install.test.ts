import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "./support/project";
import { tempDir } from "./support/temp";

/**
 * scripts/install-and-test.sh runs `npm ci` only when node_modules was not installed from package-lock.json, by
 * whichever npm ci (the README's first command, a CI step): scripts/installed-from-lockfile.js decides.
 */
type Packages = Record<string, { version: string; integrity?: string; optional?: boolean }>;

const LOCKED: Packages = {
  "": { version: "0.1.0" },
  "node_modules/yaml": { version: "2.9.1", integrity: "sha512-y" },
  "node_modules/@swc/core-linux-arm64-gnu": { version: "1.16.22", integrity: "sha512-a", optional: true },
  "node_modules/@swc/core-linux-x64-gnu": { version: "1.16.22", integrity: "sha512-x", optional: true },
};
const { "": _root, "node_modules/@swc/core-linux-arm64-gnu": _otherPlatform, ...INSTALLED } = LOCKED;

/** Exit status of the check on a project with this lockfile and, unless undefined, this record of npm's install. */
function check(installed: Packages | undefined, locked: Packages = LOCKED): number | null {
  const dir = tempDir("project-");
  writeFileSync(join(dir, "package-lock.json"), JSON.stringify({ lockfileVersion: 3, packages: locked }));
  if (installed) {
    mkdirSync(join(dir, "node_modules"));
    writeFileSync(join(dir, "node_modules", ".package-lock.json"), JSON.stringify({ lockfileVersion: 3, packages: installed }));
  }
  return spawnSync(process.execPath, [join(ROOT, "scripts", "installed-from-lockfile.js"), dir]).status;
}

describe("whether node_modules was installed from package-lock.json", () => {
  it("yes when npm's record lists every package at its version, another platform's optional binary aside — as in this checkout", () => {
    expect(check(INSTALLED)).toBe(0);
    expect(spawnSync(process.execPath, [join(ROOT, "scripts", "installed-from-lockfile.js"), ROOT]).status).toBe(0);
  });

  it("no when nothing is installed, a package is missing, at another version or integrity, or not in the lockfile", () => {
    expect([
      check(undefined),
      check({ "node_modules/@swc/core-linux-x64-gnu": INSTALLED["node_modules/@swc/core-linux-x64-gnu"] }),
      check({ ...INSTALLED, "node_modules/yaml": { version: "2.9.0", integrity: "sha512-y" } }),
      check({ ...INSTALLED, "node_modules/yaml": { version: "2.9.1", integrity: "sha512-other" } }),
      check({ ...INSTALLED, "node_modules/left-pad": { version: "1.3.0" } }),
    ]).toEqual([1, 1, 1, 1, 1]);
  });
});
