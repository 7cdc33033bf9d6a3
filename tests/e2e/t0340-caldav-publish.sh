#!/bin/sh
# rota publish --caldav: the schedule put into a CalDAV collection
# (Radicale on loopback, htpasswd authentication), one event per shift,
# kept in step with the schedule on every publish.
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"
. "$ROTA_SRCDIR/tests/e2e/lib-caldav.sh"

radicale_start || { echo "Bail out! Radicale did not start"; exit 1; }

test_expect_success 'the first publish puts one event per shift' '
	setup &&
	expect_status 0 rota publish --caldav "$COLL" &&
	expect_file "put 12, updated 0, deleted 0, unchanged 0" out &&
	{ test ! -s err || { cat err; false; }; } &&
	events >got && schedule_events >want && test "$(wc -l <want)" = 12 &&
	expect_file "$(cat want)" got &&
	grep -q "^ops-h1-2|0|cy|1800266400|1800871200\$" got &&
	caldav_state >state && test "$(wc -l <state)" = 12 &&
	! grep -v "|0|1\$" state &&
	ls "$COLL_DIR" | grep -qx "ops-h1-2.ics"
'

test_expect_success 'publishing again puts nothing' '
	setup &&
	rota publish --caldav "$COLL" >/dev/null &&
	stamps >before && db_dump >db-before &&
	expect_status 0 rota publish --caldav "$COLL" &&
	expect_file "put 0, updated 0, deleted 0, unchanged 12" out &&
	stamps >after && cmp before after &&
	db_dump >db-after && cmp db-before db-after
'

test_expect_success 'after a swap the same UID has the new person and a higher SEQUENCE, alone re-put' '
	setup &&
	rota publish --caldav "$COLL" >/dev/null &&
	stamps >before &&
	rota --as cy swap request 3 --with ana >/dev/null &&
	rota --as ana swap accept 1 >/dev/null &&
	expect_status 0 rota publish --caldav "$COLL" &&
	expect_file "put 0, updated 1, deleted 0, unchanged 11" out &&
	events >got && schedule_events >want && expect_file "$(cat want)" got &&
	grep -q "^ops-h1-2|1|ana|1800266400|1800871200\$" got &&
	stamps >after && { diff before after >changed; test $? = 1; } &&
	test "$(grep -c "^[<>]" changed)" = 2 && grep -q "^> ops-h1-2.ics " changed &&
	test "$(sqlite3 rota.db "SELECT sequence FROM caldav_events WHERE uid = '"'ops-h1-2'"'")" = 1
'

test_expect_success 'a cancelled shift has its event deleted' '
	setup &&
	rota publish --caldav "$COLL" >/dev/null &&
	sqlite3 rota.db "UPDATE shifts SET cancelled_at = 1, sequence = sequence + 1 WHERE id = 4" &&
	expect_status 0 rota publish --caldav "$COLL" &&
	expect_file "put 0, updated 0, deleted 1, unchanged 11" out &&
	events >got && schedule_events >want && test "$(wc -l <want)" = 11 &&
	expect_file "$(cat want)" got &&
	! grep -q "^ops-h1-3|" got && test ! -e "$COLL_DIR/ops-h1-3.ics" &&
	test -z "$(sqlite3 rota.db "SELECT uid FROM caldav_events WHERE uid = '"'ops-h1-3'"'")" &&
	expect_status 0 rota publish --caldav "$COLL" &&
	expect_file "put 0, updated 0, deleted 0, unchanged 11" out
'

