#!/bin/sh
# The published folder served by nginx on loopback: subscribers fetch the
# feeds with curl and read them with python3-icalendar; after a swap and a
# re-publish the same UID has the new person and a higher SEQUENCE.
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"
. "$ROTA_SRCDIR/tests/e2e/lib-feed.sh"
. "$ROTA_SRCDIR/tests/e2e/lib-nginx.sh"

# fetch PATH FILE: GETs http://127.0.0.1:$PORT/PATH into FILE; prints the
# status and content type.
fetch() {
	curl -s -o "$2" -w "%{http_code} %{content_type}\n" "http://127.0.0.1:$PORT/$1"
}

test_expect_success 'curl fetches every feed from nginx; python3-icalendar reads the schedule' '
	feed_team &&
	rota publish --dir pub >/dev/null &&
	nginx_start "$PWD/pub" &&
	test "$(fetch ops.ics ops.ics)" = "200 text/calendar" &&
	same_as_schedule ops.ics --rotation ops &&
	test "$(fetch esc.ics esc.ics)" = "200 text/calendar" &&
	same_as_schedule esc.ics --rotation esc &&
	for h in ana dan mo; do
		test "$(fetch $(token $h).ics $h.ics)" = "200 text/calendar" &&
		same_as_schedule $h.ics --person $h || exit 1
	done &&
	test "$(fetch "" index)" = "200 text/html" && grep -q "<h1>On call</h1>" index &&
	test "$(fetch 0123456789abcdef0123456789abcdef.ics none | cut -d" " -f1)" = 404
'

test_expect_success 'after a swap and a re-publish: same UID, new person, higher SEQUENCE; CANCELLED for the one who gave it' '
	feed_team &&
	rota person add zed --name Zed --email zed@example.com --tz Europe/Dublin >/dev/null &&
	rota volunteer join h1 zed >/dev/null &&
	rota publish --dir pub >/dev/null &&
	nginx_start "$PWD/pub" &&
	uid=$(sqlite3 rota.db "SELECT uid FROM shifts WHERE id = 2") &&
	fetch ops.ics ops.ics >/dev/null &&
	test "$($FEED_PY uid ops.ics $uid)" = "ana 0 CONFIRMED" &&
	fetch $(token ana).ics ana.ics >/dev/null && test "$($FEED_PY count ana.ics)" = 2 &&
	rota --as ana swap request 2 --with zed >/dev/null &&
	rota --as zed swap accept 1 >/dev/null &&
	rota publish --dir pub >/dev/null &&
	fetch ops.ics ops.ics >/dev/null &&
	test "$($FEED_PY uid ops.ics $uid)" = "zed 1 CONFIRMED" &&
	same_as_schedule ops.ics --rotation ops &&
	fetch $(token zed).ics zed.ics >/dev/null &&
	test "$($FEED_PY uid zed.ics $uid)" = "zed 1 CONFIRMED" &&
	fetch $(token ana).ics ana.ics >/dev/null && test "$($FEED_PY count ana.ics)" = 2 &&
	test "$($FEED_PY uid ana.ics $uid)" = "ana 1 CANCELLED" &&
	rota override 2 cy --force >/dev/null 2>&1 &&
	rota publish --dir pub >/dev/null &&
	fetch ops.ics ops.ics >/dev/null &&
	test "$($FEED_PY uid ops.ics $uid)" = "cy 2 CONFIRMED" &&
	fetch $(token zed).ics zed.ics >/dev/null &&
	test "$($FEED_PY uid zed.ics $uid)" = "zed 2 CANCELLED"
'

test_expect_success 'a shift that no longer exists is CANCELLED with a raised SEQUENCE' '
	feed_team &&
	rota publish --dir pub >/dev/null &&
	nginx_start "$PWD/pub" &&
	uid=$(sqlite3 rota.db "SELECT uid FROM shifts WHERE id = 4") &&
	sqlite3 rota.db "UPDATE shifts SET cancelled_at = 1, sequence = sequence + 1 WHERE id = 4" &&
	rota publish --dir pub >/dev/null &&
	fetch ops.ics ops.ics >/dev/null &&
	test "$($FEED_PY uid ops.ics $uid)" = "cy 1 CANCELLED" &&
	fetch $(token cy).ics cy.ics >/dev/null &&
	test "$($FEED_PY uid cy.ics $uid)" = "cy 1 CANCELLED"
'

test_expect_success 'a rotated token: the old address is gone after the next publish' '
	feed_team &&
	rota publish --dir pub >/dev/null &&
	nginx_start "$PWD/pub" &&
	old=$(token ana) &&
	test "$(fetch $old.ics a.ics | cut -d" " -f1)" = 200 &&
	rota --as ana feed rotate-token >/dev/null &&
	rota publish --dir pub >/dev/null &&
	test "$(fetch $old.ics a.ics | cut -d" " -f1)" = 404 &&
	test "$(fetch $(token ana).ics a.ics)" = "200 text/calendar" &&
	same_as_schedule a.ics --person ana
'

test_done
