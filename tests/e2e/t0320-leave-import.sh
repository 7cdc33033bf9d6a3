#!/bin/sh
# rota leave import FILE [HANDLE]: out-of-office calendars as leave.
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"

team() {
	rota person add ana --name Ana --email ana@example.com --tz Europe/Dublin >/dev/null &&
	rota person add bo --name Bo --email bo@example.com --tz America/Los_Angeles >/dev/null &&
	rota person add mo --name Mo --email mo@example.com --tz UTC --manager >/dev/null
}

# leaves: imported and manual leave as "handle|start|end|reason|uid|rid" (UTC).
leaves() {
	sqlite3 rota.db "SELECT p.handle, datetime(l.start_at, 'unixepoch'), datetime(l.end_at, 'unixepoch'),
		l.reason, COALESCE(l.source_uid, '-'), l.recurrence_id
		FROM leave l JOIN persons p ON p.id = l.person_id ORDER BY l.start_at, l.id"
}

# ics NAME: writes NAME from stdin with CRLF line ends, as calendars are.
ics() {
	sed 's/$/\r/' >"$1"
}

# drop_event UID FILE: removes the event UID (and its overrides) from FILE.
drop_event() {
	/usr/bin/python3 - "$1" "$2" <<-'EOF'
	import sys
	uid, path = sys.argv[1], sys.argv[2]
	parts = open(path, newline="").read().split("BEGIN:VEVENT\r\n")
	out = parts[0]
	for p in parts[1:]:
	    event, _, tail = p.partition("END:VEVENT\r\n")
	    out += tail if "UID:%s\r\n" % uid in event else "BEGIN:VEVENT\r\n" + p
	open(path, "w", newline="").write(out)
	EOF
}

calendar() {
	ics ooo.ics <<-'EOF'
	BEGIN:VCALENDAR
	VERSION:2.0
	PRODID:-//rota tests//EN
	BEGIN:VEVENT
	UID:ski@example.com
	DTSTAMP:20261201T000000Z
	DTSTART;VALUE=DATE:20270301
	DTEND;VALUE=DATE:20270303
	SUMMARY:Skiing
	END:VEVENT
	BEGIN:VEVENT
	UID:dentist@example.com
	DTSTAMP:20261201T000000Z
	DTSTART;VALUE=DATE:20270310
	SUMMARY:Dentist
	END:VEVENT
	BEGIN:VEVENT
	UID:conf@example.com
	DTSTAMP:20261201T000000Z
	DTSTART;TZID=America/New_York:20270405T090000
	DTEND;TZID=America/New_York:20270405T170000
	SUMMARY:Conference in
	  New York
	END:VEVENT
	BEGIN:VEVENT
	UID:flight@example.com
	DTSTAMP:20261201T000000Z
	DTSTART:20270406T220000Z
	DURATION:PT9H
	SUMMARY:Flight
	END:VEVENT
	BEGIN:VEVENT
	UID:floating@example.com
	DTSTAMP:20261201T000000Z
	DTSTART:20270601T090000
	DTEND:20270601T130000
	SUMMARY:Floating morning
	END:VEVENT
	END:VCALENDAR
	EOF
}

test_expect_success 'all-day, timed, TZID, UTC and floating events become leave' '
	team && calendar &&
	expect_status 0 rota --as ana leave import ooo.ics &&
	expect_file "ooo.ics: leave of ana: added 5, updated 0, removed 0, unchanged 0" out &&
	test ! -s err &&
	test "$(leaves)" = "ana|2027-03-01 00:00:00|2027-03-03 00:00:00|Skiing|ski@example.com|
ana|2027-03-10 00:00:00|2027-03-11 00:00:00|Dentist|dentist@example.com|
ana|2027-04-05 13:00:00|2027-04-05 21:00:00|Conference in New York|conf@example.com|
ana|2027-04-06 22:00:00|2027-04-07 07:00:00|Flight|flight@example.com|
ana|2027-06-01 08:00:00|2027-06-01 12:00:00|Floating morning|floating@example.com|" &&
	test "$(sqlite3 rota.db "SELECT DISTINCT source FROM leave")" = "$PWD/ooo.ics"
'

test_expect_success 'all-day leave is in the person'"'"'s own zone' '
	team && calendar &&
	expect_status 0 rota leave import ooo.ics bo &&
	sqlite3 rota.db "SELECT datetime(start_at, '"'"'unixepoch'"'"'), datetime(end_at, '"'"'unixepoch'"'"') FROM leave WHERE source_uid = '"'"'ski@example.com'"'"'" >got &&
	expect_file "2027-03-01 08:00:00|2027-03-03 08:00:00" got
'

