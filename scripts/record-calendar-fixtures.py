#!/usr/bin/env python3
"""Records systemd-analyze calendar (systemd 252) answers as CalendarSpec test fixtures.

Writes Tests/CalendarSpecTests/Fixtures/:
  systemd-elapses.json     (expression, zone, base) -> normalized form and the next elapses (UTC seconds)
  systemd-invalid.json     expressions systemd rejects
  repeated-hour.json       fall-back cases where CalendarSpec deliberately differs from systemd
                           (expected answers written below, systemd's answer recorded beside them)

Usage: scripts/record-calendar-fixtures.py [--repeated-hour-only]   (needs systemd-analyze, Python 3.9+)
"""
import json
import os
import re
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "Tests", "CalendarSpecTests", "Fixtures")
ITERATIONS = 4

ZONES = ["UTC", "Europe/Berlin", "America/New_York", "Asia/Shanghai", "Australia/Sydney"]

# Base times, read as wall-clock times in each zone (first occurrence when ambiguous).
BASES = [
    "2026-01-01 00:00:00",  # year start, exactly on many events
    "2026-02-27 23:59:59",  # month end, February
    "2026-03-08 01:30:00",  # America/New_York springs forward at 02:00
    "2026-03-29 01:30:00",  # Europe/Berlin springs forward at 02:00
    "2026-04-05 01:30:00",  # Australia/Sydney falls back at 03:00
    "2026-06-15 09:00:00",  # exactly on '*-*-15 09:00'
    "2026-10-24 23:50:00",  # the evening before Europe/Berlin falls back
    "2026-10-31 23:30:00",  # the evening before America/New_York falls back
    "2026-12-31 23:59:30",  # year boundary
    "2028-02-28 12:00:00",  # before a leap day
]

EXPRESSIONS = [
    "minutely", "hourly", "daily", "weekly", "monthly", "yearly", "annually", "quarterly",
    "semiannually", "*:0/20", "*:2/3", "*:0/15:30", "*-*-* 02:30", "*-*-* 02,03:10", "01:30",
    "*-*-15 09:00", "*-*-15 09:00 Asia/Shanghai", "*-*-25 17:00 Europe/Berlin", "Mon..Fri 08:30",
    "Sat,Sun 10:00", "Monday,Wednesday *-*-1..7 12:00", "Fri *-*-13", "*-02-29", "2028-02-29 06:00",
    "*-02~01", "*-02~03", "*-*~01 23:59", "Mon *-05~07/1", "*-*-31", "*-*-29..31 12:00",
    "*-01,07-01 00:00:00", "*-1/2-1 3:00", "2026..2030-03-01/10", "Tue *-*-* 00/6:00",
    "*:*:10..20/5", "12:00 UTC", "*-*-* 00:00:00 America/New_York", "Sun *-*-* 02:30",
    "*-*-* 01..02:00/30", "2026-02-30", "2027-*-* 00:00", "26-12-31 23:59:59", "*-12-25",
    "Thu *-11-22..28 18:00", "*:*:0/0.5", "*-*-* 23:59:59.5",
]

INVALID = [
    "*-*-32", "25:00", "Mon..Foo", "*-13-01", "*-*-* 9:00 Foo/Bar", "", "hello", "*-*-0",
    "12:60", "*:*:61", "Fri..Mon", "Mon,,Tue", "*/2:00", "Mon 12", "1..7/0:00", "2200-01-01",
    "1969-12-31", "*:0/60", "*-*-~03", "9:00 Europe/Berln", "5..3:00", "*:*:1.", "Mon..",
    "*-*-* 12:00:00:00", "12", "*-2~03~04", "@", "00:00 ",
]

# Fall-back cases: CalendarSpec fires a wildcard hour in both occurrences of the repeated hour and
# a fixed time only in its first. Expected answers are wall times with their UTC offsets.
REPEATED_HOUR = [
    ("*:0/20", "Europe/Berlin", "2026-10-25T01:30:00+02:00", [
        "2026-10-25T01:40:00+02:00", "2026-10-25T02:00:00+02:00", "2026-10-25T02:20:00+02:00",
        "2026-10-25T02:40:00+02:00", "2026-10-25T02:00:00+01:00", "2026-10-25T02:20:00+01:00",
        "2026-10-25T02:40:00+01:00", "2026-10-25T03:00:00+01:00"]),
    ("hourly", "Europe/Berlin", "2026-10-25T00:30:00+02:00", [
        "2026-10-25T01:00:00+02:00", "2026-10-25T02:00:00+02:00", "2026-10-25T02:00:00+01:00",
        "2026-10-25T03:00:00+01:00"]),
    ("*:0/20", "Europe/Berlin", "2026-10-25T02:50:00+02:00", [
        "2026-10-25T02:00:00+01:00", "2026-10-25T02:20:00+01:00", "2026-10-25T02:40:00+01:00",
        "2026-10-25T03:00:00+01:00"]),
    ("*:15", "America/New_York", "2026-11-01T00:30:00-04:00", [
        "2026-11-01T01:15:00-04:00",
        "2026-11-01T01:15:00-05:00", "2026-11-01T02:15:00-05:00"]),
    ("*-*-* *:30:00 America/New_York", "UTC", "2026-11-01T04:00:00+00:00", [
        "2026-11-01T00:30:00-04:00", "2026-11-01T01:30:00-04:00", "2026-11-01T01:30:00-05:00", "2026-11-01T02:30:00-05:00"]),
    ("Sun *:00/30", "Europe/Berlin", "2026-10-25T02:40:00+02:00", [
        "2026-10-25T02:00:00+01:00", "2026-10-25T02:30:00+01:00", "2026-10-25T03:00:00+01:00"]),
    ("*-*-* 02:30", "Europe/Berlin", "2026-10-25T02:10:00+01:00", [
        "2026-10-26T02:30:00+01:00", "2026-10-27T02:30:00+01:00"]),
    ("02:00/15", "Europe/Berlin", "2026-10-25T02:10:00+01:00", [
        "2026-10-26T02:00:00+01:00", "2026-10-26T02:15:00+01:00"]),
    ("01:30", "America/New_York", "2026-11-01T01:10:00-05:00", [
        "2026-11-02T01:30:00-05:00", "2026-11-03T01:30:00-05:00"]),
]

