#!/usr/bin/env python3
"""Checks an iCalendar feed with the `icalendar` package (PyPI) and RFC 5545's framing rules; prints a summary.

Usage: scripts/ics-check.py FILE   (exit status 1 and the reasons on stderr when the feed is not valid)
The API tests run it on a feed fetched from a running daemon.
"""
import datetime
import json
import sys

import icalendar

data = open(sys.argv[1], "rb").read()
problems = []
if not data.endswith(b"\r\n"):
    problems.append("the feed does not end with CRLF")
if b"\n" in data.replace(b"\r\n", b""):
    problems.append("a line ends with a bare LF")
for number, line in enumerate(data.split(b"\r\n"), 1):
    if len(line) > 75:
        problems.append(f"line {number} is {len(line)} octets long")
    try:
        line.decode("utf-8")
    except UnicodeDecodeError:
        problems.append(f"line {number} splits a UTF-8 character")

calendar = icalendar.Calendar.from_ical(data)
for name in ("VERSION", "PRODID"):
    if name not in calendar:
        problems.append(f"the calendar has no {name}")
if str(calendar.get("VERSION")) != "2.0":
    problems.append("VERSION is not 2.0")
for name in ("REFRESH-INTERVAL", "X-PUBLISHED-TTL"):
    if name not in calendar:
        problems.append(f"the calendar has no {name}")
defined = {str(zone["TZID"]) for zone in calendar.walk("VTIMEZONE")}
events = calendar.walk("VEVENT")
uids = []
timed = []
for event in events:
    for name in ("UID", "DTSTAMP", "DTSTART", "SEQUENCE", "SUMMARY"):
        if name not in event:
            problems.append(f"an event has no {name}")
    uids.append(str(event["UID"]))
    start = event["DTSTART"]
    tzid = start.params.get("TZID")
    if tzid is not None and tzid not in defined:
        problems.append(f"TZID {tzid} has no VTIMEZONE")
    if isinstance(start.dt, datetime.datetime):
        timed.append(start.dt.strftime("%H:%M") + "-" + event["DTEND"].dt.strftime("%H:%M"))
if len(set(uids)) != len(uids):
    problems.append("two events share a UID")
if problems:
    sys.exit("\n".join(problems))
print(json.dumps({
    "events": len(events), "uids": uids, "timed": timed, "zones": sorted(defined),
    "sequences": [int(event["SEQUENCE"]) for event in events],
    "summaries": [str(event["SUMMARY"]) for event in events],
}, ensure_ascii=False))