test_expect_success 'parts: the later part is put, the first updated; merged back, the later part is deleted' '
	setup &&
	rota publish --caldav "$COLL" >/dev/null &&
	rota override --from 2027-01-21T18:00:00Z dee >/dev/null &&
	expect_status 0 rota publish --caldav "$COLL" &&
	expect_file "put 1, updated 1, deleted 0, unchanged 11" out &&
	events >got && schedule_events >want && test "$(wc -l <want)" = 13 &&
	expect_file "$(cat want)" got &&
	grep -q "^ops-h1-2|1|cy|1800266400|1800554400\$" got &&
	part=$(sqlite3 rota.db "SELECT uid FROM shifts WHERE start_at = 1800554400") &&
	grep -q "^$part|0|dee|1800554400|1800871200\$" got &&
	rota override --from 2027-01-21T18:00:00Z cy >/dev/null &&
	expect_status 0 rota publish --caldav "$COLL" &&
	expect_file "put 0, updated 1, deleted 1, unchanged 11" out &&
	events >got && schedule_events >want && test "$(wc -l <want)" = 12 &&
	expect_file "$(cat want)" got &&
	grep -q "^ops-h1-2|2|cy|1800266400|1800871200\$" got
'

test_expect_success 'out of hours: an event per on-call window, as in the feed; every hour again, per shift' '
	setup &&
	rota office add Dublin --tz Europe/Dublin >/dev/null &&
	rota rotation set ops --covers out-of-hours --offices Dublin >/dev/null &&
	expect_status 0 rota publish --caldav "$COLL" &&
	rota feed export --rotation ops >ops.ics &&
	/usr/bin/python3 "$ROTA_SRCDIR/tests/e2e/feed.py" resources ops.ics >want &&
	n=$(wc -l <want) && test $n -gt 12 &&
	events >all && grep -- "-oncall@rota|" all >got && expect_file "$(cat want)" got &&
	grep -v -- "-oncall@rota|" all >esc && test "$(grep -c "|mo|" esc)" = 6 &&
	expect_status 0 rota publish --caldav "$COLL" &&
	expect_file "put 0, updated 0, deleted 0, unchanged $((n + 6))" out &&
	rota rotation set ops --covers always >/dev/null &&
	expect_status 0 rota publish --caldav "$COLL" &&
	expect_file "put 6, updated 0, deleted $n, unchanged 6" out &&
	events >got && schedule_events >want && expect_file "$(cat want)" got
'

test_expect_success 'a shift that no longer exists has its event deleted' '
	setup &&
	rota publish --caldav "$COLL" >/dev/null &&
	sqlite3 rota.db "DELETE FROM swaps; DELETE FROM shifts WHERE id = 6" &&
	expect_status 0 rota publish --caldav "$COLL" &&
	expect_file "put 0, updated 0, deleted 1, unchanged 11" out &&
	events >got && schedule_events >want && expect_file "$(cat want)" got
'

test_expect_success 'past shifts that left the window stay; the window is [feed] history_weeks' '
	setup "[feed]" "history_weeks = 1" &&
	rota publish --caldav "$COLL" >/dev/null &&
	ROTA_NOW=2027-02-10T12:00:00Z expect_status 0 rota publish --caldav "$COLL" &&
	expect_file "put 0, updated 0, deleted 0, unchanged 4" out &&
	events >got && test "$(wc -l <got)" = 12
'

test_expect_success 'out of hours: past windows that left the window stay, as past shifts do' '
	setup "[feed]" "history_weeks = 1" &&
	rota office add Dublin --tz Europe/Dublin >/dev/null &&
	rota rotation set ops --covers out-of-hours --offices Dublin >/dev/null &&
	rota publish --caldav "$COLL" >/dev/null &&
	events >before &&
	ROTA_NOW=2027-02-10T12:00:00Z expect_status 0 rota publish --caldav "$COLL" &&
	grep -q "^put 0, updated 0, deleted 0, unchanged [0-9]*\$" out &&
	events >after && cmp before after
'

test_expect_success 'a later publish of a younger database puts only the window' '
	setup "[feed]" "history_weeks = 1" &&
	ROTA_NOW=2027-02-10T12:00:00Z expect_status 0 rota publish --caldav "$COLL" &&
	expect_file "put 4, updated 0, deleted 0, unchanged 0" out &&
	events >got && schedule_events 1801656000 >want && expect_file "$(cat want)" got
