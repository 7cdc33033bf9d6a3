#!/usr/bin/python3
"""bench-ics.py: the .ics import against hostile calendars (issue 21).

Usage: bench/bench-ics.py --rota ./rota [--runs N] [--keep DIR] [--only TEXT]

Makes a database with one person and times `rota leave import FILE ana`
(a local file: the same parser as a URL, calendars/import.c) on:

1. one VEVENT holding n lines `X-A:` (no value) and, apart, n lines
   `DTEND:x` (not a time), n = 10,000 to 80,000: libical flags each line
   and rota must name the first, so the import is refused (exit 65);
2. 16 MiB of 252,000 tiny events (a UID and an all-day DTSTART each),
   refused by the event limit (ICS_MAX_EVENTS; before it, by the
   occurrence limit once libical had read it all);
3. the largest calendars rota takes: ICS_MAX_EVENTS events of six lines,
   and one event of ICS_MAX_LINES lines, all before the import window
   (nothing stored), accepted (exit 0).

For each, the median wall time of N runs (default 3) and the largest peak
resident set size of the rota process (/usr/bin/time's %e and %M), with
its exit status. Figures and their history are in bench/README.md.
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile

MAX_EVENTS = 20000
MAX_LINES = 200000


def bad_lines(n, line):
    head = ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//bench//EN\r\n"
            "BEGIN:VEVENT\r\nUID:bad@bench\r\nDTSTAMP:20270101T000000Z\r\n"
            "DTSTART:20270301T090000Z\r\n")
    return head + (line + "\r\n") * n + "END:VEVENT\r\nEND:VCALENDAR\r\n"


def tiny_events(n):
    parts = ["BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//bench//EN\r\n"]
    for i in range(n):
        parts.append("BEGIN:VEVENT\r\nUID:%d\r\nDTSTART;VALUE=DATE:20270301\r\nEND:VEVENT\r\n" % i)
    parts.append("END:VCALENDAR\r\n")
    return "".join(parts)


def old_events(n):
    parts = ["BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//bench//EN\r\n"]
    for i in range(n):
        parts.append("BEGIN:VEVENT\r\nUID:e%d@bench\r\nDTSTAMP:20200101T000000Z\r\n"
                     "DTSTART;VALUE=DATE:20200101\r\nSUMMARY:Away\r\nEND:VEVENT\r\n" % i)
    parts.append("END:VCALENDAR\r\n")
    return "".join(parts)


def many_lines(n):
    head = ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//bench//EN\r\n"
            "BEGIN:VEVENT\r\nUID:big@bench\r\nDTSTAMP:20200101T000000Z\r\n"
            "DTSTART;VALUE=DATE:20200101\r\n")
    return head + "X-A:1\r\n" * (n - 9) + "END:VEVENT\r\nEND:VCALENDAR\r\n"


def run(rota, db, path):
    """(seconds, peak RSS in KiB, exit status, first line of stderr), as
    /usr/bin/time measures the rota process (not this one's copy)."""
    env = dict(os.environ, ROTA_DB=db, ROTA_NOW="2027-01-01T12:00:00Z")
    out = path + ".time"
    p = subprocess.run(["/usr/bin/time", "-f", "%e %M", "-o", out, rota, "leave", "import",
                        path, "ana"], env=env, stdout=subprocess.DEVNULL,
                       stderr=subprocess.PIPE)
    err = p.stderr.decode("utf-8", "replace")
    with open(out) as f:
        last = f.read().split("\n")[-2].split()
    os.remove(out)
    return float(last[0]), int(last[1]), p.returncode, (err.splitlines() or [""])[0]


def bench(rota, db, path, label, runs):
    times, peak = [], 0
    for _ in range(runs):
        secs, rss, code, err = run(rota, db, path)
        times.append(secs)
        peak = max(peak, rss)
    size = os.path.getsize(path)
    print("%-34s %9.2f MiB %8.3f s %7.1f MB  exit %d  %s" % (
        label, size / 1048576, statistics.median(times), peak / 1024, code, err[:70]))
    sys.stdout.flush()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rota", required=True)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--keep", help="make the files in DIR and keep them")
    ap.add_argument("--only", help="only the calendars whose label holds this text")
    a = ap.parse_args()
    rota = os.path.abspath(a.rota)
    d = a.keep or tempfile.mkdtemp(prefix="bench-ics.")
    os.makedirs(d, exist_ok=True)
    db = os.path.join(d, "bench.db")
    if os.path.exists(db):
        os.remove(db)
    subprocess.run([rota, "--db", db, "person", "add", "ana", "--name", "Ana", "--email",
                    "ana@example.com", "--tz", "UTC"], check=True, stdout=subprocess.DEVNULL)
    files = []
    for line in ("X-A:", "DTEND:x"):
        for n in (10000, 20000, 40000, 80000):
            files.append(("%d lines %s" % (n, line), bad_lines, (n, line)))
    files.append(("252,000 tiny events", tiny_events, (252000,)))
    files.append(("%d events (the limit)" % MAX_EVENTS, old_events, (MAX_EVENTS,)))
    files.append(("%d lines (the limit)" % MAX_LINES, many_lines, (MAX_LINES,)))
    print("%-34s %13s %10s %10s" % ("calendar", "size", "median", "peak RSS"))
    for i, (label, make, args) in enumerate(files):
        if a.only and a.only not in label:
            continue
        path = os.path.join(d, "cal%d.ics" % i)
        with open(path, "w", newline="") as f:
            f.write(make(*args))
        bench(rota, db, path, label, a.runs)
        if not a.keep:
            os.remove(path)
    if not a.keep:
        shutil.rmtree(d)


main()