LINE = re.compile(r"^\s*(Normalized form|Next elapse|Iter\. #\d+|\(in UTC\)):\s(.*)$")


def run(expression, zone, base_epoch, iterations):
    env = dict(os.environ, TZ=zone, SYSTEMD_LOG_LEVEL="err", LC_ALL="C")
    args = ["systemd-analyze", "calendar", f"--base-time=@{base_epoch}", f"--iterations={iterations}", expression]
    return subprocess.run(args, env=env, capture_output=True, text=True)


def parse(output, zone):
    normalized, local, utc, never = None, [], [], False
    for line in output.splitlines():
        m = LINE.match(line)
        if not m:
            continue
        label, value = m.groups()
        if label == "Normalized form":
            normalized = value
        elif value == "never":
            never = True
        elif label == "(in UTC)":
            utc.append(value)
        else:
            local.append(value)
    stamps = utc if utc else local
    seconds = [int(datetime.strptime(s[4:23], "%Y-%m-%d %H:%M:%S").replace(tzinfo=timezone.utc).timestamp())
               for s in stamps]
    return normalized, ([] if never else seconds)


def epoch(wall, zone):
    return int(datetime.strptime(wall, "%Y-%m-%d %H:%M:%S").replace(tzinfo=ZoneInfo(zone)).timestamp())


def fall_backs(zone):
    """(transition, repeated seconds) for every fall-back of the zone in 2025..2031."""
    z, found = ZoneInfo(zone), []
    t = datetime(2025, 1, 1, tzinfo=timezone.utc)
    previous = t.astimezone(z).utcoffset()
    while t.year < 2031:
        t += timedelta(minutes=30)
        offset = t.astimezone(z).utcoffset()
        if offset < previous:
            found.append((int(t.timestamp()), int((previous - offset).total_seconds())))
        previous = offset
    return found


FALL_BACKS = {}


def hits_repeated_hour(normalized, zone, base, elapses):
    parts = normalized.split(" ")
    effective = zone
    if not re.match(r"^[\d*]", parts[-1]) or parts[-1] == "UTC":
        effective = "UTC" if parts[-1] == "UTC" else parts[-1]
    hour = next(p for p in parts if ":" in p).split(":")[0]
    if hour not in ("*", "00/1", "00..23"):
        return False
    FALL_BACKS.setdefault(effective, fall_backs(effective))
    last = elapses[-1] if elapses else 2**40
    return any(base < t + width and t <= last for t, width in FALL_BACKS[effective])


def record_elapses():
    cases, skipped = [], 0
    for zone in ZONES:
        for wall in BASES:
            base = epoch(wall, zone)
            for expression in EXPRESSIONS:
                result = run(expression, zone, base, ITERATIONS)
                if result.returncode != 0:
                    sys.exit(f"systemd-analyze rejected {expression!r}: {result.stderr}")
                normalized, elapses = parse(result.stdout, zone)
                if hits_repeated_hour(normalized, zone, base, elapses):
                    skipped += 1
                    continue
                cases.append({"expression": expression, "zone": zone, "base": base, "baseWall": wall,
                              "normalized": normalized, "elapses": elapses})
    print(f"{len(cases)} elapse cases ({skipped} touching a repeated hour left to repeated-hour.json)")
    return cases


def record_invalid():
    rejected = []
    for expression in INVALID:
        result = run(expression, "UTC", 0, 1)
        if result.returncode == 0:
            sys.exit(f"systemd-analyze accepted {expression!r}")
        rejected.append({"expression": expression, "systemd": result.stderr.strip().splitlines()[0]})
    return rejected


def record_repeated_hour():
    cases = []
    for expression, zone, base_iso, expected in REPEATED_HOUR:
        base = int(datetime.fromisoformat(base_iso).timestamp())
        _, systemd = parse(run(expression, zone, base, len(expected)).stdout, zone)
        cases.append({"expression": expression, "zone": zone, "base": base, "baseWall": base_iso,
                      "expected": [int(datetime.fromisoformat(e).timestamp()) for e in expected],
                      "expectedWall": expected, "systemd": systemd})
    return cases


def write(name, data):
    with open(os.path.join(OUT, name), "w") as f:
        json.dump(data, f, indent=1)
        f.write("\n")


def main():
    os.makedirs(OUT, exist_ok=True)
    version = subprocess.run(["systemd-analyze", "--version"], capture_output=True, text=True).stdout.split("\n")[0]
    print("oracle:", version)
    if sys.argv[1:] == ["--repeated-hour-only"]:
        write("repeated-hour.json", {"systemd": version, "cases": record_repeated_hour()})
        return
    write("systemd-elapses.json", {"systemd": version, "iterations": ITERATIONS, "cases": record_elapses()})
    write("systemd-invalid.json", {"systemd": version, "cases": record_invalid()})
    write("repeated-hour.json", {"systemd": version, "cases": record_repeated_hour()})


if __name__ == "__main__":
    main()
