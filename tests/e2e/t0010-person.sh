#!/bin/sh
# rota person: add, list, show, set, remove.
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"

test_expect_success 'add then list and show a person' '
	expect_status 0 rota person add ana --name "Ana Lopez" --email ana@example.com --tz Europe/Dublin &&
	expect_out "Ana Lopez" &&
	rota person add bo --name "Bo Chen" --email bo@example.com --tz America/Los_Angeles --manager >/dev/null &&
	expect_status 0 rota person list &&
	expect_file "HANDLE  NAME       EMAIL            ZONE                 OFFICE  MANAGER
ana     Ana Lopez  ana@example.com  Europe/Dublin        -       no
bo      Bo Chen    bo@example.com   America/Los_Angeles  -       yes" out &&
	expect_status 0 rota --json person show bo &&
	test "$(json "j[\"tz\"], j[\"manager\"], j[\"sleep\"]")" = "America/Los_Angeles True 22:00-07:00"
'

test_expect_success 'person add is audited' '
	rota person add ana --name Ana --email ana@example.com --tz UTC >/dev/null &&
	test "$(sqlite3 rota.db "SELECT actor, action, object FROM audit_events")" = "root|person.add|ana"
'

test_expect_success 'bad input is refused and changes nothing' '
	rota person add ana --name Ana --email ana@example.com --tz UTC >/dev/null &&
	expect_unchanged 65 rota person add ana --name Ana2 --email a2@example.com --tz UTC &&
	expect_err "person '"'"'ana'"'"' already exists" &&
	expect_unchanged 64 rota person add cy --name Cy --email cy@example.com --tz Mars/Olympus &&
	expect_err "unknown time zone '"'"'Mars/Olympus'"'"'" &&
	expect_unchanged 64 rota person add cy --name Cy --email not-an-email --tz UTC &&
	expect_err "is not an email address" &&
	expect_unchanged 64 rota person add "c y" --name Cy --email cy@example.com --tz UTC &&
	expect_err "bad handle" &&
	expect_unchanged 64 rota person add cy --name Cy --tz UTC &&
	expect_err "required" &&
	expect_unchanged 65 rota person add cy --name Cy --email cy@example.com --tz UTC --office Nowhere &&
	expect_err "unknown office '"'"'Nowhere'"'"'" &&
	expect_unchanged 64 rota person add cy --name Cy --email cy@example.com --tz UTC --sleep 25:00-07:00 &&
	expect_unchanged 65 rota person show nobody && expect_err "unknown person '"'"'nobody'"'"'"
'

test_expect_success 'person set changes details and records before and after' '
	rota person add ana --name Ana --email ana@example.com --tz UTC >/dev/null &&
	expect_status 0 rota person set ana --tz Asia/Kolkata --sleep 23:30-06:30 &&
	expect_out "Asia/Kolkata" && expect_out "23:30-06:30" &&
	sqlite3 rota.db "SELECT before, after FROM audit_events WHERE action = '"'"'person.set'"'"'" >audit &&
	grep -F "\"tz\":\"UTC\"" audit && grep -F "\"tz\":\"Asia/Kolkata\"" audit &&
	expect_unchanged 64 rota person set ana &&
	expect_err "nothing to change"
'

test_expect_success 'person remove frees the handle and keeps history' '
	rota person add ana --name Ana --email ana@example.com --tz UTC >/dev/null &&
	expect_status 0 rota person remove ana &&
	expect_status 0 rota person list && expect_out "No people yet" &&
	expect_status 0 rota person add ana --name "Ana Again" --email ana@example.com --tz UTC &&
	test "$(sqlite3 rota.db "SELECT count(*) FROM persons")" = 2
'

test_expect_success 'anyone may set up a database until it has a manager' '
	rota person add ana --name Ana --email ana@example.com --tz UTC >/dev/null &&
	expect_status 0 rota --as ana person add bo --name Bo --email bo@example.com --tz UTC &&
	expect_status 0 rota --as ana person add mia --name Mia --email mia@example.com --tz UTC --manager &&
	expect_unchanged 77 rota --as ana person add cy --name Cy --email cy@example.com --tz UTC &&
	expect_err "person add: managers only (you are root as ana)" &&
	expect_status 0 rota --as mia person add cy --name Cy --email cy@example.com --tz UTC
'

test_done
