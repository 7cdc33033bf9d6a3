#!/bin/sh
# rota leave: add, list, remove.
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"

team() {
	rota person add ana --name Ana --email ana@example.com --tz Europe/Dublin >/dev/null &&
	rota person add bo --name Bo --email bo@example.com --tz America/Los_Angeles >/dev/null &&
	rota person add mo --name Mo --email mo@example.com --tz Australia/Sydney --manager >/dev/null
}

# leaves: every leave as "handle|start|end|reason" in UTC seconds.
leaves() {
	sqlite3 rota.db "SELECT p.handle, datetime(l.start_at, 'unixepoch'), datetime(l.end_at, 'unixepoch'), l.reason
		FROM leave l JOIN persons p ON p.id = l.person_id ORDER BY l.id"
}

test_expect_success 'dates are whole days in the person'"'"'s zone, both ends included' '
	team &&
	expect_status 0 rota leave add ana 2027-05-01 2027-05-31 --reason holiday &&
	expect_file "Leave:                   1
Person:                  ana
From:                    Sat 2027-05-01
To:                      Mon 2027-05-31
Time zone:               Europe/Dublin
Reason:                  holiday" out &&
	expect_status 0 rota --json leave add bo 2027-05-01 2027-05-01 &&
	test "$(json "j[\"id\"], j[\"start\"], j[\"end\"], j[\"first_day\"], j[\"last_day\"], j[\"tz\"]")" = \
		"2 2027-05-01T07:00:00Z 2027-05-02T07:00:00Z 2027-05-01 2027-05-01 America/Los_Angeles" &&
	test "$(leaves)" = "ana|2027-04-30 23:00:00|2027-05-31 23:00:00|holiday
bo|2027-05-01 07:00:00|2027-05-02 07:00:00|"
'

test_expect_success 'leave across the March change is 47 hours' '
	team &&
	rota leave add ana 2027-03-27 2027-03-28 >/dev/null &&
	test "$(leaves)" = "ana|2027-03-27 00:00:00|2027-03-28 23:00:00|" &&
	rota leave add mo 2027-04-03 2027-04-04 >/dev/null &&
	test "$(sqlite3 rota.db "SELECT (end_at - start_at) / 3600 FROM leave WHERE id = 2")" = 49
'

test_expect_success 'full ISO 8601 times are instants' '
	team &&
	expect_status 0 rota leave add bo 2027-06-01T08:00:00Z 2027-06-01T17:30:00+01:00 &&
	rota leave add ana 2027-06-01T09:00 2027-06-01T13:00 >/dev/null &&
	test "$(leaves)" = "bo|2027-06-01 08:00:00|2027-06-01 16:30:00|
ana|2027-06-01 08:00:00|2027-06-01 12:00:00|"
'

test_expect_success 'a volunteer records their own leave; a manager anyone'"'"'s' '
	team &&
	expect_status 0 rota --as ana leave add 2027-05-01 2027-05-02 --reason "dentist, then rest" &&
	expect_status 0 rota --as mo leave add bo 2027-05-01 2027-05-02 &&
	test "$(sqlite3 rota.db "SELECT actor, action, object, after FROM audit_events WHERE action = '"'"'leave.add'"'"'")" = \
		"root as ana|leave.add|leave 1|{\"id\":1,\"person\":\"ana\",\"first_day\":\"2027-05-01\",\"last_day\":\"2027-05-02\",\"start\":\"2027-04-30T23:00:00Z\",\"end\":\"2027-05-02T23:00:00Z\",\"reason\":\"dentist, then rest\"}
