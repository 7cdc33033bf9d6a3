#!/bin/sh
# The limits of leave import and holiday import (rota(1), "Calendars"),
# each at the limit and just past it: the file's size (16 MiB), its lines
# (200,000 once unfolded) and events (20,000), the occurrences in the
# import window (20,000), a UID (255 bytes) and a SUMMARY (cut at 255
# bytes, at a whole character). Past a limit: exit 65, a message naming
# it, and nothing stored. A calendar with many bad lines is refused at the
# first (bench/bench-ics.py times it; here, that the line is right).
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"

team() {
	rota person add ana --name Ana --email ana@example.com --tz UTC >/dev/null
}

# gen KIND N FILE: writes a calendar to FILE (CRLF), from Python:
#   events N   N all-day events in 2020 (before the import window);
#   lines N    N lines in all: one event, padded with X-A:1 properties;
#   hourly N   one event repeating hourly N times from 2026-01-01;
#   pad N      one event, then blank lines up to N bytes in all;
#   uid N      one event in March 2027 whose UID is N bytes;
#   summary N  one event in March 2027 whose SUMMARY is N times "\u00e9";
#   bad N      one event with N lines "DTEND:x" after its DTSTART.
gen() {
	/usr/bin/python3 - "$@" <<-'EOF'
	import sys
	kind, n, path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
	head = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//rota tests//EN\r\n"
	tail = "END:VCALENDAR\r\n"
	def event(uid, start, *more):
	    return ("BEGIN:VEVENT\r\nUID:%s\r\nDTSTAMP:20261201T000000Z\r\nDTSTART%s\r\n%sEND:VEVENT\r\n"
	            % (uid, start, "".join(m + "\r\n" for m in more)))
	day = ";VALUE=DATE:20270301"
	if kind == "events":
	    body = "".join(event("e%d" % i, ";VALUE=DATE:20200101") for i in range(n))
	elif kind == "lines":
	    body = event("big", ";VALUE=DATE:20200101", *["X-A:1"] * (n - 9))
	elif kind == "hourly":
	    body = event("h", ":20260101T000000Z", "DTEND:20260101T003000Z",
	                 "RRULE:FREQ=HOURLY;COUNT=%d" % n)
	elif kind == "pad":
	    body = event("p", day)
	elif kind == "uid":
	    body = event("u" * n, day)
	elif kind == "summary":
	    body = event("s", day, "SUMMARY:" + "\u00e9" * n)
	elif kind == "bad":
	    body = event("b", ":20270301T090000Z", *["DTEND:x"] * n)
	data = (head + body + tail).encode()
	if kind == "pad":
	    data += b"\r\n" * ((n - len(data)) // 2) + b"\n" * ((n - len(data)) % 2)
	open(path, "wb").write(data)
	EOF
}

# refused FILE MESSAGE: leave import of FILE exits 65 with MESSAGE (the
# whole of stderr) and changes nothing.
refused() {
	expect_unchanged 65 rota leave import "$1" ana &&
	expect_file "$2" err
}

test_expect_success 'a file of 16 MiB is read; one byte more is refused' '
	team &&
	gen pad 16777216 max.ics && test "$(wc -c <max.ics)" = 16777216 &&
	expect_status 0 rota leave import max.ics ana &&
	expect_file "max.ics: leave of ana: added 1, updated 0, removed 0, unchanged 0" out &&
	gen pad 16777217 over.ics &&
	refused over.ics "rota: over.ics: larger than 16777216 bytes"
'

test_expect_success '20,000 events are read; one more is refused at its BEGIN, before libical' '
	team &&
	gen events 20000 max.ics &&
	expect_status 0 rota leave import max.ics ana &&
	gen events 20001 over.ics &&
	refused over.ics "rota: over.ics:100004: more than 20000 events: too many to import"
'

test_expect_success '200,000 lines are read; one more is refused at that line' '
	team &&
	gen lines 200000 max.ics && test "$(wc -l <max.ics)" = 200000 &&
	expect_status 0 rota leave import max.ics ana &&
	gen lines 200001 over.ics &&
	refused over.ics "rota: over.ics:200001: more than 200000 lines: too many to import"
'

test_expect_success '20,000 occurrences in the import window are read; one more is refused' '
	team &&
	gen hourly 20000 max.ics &&
	expect_status 0 rota leave import max.ics ana &&
	test "$(sqlite3 rota.db "SELECT count(*) FROM leave")" = 20000 &&
	sqlite3 rota.db "DELETE FROM leave" &&
	gen hourly 20001 over.ics &&
	refused over.ics "rota: over.ics:4: more than 20000 occurrences in the import window: too many to import"
'

test_expect_success 'a UID of 255 bytes is read; 256 are refused' '
	team &&
	gen uid 255 max.ics &&
	expect_status 0 rota leave import max.ics ana &&
	test "$(sqlite3 rota.db "SELECT length(source_uid) FROM leave")" = 255 &&
	gen uid 256 over.ics &&
	refused over.ics "rota: over.ics:5: a UID longer than 255 bytes"
'

test_expect_success 'a SUMMARY is cut to 255 bytes at a whole character' '
	team &&
	gen summary 127 cal.ics &&
	expect_status 0 rota leave import cal.ics ana &&
	test "$(sqlite3 rota.db "SELECT length(CAST(reason AS BLOB)), length(reason) FROM leave")" = "254|127" &&
	gen summary 128 cal.ics &&
	expect_status 0 rota leave import cal.ics ana &&
	expect_file "cal.ics: leave of ana: added 0, updated 0, removed 0, unchanged 1" out &&
	test "$(sqlite3 rota.db "SELECT length(CAST(reason AS BLOB)), length(reason) FROM leave")" = "254|127"
'

test_expect_success 'an event of 80,000 bad lines is refused at the first, naming it' '
	team &&
	gen bad 80000 bad.ics &&
	refused bad.ics "rota: bad.ics:8: can'"'"'t parse as DATE-TIME value in DTEND property: x"
'

test_done
