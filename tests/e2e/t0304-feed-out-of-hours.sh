#!/bin/sh
# Feeds of a rotation covering out of hours, Dublin with San Francisco:
# one event per on-call window (a weekday night once both offices have
# closed, a weekend, a holiday of Dublin's), read alike by
# python3-icalendar, khal and calcurse across the weeks when America
# (14 March 2027) and Europe (28 March) change their clocks; an alarm
# before each week's first window, not before the Monday 10:00 handoff;
# UIDs of windows kept when another part of the week changes hands; a
# part given away CANCELLED window by window in its giver's feed; and the
# feed of the same rotation covering every hour byte for byte as before.
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"
. "$ROTA_SRCDIR/tests/e2e/lib-feed.sh"

# night: rotation night (Europe/Dublin, handoff Mon 10:00, covering every
# hour), a term of three weeks from Mon 2027-03-15 held by ana, bo, cy
# (Dublin) and dan (San Francisco), generated; St Patrick's Day and
# Easter Monday are Dublin's holidays.
night() {
	rota office add Dublin --tz Europe/Dublin >/dev/null &&
	rota office add "San Francisco" --tz America/Los_Angeles >/dev/null &&
	rota holiday add Dublin 2027-03-17 --name "St Patrick's Day" >/dev/null &&
	rota holiday add Dublin 2027-04-05 --name "Easter Monday" >/dev/null &&
	for h in ana bo cy; do
		rota person add $h --name "Person $h" --email $h@example.com --tz Europe/Dublin \
			--office Dublin >/dev/null || return 1
	done &&
	rota person add dan --name "Person dan" --email dan@example.com \
		--tz America/Los_Angeles --office "San Francisco" >/dev/null &&
	rota rotation add night --tier primary --tz Europe/Dublin >/dev/null &&
	rota term add n1 --rotation night --start 2027-03-15 --weeks 3 >/dev/null &&
	for h in ana bo cy dan; do rota volunteer join n1 $h >/dev/null || return 1; done &&
	rota schedule generate n1 >/dev/null
}

out_of_hours() {
	rota rotation set night --covers out-of-hours --offices "Dublin,San Francisco" >/dev/null
}

# holder TIME: who holds the night shift that starts at TIME.
holder() {
	sqlite3 rota.db "SELECT p.handle FROM shifts s JOIN persons p ON p.id = s.person_id
		WHERE s.start_at = strftime('%s', '$1') AND s.cancelled_at IS NULL"
}

# week_uid TIME: the UID of the week that starts at TIME, without "@rota".
week_uid() {
	sqlite3 rota.db "SELECT uid FROM shifts WHERE start_at = strftime('%s', '$1')" |
		sed 's/@rota$//'
}

# windows: want.txt, the windows of the three weeks in UTC with their
# holders, as feed.py ics prints them. San Francisco closes at 01:00 UTC
# from 14 March on, Dublin opens at 09:00 UTC, 08:00 from 28 March; St
# Patrick's Day (Wednesday 17) Dublin stays closed until San Francisco
# opens at 16:00 UTC; Easter Monday the weekend runs to the handoff.
windows() {
	w1=$(holder 2027-03-15T10:00:00Z) && w2=$(holder 2027-03-22T10:00:00Z) &&
	w3=$(holder 2027-03-29T09:00:00Z) &&
	test -n "$w1" && test -n "$w2" && test -n "$w3" &&
	cat >want.txt <<-WANT
	2027-03-16T01:00:00Z 2027-03-16T09:00:00Z $w1 night CONFIRMED
	2027-03-17T01:00:00Z 2027-03-17T16:00:00Z $w1 night CONFIRMED
	2027-03-18T01:00:00Z 2027-03-18T09:00:00Z $w1 night CONFIRMED
	2027-03-19T01:00:00Z 2027-03-19T09:00:00Z $w1 night CONFIRMED
	2027-03-20T01:00:00Z 2027-03-22T09:00:00Z $w1 night CONFIRMED
	2027-03-23T01:00:00Z 2027-03-23T09:00:00Z $w2 night CONFIRMED
	2027-03-24T01:00:00Z 2027-03-24T09:00:00Z $w2 night CONFIRMED
	2027-03-25T01:00:00Z 2027-03-25T09:00:00Z $w2 night CONFIRMED
	2027-03-26T01:00:00Z 2027-03-26T09:00:00Z $w2 night CONFIRMED
	2027-03-27T01:00:00Z 2027-03-29T08:00:00Z $w2 night CONFIRMED
	2027-03-30T01:00:00Z 2027-03-30T08:00:00Z $w3 night CONFIRMED
	2027-03-31T01:00:00Z 2027-03-31T08:00:00Z $w3 night CONFIRMED
	2027-04-01T01:00:00Z 2027-04-01T08:00:00Z $w3 night CONFIRMED
	2027-04-02T01:00:00Z 2027-04-02T08:00:00Z $w3 night CONFIRMED
	2027-04-03T01:00:00Z 2027-04-05T09:00:00Z $w3 night CONFIRMED
	WANT
}

