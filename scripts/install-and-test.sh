#!/usr/bin/env bash
# The one command that installs everything the tests need and runs them (README, .ci/run).
# System packages: Chromium (Debian's), for the tests that open the rollout report's HTML page and print its PDF;
# Liberation 2 fonts, the Times New Roman of the PDF with every Vietnamese letter (Liberation 1 lacks some).
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v chromium >/dev/null 2>&1 || [ ! -d /usr/share/fonts/truetype/liberation2 ]; then
  as_root=""; [ "$(id -u)" -eq 0 ] || as_root="sudo"
  $as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $as_root apt-get install -y -qq chromium fonts-liberation2 >/dev/null
fi
npm ci --no-audit --no-fund
npm test
