#!/usr/bin/env python3
"""The web app's pages over loopback: a steward's 今日 (server time and page weight), a lead's spot check.

Usage: scripts/bench-web.py --db FILE [--bin DIR] [--pages 1000] [--stewards 50]
Copies the database (e.g. the 1,000,000-household one scripts/bench-api.py imports; or $BENCH_DB), starts the
release-built visitd on it with `--listen 127.0.0.1:PORT`, signs stewards in with one-time links (`visitctl token
link`), and times whole round trips of GET /app/today, sequential on one keep-alive connection per steward, in the
order drawn at random. Exits 1 when a target is missed (p99 ≤ 30 ms, page ≤ 100 KB).
"""
import argparse, http.client, os, random, shutil, socket, sqlite3, subprocess, sys, tempfile, time, urllib.parse

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def arguments():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default=os.environ.get("BENCH_DB"), required=os.environ.get("BENCH_DB") is None)
    parser.add_argument("--bin", help="folder with release-built visitd and visitctl (built when absent)")
    parser.add_argument("--pages", type=int, default=1000, help="今日 pages timed")
    parser.add_argument("--stewards", type=int, default=50, help="stewards signed in")
    return parser.parse_args()


def release_bin():
    for product in ["visitd", "visitctl"]:
        subprocess.run(["swift", "build", "-c", "release", "--product", product], cwd=ROOT, check=True)
    return subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], cwd=ROOT, check=True,
                          capture_output=True, text=True).stdout.strip()


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(port, deadline=600):
    end = time.monotonic() + deadline
    while time.monotonic() < end:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            connection.request("GET", "/openapi.yaml")
            if connection.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.2)
    sys.exit("visitd did not answer")


def sign_in(ctl, db, port, steward):
    """The session cookie a one-time link opens for `steward`."""
    link = subprocess.run([ctl, "token", "link", "--steward", steward, "--base-url", "http://x", "--db", db],
                          check=True, capture_output=True, text=True, cwd=ROOT).stdout.strip()
    secret = link.rsplit("/", 1)[1]
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("POST", "/app/signin", body=urllib.parse.urlencode({"link": secret}),
                       headers={"Content-Type": "application/x-www-form-urlencoded"})
    response = connection.getresponse()
    response.read()
    cookie = response.getheader("Set-Cookie")
    if response.status != 303 or not cookie:
        sys.exit(f"sign-in for {steward}: {response.status}")
    return cookie.split(";", 1)[0]


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main():
    args = arguments()
    bins = args.bin or release_bin()
    visitd, ctl = os.path.join(bins, "visitd"), os.path.join(bins, "visitctl")
    work = tempfile.mkdtemp(prefix="visitd-bench-web-")
    db = os.path.join(work, "visitd.sqlite")
    with sqlite3.connect(args.db) as source, sqlite3.connect(db) as copy:
        source.backup(copy)  # its WAL included
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as reader:
        households = reader.execute("SELECT count(*) FROM household").fetchone()[0]
        stewards = [row[0] for row in reader.execute("SELECT id FROM steward ORDER BY id")]
    random.seed(7)
    chosen = random.sample(stewards, min(args.stewards, len(stewards)))
    port = free_port()
    log = open(os.path.join(work, "visitd.log"), "w")
    daemon = subprocess.Popen([visitd, "--db", db, "--rules", os.path.join(ROOT, "rules"), "--listen",
                               f"127.0.0.1:{port}"], stdout=log, stderr=subprocess.STDOUT)
    try:
        wait_for(port)
        cookies = {steward: sign_in(ctl, db, port, steward) for steward in chosen}
        connections = {steward: http.client.HTTPConnection("127.0.0.1", port, timeout=60) for steward in chosen}
        for steward in chosen:  # one warm-up page each: the first read of a steward's tasks
            connections[steward].request("GET", "/app/today", headers={"Cookie": cookies[steward]})
            connections[steward].getresponse().read()
        # The API's steward day, interleaved with the pages: the same work as JSON, under the same load.
        token = subprocess.run([ctl, "token", "issue", "--operations", "--db", db], check=True, capture_output=True,
                               text=True, cwd=ROOT).stdout.strip()
        api = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        times, sizes, api_times = [], [], []
        for _ in range(args.pages):
            steward = random.choice(chosen)
            started = time.perf_counter()
            connections[steward].request("GET", "/app/today", headers={"Cookie": cookies[steward]})
            response = connections[steward].getresponse()
            body = response.read()
            times.append((time.perf_counter() - started) * 1000)
            if response.status != 200:
                sys.exit(f"GET /app/today for {steward}: {response.status}")
            sizes.append(len(body))
            started = time.perf_counter()
            api.request("GET", f"/api/v1/stewards/{steward}/day", headers={"Authorization": f"Bearer {token}"})
            api.getresponse().read()
            api_times.append((time.perf_counter() - started) * 1000)
        p50, p99 = percentile(times, 0.5), percentile(times, 0.99)
        print(f"households={households} stewards={len(chosen)} pages={len(times)}")
        print(f"今日 page: p50 {p50:.1f} ms, p99 {p99:.1f} ms, max {max(times):.1f} ms (target p99 ≤ 30 ms)")
        print(f"API steward day, same run: p50 {percentile(api_times, 0.5):.1f} ms, "
              f"p99 {percentile(api_times, 0.99):.1f} ms")
        print(f"今日 weight: median {percentile(sizes, 0.5) / 1024:.1f} KB, max {max(sizes) / 1024:.1f} KB "
              f"(target ≤ 100 KB)")
        missed = p99 > 30 or max(sizes) > 100 * 1024
        sys.exit(1 if missed else 0)
    finally:
        daemon.terminate()
        daemon.wait(timeout=60)
        log.close()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
