#!/usr/bin/env bash
# The visitd package on this machine, as root: a fresh install (nothing from the toolchain, `visitd --version`,
# `visitctl rules check` as installed, the conffile loads), an upgrade from the previous package with a database
# in place (the daemon starts on it, reaches READY, nothing lost), and purges (state gone, the user kept).
# Fails on the first check that does not hold. systemd need not be PID 1: the maintainer scripts then only enable.
#
#   scripts/deb-test.sh dist/visitd_VERSION_amd64.deb
#   PREVIOUS_DEB=/path/visitd_OLD_amd64.deb scripts/deb-test.sh dist/visitd_VERSION_amd64.deb
#
# Without PREVIOUS_DEB (there is no earlier release yet) the same package relabelled VERSION~previous stands in,
# and the database it leaves is taken back to the schema before the latest migration (`undo_latest_migration`),
# so that the upgrade runs a real migration on a populated database. (The migrations from every earlier schema
# are StoreTests' MigrationTests.)
set -euo pipefail
deb=$(realpath "${1:?usage: deb-test.sh dist/visitd_VERSION_amd64.deb}")
[ "$(id -u)" -eq 0 ] || { echo "deb-test: run as root (dpkg -i)" >&2; exit 1; }
if dpkg-query -W -f='${Status}' visitd 2>/dev/null | grep -q installed; then
  echo "deb-test: visitd is installed here already; not touching it" >&2
  exit 1
fi

work=$(mktemp -d /tmp/visitd-deb-test.XXXXXX)
chmod 0755 "$work"
cleanup() {
  dpkg --purge visitd >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "deb-test: FAIL: $*" >&2; exit 1; }
step() { echo "== $*"; }
db=/var/lib/visitd/visitd.sqlite

# Row counts of the tables an upgrade must keep, and the applied migrations: "table=N ..." on one line.
counts() {
  python3 - "$1" <<'EOF'
import sqlite3, sys
db = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
tables = ["household", "visit", "task", "steward", "project"]
rows = " ".join(f"{t}={db.execute(f'SELECT count(*) FROM {t}').fetchone()[0]}" for t in tables)
migrations = ",".join(r[0] for r in db.execute("SELECT identifier FROM grdb_migrations ORDER BY rowid"))
print(f"{rows} migrations={migrations}")
EOF
}

# Runs the installed daemon as the visitd user, as the unit does, until it tells READY=1 on a notify socket of our
# own (or exits, or 300 s pass), then stops it with SIGTERM and expects a clean exit.
daemon_reaches_ready() {
  python3 - "$work" <<'EOF'
import os, socket, subprocess, sys
work = sys.argv[1]
path = os.path.join(work, "notify.sock")
notify = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
notify.bind(path)
os.chmod(path, 0o666)
run = os.path.join(work, "run")
os.makedirs(run, exist_ok=True)
subprocess.run(["chown", "visitd:visitd", run], check=True)
env = {"PATH": "/usr/bin:/bin", "NOTIFY_SOCKET": path, "STATE_DIRECTORY": "/var/lib/visitd", "RUNTIME_DIRECTORY": run}
daemon = subprocess.Popen(
    ["/usr/bin/visitd", "--rules", "/usr/share/visitd/rules", "--rules", "/etc/visitd/rules"],
    user="visitd", group="visitd", extra_groups=[], env=env, umask=0o077)
notify.settimeout(300)
ready = False
try:
    while not ready:
        message = notify.recv(4096).decode(errors="replace")
        ready = any(line == "READY=1" for line in message.splitlines())
except socket.timeout:
    pass
if daemon.poll() is not None:
    sys.exit(f"visitd exited with {daemon.returncode} before READY=1")
daemon.terminate()
code = daemon.wait(timeout=60)
if not ready:
    sys.exit("visitd did not tell READY=1 within 300 s")
if code != 0:
    sys.exit(f"visitd exited with {code} on SIGTERM")
print("visitd: READY=1, then a clean stop")
EOF
}

