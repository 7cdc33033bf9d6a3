#!/usr/bin/python3
"""The python3-icalendar side of bench-feed: builds the same calendar as
rota's feed builder, from the events bench-feed wrote as JSON, and prints
the fastest build and serialisation times of RUNS runs in milliseconds.

  bench-feed.py EVENTS.json RUNS OUT.ics

The VTIMEZONEs are taken from rota's own output (python3-icalendar 4.0
cannot make them), outside the timed part, so both build the same text.
"""
import datetime
import json
import sys
import time

import icalendar
import pytz


def build(data, zones):
    cal = icalendar.Calendar()
    cal.add("version", "2.0")
    cal.add("prodid", data["prodid"])
    cal.add("method", "PUBLISH")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", data["name"])
    cal.add("name", data["name"])
    refresh = datetime.timedelta(minutes=data["refresh_minutes"])
    cal.add("refresh-interval", refresh, parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", refresh)
    for z in zones:
        cal.add_component(z)
    stamp = datetime.datetime.fromtimestamp(data["now"], pytz.utc)
    tzs = {}
    for e in data["events"]:
        tz = tzs.get(e["tz"]) or tzs.setdefault(e["tz"], pytz.timezone(e["tz"]))
        ev = icalendar.Event()
        ev.add("uid", e["uid"])
        ev.add("sequence", e["sequence"])
        ev.add("dtstamp", stamp)
        ev.add("dtstart", datetime.datetime.fromtimestamp(e["start"], pytz.utc).astimezone(tz))
        ev.add("dtend", datetime.datetime.fromtimestamp(e["end"], pytz.utc).astimezone(tz))
        ev.add("summary", e["summary"])
        ev.add("description", e["description"])
        ev.add("categories", "On call")
        ev.add("transp", "TRANSPARENT")
        ev.add("status", "CONFIRMED")
        alarm = icalendar.Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("trigger", datetime.timedelta(minutes=-data["alarm_minutes"]))
        alarm.add("description", e["alarm"])
        ev.add_component(alarm)
        cal.add_component(ev)
    return cal


def main():
    path, runs, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    with open(path) as f:
        data = json.load(f)
    with open(data["rota_ics"], "rb") as f:
        zones = icalendar.Calendar.from_ical(f.read()).walk("VTIMEZONE")
    best_build = best_text = float("inf")
    for _ in range(runs):
        t0 = time.perf_counter()
        cal = build(data, zones)
        t1 = time.perf_counter()
        text = cal.to_ical()
        t2 = time.perf_counter()
        best_build = min(best_build, t1 - t0)
        best_text = min(best_text, t2 - t1)
    with open(out, "wb") as f:
        f.write(text)
    print("%.3f %.3f %d" % (best_build * 1e3, best_text * 1e3, len(cal.walk("VEVENT"))))


main()
