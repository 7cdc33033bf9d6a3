#!/usr/bin/python3
"""Reads rota's feeds back with python3-icalendar, for the feed tests.

  feed.py ics FILE        one line per event: START END PERSON ROTATION STATUS
                          (UTC), sorted; checks the calendar's properties
  feed.py json FILE       the same lines from `rota schedule show --json`
  feed.py uid FILE UID    PERSON SEQUENCE STATUS of the event UID
  feed.py count FILE      the number of events
  feed.py alarms FILE     START (UTC) and minutes before it of each alarm
  feed.py resources FILE  UID|SEQUENCE|PERSON|START|END (UTC seconds) of each
                          event not cancelled, as caldav-events.py lists them
  feed.py zones FILE      TZID KIND TZNAME TZOFFSETTO of each observance of
                          the VTIMEZONEs, without repeats, sorted
"""
import datetime
import json
import sys

import dateutil.rrule
import icalendar

UTC = datetime.timezone.utc


def fail(msg):
    sys.stderr.write("feed.py: %s\n" % msg)
    sys.exit(1)


def iso(dt):
    if not isinstance(dt, datetime.datetime) or dt.tzinfo is None:
        fail("not an absolute time: %r" % (dt,))
    return dt.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def onsets(obs, before):
    """The onsets of observance OBS (naive local times, as written), up to
    BEFORE: its DTSTART and the instances of its RRULE. UNTIL is in UTC
    (RFC 5545, 3.6.5): made local time by TZOFFSETFROM, as dateutil wants
    it with a naive DTSTART."""
    start = obs.decoded("DTSTART")
    if "RRULE" not in obs:
        return [start]
    parts = []
    for part in obs["RRULE"].to_ical().decode().split(";"):
        key, _, value = part.partition("=")
        if key == "UNTIL":
            until = datetime.datetime.strptime(value, "%Y%m%dT%H%M%SZ")
            value = (until + obs["TZOFFSETFROM"].td).strftime("%Y%m%dT%H%M%S")
        parts.append("%s=%s" % (key, value))
    rule = dateutil.rrule.rrulestr(";".join(parts), dtstart=start)
    return [start] + rule.between(start, before, inc=True)


def own_instant(vtz, local):
    """The UTC instant of naive LOCAL time read through the VTIMEZONE VTZ
    itself: the offset of the observance whose onset came last. The
    clients resolve an IANA TZID by name and never read the VTIMEZONE
    (checked: khal, calcurse and python3-icalendar give the same times
    for a VTIMEZONE with wrong offsets), so this is its only reader here."""
    best = None
    for obs in vtz.subcomponents:
        to = obs["TZOFFSETTO"].td
        for onset in onsets(obs, local + datetime.timedelta(days=1)):
            at = onset - obs["TZOFFSETFROM"].td
            if at <= local - to and (best is None or at > best[0]):
                best = (at, to)
    if best is None:
        fail("%s has no observance before %s" % (vtz["TZID"], local))
    return (local - best[1]).replace(tzinfo=UTC)