# Takes the database back to the schema before its latest migration, as the visitd user (so that the WAL files stay
# the daemon's): the undo of each migration is written here when the migration is, and a migration without one
# fails the test by name.
undo_latest_migration() {
  runuser -u visitd -- python3 - "$1" <<'EOF'
import sqlite3, sys
undo = {
    "v7": [f"DROP TRIGGER {table}_{event}_reference"
           for table in ["project", "steward", "area", "area_steward"] for event in ["insert", "update", "delete"]]
    + ["ALTER TABLE plan_state DROP COLUMN provisional_years", "ALTER TABLE plan_state DROP COLUMN reference_version"],
    "v8": ["DROP TABLE calendar_event"],
    "v9": [f"ALTER TABLE steward DROP COLUMN {column}" for column in ["dingtalk", "feishu", "email"]],
}
db = sqlite3.connect(sys.argv[1], isolation_level=None)
latest = db.execute("SELECT identifier FROM grdb_migrations ORDER BY rowid DESC LIMIT 1").fetchone()[0]
if latest not in undo:
    sys.exit(f"deb-test: no undo for migration {latest}: write it in undo_latest_migration")
db.execute("BEGIN IMMEDIATE")
for statement in undo[latest]:
    db.execute(statement)
db.execute("DELETE FROM grdb_migrations WHERE identifier = ?", (latest,))
db.execute("COMMIT")
problems = db.execute("PRAGMA integrity_check").fetchall()
if problems != [("ok",)]:
    sys.exit(f"deb-test: the database after undoing {latest}: {problems}")
print(latest)
EOF
}

version=$(dpkg-deb -f "$deb" Version)
if [ -n "${PREVIOUS_DEB:-}" ]; then
  previous=$(realpath "$PREVIOUS_DEB")
else
  step "the previous package: $(basename "$deb") relabelled ${version}~previous"
  dpkg-deb -R "$deb" "$work/previous"
  sed -i "s/^Version: .*/Version: ${version}~previous/" "$work/previous/DEBIAN/control"
  previous="$work/visitd_${version}~previous_amd64.deb"
  dpkg-deb -Zgzip -z1 -b "$work/previous" "$previous" >/dev/null
  rm -rf "$work/previous"
fi
dpkg --compare-versions "$(dpkg-deb -f "$previous" Version)" lt "$version" ||
  fail "$previous is not older than $version"

