#!/usr/bin/env bash
# `make bench`: the planner and store benchmarks (visitbench), then calendar expressions (bench-calendar.sh).
# Usage: scripts/bench.sh [visitbench options, e.g. --households 100000]
# The figures are the machine's at the time: on a shared machine, run it twice and keep the better.
set -euo pipefail
cd "$(dirname "$0")/.."

swift=${SWIFT:-swift}
scratch=${SCRATCH_PATH:-.build}
"$swift" build -c release --scratch-path "$scratch" --product visitctl
"$swift" build -c release --scratch-path "$scratch" --product visitbench
bin=$("$swift" build -c release --scratch-path "$scratch" --show-bin-path)

"$bin/visitbench" --rules rules "$@"
SCRATCH_PATH=$scratch bash scripts/bench-calendar.sh
