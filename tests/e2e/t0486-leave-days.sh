#!/bin/sh
# Leave shows its last day as given: "leave add ana 2027-01-04 2027-01-10"
# is "From: Mon 2027-01-04 / To: Sun 2027-01-10" wherever leave is printed
# (leave add, list, remove, the refusals naming it, schedule check, the
# audit trail), never "Until Mon 2027-01-11 00:00"; the JSON keeps start
# and end (UTC, the end not included) and says first_day and last_day.
# Leave given as times shows its times. People in Los Angeles and Kolkata.
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"

# people: ana (Los Angeles), mo (Kolkata, a manager), rotation ops in Los
# Angeles (handoff Mon 10:00), term h1 from Mon 2027-01-04, ana's weeks.
people() {
	rota person add ana --name Ana --email ana@example.com --tz America/Los_Angeles >/dev/null &&
	rota person add mo --name Mo --email mo@example.com --tz Asia/Kolkata --manager >/dev/null &&
	rota rotation add ops --tier primary --tz America/Los_Angeles >/dev/null &&
	rota term add h1 --rotation ops --start 2027-01-04 --weeks 4 >/dev/null &&
	rota volunteer join h1 ana >/dev/null
}

test_expect_success 'leave add: the first and the last day, as given' '
	people &&
	expect_status 0 rota --as ana leave add 2027-01-04 2027-01-10 --reason ski &&
	expect_file "Leave:                   1
Person:                  ana
From:                    Mon 2027-01-04
To:                      Sun 2027-01-10
Time zone:               America/Los_Angeles
Reason:                  ski" out &&
	! grep -q "Until\|2027-01-11" out &&
	expect_status 0 rota --as mo leave add mo 2027-02-01 2027-02-01 &&
	expect_out "From:                    Mon 2027-02-01" &&
	expect_out "To:                      Mon 2027-02-01" &&
	expect_out "Time zone:               Asia/Kolkata"
'

test_expect_success 'JSON: start and end in UTC (the end not included), first_day and last_day' '
	people &&
	expect_status 0 rota --as ana --json leave add 2027-01-04 2027-01-10 &&
	test "$(json "j[\"start\"], j[\"end\"], j[\"first_day\"], j[\"last_day\"]")" = \
		"2027-01-04T08:00:00Z 2027-01-11T08:00:00Z 2027-01-04 2027-01-10" &&
	expect_status 0 rota --as mo --json leave add mo 2027-02-01 2027-02-02 &&
	test "$(json "j[\"start\"], j[\"end\"], j[\"first_day\"], j[\"last_day\"]")" = \
		"2027-01-31T18:30:00Z 2027-02-02T18:30:00Z 2027-02-01 2027-02-02" &&
	expect_status 0 rota --as mo --json leave list &&
	test "$(json "[(l[\"person\"], l[\"first_day\"], l[\"last_day\"], l[\"end\"]) for l in j]")" = \
		"[('"'"'ana'"'"', '"'"'2027-01-04'"'"', '"'"'2027-01-10'"'"', '"'"'2027-01-11T08:00:00Z'"'"'), ('"'"'mo'"'"', '"'"'2027-02-01'"'"', '"'"'2027-02-02'"'"', '"'"'2027-02-02T18:30:00Z'"'"')]"
'

test_expect_success 'leave given as times shows its times; its days are null' '
	people &&
	expect_status 0 rota --as ana leave add 2027-01-20T09:00 2027-01-20T13:30 &&
	expect_out "From:                    Wed 2027-01-20 09:00" &&
	expect_out "To:                      Wed 2027-01-20 13:30" &&
	expect_status 0 rota --as ana --json leave list &&
	test "$(json "j[0][\"start\"], j[0][\"end\"], j[0][\"first_day\"], j[0][\"last_day\"]")" = \
		"2027-01-20T17:00:00Z 2027-01-20T21:30:00Z None None"
'

test_expect_success 'leave list: each person'"'"'s days in their own zone' '
	people &&
	rota --as ana leave add 2027-01-04 2027-01-10 --reason ski >/dev/null &&
	rota --as ana leave add 2027-01-20T09:00 2027-01-20T13:30 >/dev/null &&
	rota --as mo leave add mo 2027-02-01 2027-02-01 >/dev/null &&
	expect_status 0 rota --as mo leave list &&
	expect_file "ID  PERSON  FROM                  TO                    ZONE                 REASON
1   ana     Mon 2027-01-04        Sun 2027-01-10        America/Los_Angeles  ski
2   ana     Wed 2027-01-20 09:00  Wed 2027-01-20 13:30  America/Los_Angeles  -
3   mo      Mon 2027-02-01        Mon 2027-02-01        Asia/Kolkata         -" out
'

test_expect_success 'leave remove and the overlap refusal name the days' '
	people &&
	rota --as ana leave add 2027-01-04 2027-01-10 --reason ski >/dev/null &&
	expect_unchanged 65 rota --as ana leave add 2027-01-10 2027-01-12 &&
	expect_file "rota: this leave overlaps leave 1 of ana (from Mon 2027-01-04 to Sun 2027-01-10, ski); remove that first (rota leave remove 1)" err &&
	expect_status 0 rota --as ana leave remove 1 &&
	expect_out "From:                    Mon 2027-01-04" &&
	expect_out "To:                      Sun 2027-01-10"
'

test_expect_success 'a shift refused for leave, and schedule check, name the days' '
	people &&
	rota person add bo --name Bo --email bo@example.com --tz America/Los_Angeles >/dev/null &&
	rota volunteer join h1 bo >/dev/null &&
	rota schedule generate h1 >/dev/null &&
	bo_week=$(sqlite3 rota.db "SELECT s.id FROM shifts s JOIN persons p ON p.id = s.person_id WHERE p.handle = '"'"'bo'"'"' ORDER BY s.start_at LIMIT 1") &&
	bo_day=$(sqlite3 rota.db "SELECT date(start_at - 8 * 3600 + 86400, '"'"'unixepoch'"'"') FROM shifts WHERE id = $bo_week") &&
	rota --as ana leave add "$bo_day" "$bo_day" >/dev/null &&
	expect_unchanged 65 rota --as mo override $bo_week ana &&
	expect_err "ana cannot take shift $bo_week: on leave $(date -d "$bo_day" "+%a %Y-%m-%d") America/Los_Angeles (leave 1)" &&
	rota --as mo override $bo_week ana --force >/dev/null 2>&1 &&
	expect_status 65 rota schedule check h1 &&
	expect_out "ana is on leave $(date -d "$bo_day" "+%a %Y-%m-%d")" &&
	! grep -q "00:00" out
'

test_expect_success 'audit: the days beside the instants, the instants in the reader'"'"'s zone' '
	people &&
	rota --as ana leave add 2027-01-04 2027-01-10 --reason ski >/dev/null &&
	expect_status 0 rota --as mo audit --object "leave 1" &&
	expect_file "TIME                  ACTOR        ACTION     OBJECT   CHANGE
Fri 2027-01-01 17:30  root as ana  leave.add  leave 1  new: id: 1, person: ana, first_day: 2027-01-04, last_day: 2027-01-10, start: Mon 2027-01-04 ...
Times in Asia/Kolkata." out &&
	expect_status 0 rota --as mo --json audit --object "leave 1" &&
	test "$(json "j[0][\"after\"][\"first_day\"], j[0][\"after\"][\"last_day\"], j[0][\"after\"][\"start\"], j[0][\"after\"][\"end\"]")" = \
		"2027-01-04 2027-01-10 2027-01-04T08:00:00Z 2027-01-11T08:00:00Z"
'

test_done