'

test_expect_success 'an event edited on the server is put back, with a warning' '
	setup &&
	rota publish --caldav "$COLL" >/dev/null &&
	curl -s -u "ops:$CALDAV_PW" "${COLL}ops-h1-0.ics" | sed "s/^SUMMARY:.*/SUMMARY:On call: ops \\xe2\\x80\\x94 mallory\\r/" >edited.ics &&
	grep -q mallory edited.ics &&
	test "$(curl -s -o /dev/null -w "%{http_code}" -u "ops:$CALDAV_PW" -X PUT \
		-H "Content-Type: text/calendar" --data-binary @edited.ics "${COLL}ops-h1-0.ics")" = 201 &&
	events | grep -q "^ops-h1-0|0|mallory|" &&
	expect_status 0 rota publish --caldav "$COLL" &&
	expect_file "put 0, updated 1, deleted 0, unchanged 11" out &&
	expect_err "rota: warning: the event ops-h1-0 was changed on the CalDAV server; rota'"'"'s version replaces it" &&
	events >got && schedule_events >want && expect_file "$(cat want)" got
'

test_expect_success 'an event deleted on the server is put again' '
	setup &&
	rota publish --caldav "$COLL" >/dev/null &&
	test "$(curl -s -o /dev/null -w "%{http_code}" -u "ops:$CALDAV_PW" -X DELETE "${COLL}ops-h1-5.ics")" = 200 &&
	expect_status 0 rota publish --caldav "$COLL" &&
	expect_file "put 1, updated 0, deleted 0, unchanged 11" out &&
	events >got && schedule_events >want && expect_file "$(cat want)" got
'

test_expect_success 'events of another client are left alone' '
	setup &&
	printf "BEGIN:VCALENDAR\\r\\nVERSION:2.0\\r\\nPRODID:-//other//EN\\r\\nBEGIN:VEVENT\\r\\nUID:party@example.com\\r\\nDTSTAMP:20270101T000000Z\\r\\nDTSTART:20270105T180000Z\\r\\nDTEND:20270105T200000Z\\r\\nSUMMARY:Team party \\342\\200\\224 all\\r\\nEND:VEVENT\\r\\nEND:VCALENDAR\\r\\n" >party.ics &&
	test "$(curl -s -o /dev/null -w "%{http_code}" -u "ops:$CALDAV_PW" -X PUT \
		-H "Content-Type: text/calendar" --data-binary @party.ics "${COLL}party.ics")" = 201 &&
	expect_status 0 rota publish --caldav "$COLL" &&
	expect_file "put 12, updated 0, deleted 0, unchanged 0" out &&
	expect_status 0 rota publish --caldav "$COLL" &&
	expect_file "put 0, updated 0, deleted 0, unchanged 12" out &&
	events >got && grep -q "^party@example.com|0|all|" got && test "$(wc -l <got)" = 13
'

test_expect_success 'the password may come from ROTA_CALDAV_PASSWORD; --json gives the counts' '
	schedule && collection &&
	printf "[caldav]\\nusername = ops\\n" >rota.conf &&
	ROTA_CALDAV_PASSWORD=$CALDAV_PW expect_status 0 rota --config rota.conf --json publish --caldav "$COLL" &&
	test "$(json "[j[k] for k in (\"put\", \"updated\", \"deleted\", \"unchanged\", \"conflicts\")]")" = "[12, 0, 0, 0, 0]" &&
	test "$(json "j[\"collection\"]")" = "$COLL" &&
	! grep -q "$CALDAV_PW" out err
'

test_expect_success 'the collection URL may lack its final slash' '
	setup &&
	expect_status 0 rota publish --caldav "${COLL%/}" &&
	expect_file "put 12, updated 0, deleted 0, unchanged 0" out &&
	expect_status 0 rota publish --caldav "$COLL" &&
	expect_file "put 0, updated 0, deleted 0, unchanged 12" out
'

test_done