test_expect_success 'an event per window: the same instants in python3-icalendar, khal and calcurse' '
	night && out_of_hours && windows &&
	rota feed export --rotation night >night.ics &&
	grep -q "^DTSTART;TZID=Europe/Dublin:20270327T010000" night.ics &&
	grep -q "^DTEND;TZID=Europe/Dublin:20270329T090000" night.ics &&
	grep -q "^DTEND;TZID=Europe/Dublin:20270405T100000" night.ics &&
	$FEED_PY ics night.ics >got.txt &&
	diff -u want.txt got.txt &&
	schedule_as_khal >want-clients.txt &&
	khal_lines night.ics >got-khal.txt &&
	diff -u want-clients.txt got-khal.txt &&
	calcurse_lines night.ics 15 >got-cc.txt &&
	diff -u want-clients.txt got-cc.txt &&
	sed -n "s|^\([0-9/]*\) @ \([0-9:]*\) .* !On call.*|\1 \2|p" cc/apts | sort >got.txt &&
	expect_file "03/16/2027 01:00
03/23/2027 01:00
03/30/2027 01:00" got.txt &&
	rota feed export --person $w2 >mine.ics &&
	$FEED_PY ics mine.ics >got.txt &&
	grep " $w2 " want.txt | diff -u - got.txt
'

test_expect_success 'alarms before the first window of each week, none at the handoff in office hours' '
	night && out_of_hours &&
	rota feed export --rotation night >night.ics &&
	$FEED_PY alarms night.ics >got.txt &&
	expect_file "2027-03-16T01:00:00Z 30
2027-03-23T01:00:00Z 30
2027-03-30T01:00:00Z 30" got.txt &&
	test "$(grep -c "^BEGIN:VALARM" night.ics)" = 3
'

test_expect_success 'a window'"'"'s UID is its week'"'"'s and its start; its SEQUENCE its part'"'"'s' '
	night && out_of_hours &&
	uid=$(week_uid 2027-03-15T10:00:00Z) && w1=$(holder 2027-03-15T10:00:00Z) &&
	rota feed export --rotation night >night.ics &&
	test "$($FEED_PY uid night.ics $uid-20270320T010000Z-oncall@rota)" = "$w1 0 CONFIRMED" &&
	sed -n "/^UID:$uid-20270320T010000Z-oncall@rota/,/^END:VEVENT/p" night.ics >event &&
	grep -q "^DTSTART;TZID=Europe/Dublin:20270320T010000" event &&
	grep -q "^DTEND;TZID=Europe/Dublin:20270322T090000" event &&
	grep -q "^DESCRIPTION:$w1 is primary on call (night) out of hours: in business hours" event &&
	! grep -q "^UID:$uid@rota" night.ics
'

test_expect_success 'a night of the week covered: the other windows keep their UIDs' '
	night && out_of_hours &&
	w2=$(holder 2027-03-22T10:00:00Z) && uid=$(week_uid 2027-03-22T10:00:00Z) &&
	other=$(sqlite3 rota.db "SELECT handle FROM persons WHERE handle <> \"$w2\" LIMIT 1") &&
	rota feed export --person $w2 >before.ics &&
	rota override --force --rotation night --from 2027-03-24T03:00:00Z \
		--to 2027-03-24T05:00:00Z $other >/dev/null &&
	rota feed export --person $w2 >after.ics &&
	$FEED_PY ics after.ics | grep "^2027-03-2[2-9]" >got.txt &&
	expect_file "2027-03-23T01:00:00Z 2027-03-23T09:00:00Z $w2 night CONFIRMED
2027-03-24T01:00:00Z 2027-03-24T03:00:00Z $w2 night CONFIRMED
2027-03-24T05:00:00Z 2027-03-24T09:00:00Z $w2 night CONFIRMED
2027-03-25T01:00:00Z 2027-03-25T09:00:00Z $w2 night CONFIRMED
2027-03-26T01:00:00Z 2027-03-26T09:00:00Z $w2 night CONFIRMED
2027-03-27T01:00:00Z 2027-03-29T08:00:00Z $w2 night CONFIRMED" got.txt &&
	for t in 20270323T010000Z 20270324T010000Z 20270325T010000Z 20270326T010000Z \
		20270327T010000Z; do
		grep -q "^UID:$uid-$t-oncall@rota" before.ics &&
		grep -q "^UID:$uid-$t-oncall@rota" after.ics || exit 1
	done &&
	grep -q "^UID:$uid-20270324T050000Z-oncall@rota" after.ics &&
	$FEED_PY alarms after.ics | grep "^2027-03-2" >got.txt &&
	expect_file "2027-03-23T01:00:00Z 30
