#!/bin/sh
# rota feed export: the feeds read back by python3-icalendar, khal and
# calcurse hold exactly the schedule, across DST changes in three zones.
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"
. "$ROTA_SRCDIR/tests/e2e/lib-feed.sh"

test_expect_success 'a rotation feed is the rotation schedule, in every zone' '
	feed_team &&
	for r in ops sf esc; do
		rota feed export --rotation $r >$r.ics &&
		same_as_schedule $r.ics --rotation $r &&
		test $(wc -l <got.txt) = 6 || exit 1
	done &&
	grep -q "^DTSTART;TZID=America/Los_Angeles:20270308T100000" sf.ics &&
	grep -q "^DTSTART;TZID=Australia/Sydney:20270301T090000" esc.ics
'

test_expect_success 'DST: a week across the change is 167 hours, the handoff stays at 10:00 local' '
	feed_team &&
	rota feed export --rotation ops >ops.ics && $FEED_PY ics ops.ics >got.txt &&
	grep -q "^2027-03-22T10:00:00Z 2027-03-29T09:00:00Z " got.txt &&
	grep -q "^2027-03-29T09:00:00Z 2027-04-05T09:00:00Z " got.txt &&
	rota feed export --rotation sf >sf.ics && $FEED_PY ics sf.ics >got.txt &&
	grep -q "^2027-03-08T18:00:00Z 2027-03-15T17:00:00Z " got.txt &&
	rota feed export --rotation esc >esc.ics && $FEED_PY ics esc.ics >got.txt &&
	grep -q "^2027-03-28T22:00:00Z 2027-04-04T23:00:00Z " got.txt
'

test_expect_success 'a personal feed holds the person'"'"'s shifts across rotations' '
	feed_team &&
	for h in ana bo cy dan eve fay mo max; do
		rota feed export --person $h >$h.ics &&
		same_as_schedule $h.ics --person $h || exit 1
	done &&
	test "$($FEED_PY count ana.ics)" = 2 &&
	grep -q "^X-WR-CALNAME:On call — Person ana" ana.ics
'

test_expect_success 'khal reads the same events' '
	feed_team &&
	for r in ops sf esc; do
		rota feed export --rotation $r >$r.ics &&
		same_as_schedule $r.ics --rotation $r &&
		schedule_as_khal >want-khal.txt &&
		khal_lines $r.ics >got-khal.txt &&
		diff -u want-khal.txt got-khal.txt &&
		khal -c khal.conf import --batch -a rota $r.ics || exit 1
	done &&
	test $(ls khal/cal | wc -l) = 18
'

test_expect_success 'calcurse imports every event at the same instants' '
	feed_team &&
	for r in ops sf esc; do
		rota feed export --rotation $r >$r.ics &&
		same_as_schedule $r.ics --rotation $r &&
		calcurse_lines $r.ics 6 >got-cc.txt &&
		schedule_as_khal >want-cc.txt &&
		diff -u want-cc.txt got-cc.txt || exit 1
	done
'

test_expect_success 'events: stable UID, escalation and swap in the description, alarm' '
	feed_team &&
	rota feed export --rotation ops >ops.ics &&
	uid=$(sqlite3 rota.db "SELECT uid FROM shifts WHERE id = 2") &&
	test "$($FEED_PY uid ops.ics $uid)" = "ana 0 CONFIRMED" &&
	/usr/bin/python3 -c "
