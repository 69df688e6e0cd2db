#!/usr/bin/env python3
"""Daemon figures: start to READY=1, idle resident memory, wake-ups in 60 idle seconds.

Usage: scripts/bench-daemon.py BIN_DIR HOUSEHOLDS [IDLE_SECONDS]
Generates demo facts, imports them into a fresh database with visitctl (or copies $BENCH_DB), then starts
visitd with a notify socket of its own and the HTTP API listening on a free loopback port, and measures.
"""
import os, shutil, socket, subprocess, sys, tempfile, time

bin_dir, households = sys.argv[1], int(sys.argv[2])
idle = int(sys.argv[3]) if len(sys.argv) > 3 else 60
work = tempfile.mkdtemp(prefix="visitd-bench-")
db, facts = f"{work}/visitd.sqlite", f"{work}/facts"
ctl = f"{bin_dir}/visitctl"
projects = max(1, households // 5000)
if os.environ.get("BENCH_DB"):
    shutil.copy(os.environ["BENCH_DB"], db)
else:
    subprocess.run([ctl, "demo", "generate", "--projects", str(projects), "--households", str(households),
                    "--seed", "7", "--out", facts], check=True, stdout=subprocess.DEVNULL)
    for kind in ["projects", "stewards", "areas", "households", "visits"]:
        subprocess.run([ctl, "import", kind, f"{facts}/{kind}.csv", "--db", db], check=True,
                       stdout=subprocess.DEVNULL)

notify = f"{work}/notify.sock"
listener = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
listener.bind(notify)
listener.settimeout(600)
with socket.socket() as probe:
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
env = dict(os.environ, NOTIFY_SOCKET=notify)
env.pop("JOURNAL_STREAM", None)
start = time.monotonic()
daemon = subprocess.Popen([f"{bin_dir}/visitd", "--db", db, "--rules", "rules", "--listen", f"127.0.0.1:{port}"],
                          env=env, stderr=open(f"{work}/visitd.log", "w"))
while b"READY=1" not in listener.recv(4096):
    pass
ready = time.monotonic() - start
time.sleep(2)
# The API answers (so its listener and event loops are up) before the idle count starts.
socket.create_connection(("127.0.0.1", port), timeout=5).close()
rss = int([l for l in open(f"/proc/{daemon.pid}/status") if l.startswith("VmRSS")][0].split()[1]) // 1024
wakes = "strace not installed"
if shutil.which("strace"):
    proc = subprocess.Popen(["strace", "-f", "-c", "-p", str(daemon.pid)], stderr=subprocess.PIPE, text=True)
    time.sleep(idle)
    proc.send_signal(2)
    out = proc.communicate()[1]
    total = [l for l in out.splitlines() if l.strip().endswith("total")]
    wakes = total[0].split()[3] if total else "0"
daemon.terminate()
daemon.wait()
print(f"households={households} start-to-READY={ready:.2f}s idle-RSS={rss}MiB syscalls-in-{idle}s-idle={wakes}")
shutil.rmtree(work)