def load(path):
    with open(path, "rb") as f:
        cal = icalendar.Calendar.from_ical(f.read())
    for key, want in (("VERSION", "2.0"), ("METHOD", "PUBLISH")):
        if str(cal.get(key)) != want:
            fail("%s is %r" % (key, cal.get(key)))
    for key in ("PRODID", "X-WR-CALNAME", "NAME", "REFRESH-INTERVAL", "X-PUBLISHED-TTL"):
        if key not in cal:
            fail("no %s" % key)
    zones = set(str(z["TZID"]) for z in cal.walk("VTIMEZONE"))
    events = cal.walk("VEVENT")
    used = set()
    for ev in events:
        for key in ("UID", "SEQUENCE", "DTSTAMP", "LAST-MODIFIED", "DTSTART", "DTEND",
                    "SUMMARY", "DESCRIPTION"):
            if key not in ev:
                fail("event without %s" % key)
        if str(ev.get("TRANSP")) != "TRANSPARENT":
            fail("event %s is not TRANSPARENT" % ev["UID"])
        for key in ("DTSTART", "DTEND"):
            tzid = ev[key].params.get("TZID")
            if tzid:
                used.add(str(tzid))
                vtz = [z for z in cal.walk("VTIMEZONE") if str(z["TZID"]) == str(tzid)]
                if vtz and own_instant(vtz[0], ev[key].dt.replace(tzinfo=None)) != \
                        ev.decoded(key).astimezone(UTC):
                    fail("event %s: %s %s through the VTIMEZONE is %s" % (
                        ev["UID"], key, ev.decoded(key),
                        own_instant(vtz[0], ev[key].dt.replace(tzinfo=None))))
        cancelled = str(ev.get("STATUS")) == "CANCELLED"
        alarms = ev.walk("VALARM")
        # An on-call window has one only when it is the first of its part.
        window = str(ev["UID"]).endswith("-oncall@rota")
        if cancelled and alarms or not cancelled and len(alarms) != 1 and \
                not (window and not alarms):
            fail("event %s has %d alarms" % (ev["UID"], len(alarms)))
    if used != zones:
        fail("zones used %s, VTIMEZONEs %s" % (sorted(used), sorted(zones)))
    return events


def person_rotation(ev):
    summary = str(ev["SUMMARY"])
    prefix = "On call: "
    if not summary.startswith(prefix) or " \u2014 " not in summary:
        fail("summary %r" % summary)
    rotation, person = summary[len(prefix):].rsplit(" \u2014 ", 1)
    return person, rotation


def main():
    if len(sys.argv) < 3:
        fail(__doc__)
    cmd, path = sys.argv[1], sys.argv[2]
    if cmd == "json":
        with open(path) as f:
            lines = ["%s %s %s %s CONFIRMED" % (s["start"], s["end"], s["person"], s["rotation"])
                     for s in json.load(f)]
    else:
        events = load(path)
        if cmd == "count":
            print(len(events))
            return
        if cmd == "alarms":
            lines = []
            for ev in events:
                for alarm in ev.walk("VALARM"):
                    lines.append("%s %d" % (iso(ev.decoded("DTSTART")),
                                            -alarm.decoded("TRIGGER").total_seconds() // 60))
            print("\n".join(sorted(lines)))
            return
        if cmd == "resources":
            lines = ["%s|%d|%s|%d|%d" % (ev["UID"], int(ev["SEQUENCE"]), person_rotation(ev)[0],
                                        int(ev.decoded("DTSTART").timestamp()),
                                        int(ev.decoded("DTEND").timestamp()))
                     for ev in events if str(ev.get("STATUS")) != "CANCELLED"]
            print("\n".join(sorted(lines)))
            return
        if cmd == "zones":
            with open(path, "rb") as f:
                cal = icalendar.Calendar.from_ical(f.read())
            lines = set()
            for z in cal.walk("VTIMEZONE"):
                for o in z.subcomponents:
                    offset = o["TZOFFSETTO"].to_ical()
                    if isinstance(offset, bytes):
                        offset = offset.decode()
                    lines.add("%s %s %s %s" % (z["TZID"], o.name, o["TZNAME"], offset))
            print("\n".join(sorted(lines)))
            return
        if cmd == "uid":
            for ev in events:
                if str(ev["UID"]) == sys.argv[3]:
                    print(person_rotation(ev)[0], int(ev["SEQUENCE"]),
                          str(ev.get("STATUS", "")))
                    return
            fail("no event %s" % sys.argv[3])
        lines = []
        for ev in events:
            person, rotation = person_rotation(ev)
            lines.append("%s %s %s %s %s" % (iso(ev.decoded("DTSTART")), iso(ev.decoded("DTEND")),
                                             person, rotation, ev.get("STATUS", "")))
    for line in sorted(lines):
        print(line)


main()
