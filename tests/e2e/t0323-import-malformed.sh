#!/bin/sh
# Malformed calendars: exit 65, "rota: FILE:LINE: what is wrong", nothing
# changed (not the leave, not the holidays, not the audit trail).
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"

team() {
	rota office add Dublin --tz Europe/Dublin >/dev/null &&
	rota person add ana --name Ana --email ana@example.com --tz Europe/Dublin >/dev/null &&
	rota leave add ana 2027-02-01 2027-02-02 >/dev/null &&
	printf "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nUID:ok\r\nDTSTART;VALUE=DATE:20270301\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n" >good.ics &&
	rota leave import good.ics ana >/dev/null &&
	rota holiday import Dublin good.ics >/dev/null
}

H="BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\n"
E="BEGIN:VEVENT\r\nUID:a\r\n"

# refused TEXT MESSAGE: a calendar of TEXT (printf format) is refused by
# both imports with MESSAGE ("LINE: what") and changes nothing.
refused() {
	printf "$1" >bad.ics &&
	expect_unchanged 65 rota leave import bad.ics ana &&
	expect_file "rota: bad.ics:$2" err &&
	expect_unchanged 65 rota holiday import Dublin bad.ics &&
	expect_file "rota: bad.ics:$2" err
}

test_expect_success 'not a calendar at all' '
	team &&
	refused "" "1: empty: not an iCalendar calendar" &&
	refused "hello\r\nworld\r\n" "1: not an iCalendar calendar (BEGIN:VCALENDAR expected): \"hello\"" &&
	refused "BEGIN:VEVENT\r\nEND:VEVENT\r\n" "1: not an iCalendar calendar: it starts with BEGIN:VEVENT" &&
	refused " folded\r\n" "1: a continuation line (it starts with a space) follows no line" &&
	refused "BEGIN:VCALENDAR\r\nUID:a\0b\r\n" "2: a NUL byte: this is not a text calendar"
'

test_expect_success 'BEGIN and END that do not match' '
	team &&
	refused "${H}${E}DTSTART:20270101T100000Z\r\nEND:VEVENT\r\n" \
		"1: BEGIN:VCALENDAR is never closed (no END:VCALENDAR)" &&
	refused "${H}${E}DTSTART:20270101T100000Z\r\nEND:VCALENDAR\r\n" \
		"7: END:VCALENDAR does not close BEGIN:VEVENT of line 4" &&
	refused "${H}END:VCALENDAR\r\nEXTRA:1\r\n" "5: text after END:VCALENDAR" &&
	refused "${H}END:VCALENDAR\r\nEND:VCALENDAR\r\n" "5: END:VCALENDAR closes nothing"
'

test_expect_success 'lines libical cannot read, found in the text' '
	team &&
	refused "${H}${E}DTSTART:20270101T100000Z\r\nSUMMARY\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n" \
		"7: not an iCalendar line (NAME:VALUE expected): \"SUMMARY\"" &&
	refused "${H}${E}DTSTART:20270101T100000Z\r\nDTEND:2027\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n" \
		"7: can'"'"'t parse as DATE-TIME value in DTEND property: 2027" &&
	refused "${H}${E}DTSTART:20270101T100000Z\r\nSUMMARY:x\r\nRRULE:FREQ=SOMETIMES\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n" \
		"8: can'"'"'t parse as RECUR value in RRULE property: FREQ=SOMETIMES" &&
	refused "${H}${E}DTSTART;FOO:20270102T100000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n" \
		"6: can'"'"'t parse parameter name: FOO"
'

test_expect_success 'events without UID or DTSTART, impossible dates, ends before starts' '
	team &&
	refused "${H}BEGIN:VEVENT\r\nDTSTART:20270101T100000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n" \
		"4: an event without a UID" &&
	refused "${H}${E}SUMMARY:x\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n" "4: event a has no DTSTART" &&
	refused "${H}${E}DTSTART:20270230T100000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n" \
		"6: DTSTART: not a valid date or time" &&
	refused "${H}${E}DTSTART:20270102T100000Z\r\nSUMMARY:x\r\nDTEND:20270101T100000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n" \
		"8: DTEND is before DTSTART (event a)" &&
	refused "${H}${E}DTSTART;VALUE=DATE:20270101\r\nDTEND:20270101T110000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n" \
		"7: DTEND is a date-time but DTSTART a date"
'

test_expect_success 'unknown zones, one UID twice, rules that repeat too often' '
	team &&
	refused "${H}${E}DTSTART;TZID=Mars/Olympus:20270102T100000\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n" \
		"6: DTSTART: unknown time zone '"'"'Mars/Olympus'"'"' (no VTIMEZONE of that TZID in the calendar, and not a zone name rota knows)" &&
	refused "${H}${E}DTSTART:20270102T100000Z\r\nEND:VEVENT\r\n${E}DTSTART:20270103T100000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n" \
		"8: UID a is used by two events (lines 4 and 8)" &&
	refused "${H}${E}DTSTART:20270101T100000Z\r\nDTEND:20270101T110000Z\r\nRRULE:FREQ=SECONDLY\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n" \
		"8: RRULE: repeats more than 100000 times before the end of the import window: too often (event a)"
'

test_expect_success 'a VTIMEZONE of the calendar and vendor TZID prefixes are understood' '
	team &&
	printf "${H}BEGIN:VTIMEZONE\r\nTZID:Custom Zone\r\nBEGIN:STANDARD\r\nDTSTART:19700101T000000\r\nTZOFFSETFROM:+0500\r\nTZOFFSETTO:+0500\r\nTZNAME:X\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n${E}DTSTART;TZID=Custom Zone:20270301T100000\r\nDTEND;TZID=/freeassociation.sourceforge.net/Europe/Dublin:20270301T090000\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n" >tz.ics &&
	expect_status 0 rota leave import tz.ics ana &&
	test "$(sqlite3 rota.db "SELECT datetime(start_at, '"'"'unixepoch'"'"'), datetime(end_at, '"'"'unixepoch'"'"') FROM leave WHERE source_uid = '"'"'a'"'"'")" = \
		"2027-03-01 05:00:00|2027-03-01 09:00:00"
'

test_done