test_expect_success 're-importing the same calendar changes nothing' '
	team && calendar &&
	rota leave import ooo.ics ana >/dev/null &&
	db_dump >before.sql &&
	expect_status 0 rota leave import ./ooo.ics ana &&
	expect_file "./ooo.ics: leave of ana: added 0, updated 0, removed 0, unchanged 5" out &&
	db_dump >after.sql && diff -u before.sql after.sql &&
	expect_status 0 rota --json leave import "$PWD/ooo.ics" ana &&
	test "$(json "j[\"person\"], j[\"added\"], j[\"updated\"], j[\"removed\"], j[\"unchanged\"], j[\"not_modified\"]")" = \
		"ana 0 0 0 5 False"
'

test_expect_success 'a changed event is updated, a removed one removed, manual leave kept' '
	team && calendar &&
	rota leave add ana 2027-03-02 2027-03-04 --reason manual >/dev/null &&
	rota leave import ooo.ics ana >/dev/null &&
	sed -i "s/SUMMARY:Skiing/SUMMARY:Skiing in Austria/; s/DTSTART:20270406T220000Z/DTSTART:20270406T230000Z/" ooo.ics &&
	drop_event dentist@example.com ooo.ics &&
	! grep -q Dentist ooo.ics &&
	expect_status 0 rota leave import ooo.ics ana &&
	expect_file "ooo.ics: leave of ana: added 0, updated 2, removed 1, unchanged 2" out &&
	test "$(leaves)" = "ana|2027-03-01 00:00:00|2027-03-03 00:00:00|Skiing in Austria|ski@example.com|
ana|2027-03-02 00:00:00|2027-03-05 00:00:00|manual|-|
ana|2027-04-05 13:00:00|2027-04-05 21:00:00|Conference in New York|conf@example.com|
ana|2027-04-06 23:00:00|2027-04-07 08:00:00|Flight|flight@example.com|
ana|2027-06-01 08:00:00|2027-06-01 12:00:00|Floating morning|floating@example.com|" &&
	test "$(sqlite3 rota.db "SELECT actor, action, object, after FROM audit_events WHERE action = '"'"'leave.import'"'"' ORDER BY id")" = \
