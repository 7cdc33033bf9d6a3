#!/bin/sh
# Feeds of shifts in parts: every part an event (the first keeps the
# week's UID), a part given away CANCELLED in the feed of the one who gave
# it until it ends, Europe/Dublin in the conventional form read alike by
# python3-icalendar, khal and calcurse, and the same bytes for an
# unchanged schedule at another time. The three clients take an IANA TZID
# by its name and never read the VTIMEZONE (a wrong one changes nothing
# they report); feed.py also reads each event through the VTIMEZONE itself.
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"
. "$ROTA_SRCDIR/tests/e2e/lib-feed.sh"

# shift_at ROTATION TIME: the id of the rotation's shift that starts at TIME.
shift_at() {
	sqlite3 rota.db "SELECT s.id FROM shifts s JOIN rotations r ON r.id = s.rotation_id
		WHERE r.name = '$1' AND s.start_at = strftime('%s', '$2')"
}

# holder ID: the handle of the person who holds shift ID.
holder() {
	sqlite3 rota.db "SELECT p.handle FROM shifts s JOIN persons p ON p.id = s.person_id
		WHERE s.id = $1"
}

# autumn: a second term of ops, three weeks from Mon 2027-10-18 (IST), its
# second week 169 hours long across the change back to GMT; and zed and
# yan, who join both terms of ops once they are generated (they hold
# nothing).
autumn() {
	rota term add h2 --rotation ops --start 2027-10-18 --weeks 3 >/dev/null &&
	for h in ana bo cy; do rota volunteer join h2 $h >/dev/null || return 1; done &&
	rota schedule generate h2 >/dev/null &&
	for h in zed yan; do
		rota person add $h --name "Person $h" --email $h@example.com --tz Europe/Dublin >/dev/null &&
		rota volunteer join h1 $h >/dev/null && rota volunteer join h2 $h >/dev/null || return 1
	done
}

# cover TIME HANDLE: HANDLE covers ops from TIME to the end of its week.
cover() {
	rota override --rotation ops --from $1 $2 >/dev/null
}

# give_part FROM TO: FROM asks TO to take shift $part, and TO accepts.
give_part() {
	rota --as $1 swap request $part --with $2 >/dev/null &&
	rota --as $2 swap accept $(sqlite3 rota.db "SELECT max(id) FROM swaps") >/dev/null
}

# zed_part: zed covers ops's week of 2027-03-22 from Saturday 18:00 on
# (shift $part, UID $uid), and gives it to yan.
zed_part() {
	cover 2027-03-27T18:00:00Z zed &&
	part=$(sqlite3 rota.db "SELECT max(id) FROM shifts") &&
	uid=$(sqlite3 rota.db "SELECT uid FROM shifts WHERE id = $part") &&
	give_part zed yan
}

test_expect_success 'parts across both Dublin changes: the same instants in python3-icalendar, khal and calcurse' '
	feed_team && autumn &&
	cover 2027-03-27T18:00:00Z zed && cover 2027-10-30T20:00:00Z zed &&
	rota feed export --rotation ops >ops.ics &&
	grep -q "^DTSTART;TZID=Europe/Dublin:20270327T180000" ops.ics &&
	grep -q "^DTEND;TZID=Europe/Dublin:20270329T100000" ops.ics &&
	grep -q "^DTSTART;TZID=Europe/Dublin:20271030T210000" ops.ics &&
	grep -q "^DTEND;TZID=Europe/Dublin:20271101T100000" ops.ics &&
	$FEED_PY zones ops.ics >zones &&
	expect_file "Europe/Dublin DAYLIGHT IST +0100
Europe/Dublin STANDARD GMT +0000" zones &&
	same_as_schedule ops.ics --rotation ops &&
	test $(wc -l <got.txt) = 11 &&
	grep -q "^2027-03-22T10:00:00Z 2027-03-27T18:00:00Z [a-z]* ops CONFIRMED\$" got.txt &&
	grep -q "^2027-03-27T18:00:00Z 2027-03-29T09:00:00Z zed ops CONFIRMED\$" got.txt &&
	grep -q "^2027-10-25T09:00:00Z 2027-10-30T20:00:00Z [a-z]* ops CONFIRMED\$" got.txt &&
	grep -q "^2027-10-30T20:00:00Z 2027-11-01T10:00:00Z zed ops CONFIRMED\$" got.txt &&
	schedule_as_khal >want-clients.txt &&
	khal_lines ops.ics >got-khal.txt &&
	diff -u want-clients.txt got-khal.txt &&
	calcurse_lines ops.ics 11 >got-cc.txt &&
	diff -u want-clients.txt got-cc.txt
'

test_expect_success 'the first part keeps the week'"'"'s UID, its new end and a higher SEQUENCE; the later part has a UID of its own' '
	feed_team && autumn &&
	id=$(shift_at ops 2027-03-22T10:00:00Z) && h=$(holder $id) &&
	uid=$(sqlite3 rota.db "SELECT uid FROM shifts WHERE id = $id") &&
	rota feed export --person $h >before.ics &&
	cover 2027-03-27T18:00:00Z zed &&
	rota feed export --rotation ops >ops.ics &&
	test "$($FEED_PY uid ops.ics $uid)" = "$h 1 CONFIRMED" &&
	test "$($FEED_PY uid ops.ics ${uid%@rota}-20270327T180000Z@rota)" = "zed 0 CONFIRMED" &&
	rota feed export --person $h >after.ics &&
	test "$($FEED_PY count after.ics)" = "$($FEED_PY count before.ics)" &&
	sed -n "/^UID:$uid/,/^END:VEVENT/p" after.ics >event &&
	grep -q "^DTEND;TZID=Europe/Dublin:20270327T180000" event &&
	grep -q "^LAST-MODIFIED:20270220T120000Z" event
