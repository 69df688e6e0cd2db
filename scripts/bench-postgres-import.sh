#!/usr/bin/env bash
# The demo set imported into SQLite and into a PostgreSQL of its own on this machine, one after the other in one
# run (`visitctl import all`, one change with its re-plan). As root: the server runs as the `postgres` user.
# Usage: scripts/bench-postgres-import.sh [HOUSEHOLDS] (default 1000000; 200 projects, 20 below 1,000,000)
# BIN: the folder of a release visitctl (default .build/release); PGBIN: PostgreSQL's binaries.
set -euo pipefail
cd "$(dirname "$0")/.."
households=${1:-1000000}
projects=$((households >= 1000000 ? 200 : 20))
bin=${BIN:-.build/release}
pgbin=${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)}
dir=$(mktemp -d /tmp/visitd-bench-pg.XXXXXX)
chown postgres "$dir"
runuser -u postgres -- "$pgbin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C >/dev/null
port=55432
runuser -u postgres -- "$pgbin/pg_ctl" start -w -D "$dir/data" -l "$dir/log" \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $dir" >/dev/null
trap 'runuser -u postgres -- "$pgbin/pg_ctl" stop -m fast -D "$dir/data" >/dev/null; rm -rf "$dir"' EXIT
runuser -u postgres -- "$pgbin/psql" -X -q -h "$dir" -p $port -U postgres -c "CREATE DATABASE bench"
"$bin/visitctl" demo generate --projects $projects --households "$households" --seed 1 --out "$dir/demo" >/dev/null
/usr/bin/time -f "sqlite: %e s, peak RSS %M KB" "$bin/visitctl" import all "$dir/demo" --db "$dir/bench.sqlite" |
  tail -1
/usr/bin/time -f "postgres: %e s, peak RSS %M KB" \
  "$bin/visitctl" import all "$dir/demo" --db "postgres://postgres@127.0.0.1:$port/bench" | tail -1
