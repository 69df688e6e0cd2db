#!/usr/bin/env bash
# `make bench`: the planner and store benchmarks (visitbench), calendar expressions (bench-calendar.sh), then the
# HTTP API over loopback (bench-api.py, at $API_HOUSEHOLDS households, 1,000,000 unless set).
# Usage: scripts/bench.sh [visitbench options, e.g. --households 100000]
# The figures are the machine's at the time: on a shared machine, run it twice and keep the better.
set -euo pipefail
cd "$(dirname "$0")/.."

swift=${SWIFT:-swift}
scratch=${SCRATCH_PATH:-.build}
"$swift" build -c release --scratch-path "$scratch" --product visitctl
"$swift" build -c release --scratch-path "$scratch" --product visitbench
"$swift" build -c release --scratch-path "$scratch" --product visitd
bin=$("$swift" build -c release --scratch-path "$scratch" --show-bin-path)

"$bin/visitbench" --rules rules "$@"
SCRATCH_PATH=$scratch bash scripts/bench-calendar.sh
python3 scripts/bench-api.py --bin "$bin" --households "${API_HOUSEHOLDS:-1000000}"
