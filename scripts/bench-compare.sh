#!/usr/bin/env bash
# Interleaved A/B of two release builds on one demo set (this host drifts ±30 % within an hour, so only runs
# taken side by side compare): `import all` (one change with its re-plan), `tasks --steward` (whole process,
# median of 5 after one), and daemon start to READY on the database each build imported.
# Usage: scripts/bench-compare.sh BIN_A BIN_B [HOUSEHOLDS (1000000)] [ROUNDS (2)]
set -euo pipefail
cd "$(dirname "$0")/.."
a=$1 b=$2 households=${3:-1000000} rounds=${4:-2}
projects=$(( households / 5000 > 0 ? households / 5000 : 1 ))
work=$(mktemp -d /tmp/visitd-compare-XXXXXX)
trap 'rm -rf "$work"' EXIT
"$a/visitctl" demo generate --projects "$projects" --households "$households" --seed 7 --as-of 2026-10-31 \
  --out "$work/facts" > /dev/null
seconds() { local TIMEFORMAT=%R; { time "$@" > /dev/null; } 2>&1; }
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
for round in $(seq "$rounds"); do
  for side in a b; do
    bin=${!side}
    rm -f "$work/$side.sqlite"*
    echo "import all, round $round, $side ($bin): $(seconds "$bin/visitctl" import all "$work/facts" --db "$work/$side.sqlite" --rules rules) s"
  done
done
sync
for side in a b; do "${!side}/visitctl" tasks --steward P001-S01 --db "$work/$side.sqlite" --rules rules > /dev/null; done
for side in a b a b a b a b a b; do
  echo "$side $(seconds "${!side}/visitctl" tasks --steward P001-S01 --db "$work/$side.sqlite" --rules rules)"
done > "$work/tasks.txt"
for side in a b; do
  echo "tasks --steward, $side: median of 5 $(grep "^$side " "$work/tasks.txt" | cut -d' ' -f2 | median) s"
done
for side in a b a b; do
  echo "$side: $(BENCH_DB="$work/$side.sqlite" python3 scripts/bench-daemon.py "${!side}" "$households" 1)"
done
