#!/usr/bin/env bash
# The one command that installs everything the tests need and runs them (README, .ci/run).
# System package: Chromium (Debian's), for the test that opens the rollout report's HTML page.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v chromium >/dev/null 2>&1; then
  as_root=""; [ "$(id -u)" -eq 0 ] || as_root="sudo"
  $as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $as_root apt-get install -y -qq chromium >/dev/null
fi
npm ci --no-audit --no-fund
npm test
