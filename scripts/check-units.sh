#!/usr/bin/env bash
# Checks the unit files: `systemd-analyze verify` passes and the security exposure is 2.0 or lower.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v systemd-analyze >/dev/null || { echo "check-units: systemd-analyze not found" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# verify wants ExecStart= to exist; point it at a stand-in executable.
sed "s#/usr/bin/visitd#/bin/true#" systemd/visitd.service > "$work/visitd.service"
cp systemd/visitd.socket "$work/visitd.socket"
# --man=no: Documentation=man:visitd(8) is installed by the package, not on the build machine (deb-test.sh checks it).
systemd-analyze verify --man=no "$work/visitd.service" "$work/visitd.socket"
score=$(systemd-analyze security --offline=true "$work/visitd.service" 2>/dev/null |
  sed -n 's/.*Overall exposure level for visitd.service: \([0-9.]*\).*/\1/p')
[ -n "$score" ] || { echo "check-units: no security score" >&2; exit 1; }
echo "systemd-analyze verify: ok; security exposure: $score (target <= 2.0)"
awk -v s="$score" 'BEGIN { exit !(s <= 2.0) }' || { echo "check-units: exposure $score > 2.0" >&2; exit 1; }