import icalendar, sys
cal = icalendar.Calendar.from_ical(open(\"ops.ics\", \"rb\").read())
ev = [e for e in cal.walk(\"VEVENT\") if str(e[\"UID\"]) == \"$uid\"][0]
print(ev[\"DESCRIPTION\"])
al = ev.walk(\"VALARM\")[0]
print(al[\"ACTION\"], al.decoded(\"TRIGGER\"))
" >desc &&
	expect_file "ana is primary on call (ops).
Escalation (managers'"'"' tier): max, then mo.
To hand this shift to someone else: rota swap request 2 [--with HANDLE]; rota swap suggest 2 lists who could take it.
DISPLAY -1 day, 23:30:00" desc
'

test_expect_success 'the alarm lead and refresh interval come from [feed]' '
	feed_team &&
	printf "[feed]\nalarm_minutes = 90\nrefresh_minutes = 1440\n" >rota.conf &&
	rota --config rota.conf feed export --rotation ops >ops.ics &&
	grep -q "^TRIGGER:-PT1H30M" ops.ics &&
	grep -q "^REFRESH-INTERVAL;VALUE=DURATION:P1D" ops.ics &&
	grep -q "^X-PUBLISHED-TTL:P1D" ops.ics &&
	printf "[feed]\nalarm_minutes = 0\n" >rota.conf &&
	rota --config rota.conf feed export --rotation ops >ops.ics &&
	! grep -q VALARM ops.ics &&
	printf "[feed]\nalarm_minutes = soon\n" >rota.conf &&
	expect_unchanged 78 rota --config rota.conf feed export --rotation ops &&
	expect_err "rota: rota.conf:2: alarm_minutes must be a whole number"
'

test_expect_success 'history: shifts that ended before the window are left out' '
	feed_team &&
	printf "[feed]\nhistory_weeks = 1\n" >rota.conf &&
	ROTA_NOW=2027-03-24T12:00:00Z rota --config rota.conf feed export --rotation ops >ops.ics &&
	$FEED_PY ics ops.ics | cut -d" " -f1 >starts &&
	expect_file "2027-03-15T10:00:00Z
2027-03-22T10:00:00Z
2027-03-29T09:00:00Z
2027-04-05T09:00:00Z" starts
'

test_expect_success 'a swap: same UID, the new person, a higher SEQUENCE; CANCELLED for the one who gave it' '
	feed_team &&
	rota person add zed --name Zed --email zed@example.com --tz Europe/Dublin >/dev/null &&
	rota volunteer join h1 zed >/dev/null &&
	uid=$(sqlite3 rota.db "SELECT uid FROM shifts WHERE id = 2") &&
	rota --as ana swap request 2 --with zed >/dev/null &&
	id=$(sqlite3 rota.db "SELECT max(id) FROM swaps") &&
	rota --as zed swap accept $id >/dev/null &&
	rota feed export --rotation ops >ops.ics &&
	test "$($FEED_PY uid ops.ics $uid)" = "zed 1 CONFIRMED" &&
	same_as_schedule ops.ics --rotation ops &&
	rota feed export --person ana >ana.ics && test "$($FEED_PY count ana.ics)" = 2 &&
	test "$($FEED_PY uid ana.ics $uid)" = "ana 1 CANCELLED" &&
	rota feed export --person zed >zed.ics && test "$($FEED_PY uid zed.ics $uid)" = "zed 1 CONFIRMED"
'

test_expect_success 'a cancelled shift stays CANCELLED with a raised SEQUENCE until it ends' '
	feed_team &&
	uid=$(sqlite3 rota.db "SELECT uid FROM shifts WHERE id = 3") &&
	sqlite3 rota.db "UPDATE shifts SET cancelled_at = 1, sequence = sequence + 1 WHERE id = 3" &&
	rota feed export --rotation ops >ops.ics &&
	test "$($FEED_PY uid ops.ics $uid)" = "bo 1 CANCELLED" &&
	test "$($FEED_PY count ops.ics)" = 6 &&
	sed -n "/UID:$uid/,/END:VEVENT/p" ops.ics >event &&
	grep -q "^STATUS:CANCELLED" event && ! grep -q VALARM event &&
	ROTA_NOW=2027-03-21T12:00:00Z rota feed export --rotation ops >ops.ics &&
	test "$($FEED_PY uid ops.ics $uid)" = "bo 1 CANCELLED" &&
	ROTA_NOW=2027-03-22T10:00:00Z rota feed export --rotation ops >ops.ics &&
	test "$($FEED_PY count ops.ics)" = 5 && ! grep -q "UID:$uid" ops.ics
'

test_expect_success '-o FILE writes the file whole and says so' '
	feed_team &&
	expect_status 0 rota feed export --rotation ops -o ops.ics &&
	expect_file "File                     ops.ics
Events                   6" out &&
	same_as_schedule ops.ics --rotation ops &&
	mkdir sub && expect_status 0 rota --json feed export --person ana --output sub/ana.ics &&
	test "$(json "j[\"file\"], j[\"events\"]")" = "sub/ana.ics 2" &&
	test "$(ls -A sub)" = ana.ics
'

test_expect_success 'no shifts: an empty, valid calendar' '
	rota person add zed --name Zed --email zed@example.com --tz UTC >/dev/null &&
	rota feed export --person zed >zed.ics &&
	test "$($FEED_PY count zed.ics)" = 0
'

test_expect_success 'bad input is refused and changes nothing' '
	feed_team &&
	expect_unchanged 65 rota feed export --person nobody &&
	expect_err "rota: unknown person '"'"'nobody'"'"' (see rota person list)" &&
	expect_unchanged 65 rota feed export --rotation nope &&
	expect_err "rota: unknown rotation '"'"'nope'"'"' (see rota rotation list)" &&
	expect_unchanged 64 rota feed export --person ana --rotation ops &&
	expect_err "rota: feed export takes one of --person HANDLE or --rotation R" &&
	expect_unchanged 64 rota feed export &&
	expect_err "rota: feed export takes one of --person HANDLE or --rotation R" &&
	expect_unchanged 64 rota feed export --person ana extra &&
	expect_err "rota: feed export takes no arguments besides its options" &&
	expect_unchanged 64 rota feed export --person ana --colour &&
	expect_err "--colour" &&
	expect_unchanged 73 rota feed export --person ana -o missing/ana.ics &&
	expect_err "rota: cannot create missing/ana.ics: No such file or directory" &&
	test ! -e missing &&
	touch afile &&
	expect_unchanged 73 rota feed export --person ana -o afile/ana.ics &&
	expect_err "rota: cannot create afile/ana.ics: Not a directory"
'

test_expect_success 'feed export --help' '
	expect_status 0 rota feed export --help &&
	expect_out "usage: rota feed export (--person HANDLE | --rotation R) [-o FILE]"
'

test_done
