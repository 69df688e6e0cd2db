#!/usr/bin/env bash
# Delivers ROWS outbox rows (default 10000) to a loopback webhook with rate budgets off and prints
# the time taken and the peak resident memory (target: 10,000 rows in 10 s or less).
# Usage: scripts/bench-delivery.sh [ROWS] [BATCH]   (SCRATCH_PATH picks the build folder)
set -euo pipefail
cd "$(dirname "$0")/.."

rows=${1:-10000}
batch=${2:-64}
scratch=${SCRATCH_PATH:-.build}

swift build -c release --scratch-path "$scratch" --product visitd-bench-delivery >&2
"$scratch/release/visitd-bench-delivery" "$rows" "$batch"