2027-03-24T05:00:00Z 30" got.txt &&
	rota feed export --person $other >other.ics &&
	test "$($FEED_PY uid other.ics $uid-20270324T030000Z-oncall@rota)" = "$other 0 CONFIRMED" &&
	$FEED_PY alarms other.ics | grep -q "^2027-03-24T03:00:00Z 30\$"
'

test_expect_success 'a part given away: its windows CANCELLED in the giver'"'"'s feed, with the UIDs the taker has' '
	night && out_of_hours &&
	w1=$(holder 2027-03-15T10:00:00Z) && uid=$(week_uid 2027-03-15T10:00:00Z) &&
	id=$(sqlite3 rota.db "SELECT id FROM shifts WHERE uid = \"$uid@rota\"") &&
	other=$(sqlite3 rota.db "SELECT handle FROM persons WHERE handle NOT IN (\"$w1\",
		\"$(holder 2027-03-22T10:00:00Z)\") LIMIT 1") &&
	ROTA_NOW=2027-02-21T08:00:00Z rota override --force $id $other >/dev/null &&
	rota feed export --person $w1 >giver.ics &&
	$FEED_PY ics giver.ics | grep "^2027-03-1" >got.txt &&
	expect_file "2027-03-16T01:00:00Z 2027-03-16T09:00:00Z $w1 night CANCELLED
2027-03-17T01:00:00Z 2027-03-17T16:00:00Z $w1 night CANCELLED
2027-03-18T01:00:00Z 2027-03-18T09:00:00Z $w1 night CANCELLED
2027-03-19T01:00:00Z 2027-03-19T09:00:00Z $w1 night CANCELLED" got.txt &&
	test "$($FEED_PY uid giver.ics $uid-20270320T010000Z-oncall@rota)" = "$w1 1 CANCELLED" &&
	rota feed export --person $other >taker.ics &&
	test "$($FEED_PY uid taker.ics $uid-20270320T010000Z-oncall@rota)" = "$other 1 CONFIRMED" &&
	khal_lines giver.ics | grep -c "CANCELLED\$" >n && test "$(cat n)" = 5
'

test_expect_success 'an unchanged out-of-hours schedule publishes the same bytes at another time' '
	night && out_of_hours &&
	rota publish --dir one >/dev/null &&
	ROTA_NOW=2027-02-23T08:34:56Z rota publish --dir two >/dev/null &&
	(cd one && ls *.ics) >files && test $(wc -l <files) = 5 &&
	for f in $(cat files); do cmp one/$f two/$f || exit 1; done &&
	test "$(grep -c "^BEGIN:VEVENT" one/night.ics)" = 15
'

# on_call_now DIR: the cells of the index's "On call now" table in DIR.
on_call_now() {
	sed -n "/On call now/,/<\/table>/p" $1/index.html | grep "^<td>" | sed "s/<[^>]*>//g"
}

test_expect_success 'the index names the service owners in office hours, as rota now does' '
	night && out_of_hours && w1=$(holder 2027-03-15T10:00:00Z) &&
	ROTA_NOW=2027-03-16T11:00:00Z rota publish --dir day >/dev/null &&
	on_call_now day >got.txt &&
	expect_file "night
primary
in hours: service owners
Tue 2027-03-16 09:00
Wed 2027-03-17 01:00
Europe/Dublin" got.txt &&
	ROTA_NOW=2027-03-16T11:00:00Z rota now >now.txt &&
	grep -q "^night  *primary  *in hours: service owners  *Wed 2027-03-17 01:00" now.txt &&
	ROTA_NOW=2027-03-16T03:00:00Z rota publish --dir night >/dev/null &&
	on_call_now night >got.txt &&
	expect_file "night
primary
$w1
Tue 2027-03-16 01:00
Tue 2027-03-16 09:00
Europe/Dublin" got.txt
'

test_expect_success 'covering every hour again, the feeds are byte for byte what they were' '
	night &&
	rota feed export --rotation night >always.ics &&
	rota feed export --person ana >ana.ics &&
	test "$(grep -c "^BEGIN:VEVENT" always.ics)" = 3 &&
	out_of_hours &&
	rota feed export --rotation night >ooh.ics &&
	! cmp -s always.ics ooh.ics &&
	rota rotation set night --covers always >/dev/null &&
	rota feed export --rotation night >again.ics &&
	cmp always.ics again.ics &&
	rota feed export --person ana >ana-again.ics &&
	cmp ana.ics ana-again.ics
'

test_done