step "fresh install: dpkg -i $(basename "$deb")"
dpkg -i "$deb"
getent passwd visitd >/dev/null || fail "no visitd user after install"
[ "$(stat -c '%a %U %G' /etc/visitd)" = "750 root visitd" ] || fail "/etc/visitd is $(stat -c '%a %U %G' /etc/visitd)"
[ -d /etc/visitd/rules ] && [ -d /etc/visitd/credentials ] || fail "tmpfiles did not create /etc/visitd/{rules,credentials}"
dpkg-query -W -f='${Conffiles}\n' visitd | grep -q '^ /etc/visitd/visitd.toml ' || fail "visitd.toml is not a conffile"
[ -L /etc/systemd/system/multi-user.target.wants/visitd.service ] || fail "visitd.service not enabled"
[ -L /etc/systemd/system/sockets.target.wants/visitd.socket ] || fail "visitd.socket not enabled"
for unit in visitd.service visitd.socket; do
  for document in $(sed -n 's#^Documentation=##p' "/lib/systemd/system/$unit"); do
    case "$document" in
      file:*) [ -f "${document#file:}" ] || fail "$unit: Documentation=$document is not installed" ;;
      man:*) page=${document#man:} && [ -f "/usr/share/man/man${page//[^0-9]/}/${page%%(*}.${page//[^0-9]/}.gz" ] ||
        fail "$unit: Documentation=$document is not installed" ;;
    esac
  done
done
for page in visitd.8 visitctl.1 visitd.toml.5 visitd-rules.5; do
  [ -f "/usr/share/man/man${page##*.}/$page.gz" ] || fail "man page $page not installed"
done

step "nothing from the toolchain: ldd and readelf"
for binary in /usr/bin/visitd /usr/bin/visitctl; do
  ldd "$binary" | tee "$work/ldd" | sed 's/^/  /'
  ! grep -E '/opt/swift|libswift|libFoundation|libdispatch|not found' "$work/ldd" || fail "$binary needs the toolchain"
  readelf -d "$binary" >"$work/dynamic"
  ! grep -E 'RPATH|RUNPATH' "$work/dynamic" || fail "$binary has a library search path"
  ! grep -E 'NEEDED.*(swift|Foundation|dispatch|BlocksRuntime)' "$work/dynamic" || fail "$binary needs a Swift library"
done
file -L /usr/bin/visitd | grep -q 'stripped' && ! file -L /usr/bin/visitd | grep -q 'not stripped' ||
  fail "/usr/bin/visitd is not stripped"

step "as installed: visitd --version, visitctl rules check, the conffile loads"
[ "$(/usr/bin/visitd --version)" = "${version%%[-~]*}" ] || fail "visitd --version says $(/usr/bin/visitd --version)"
[ "$(/usr/bin/visitctl --version)" = "${version%%[-~]*}" ] || fail "visitctl --version differs"
(cd / && runuser -u visitd -- /usr/bin/visitctl rules check) | tee "$work/check"
grep -q '^OK: ' "$work/check" || fail "visitctl rules check did not say OK"
(cd / && /usr/bin/visitctl outbox deliver --config /etc/visitd/visitd.toml --db "$work/empty.sqlite") >/dev/null ||
  fail "the installed /etc/visitd/visitd.toml does not load"

step "purge: state and configuration gone, the user kept"
install -d -o visitd -g visitd -m 0700 /var/lib/visitd
touch "$db"
dpkg --purge visitd
[ ! -e /var/lib/visitd ] || fail "/var/lib/visitd left after purge"
[ ! -e /etc/visitd ] || fail "/etc/visitd left after purge"
[ ! -e /usr/bin/visitd ] && [ ! -e /lib/systemd/system/visitd.service ] || fail "files left after purge"
[ ! -e /etc/systemd/system/multi-user.target.wants/visitd.service ] || fail "enablement link left after purge"
getent passwd visitd >/dev/null || fail "the visitd user was removed (sysusers users stay)"

step "upgrade: install $(basename "$previous"), a database in place, then dpkg -i $(basename "$deb")"
dpkg -i "$previous" >/dev/null
# systemd creates the StateDirectory when it starts the unit; without systemd running, the same by hand.
install -d -o visitd -g visitd -m 0700 /var/lib/visitd
/usr/bin/visitctl demo generate --households 400 --seed 20 --out "$work/demo" >/dev/null
chmod -R a+rX "$work/demo"
(cd / && runuser -u visitd -- /usr/bin/visitctl import all "$work/demo" --db "$db") >/dev/null
(cd / && runuser -u visitd -- /usr/bin/visitctl tasks --db "$db" --json) >/dev/null
current=$(counts "$db")
if [ -z "${PREVIOUS_DEB:-}" ]; then
  undone=$(undo_latest_migration "$db")
  echo "  the database taken back to before migration $undone"
fi
before=$(counts "$db")
echo "  before: $before"
case "$before" in *"household=0 "* | *" task=0 "* | *" visit=0 "*) fail "the demo database is empty: $before" ;; esac
echo "custom" >/etc/visitd/rules/.admin-file
dpkg -i "$deb"
[ "$(dpkg-query -W -f='${Version}' visitd)" = "$version" ] || fail "not upgraded to $version"
[ -f /etc/visitd/rules/.admin-file ] || fail "the upgrade removed the admin's file in /etc/visitd/rules"
daemon_reaches_ready
after=$(counts "$db")
echo "  after:  $after"
[ "$(echo "$before" | sed 's/ migrations=.*//')" = "$(echo "$after" | sed 's/ migrations=.*//')" ] ||
  fail "rows changed over the upgrade: $before -> $after"
case "$after" in *" migrations=v1,"*) ;; *) fail "no migrations recorded after the upgrade: $after" ;; esac
if [ -z "${PREVIOUS_DEB:-}" ]; then
  [ "${after##* migrations=}" = "${current##* migrations=}" ] && [ "$before" != "$after" ] ||
    fail "the upgrade did not run migration $undone: $before -> $after"
  echo "  the upgrade ran migration $undone"
fi
[ "$(stat -c %U "$db")" = visitd ] || fail "the database is owned by $(stat -c %U "$db")"

step "purge after the upgrade"
dpkg --purge visitd >/dev/null
[ ! -e /var/lib/visitd ] && [ ! -e /etc/visitd ] || fail "state or configuration left after purge"
echo "deb-test: OK ($(basename "$deb"), upgrade from $(basename "$previous"))"