root as mo|leave.add|leave 2|{\"id\":2,\"person\":\"bo\",\"first_day\":\"2027-05-01\",\"last_day\":\"2027-05-02\",\"start\":\"2027-05-01T07:00:00Z\",\"end\":\"2027-05-03T07:00:00Z\",\"reason\":\"\"}" &&
	expect_unchanged 77 rota --as ana leave add bo 2027-07-01 2027-07-02 &&
	expect_err "leave add for someone else: managers only (you are root as ana)" &&
	expect_unchanged 77 rota leave add 2027-07-01 2027-07-02 &&
	expect_err "you (root) are not a person in rota"
'

test_expect_success 'overlapping leave is refused, naming the other' '
	team &&
	rota leave add ana 2027-05-01 2027-05-31 --reason holiday >/dev/null &&
	expect_unchanged 65 rota leave add ana 2027-05-31 2027-06-02 &&
	expect_err "this leave overlaps leave 1 of ana (from Sat 2027-05-01 to Mon 2027-05-31, holiday); remove that first (rota leave remove 1)" &&
	expect_unchanged 65 rota leave add ana 2027-04-01 2027-06-30 &&
	expect_unchanged 65 rota leave add ana 2027-05-31T23:59:59+01:00 2027-06-01T12:00:00+01:00 &&
	expect_status 0 rota leave add ana 2027-06-01 2027-06-01 &&
	expect_status 0 rota leave add ana 2027-04-30T12:00:00+01:00 2027-05-01T00:00:00+01:00 &&
	expect_status 0 rota leave add bo 2027-05-10 2027-05-12
'

test_expect_success 'bad input is refused and changes nothing' '
	team &&
	expect_unchanged 64 rota leave add ana 2027-05-31 2027-05-01 &&
	expect_err "TO (2027-05-01) is before FROM (2027-05-31)" &&
	expect_unchanged 64 rota leave add ana 2027-05-01T10:00:00Z 2027-05-01T10:00:00Z &&
	expect_err "is empty" &&
	expect_unchanged 64 rota leave add ana 2027-02-29 2027-03-01 &&
	expect_err "FROM: bad date '"'"'2027-02-29'"'"'" &&
	expect_unchanged 64 rota leave add ana 2027-03-01 soon &&
	expect_err "TO: bad date '"'"'soon'"'"'" &&
	expect_unchanged 65 rota leave add zed 2027-03-01 2027-03-02 &&
	expect_err "unknown person '"'"'zed'"'"' (see rota person list)" &&
	expect_unchanged 64 rota leave add ana 2027-03-01 &&
	expect_err "FROM: bad date '"'"'ana'"'"'" &&
	expect_unchanged 64 rota leave add 2027-03-01 &&
	expect_err "leave add takes an optional HANDLE, then FROM and TO" &&
	expect_unchanged 64 rota leave add ana bo 2027-03-01 2027-03-02 &&
	expect_unchanged 64 rota leave add ana 2027-03-01 2027-03-02 --reason "$(printf "a\033b")" &&
	expect_err "rota: --reason: a control character at byte 2 (0x1b)" &&
	expect_unchanged 64 rota leave add ana 2027-03-01 2027-03-02 --why x &&
	expect_err "unknown option"
'

test_expect_success 'leave list: managers see everyone, volunteers themselves' '
	team &&
	rota leave add ana 2027-05-01 2027-05-31 --reason holiday >/dev/null &&
	rota leave add bo 2027-05-01 2027-05-01 >/dev/null &&
	rota leave add mo 2026-12-01 2026-12-02 >/dev/null &&
	expect_status 0 rota leave list &&
	expect_file "ID  PERSON  FROM            TO              ZONE                 REASON
1   ana     Sat 2027-05-01  Mon 2027-05-31  Europe/Dublin        holiday
2   bo      Sat 2027-05-01  Sat 2027-05-01  America/Los_Angeles  -" out &&
	expect_status 0 rota --as bo --json leave list &&
	test "$(json "[(l[\"id\"], l[\"person\"], l[\"start\"], l[\"end\"]) for l in j]")" = \
		"[(2, '"'"'bo'"'"', '"'"'2027-05-01T07:00:00Z'"'"', '"'"'2027-05-02T07:00:00Z'"'"')]" &&
	expect_status 0 rota --as ana leave list ana && expect_out "holiday" &&
	expect_unchanged 77 rota --as bo leave list ana &&
	expect_err "leave list for someone else: managers only" &&
	expect_status 0 rota --as mo leave list ana && expect_out "holiday" &&
	expect_status 0 rota --as mo leave list --from 2026-11-01 --to 2026-12-01 &&
	expect_file "ID  PERSON  FROM            TO              ZONE              REASON
3   mo      Tue 2026-12-01  Wed 2026-12-02  Australia/Sydney  -" out &&
	expect_status 0 rota leave list bo --from 2027-05-02 &&
	expect_out "No leave for bo in that time." &&
	expect_status 0 rota --json leave list bo --from 2027-05-02 && test "$(cat out)" = "[]"
'

test_expect_success 'leave list: bad input' '
	team &&
	expect_status 64 rota leave list --from 2027-13-01 && expect_err "--from: bad date" &&
	expect_status 64 rota leave list --from 2027-05-02 --to 2027-05-01 &&
	expect_err "--to 2027-05-01 is before --from 2027-05-02" &&
	expect_status 64 rota leave list --to 2026-01-01 && expect_err "give --from too" &&
	expect_status 65 rota leave list zed && expect_err "unknown person '"'"'zed'"'"'" &&
	expect_status 64 rota leave list ana bo
'

test_expect_success 'leave remove: by its owner or a manager, audited' '
	team &&
	rota leave add ana 2027-05-01 2027-05-31 --reason holiday >/dev/null &&
	rota leave add bo 2027-05-01 2027-05-01 >/dev/null &&
	expect_unchanged 77 rota --as bo leave remove 1 &&
	expect_err "leave remove: leave 1 is ana'"'"'s: only they or a manager may remove it (you are root as bo)" &&
	expect_status 0 rota --as ana leave remove 1 && expect_out "Removed." &&
	expect_status 0 rota --as mo --json leave remove 2 &&
	test "$(json "j[\"person\"], j[\"start\"]")" = "bo 2027-05-01T07:00:00Z" &&
	test "$(sqlite3 rota.db "SELECT count(*) FROM leave")" = 0 &&
	test "$(sqlite3 rota.db "SELECT actor, object, before, after IS NULL FROM audit_events WHERE action = '"'"'leave.remove'"'"'")" = \
		"root as ana|leave 1|{\"id\":1,\"person\":\"ana\",\"first_day\":\"2027-05-01\",\"last_day\":\"2027-05-31\",\"start\":\"2027-04-30T23:00:00Z\",\"end\":\"2027-05-31T23:00:00Z\",\"reason\":\"holiday\"}|1
root as mo|leave 2|{\"id\":2,\"person\":\"bo\",\"first_day\":\"2027-05-01\",\"last_day\":\"2027-05-01\",\"start\":\"2027-05-01T07:00:00Z\",\"end\":\"2027-05-02T07:00:00Z\",\"reason\":\"\"}|1" &&
	expect_unchanged 65 rota leave remove 1 &&
	expect_err "no leave 1 (see rota leave list)" &&
	expect_unchanged 64 rota leave remove one &&
	expect_err "is not an id" &&
	expect_unchanged 64 rota leave remove
'

test_expect_success 'leave commands have --help' '
	expect_status 0 rota leave add --help && expect_out "both included" &&
	expect_status 0 rota leave list --help && expect_out "--from DATE" &&
	expect_status 0 rota leave remove --help && expect_out "usage: rota leave remove ID"
'

test_done