'

test_expect_success 'a night covered is three events; given back, the week is one again and the others CANCELLED' '
	feed_team && autumn &&
	id=$(shift_at ops 2027-03-22T10:00:00Z) && h=$(holder $id) &&
	night="--rotation ops --from 2027-03-24T22:00:00Z --to 2027-03-25T07:00:00Z" &&
	rota override $night zed >/dev/null &&
	rota feed export --rotation ops >ops.ics &&
	$FEED_PY ics ops.ics | grep "^2027-03-2[2-5]" >got.txt &&
	expect_file "2027-03-22T10:00:00Z 2027-03-24T22:00:00Z $h ops CONFIRMED
2027-03-24T22:00:00Z 2027-03-25T07:00:00Z zed ops CONFIRMED
2027-03-25T07:00:00Z 2027-03-29T09:00:00Z $h ops CONFIRMED" got.txt &&
	rota override $night $h >/dev/null &&
	rota feed export --rotation ops >ops.ics &&
	$FEED_PY ics ops.ics | grep "^2027-03-2[2-5]" >got.txt &&
	expect_file "2027-03-22T10:00:00Z 2027-03-29T09:00:00Z $h ops CONFIRMED
2027-03-24T22:00:00Z 2027-03-25T07:00:00Z zed ops CANCELLED
2027-03-25T07:00:00Z 2027-03-29T09:00:00Z $h ops CANCELLED" got.txt &&
	uid=$(sqlite3 rota.db "SELECT uid FROM shifts WHERE id = $id") &&
	test "$($FEED_PY uid ops.ics $uid)" = "$h 2 CONFIRMED" &&
	rota feed export --person zed >zed.ics &&
	$FEED_PY ics zed.ics >got.txt &&
	expect_file "2027-03-24T22:00:00Z 2027-03-25T07:00:00Z zed ops CANCELLED" got.txt
'

test_expect_success 'a part given away stays CANCELLED in the giver'"'"'s feed until it ends, and nowhere else' '
	feed_team && autumn &&
	ROTA_NOW=2027-02-21T08:00:00Z zed_part &&
	rota feed export --person zed >zed.ics &&
	$FEED_PY ics zed.ics >got.txt &&
	expect_file "2027-03-27T18:00:00Z 2027-03-29T09:00:00Z zed ops CANCELLED" got.txt &&
	test "$($FEED_PY uid zed.ics $uid)" = "zed 1 CANCELLED" &&
	grep -q "^LAST-MODIFIED:20270221T080000Z" zed.ics &&
	! grep -q VALARM zed.ics &&
	khal_lines zed.ics >got-khal.txt &&
	expect_file "2027-03-27T18:00 2027-03-29T09:00 On call: ops — zed CANCELLED" got-khal.txt &&
	rota feed export --person yan >yan.ics &&
	test "$($FEED_PY uid yan.ics $uid)" = "yan 1 CONFIRMED" &&
	rota feed export --rotation ops >ops.ics &&
	test "$($FEED_PY uid ops.ics $uid)" = "yan 1 CONFIRMED" &&
	! grep -q CANCELLED ops.ics &&
	rota publish --dir pub >/dev/null &&
	cmp zed.ics pub/$(token zed).ics &&
	ROTA_NOW=2027-03-29T08:59:59Z rota feed export --person zed >zed.ics &&
	test "$($FEED_PY count zed.ics)" = 1 &&
	ROTA_NOW=2027-03-29T09:00:00Z rota feed export --person zed >zed.ics &&
	test "$($FEED_PY count zed.ics)" = 0
'

test_expect_success 'a part given back is no longer CANCELLED for the one who holds it again' '
	feed_team && autumn &&
	zed_part && give_part yan zed &&
	rota feed export --person zed >zed.ics &&
	test "$($FEED_PY uid zed.ics $uid)" = "zed 2 CONFIRMED" &&
	test "$($FEED_PY count zed.ics)" = 1 &&
	rota feed export --person yan >yan.ics &&
	test "$($FEED_PY uid yan.ics $uid)" = "yan 2 CANCELLED"
'

test_expect_success 'an unchanged schedule publishes the same bytes at another time' '
	feed_team && autumn &&
	rota publish --dir one >/dev/null &&
	ROTA_NOW=2027-02-23T08:34:56Z rota publish --dir two >/dev/null &&
	(cd one && ls *.ics) >files && test $(wc -l <files) = 13 &&
	for f in $(cat files); do cmp one/$f two/$f || exit 1; done &&
	grep -q "^DTSTART:20260101T000000" one/ops.ics &&
	grep -q "^DTSTAMP:20270220T120000Z" two/ops.ics &&
	rota feed export --person ana >a1.ics &&
	ROTA_NOW=2027-02-26T23:59:59Z rota feed export --person ana >a2.ics &&
	cmp a1.ics a2.ics &&
	id=$(shift_at sf 2027-03-08T18:00:00Z) &&
	other=$(sqlite3 rota.db "SELECT handle FROM persons WHERE handle IN (\"dan\", \"eve\")
		AND handle <> \"$(holder $id)\" LIMIT 1") &&
	rota override --force $id $other >/dev/null &&
	ROTA_NOW=2027-02-24T10:00:00Z rota publish --dir three >/dev/null &&
	cmp one/ops.ics three/ops.ics && cmp one/esc.ics three/esc.ics &&
	! cmp -s one/sf.ics three/sf.ics
'

test_done
