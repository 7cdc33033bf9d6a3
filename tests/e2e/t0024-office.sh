#!/bin/sh
# rota office: add and list.
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"

test_expect_success 'add offices, then list them with people and holidays' '
	expect_status 0 rota office add Dublin --tz Europe/Dublin &&
	expect_file "Office:                  Dublin
Time zone:               Europe/Dublin
Business hours:          Mon-Fri 09:00-18:00" out &&
	expect_status 0 rota --json office add "San Francisco" --tz America/Los_Angeles --hours "Mon-Fri 08:30-17:30" &&
	test "$(json "j[\"name\"], j[\"tz\"], j[\"hours\"]")" = "San Francisco America/Los_Angeles Mon-Fri 08:30-17:30" &&
	rota person add ana --name Ana --email ana@example.com --tz Europe/Dublin --office Dublin >/dev/null &&
	rota person add cy --name Cy --email cy@example.com --tz Europe/Dublin --office Dublin >/dev/null &&
	rota holiday add Dublin 2027-03-17 >/dev/null &&
	rota holiday add Dublin 2027-12-25 >/dev/null &&
	rota holiday add Dublin 2026-12-25 >/dev/null &&
	rota holiday add Dublin 2028-01-01 >/dev/null &&
	expect_status 0 rota office list &&
	expect_file "OFFICE         ZONE                 HOURS                PEOPLE  HOLIDAYS THIS YEAR
Dublin         Europe/Dublin        Mon-Fri 09:00-18:00  2       2
San Francisco  America/Los_Angeles  Mon-Fri 08:30-17:30  0       0" out &&
	expect_status 0 rota --json office list &&
	test "$(json "[(o[\"name\"], o[\"people\"], o[\"holidays_this_year\"]) for o in j]")" = \
		"[('"'"'Dublin'"'"', 2, 2), ('"'"'San Francisco'"'"', 0, 0)]"
'

test_expect_success 'this year is the office'"'"'s own year' '
	rota office add Sydney --tz Australia/Sydney >/dev/null &&
	rota holiday add Sydney 2027-01-01 >/dev/null &&
	ROTA_NOW=2026-12-31T14:00:00Z expect_status 0 rota --json office list &&
	test "$(json "j[0][\"holidays_this_year\"]")" = 1 &&
	ROTA_NOW=2026-12-31T12:00:00Z expect_status 0 rota --json office list &&
	test "$(json "j[0][\"holidays_this_year\"]")" = 0
'

test_expect_success 'office add is audited' '
	rota office add Dublin --tz Europe/Dublin --hours "Mon-Thu 10:00-16:00" >/dev/null &&
	test "$(sqlite3 rota.db "SELECT actor, action, object, after FROM audit_events")" = \
		"root|office.add|Dublin|{\"name\":\"Dublin\",\"tz\":\"Europe/Dublin\",\"hours\":\"Mon-Thu 10:00-16:00\"}"
'

test_expect_success 'bad input is refused and changes nothing' '
	rota office add Dublin --tz Europe/Dublin >/dev/null &&
	expect_unchanged 65 rota office add Dublin --tz UTC &&
	expect_err "office '"'"'Dublin'"'"' already exists" &&
	expect_unchanged 64 rota office add Cork --tz Europe/Cork &&
	expect_err "--tz: unknown time zone '"'"'Europe/Cork'"'"'" &&
	expect_unchanged 64 rota office add Cork --tz Europe/Dublin --hours "weekdays" &&
	expect_err "--hours: '"'"'weekdays'"'"' is not business hours" &&
	expect_unchanged 64 rota office add Cork --tz Europe/Dublin --hours "Mon-Fri 18:00-09:00" &&
	expect_unchanged 64 rota office add Cork --tz Europe/Dublin --hours "Mon-Fry 09:00-18:00" &&
	expect_unchanged 64 rota office add Cork &&
	expect_err "--tz is required" &&
	expect_unchanged 64 rota office add --tz UTC &&
	expect_err "office add takes one NAME" &&
	expect_unchanged 64 rota office list extra
'

test_expect_success 'office add is for managers only' '
	rota person add ana --name Ana --email ana@example.com --tz UTC >/dev/null &&
	rota person add boss --name Boss --email boss@example.com --tz UTC --manager >/dev/null &&
	expect_unchanged 77 rota --as ana office add Cork --tz Europe/Dublin &&
	expect_err "office add: managers only (you are root as ana)"
'

test_expect_success 'office commands have --help' '
	expect_status 0 rota office add --help && expect_out "--hours SPEC" &&
	expect_status 0 rota office list --help && expect_out "usage: rota office list"
'

test_done
