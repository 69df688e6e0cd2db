#!/usr/bin/env python3
"""The HTTP API over loopback: a steward's day, a recorded visit with its re-plan, 200 concurrent clients, and
the system calls of the idle daemon with the API listening afterwards.

Usage: scripts/bench-api.py [--households N] [--bin DIR] [--db FILE] [--clients 200] [--seconds 30]
Generates the demo facts once and imports them into a fresh database with visitctl (or copies --db / $BENCH_DB),
starts the release-built visitd on it with `--listen 127.0.0.1:PORT` and its own notify socket, waits for
READY=1, issues an operations token, and measures whole round trips with the standard library's HTTP client
(sequential, one keep-alive connection) and asyncio streams (the concurrent load). Exits 1 when a target is
missed.
"""
import argparse, asyncio, csv, datetime, http.client, json, os, random, shutil, socket, subprocess, sys
import tempfile, time
from zoneinfo import ZoneInfo

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def arguments():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--households", type=int, default=1_000_000)
    parser.add_argument("--bin", help="folder with release-built visitd and visitctl (built when absent)")
    parser.add_argument("--db", default=os.environ.get("BENCH_DB"), help="a database to copy instead of importing")
    parser.add_argument("--days", type=int, default=2000, help="steward-day requests timed")
    parser.add_argument("--visits", type=int, default=500, help="visits recorded and timed")
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--idle", type=float, default=10, help="idle seconds counted with strace")
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    return parser.parse_args()


def release_bin():
    swift = os.environ.get("SWIFT", "swift")
    for product in ["visitd", "visitctl"]:
        subprocess.run([swift, "build", "-c", "release", "--product", product], cwd=ROOT, check=True)
    return subprocess.run([swift, "build", "-c", "release", "--show-bin-path"], cwd=ROOT, check=True,
                          capture_output=True, text=True).stdout.strip()


def prepare(args, ctl, work):
    """The database and the facts the requests are drawn from (generated once, imported once)."""
    db, facts = f"{work}/visitd.sqlite", f"{work}/facts"
    projects = max(1, args.households // 5000)
    subprocess.run([ctl, "demo", "generate", "--projects", str(projects), "--households", str(args.households),
                    "--seed", "7", "--out", facts], check=True, stdout=subprocess.DEVNULL)
    started = time.monotonic()
    if args.db:
        shutil.copy(args.db, db)
    else:
        for kind in ["projects", "stewards", "areas", "households", "visits"]:
            subprocess.run([ctl, "import", kind, f"{facts}/{kind}.csv", "--db", db], check=True,
                           stdout=subprocess.DEVNULL)
    print(f"facts ready in {time.monotonic() - started:.1f}s", file=sys.stderr)
    return db, facts


def read_facts(facts):
    """Every steward, and each household with the steward of its area today."""
    today = datetime.date.today().isoformat()
    with open(f"{facts}/stewards.csv", encoding="utf-8") as file:
        stewards = [row[0] for row in list(csv.reader(file))[1:]]
    current = {}
    with open(f"{facts}/areas.csv", encoding="utf-8") as file:
        for area, _, _, steward, since in list(csv.reader(file))[1:]:
            if since <= today and (area not in current or current[area][0] <= since):
                current[area] = (since, steward)
    zones = {}
    with open(f"{facts}/projects.csv", encoding="utf-8") as file:
        for row in list(csv.reader(file))[1:]:
            zones[row[0]] = row[2]
    households = []
    with open(f"{facts}/households.csv", encoding="utf-8") as file:
        for row in list(csv.reader(file))[1:]:
            if row[5] in current:
                households.append((row[0], current[row[5]][1], zones[row[1]]))
    return stewards, households


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_daemon(bin_dir, db, work, port):
    notify = f"{work}/notify.sock"
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    listener.bind(notify)
    listener.settimeout(900)
    env = dict(os.environ, NOTIFY_SOCKET=notify)
    env.pop("JOURNAL_STREAM", None)
    started = time.monotonic()
    daemon = subprocess.Popen([f"{bin_dir}/visitd", "--db", db, "--rules", f"{ROOT}/rules", "--listen",
                               f"127.0.0.1:{port}"], env=env, stderr=open(f"{work}/visitd.log", "w"))
    while b"READY=1" not in listener.recv(4096):
        pass
    ready = time.monotonic() - started
    # READY may come a moment before the listener is bound.
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            time.sleep(0.01)
    return daemon, ready


def percentile(samples, p):
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(len(ordered) * p / 100))]


def timed_days(port, token, stewards, count):
    connection = http.client.HTTPConnection("127.0.0.1", port)
    headers = {"Authorization": f"Bearer {token}"}
    picks = [random.choice(stewards) for _ in range(count)]
    times, failures = [], 0
    for steward in picks:
        start = time.perf_counter()
        connection.request("GET", f"/api/v1/stewards/{steward}/day", headers=headers)
        response = connection.getresponse()
        body = response.read()
        times.append((time.perf_counter() - start) * 1000)
        if response.status != 200:
            failures += 1
            if failures <= 3:
                print(f"day {steward}: {response.status} {body[:300]!r}", file=sys.stderr)
    connection.close()
    return times, failures