"root|leave.import|ana|{\"source\":\"$PWD/ooo.ics\",\"added\":5,\"updated\":0,\"removed\":0,\"unchanged\":0}
root|leave.import|ana|{\"source\":\"$PWD/ooo.ics\",\"added\":0,\"updated\":2,\"removed\":1,\"unchanged\":2}"
'

test_expect_success 'an empty calendar removes what the file gave, and only that' '
	team && calendar &&
	rota leave add ana 2027-08-01 2027-08-02 >/dev/null &&
	rota leave import ooo.ics ana >/dev/null &&
	cp ooo.ics other.ics && rota leave import other.ics ana >/dev/null &&
	printf "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nEND:VCALENDAR\r\n" >ooo.ics &&
	expect_status 0 rota leave import ooo.ics ana &&
	expect_file "ooo.ics: leave of ana: added 0, updated 0, removed 5, unchanged 0" out &&
	test "$(sqlite3 rota.db "SELECT COUNT(*), COUNT(DISTINCT source) FROM leave")" = "6|2"
'

test_expect_success 'a weekly RRULE with EXDATE across the March change keeps 09:00 local' '
	team &&
	ics ooo.ics <<-'"'"'EOF'"'"' &&
	BEGIN:VCALENDAR
	VERSION:2.0
	PRODID:x
	BEGIN:VEVENT
	UID:course
	DTSTART;TZID=Europe/Dublin:20270315T090000
	DTEND;TZID=Europe/Dublin:20270315T120000
	RRULE:FREQ=WEEKLY;COUNT=5
	EXDATE;TZID=Europe/Dublin:20270322T090000
	SUMMARY:Course
	END:VEVENT
	BEGIN:VEVENT
	UID:course
	RECURRENCE-ID;TZID=Europe/Dublin:20270405T090000
	DTSTART;TZID=Europe/Dublin:20270405T140000
	DTEND;TZID=Europe/Dublin:20270405T170000
	SUMMARY:Course, afternoon
	END:VEVENT
	BEGIN:VEVENT
	UID:course
	RECURRENCE-ID;TZID=Europe/Dublin:20270412T090000
	DTSTART;TZID=Europe/Dublin:20270412T090000
	DTEND;TZID=Europe/Dublin:20270412T120000
	STATUS:CANCELLED
	END:VEVENT
	END:VCALENDAR
	EOF
	expect_status 0 rota leave import ooo.ics ana &&
	expect_file "ooo.ics: leave of ana: added 3, updated 0, removed 0, unchanged 0
left out: 1 cancelled, 0 marked free (TRANSP:TRANSPARENT)" out &&
	test "$(leaves)" = "ana|2027-03-15 09:00:00|2027-03-15 12:00:00|Course|course|20270315T090000Z
ana|2027-03-29 08:00:00|2027-03-29 11:00:00|Course|course|20270329T080000Z
ana|2027-04-05 13:00:00|2027-04-05 16:00:00|Course, afternoon|course|20270405T080000Z"
'

test_expect_success 'cancelled series and free time are not leave; RDATE adds a day' '
	team &&
	ics ooo.ics <<-'"'"'EOF'"'"' &&
	BEGIN:VCALENDAR
	VERSION:2.0
	PRODID:x
	BEGIN:VEVENT
	UID:gone
	DTSTART;VALUE=DATE:20270105
	RRULE:FREQ=DAILY;COUNT=3
	STATUS:CANCELLED
	END:VEVENT
	BEGIN:VEVENT
	UID:reminder
	DTSTART;VALUE=DATE:20270110
	TRANSP:TRANSPARENT
	SUMMARY:Birthday
	END:VEVENT
	BEGIN:VEVENT
	UID:fridays
	DTSTART;VALUE=DATE:20270108
	RRULE:FREQ=WEEKLY;UNTIL=20270122
	RDATE;VALUE=DATE:20270201
	SUMMARY:Day off
	END:VEVENT
	END:VCALENDAR
	EOF
	expect_status 0 rota --json leave import ooo.ics ana &&
	test "$(json "j[\"added\"], j[\"cancelled\"], j[\"free\"]")" = "4 1 1" &&
	test "$(leaves | cut -d"|" -f2,6)" = "2027-01-08 00:00:00|20270108
2027-01-15 00:00:00|20270115
2027-01-22 00:00:00|20270122
2027-02-01 00:00:00|20270201"
'

test_expect_success 'recurrences are read from a year back to two years ahead' '
	team &&
	ics ooo.ics <<-'"'"'EOF'"'"' &&
	BEGIN:VCALENDAR
	VERSION:2.0
	PRODID:x
	BEGIN:VEVENT
	UID:yearly
	DTSTART;VALUE=DATE:20200704
	RRULE:FREQ=YEARLY
	SUMMARY:Fourth
	END:VEVENT
	BEGIN:VEVENT
	UID:old
	DTSTART;VALUE=DATE:20190101
	SUMMARY:Long ago
	END:VEVENT
	END:VCALENDAR
	EOF
	expect_status 0 rota leave import ooo.ics ana &&
	test "$(leaves | cut -d"|" -f2,6)" = "2026-07-03 23:00:00|20260704
2027-07-03 23:00:00|20270704
2028-07-03 23:00:00|20280704" &&
	ROTA_NOW=2028-01-01T12:00:00Z expect_status 0 rota leave import ooo.ics ana &&
	expect_file "ooo.ics: leave of ana: added 1, updated 0, removed 0, unchanged 2" out &&
	test "$(leaves | cut -d"|" -f6 | tr "\n" " ")" = "20260704 20270704 20280704 20290704 "
'

test_expect_success 'who may import whose leave' '
	team && calendar &&
	expect_unchanged 77 rota --as ana leave import ooo.ics bo &&
	expect_err "leave import for someone else: managers only (you are root as ana)" &&
	expect_unchanged 77 rota leave import ooo.ics &&
	expect_err "you (root) are not a person in rota" &&
	expect_status 0 rota --as mo leave import ooo.ics bo &&
	expect_status 0 rota --as bo leave import ooo.ics
'

test_expect_success 'bad arguments and missing files change nothing' '
	team && calendar &&
	expect_unchanged 65 rota leave import ooo.ics zed &&
	expect_err "unknown person '"'"'zed'"'"' (see rota person list)" &&
	expect_unchanged 66 rota leave import nothere.ics ana &&
	expect_err "rota: nothere.ics: No such file or directory" &&
	mkdir dir && expect_unchanged 66 rota leave import dir ana &&
	expect_err "rota: dir: Is a directory" &&
	expect_unchanged 64 rota leave import &&
	expect_err "leave import takes FILE or URL, then an optional HANDLE" &&
	expect_unchanged 64 rota leave import ooo.ics ana bo &&
	expect_unchanged 64 rota leave import ooo.ics ana --dry-run &&
	expect_err "unknown option"
'

test_expect_success 'the new leave names the shifts it now overlaps' '
	team &&
	rota rotation add ops --tier primary --tz Europe/Dublin >/dev/null &&
	rota term add t1 --rotation ops --start 2027-01-04 --weeks 4 >/dev/null &&
	for p in ana bo mo; do rota volunteer join t1 $p >/dev/null || exit 1; done &&
	rota schedule generate t1 >/dev/null &&
	id=$(sqlite3 rota.db "SELECT s.id FROM shifts s JOIN persons p ON p.id = s.person_id WHERE p.handle = '"'"'ana'"'"' ORDER BY s.start_at LIMIT 1") &&
	start=$(sqlite3 rota.db "SELECT strftime('"'"'%Y%m%d'"'"', start_at, '"'"'unixepoch'"'"') FROM shifts WHERE id = $id") &&
	printf "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTART;VALUE=DATE:%s\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n" "$start" >ooo.ics &&
	expect_status 0 rota leave import ooo.ics ana &&
	expect_err "rota: warning: ana'"'"'s shift $id (ops, from " &&
	expect_err "overlaps this leave and is inside the freeze horizon: swap it (rota swap request $id) or override it (rota override $id HANDLE)"
'

test_done
