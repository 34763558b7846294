#!/usr/bin/env node
// Exit 0 when <dir>/node_modules was installed from <dir>/package-lock.json — by install-and-test.sh, by a CI
// step's own `npm ci`, or by the README's first command — and 1 otherwise. What npm installed is what it recorded
// in node_modules/.package-lock.json (npm ci writes it; npm reads it back as the tree's state): every package of the
// lockfile must be there at its version and integrity (an optional one may be absent: npm skips the binaries of
// other platforms), and nothing else. Plain Node.js, no packages: it runs before they are installed.
"use strict";
const { readFileSync } = require("node:fs");
const { join } = require("node:path");

const dir = process.argv[2] || ".";
const packages = (file) => JSON.parse(readFileSync(join(dir, file), "utf8")).packages || {};

function installedFromLockfile() {
  let locked;
  let installed;
  try {
    locked = packages("package-lock.json");
    installed = packages(join("node_modules", ".package-lock.json"));
  } catch {
    return false;
  }
  for (const [path, entry] of Object.entries(locked)) {
    if (path === "") continue;
    const have = installed[path];
    if (!have) {
      if (entry.optional) continue;
      return false;
    }
    if (have.version !== entry.version || have.integrity !== entry.integrity) return false;
  }
  return Object.keys(installed).every((path) => path in locked);
}

process.exitCode = installedFromLockfile() ? 0 : 1;
