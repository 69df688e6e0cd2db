#!/usr/bin/env bash
# Benchmarks `visitctl calendar` against `systemd-analyze calendar` (whole processes, one hyperfine run)
# and prints the median of each. Usage: scripts/bench-calendar.sh [EXPRESSION] [ITERATIONS]
set -euo pipefail
cd "$(dirname "$0")/.."

expression=${1:-'*-*-15 09:00 Asia/Shanghai'}
iterations=${2:-100000}
scratch=${SCRATCH_PATH:-.build}

if ! command -v hyperfine >/dev/null; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "installing hyperfine" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq hyperfine
fi

visitctl="$scratch/release/visitctl"
if [ ! -x "$visitctl" ] || [ -n "$(find Sources/CalendarSpec Sources/visitctl -newer "$visitctl" -print -quit)" ]; then
  swift build -c release --scratch-path "$scratch" --product visitctl
fi

export TZ=${TZ:-UTC} SYSTEMD_LOG_LEVEL=err
results=$(mktemp)
trap 'rm -f "$results"' EXIT
hyperfine --warmup 2 --runs "${RUNS:-10}" --export-json "$results" -N \
  -n visitctl "$visitctl calendar --iterations $iterations '$expression'" \
  -n systemd-analyze "systemd-analyze calendar --iterations $iterations '$expression'"

python3 - "$results" <<'PY'
import json, sys
for r in json.load(open(sys.argv[1]))["results"]:
    print(f"median {r['command']:>16}: {r['median'] * 1000:9.1f} ms")
PY
