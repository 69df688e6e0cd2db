#!/usr/bin/env bash
# The contract test: schemathesis generates requests from openapi.yaml for every documented operation and checks
# that a debug-built daemon with demo facts answers as documented (no 5xx, a documented status, content type and
# body). Bounded so that it takes well under 3 minutes.
# Usage: scripts/contract-test.sh [extra schemathesis options]   (BIN_DIR= the folder with visitd and visitctl)
set -euo pipefail
cd "$(dirname "$0")/.."

bin=${BIN_DIR:-$(${SWIFT:-swift} build --show-bin-path)}
command -v schemathesis >/dev/null || { echo "schemathesis is missing: run scripts/install-deps.sh" >&2; exit 1; }
work=$(mktemp -d -t visitd-contract-XXXXXX)
daemon=""
cleanup() {
  [ -n "$daemon" ] && kill "$daemon" 2>/dev/null && wait "$daemon" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
cp -r rules "$work/rules"
# As deployed: the ticket system's calls are signed, so the daemon has a ticket secret (a private file).
head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$work/ticket-hmac"
chmod 600 "$work/ticket-hmac"
printf '[http]\nticket_secret = { file = "%s" }\n' "$work/ticket-hmac" >"$work/visitd.toml"
"$bin/visitd" --db "$work/visitd.sqlite" --rules "$work/rules" --delivery-config "$work/visitd.toml" --demo-if-empty \
  --listen "127.0.0.1:$port" 2>"$work/visitd.log" &
daemon=$!

# The daemon plans the demo facts before it listens: wait for it (or for it to die).
base="http://127.0.0.1:$port"
for _ in $(seq 1200); do
  curl -sf -o /dev/null "$base/openapi.yaml" && break
  kill -0 "$daemon" 2>/dev/null || { cat "$work/visitd.log" >&2; echo "visitd exited" >&2; exit 1; }
  sleep 0.25
done
token=$("$bin/visitctl" token issue --operations --db "$work/visitd.sqlite")

status=0
# One worker: with two, hypothesis parses lambda sources on two threads at once, which CPython 3.11.7's `ast`
# does not survive ("AST constructor recursion depth mismatch", fixed in 3.11.8) and the run ends in an error.
# From the temporary folder, where schemathesis leaves its cache (.schemathesis/).
(cd "$work" && schemathesis run "$base/openapi.yaml" \
  --header "Authorization: Bearer $token" \
  --checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance \
  --phases examples,coverage,fuzzing \
  --max-examples "${CONTRACT_EXAMPLES:-30}" --seed 17 --workers 1 --request-timeout 20 \
  --suppress-health-check too_slow,filter_too_much "$@") || status=$?

if grep -q "request failed" "$work/visitd.log"; then
  echo "visitd logged server-side failures:" >&2
  grep "request failed" "$work/visitd.log" | head -20 >&2
  status=1
fi
exit "$status"