def timed_visits(port, token, households, count):
    connection = http.client.HTTPConnection("127.0.0.1", port)
    times, failures = [], 0
    for index, (household, steward, zone) in enumerate(random.sample(households, count)):
        # Unique households, each at its own minute in the last days, none in the future.
        at = datetime.datetime.now(ZoneInfo(zone)) - datetime.timedelta(minutes=5 + index)
        body = json.dumps({"household": household, "at": at.strftime("%Y-%m-%d %H:%M"), "channel": "phone",
                           "steward": steward, "outcome": "reached", "ratings": {"overall": 4}})
        headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json",
                   "Idempotency-Key": f"bench-{os.getpid()}-{time.time_ns()}-{index}"}
        start = time.perf_counter()
        connection.request("POST", "/api/v1/visits", body=body, headers=headers)
        response = connection.getresponse()
        answer = response.read()
        times.append((time.perf_counter() - start) * 1000)
        if response.status != 201:
            failures += 1
            if failures <= 3:
                print(f"visit {household}: {response.status} {answer[:300]!r}", file=sys.stderr)
    connection.close()
    return times, failures


async def load(port, token, stewards, clients, seconds):
    """`clients` keep-alive connections, each sending the next request as soon as the last is answered."""
    deadline = time.monotonic() + seconds
    counts = {"ok": 0, "errors": 0}
    statuses = {}

    async def client():
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        try:
            while time.monotonic() < deadline:
                steward = random.choice(stewards)
                writer.write(f"GET /api/v1/stewards/{steward}/day HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                             f"Authorization: Bearer {token}\r\n\r\n".encode())
                head = await reader.readuntil(b"\r\n\r\n")
                status = int(head.split(b" ", 2)[1])
                length = next(int(line.split(b":", 1)[1]) for line in head.split(b"\r\n")
                              if line.lower().startswith(b"content-length:"))
                await reader.readexactly(length)
                counts["ok" if status == 200 else "errors"] += 1
                if status != 200:
                    statuses[status] = statuses.get(status, 0) + 1
        except (OSError, asyncio.IncompleteReadError, StopIteration) as error:
            counts["errors"] += 1
            statuses[type(error).__name__] = statuses.get(type(error).__name__, 0) + 1
        finally:
            writer.close()

    started = time.monotonic()
    await asyncio.gather(*(client() for _ in range(clients)))
    return counts, statuses, time.monotonic() - started


def idle_syscalls(pid, seconds):
    if not shutil.which("strace"):
        return "strace not installed"
    proc = subprocess.Popen(["strace", "-f", "-c", "-p", str(pid)], stderr=subprocess.PIPE, text=True)
    time.sleep(seconds)
    proc.send_signal(2)
    out = proc.communicate()[1]
    print(out, file=sys.stderr)  # which calls, when there are any
    total = [line for line in out.splitlines() if line.strip().endswith("total")]
    return int(total[0].split()[-2]) if total else 0


def rss_mib(pid):
    with open(f"/proc/{pid}/status") as status:
        return int(next(line for line in status if line.startswith("VmRSS")).split()[1]) // 1024


def main():
    args = arguments()
    random.seed(7)
    bin_dir = args.bin or release_bin()
    work = tempfile.mkdtemp(prefix="visitd-bench-api-")
    ctl = f"{bin_dir}/visitctl"
    db, facts = prepare(args, ctl, work)
    stewards, households = read_facts(facts)
    port = free_port()
    daemon, ready = start_daemon(bin_dir, db, work, port)
    try:
        token = subprocess.run([ctl, "token", "issue", "--operations", "--db", db], check=True,
                               capture_output=True, text=True).stdout.strip()
        timed_days(port, token, stewards, min(200, args.days))  # warm-up: pages in the first reads
        days, day_failures = timed_days(port, token, stewards, args.days)
        visits, visit_failures = timed_visits(port, token, households, args.visits)
        rss_before = rss_mib(daemon.pid)
        counts, statuses, elapsed = asyncio.run(load(port, token, stewards, args.clients, args.seconds))
        rss_after = rss_mib(daemon.pid)
        # The closed connections' idle-timeout timers (30 s, HTTP1Channel) still wake NIO's loops once each
        # (epoll_wait, timerfd_settime, epoll_ctl) until the last has passed; idle is counted after that.
        time.sleep(32)
        idle = idle_syscalls(daemon.pid, args.idle)
    finally:
        daemon.terminate()
        daemon.wait()
    rows = [
        ("steward's day p50 / p99", f"{percentile(days, 50):.1f} / {percentile(days, 99):.1f} ms"
         f" ({len(days)} requests, {len(set(stewards))} stewards, {day_failures} failed)", "p99 ≤ 20 ms",
         percentile(days, 99) <= 20 and day_failures == 0),
        ("POST a visit + re-plan p50 / p99", f"{percentile(visits, 50):.1f} / {percentile(visits, 99):.1f} ms"
         f" ({len(visits)} visits, {visit_failures} failed)", "p99 ≤ 50 ms",
         percentile(visits, 99) <= 50 and visit_failures == 0),
        (f"{args.clients} concurrent clients, {args.seconds:.0f} s", f"{counts['ok'] / elapsed:.0f} requests/s,"
         f" {counts['errors']} errors {statuses or ''}", "0 errors", counts["errors"] == 0),
        (f"syscalls in {args.idle:.0f} idle s, 32 s after load", f"{idle}", "0", idle == 0),
        ("start to READY / RSS before / after load", f"{ready:.2f} s / {rss_before} / {rss_after} MiB", "—", True),
    ]
    print(f"\nvisitd HTTP API, {args.households:,} households, loopback, {os.cpu_count()} cores")
    print(f"| {'what':<40} | {'measured':<60} | {'target':<12} |")
    print(f"|{'-' * 42}|{'-' * 62}|{'-' * 14}|")
    for what, measured, target, met in rows:
        print(f"| {what:<40} | {measured:<60} | {target:<12} |{'' if met else ' MISSED'}")
    if args.keep:
        print(f"work folder: {work}", file=sys.stderr)
    else:
        shutil.rmtree(work)
    sys.exit(0 if all(row[3] for row in rows) else 1)


if __name__ == "__main__":
    main()
