#!/usr/bin/python3
"""Lists the events of a CalDAV collection, one line each, sorted:
UID|SEQUENCE|PERSON|START|END (PERSON from the SUMMARY "On call: ROTATION
— PERSON", START and END in UTC seconds), read with a REPORT
calendar-query and parsed with python3-icalendar.

usage: caldav-events.py URL USER PASSWORD
"""
import base64
import sys
import urllib.request
import xml.etree.ElementTree as ET

import icalendar

url, user, password = sys.argv[1:4]
body = b"""<?xml version="1.0" encoding="utf-8"?>
<C:calendar-query xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">
 <D:prop><D:getetag/><C:calendar-data/></D:prop>
 <C:filter><C:comp-filter name="VCALENDAR"/></C:filter>
</C:calendar-query>"""
req = urllib.request.Request(url, data=body, method="REPORT")
req.add_header("Depth", "1")
req.add_header("Content-Type", "application/xml")
req.add_header("Authorization", "Basic " +
               base64.b64encode(("%s:%s" % (user, password)).encode()).decode())
with urllib.request.urlopen(req) as resp:
    assert resp.status == 207, resp.status
    tree = ET.fromstring(resp.read())

lines = []
for data in tree.iter("{urn:ietf:params:xml:ns:caldav}calendar-data"):
    cal = icalendar.Calendar.from_ical(data.text)
    assert cal.get("METHOD") is None, "a CalDAV resource has no METHOD"
    events = [c for c in cal.walk("VEVENT")]
    assert len(events) == 1, "one event per resource"
    ev = events[0]
    summary = str(ev["SUMMARY"])
    person = summary.split(" \u2014 ", 1)[1]
    start = int(ev.decoded("DTSTART").timestamp())
    end = int(ev.decoded("DTEND").timestamp())
    lines.append("%s|%d|%s|%d|%d" % (ev["UID"], int(ev.get("SEQUENCE", 0)),
                                     person, start, end))
for line in sorted(lines):
    print(line)
