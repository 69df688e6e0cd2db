#!/usr/bin/env python3
"""New Year figures: how long the daemon's re-plan for 2027 takes, and the largest gap between its WATCHDOG=1
pings meanwhile (systemd kills it at WatchdogSec=60s; the target is below half of that).

Usage: scripts/bench-newyear.py BIN_DIR HOUSEHOLDS [LEAD_SECONDS]
Generates demo facts as of 2026-12-20 and imports them with visitctl (or copies $BENCH_DB; $BENCH_KEEP_DB
keeps a copy of the import for the next run), plans 2026 with
a first run of visitd at 20:00 on 31 December, then starts visitd again under libfaketime LEAD_SECONDS
(default 20) before midnight in Shanghai with WATCHDOG_USEC=60s and a notify socket of its own. The re-plan
is timed from the fake midnight to the daemon's "planned every household" log line; pings are timed as the
datagrams arrive, until the loop has pinged twice after the re-plan.
"""
import os, shutil, socket, subprocess, sys, tempfile, threading, time
from datetime import datetime, timedelta

LIBFAKETIME = "/usr/lib/x86_64-linux-gnu/faketime/libfaketimeMT.so.1"
WATCHDOG_USEC = 60_000_000

bin_dir, households = sys.argv[1], int(sys.argv[2])
lead = int(sys.argv[3]) if len(sys.argv) > 3 else 20
work = tempfile.mkdtemp(prefix="visitd-newyear-")
db, facts = f"{work}/visitd.sqlite", f"{work}/facts"
ctl = f"{bin_dir}/visitctl"
def remove_shared_memory(pid):
    """Removes what libfaketime leaves in /dev/shm, named after the process that made it (env, which became
    the program it started)."""
    for name in [f"faketime_shm_{pid}", f"sem.faketime_sem_{pid}"]:
        if os.path.exists(f"/dev/shm/{name}"):
            os.remove(f"/dev/shm/{name}")


def fake_env(fake_start):
    """The environment of a program whose wall clock starts at `fake_start` in Shanghai."""
    return dict(os.environ, LD_PRELOAD=LIBFAKETIME, FAKETIME=f"@{fake_start}", TZ="Asia/Shanghai",
                FAKETIME_DONT_FAKE_MONOTONIC="1")


if os.environ.get("BENCH_DB"):
    shutil.copy(os.environ["BENCH_DB"], db)
else:
    projects = max(1, households // 5000)
    subprocess.run([ctl, "demo", "generate", "--projects", str(projects), "--households", str(households),
                    "--seed", "7", "--as-of", "2026-12-20", "--out", facts], check=True,
                   stdout=subprocess.DEVNULL)
    # Imported on the morning of 31 December: the demo's visits are all in the past then.
    importer = subprocess.Popen(["/usr/bin/env", ctl, "import", "all", facts, "--db", db, "--rules", "rules"],
                                stdout=subprocess.DEVNULL, env=fake_env("2026-12-31 08:00:00"))
    if importer.wait() != 0:
        sys.exit("visitctl import failed")
    remove_shared_memory(importer.pid)
    if os.environ.get("BENCH_KEEP_DB"):
        shutil.copy(db, os.environ["BENCH_KEEP_DB"])

notify = f"{work}/notify.sock"
listener = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
listener.bind(notify)


def start(fake_start, watchdog):
    """visitd with its wall clock starting at `fake_start` (Shanghai); returns (process, log lines, spawn time)."""
    env = dict(fake_env(fake_start), NOTIFY_SOCKET=notify)
    env.pop("JOURNAL_STREAM", None)
    env.pop("WATCHDOG_PID", None)
    if watchdog:
        env["WATCHDOG_USEC"] = str(WATCHDOG_USEC)
    spawned = time.monotonic()
    # Through env, which execs the daemon: see NewYearTests.swift on libfaketime and CommandLine.arguments.
    daemon = subprocess.Popen(["/usr/bin/env", f"{bin_dir}/visitd", "--db", db, "--rules", "rules"], env=env,
                              stderr=subprocess.PIPE, text=True)
    lines = []

    def read():
        for line in daemon.stderr:
            lines.append((time.monotonic(), line.rstrip()))

    threading.Thread(target=read, daemon=True).start()
    return daemon, lines, spawned


def receive(timeout):
    listener.settimeout(timeout)
    try:
        return listener.recv(4096).decode(), time.monotonic()
    except socket.timeout:
        return None, time.monotonic()


def stop(daemon):
    daemon.terminate()
    daemon.wait(timeout=120)
    remove_shared_memory(daemon.pid)


# 2026's plan, stored at 20:00 on 31 December (after the day's 16:30 digest, so that nothing is due when the
# night's run starts and the midnight pass is the re-plan alone).
daemon, _, _ = start("2026-12-31 20:00:00", watchdog=False)
while True:
    message, _ = receive(1800)
    if message is None:
        sys.exit("no READY from the run at 20:00")
    if "READY=1" in message:
        break
stop(daemon)

fake_start = datetime(2027, 1, 1) - timedelta(seconds=lead)
daemon, lines, spawned = start(fake_start.strftime("%Y-%m-%d %H:%M:%S"), watchdog=True)
midnight = spawned + lead
pings, ready, replanned = [], None, None
deadline = time.monotonic() + lead + 1800
while time.monotonic() < deadline:
    message, at = receive(5)
    if message is None:
        if daemon.poll() is not None:
            sys.exit(f"visitd exited with {daemon.returncode}")
        continue
    if "READY=1" in message:
        ready = at
    if "WATCHDOG=1" in message:
        pings.append(at)
    if replanned is None:
        replanned = next((t for t, line in lines if "planned every household" in line), None)
    # Two loop pings after the re-plan: the gap across its end is measured too.
    if replanned is not None and len([p for p in pings if p > replanned]) >= 2:
        break
stop(daemon)

if ready is None or ready > midnight:
    sys.exit(f"READY came {((ready or time.monotonic()) - midnight):.1f}s after midnight: raise LEAD_SECONDS")
if replanned is None:
    sys.exit("no re-plan logged after midnight")
# systemd counts from the last ping (READY for the first). The gaps that span part of the re-plan, from the
# last ping before midnight to the first after the re-plan; the idle loop pings every half interval.
marks = [ready] + pings
gaps = [(b - a, a) for a, b in zip(marks, marks[1:]) if b >= midnight and a <= replanned]
largest, at = max(gaps)
idle = max(b - a for a, b in zip(marks, marks[1:]))
print(f"households={households} newyear-replan={replanned - midnight:.2f}s pings={len(pings)} "
      f"largest-watchdog-gap-over-replan={largest:.2f}s (from {at - midnight:+.1f}s after midnight) "
      f"target<{WATCHDOG_USEC / 2e6:.0f}s largest-gap-overall={idle:.2f}s")
print("  pings (s after midnight): " + " ".join(f"{p - midnight:+.1f}" for p in marks))
for t, line in lines:
    if "planned every household" in line or "schedule ran" in line:
        print(f"  {t - midnight:+8.2f}s {line}")
shutil.rmtree(work)
