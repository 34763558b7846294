#!/usr/bin/env bash
# The one command that installs everything the tests need and runs them (README, .ci/run).
# System packages (Debian's): Chromium, for the tests that open the rollout report's HTML page and print its PDF;
# the Liberation 2 fonts, the PDF's Times New Roman with every Vietnamese letter (Liberation 1 lacks some); jq,
# which the drift workflow's province listing uses and its test runs; and BIND 9 — named, named-checkzone and dig —
# which the zone-files and verify tests run (an authoritative server serving the zone files the tests write).
set -euo pipefail
cd "$(dirname "$0")/.."

# How long to wait for another apt or dpkg (unattended upgrades, another install on this machine) to finish.
APT_WAIT_SECONDS=300
as_root=""; [ "$(id -u)" -eq 0 ] || as_root="sudo"

# apt-get, quiet unless it fails, that waits while another apt or dpkg holds its lock, saying so, instead of
# failing at once. A retry loop rather than DPkg::Lock::Timeout alone: that option waits for dpkg's lock only, not
# for the package lists' lock that `apt-get update` takes (apt 2.6, Debian 12).
apt_get() {
  local deadline=$((SECONDS + APT_WAIT_SECONDS)) log status
  log=$(mktemp)
  while :; do
    status=0
    $as_root env DEBIAN_FRONTEND=noninteractive LC_ALL=C apt-get "$@" >"$log" 2>&1 || status=$?
    if [ "$status" -eq 0 ] || ! grep -qE 'Could not get lock|Unable to lock|Unable to acquire the dpkg frontend lock' "$log"; then
      [ "$status" -eq 0 ] || cat "$log" >&2
      rm -f "$log"
      return "$status"
    fi
    if [ "$SECONDS" -ge "$deadline" ]; then
      rm -f "$log"
      echo "install-and-test: apt or dpkg was still busy after ${APT_WAIT_SECONDS} s; run this again once the other install has finished" >&2
      return 1
    fi
    echo "install-and-test: another apt or dpkg is running ($(grep -m1 -oE '(Could not get lock|Unable to).*' "$log")); trying again in 5 s, for up to $((deadline - SECONDS)) s more" >&2
    sleep 5
  done
}

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v jq >/dev/null 2>&1 || missing+=(jq)
[ -d /usr/share/fonts/truetype/liberation2 ] || missing+=(fonts-liberation2)
command -v named >/dev/null 2>&1 || missing+=(bind9)
command -v named-checkzone >/dev/null 2>&1 || missing+=(bind9-utils)
command -v dig >/dev/null 2>&1 || missing+=(bind9-dnsutils)
if [ "${#missing[@]}" -gt 0 ]; then
  echo "install-and-test: installing ${missing[*]} (Debian)"
  apt_get update
  apt_get install -y "${missing[@]}"
fi

# npm ci deletes and rewrites node_modules every time: skip it when node_modules was installed from this very
# lockfile, whoever ran that npm ci (a CI step before this script, the README's first command, an earlier run).
# A stamp of this script's own installs missed the others, so a fresh clone ran npm ci twice.
if node scripts/installed-from-lockfile.js; then
  echo "install-and-test: node_modules already matches package-lock.json; not reinstalling"
else
  npm ci --no-audit --no-fund
fi
npm test
