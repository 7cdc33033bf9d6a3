#!/bin/sh
# rota holiday import OFFICE FILE: public-holiday calendars.
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"

team() {
	rota office add Dublin --tz Europe/Dublin >/dev/null &&
	rota office add SF --tz America/Los_Angeles >/dev/null &&
	rota person add mo --name Mo --email mo@example.com --tz UTC --manager >/dev/null &&
	rota person add ana --name Ana --email ana@example.com --tz Europe/Dublin >/dev/null
}

ics() {
	sed 's/$/\r/' >"$1"
}

# holidays: "office|day|name|uid|rid|source-is-manual" in order.
holidays() {
	sqlite3 rota.db "SELECT o.name, h.day, h.name, COALESCE(h.source_uid, '-'), h.recurrence_id,
		h.source = 'manual' FROM holidays h JOIN offices o ON o.id = h.office_id
		ORDER BY o.name, h.day, h.id"
}

calendar() {
	ics ie.ics <<-'EOF'
	BEGIN:VCALENDAR
	VERSION:2.0
	PRODID:-//rota tests//Irish holidays//EN
	X-WR-CALNAME:Ireland
	BEGIN:VEVENT
	UID:stpatrick@example.com
	DTSTART;VALUE=DATE:20270317
	RRULE:FREQ=YEARLY;UNTIL=20280317
	SUMMARY:Saint Patrick's Day
	TRANSP:TRANSPARENT
	END:VEVENT
	BEGIN:VEVENT
	UID:christmas@example.com
	DTSTART;VALUE=DATE:20271225
	DTEND;VALUE=DATE:20271227
	SUMMARY:Christmas and St Stephen's Day
	TRANSP:TRANSPARENT
	END:VEVENT
	BEGIN:VEVENT
	UID:bank-june@example.com
	DTSTART;VALUE=DATE:20270607
	SUMMARY:June Bank Holiday
	END:VEVENT
	BEGIN:VEVENT
	UID:eve@example.com
	DTSTART;TZID=Europe/Dublin:20271224T120000
	DTEND;TZID=Europe/Dublin:20271224T180000
	SUMMARY:Christmas Eve afternoon
	END:VEVENT
	BEGIN:VEVENT
	UID:cancelled@example.com
	DTSTART;VALUE=DATE:20270801
	STATUS:CANCELLED
	SUMMARY:Not this year
	END:VEVENT
	END:VCALENDAR
	EOF
}

test_expect_success 'every day an event covers becomes a holiday of the office' '
	team && calendar &&
	expect_status 0 rota holiday import Dublin ie.ics &&
	expect_file "ie.ics: public holidays of Dublin: added 6, updated 0, removed 0, unchanged 0
left out: 1 cancelled, 0 marked free (TRANSP:TRANSPARENT)" out &&
	test "$(holidays)" = "Dublin|2027-03-17|Saint Patrick'"'"'s Day|stpatrick@example.com|20270317|0
Dublin|2027-06-07|June Bank Holiday|bank-june@example.com||0
Dublin|2027-12-24|Christmas Eve afternoon|eve@example.com||0
Dublin|2027-12-25|Christmas and St Stephen'"'"'s Day|christmas@example.com||0
Dublin|2027-12-26|Christmas and St Stephen'"'"'s Day|christmas@example.com||0
Dublin|2028-03-17|Saint Patrick'"'"'s Day|stpatrick@example.com|20280317|0" &&
	expect_status 0 rota holiday list Dublin --year 2027 &&
	expect_out "2027-12-26  Sun  Christmas and St Stephen'"'"'s Day"
'

test_expect_success 're-import is idempotent; changes and removals follow the file' '
	team && calendar &&
	rota holiday add Dublin 2027-05-03 --name "May Day" >/dev/null &&
	rota holiday import Dublin ie.ics >/dev/null &&
	db_dump >before.sql &&
	expect_status 0 rota holiday import Dublin ie.ics &&
	expect_file "ie.ics: public holidays of Dublin: added 0, updated 0, removed 0, unchanged 6
left out: 1 cancelled, 0 marked free (TRANSP:TRANSPARENT)" out &&
	db_dump >after.sql && diff -u before.sql after.sql &&
	sed -i "s/SUMMARY:June Bank Holiday/SUMMARY:June Bank Holiday (Monday)/; s/DTEND;VALUE=DATE:20271227/DTEND;VALUE=DATE:20271226/" ie.ics &&
	expect_status 0 rota --json holiday import Dublin ie.ics &&
	test "$(json "j[\"office\"], j[\"added\"], j[\"updated\"], j[\"removed\"], j[\"unchanged\"]")" = "Dublin 0 1 1 4" &&
	test "$(holidays | cut -d"|" -f2,3,6)" = "2027-03-17|Saint Patrick'"'"'s Day|0
2027-05-03|May Day|1
2027-06-07|June Bank Holiday (Monday)|0
2027-12-24|Christmas Eve afternoon|0
2027-12-25|Christmas and St Stephen'"'"'s Day|0
2028-03-17|Saint Patrick'"'"'s Day|0" &&
	test "$(sqlite3 rota.db "SELECT action, object, after FROM audit_events WHERE action = '"'"'holiday.import'"'"' ORDER BY id")" = \
"holiday.import|Dublin|{\"source\":\"$PWD/ie.ics\",\"added\":6,\"updated\":0,\"removed\":0,\"unchanged\":0}
holiday.import|Dublin|{\"source\":\"$PWD/ie.ics\",\"added\":0,\"updated\":1,\"removed\":1,\"unchanged\":4}"
'

test_expect_success 'one calendar, two offices, each in its own zone' '
	team &&
	ics us.ics <<-'"'"'EOF'"'"' &&
	BEGIN:VCALENDAR
	VERSION:2.0
	PRODID:x
	BEGIN:VEVENT
	UID:july4
	DTSTART:20270704T070000Z
	DTEND:20270705T070000Z
	SUMMARY:Independence Day
	END:VEVENT
	END:VCALENDAR
	EOF
	expect_status 0 rota holiday import SF us.ics &&
	expect_status 0 rota holiday import Dublin us.ics &&
	test "$(holidays | cut -d"|" -f1,2)" = "Dublin|2027-07-04
Dublin|2027-07-05
SF|2027-07-04"
'

test_expect_success 'only managers import holidays; unknown offices are refused' '
	team && calendar &&
	expect_unchanged 77 rota --as ana holiday import Dublin ie.ics &&
	expect_err "holiday import: managers only (you are root as ana)" &&
	expect_unchanged 65 rota holiday import Cork ie.ics &&
	expect_err "unknown office '"'"'Cork'"'"' (see rota office list)" &&
	expect_unchanged 66 rota holiday import Dublin missing.ics &&
	expect_err "rota: missing.ics: No such file or directory" &&
	expect_unchanged 64 rota holiday import Dublin &&
	expect_err "holiday import takes OFFICE and FILE or URL" &&
	expect_unchanged 64 rota holiday import Dublin ie.ics extra &&
	expect_unchanged 64 rota holiday import --year 2027 Dublin ie.ics &&
	expect_err "unknown option"
'

test_done
