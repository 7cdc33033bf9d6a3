#!/bin/sh
# rota term: add (aligned to handoffs, DST-correct), list, show.
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"

rotations() {
	rota rotation add ops --tier primary --tz Europe/Dublin >/dev/null &&
	rota rotation add syd --tier primary --tz Australia/Sydney --handoff "Mon 09:00" >/dev/null &&
	rota rotation add sfo --tier primary --tz America/Los_Angeles >/dev/null
}

# span TERM: "START END" in UTC from term show --json.
span() {
	rota --json term show "$1" >out && json "j[\"start\"], j[\"end\"]"
}

test_expect_success 'a Dublin term across the March change keeps 10:00 local' '
	rotations &&
	expect_status 0 rota term add 2027-h1 --rotation ops --start 2027-03-22 &&
	expect_file "Term:                    2027-h1
Rotation:                ops
Tier:                    primary
Time zone:               Europe/Dublin
Start:                   Mon 2027-03-22 10:00
End:                     Mon 2027-09-20 10:00
Shifts:                  26
State:                   upcoming" out &&
	test "$(span 2027-h1)" = "2027-03-22T10:00:00Z 2027-09-20T09:00:00Z" &&
	test "$(json "j[\"start_local\"], j[\"end_local\"], j[\"tz\"]")" = \
		"2027-03-22T10:00:00+00:00 2027-09-20T10:00:00+01:00 Europe/Dublin"
'

test_expect_success 'a two-week Dublin term lasts 335 hours' '
	rotations &&
	rota term add short --rotation ops --start 2027-03-22 --weeks 2 >/dev/null &&
	test "$(span short)" = "2027-03-22T10:00:00Z 2027-04-05T09:00:00Z" &&
	test "$(sqlite3 rota.db "SELECT (end_at - start_at) / 3600 FROM terms")" = 335
'

test_expect_success 'a term starts at the first handoff at or after --start' '
	rotations &&
	rota term add a --rotation ops --start 2027-03-24 --weeks 1 >/dev/null &&
	test "$(span a)" = "2027-03-29T09:00:00Z 2027-04-05T09:00:00Z" &&
	rota term add b --rotation ops --start 2027-04-05T10:00:00+01:00 --weeks 1 >/dev/null &&
	test "$(span b)" = "2027-04-05T09:00:00Z 2027-04-12T09:00:00Z" &&
	rota term add c --rotation ops --start 2027-04-12T09:00:01Z --weeks 1 >/dev/null &&
	test "$(span c)" = "2027-04-19T09:00:00Z 2027-04-26T09:00:00Z"
'

test_expect_success 'Sydney: the April change makes a 169-hour week' '
	rotations &&
	rota term add s1 --rotation syd --start 2027-03-29 --weeks 2 >/dev/null &&
	test "$(span s1)" = "2027-03-28T22:00:00Z 2027-04-11T23:00:00Z" &&
	test "$(json "j[\"start_local\"], j[\"end_local\"]")" = \
		"2027-03-29T09:00:00+11:00 2027-04-12T09:00:00+10:00" &&
	rota term add s2 --rotation syd --start 2027-09-27 --weeks 1 >/dev/null &&
	test "$(span s2)" = "2027-09-26T23:00:00Z 2027-10-03T22:00:00Z"
'

test_expect_success 'Los Angeles: spring forward and fall back' '
	rotations &&
	rota term add spring --rotation sfo --start 2027-03-08 --weeks 2 >/dev/null &&
	test "$(span spring)" = "2027-03-08T18:00:00Z 2027-03-22T17:00:00Z" &&
	test "$(json "j[\"start_local\"], j[\"end_local\"]")" = \
		"2027-03-08T10:00:00-08:00 2027-03-22T10:00:00-07:00" &&
	rota term add fall --rotation sfo --start 2027-11-01 --weeks 1 >/dev/null &&
	test "$(span fall)" = "2027-11-01T17:00:00Z 2027-11-08T18:00:00Z"
'

test_expect_success 'Kolkata: a half-hour offset and a Wednesday handoff' '
	rota rotation add kol --tier primary --tz Asia/Kolkata --handoff "Wed 18:30" >/dev/null &&
	rota term add k --rotation kol --start 2027-01-01 --weeks 1 >/dev/null &&
	test "$(span k)" = "2027-01-06T13:00:00Z 2027-01-13T13:00:00Z" &&
	test "$(json "j[\"start_local\"]")" = "2027-01-06T18:30:00+05:30"
'

test_expect_success 'a handoff inside the spring-forward gap' '
	rota rotation add night --tier primary --tz Europe/Dublin --handoff "Sun 01:30" >/dev/null &&
	rota term add g --rotation night --start 2027-03-28 --weeks 1 >/dev/null &&
	test "$(span g)" = "2027-03-28T01:30:00Z 2027-04-04T00:30:00Z" &&
	rota term add h --rotation night --start 2027-03-21 --weeks 1 >/dev/null &&
	test "$(span h)" = "2027-03-21T01:30:00Z 2027-03-28T01:30:00Z"
'

test_expect_success 'shift-days other than 7: a term of 3 fortnights' '
	rota rotation add two --tier primary --tz UTC --handoff "Fri 18:00" --shift-days 14 >/dev/null &&
	rota term add f --rotation two --start 2027-01-01 --weeks 3 >/dev/null &&
	test "$(span f)" = "2027-01-01T18:00:00Z 2027-02-12T18:00:00Z"
'

test_expect_success 'term list and term show' '
	rotations &&
	rota term add d1 --rotation ops --start 2026-12-01 --weeks 4 >/dev/null &&
	rota term add d2 --rotation ops --start 2027-03-22 >/dev/null &&
	rota term add s1 --rotation syd --start 2027-03-29 --weeks 2 >/dev/null &&
	expect_status 0 rota term list &&
	expect_file "TERM  ROTATION  START                 END                   ZONE              SHIFTS  MEMBERS  STATE
d1    ops       Mon 2026-12-07 10:00  Mon 2027-01-04 10:00  Europe/Dublin     4       0        current
d2    ops       Mon 2027-03-22 10:00  Mon 2027-09-20 10:00  Europe/Dublin     26      0        upcoming
s1    syd       Mon 2027-03-29 09:00  Mon 2027-04-12 09:00  Australia/Sydney  2       0        upcoming" out &&
	expect_status 0 rota --json term list --rotation syd &&
	test "$(json "[(t[\"name\"], t[\"start\"], t[\"end\"], t[\"state\"]) for t in j]")" = \
		"[('"'"'s1'"'"', '"'"'2027-03-28T22:00:00Z'"'"', '"'"'2027-04-11T23:00:00Z'"'"', '"'"'upcoming'"'"')]" &&
	rota person add ana --name Ana --email ana@example.com --tz Europe/Dublin >/dev/null &&
	rota person add bo --name Bo --email bo@example.com --tz UTC >/dev/null &&
	rota volunteer join d2 ana >/dev/null && rota volunteer join d2 bo >/dev/null &&
	ROTA_NOW=2027-02-01T08:00:00Z rota volunteer leave d2 bo >/dev/null &&
	expect_status 0 rota term show d2 &&
	expect_file "Term:                    d2
Rotation:                ops
Tier:                    primary
Time zone:               Europe/Dublin
Start:                   Mon 2027-03-22 10:00
End:                     Mon 2027-09-20 10:00
Shifts:                  26
State:                   upcoming
Members:                 1

HANDLE  MANAGER  JOINED                LEFT
ana     no       Fri 2027-01-01 12:00  -
bo      no       Fri 2027-01-01 12:00  Mon 2027-02-01 08:00" out &&
	expect_status 0 rota --json term show d2 &&
	test "$(json "j[\"member_count\"], [(m[\"handle\"], m[\"joined\"], m[\"left\"]) for m in j[\"members\"]]")" = \
		"1 [('"'"'ana'"'"', '"'"'2027-01-01T12:00:00Z'"'"', None), ('"'"'bo'"'"', '"'"'2027-01-01T12:00:00Z'"'"', '"'"'2027-02-01T08:00:00Z'"'"')]"
'

test_expect_success 'term add is audited' '
	rotations &&
	rota term add t --rotation ops --start 2027-03-22 --weeks 2 >/dev/null &&
	test "$(sqlite3 rota.db "SELECT actor, action, object, after FROM audit_events WHERE action = '"'"'term.add'"'"'")" = \
		"root|term.add|t|{\"name\":\"t\",\"rotation\":\"ops\",\"start\":\"2027-03-22T10:00:00Z\",\"end\":\"2027-04-05T09:00:00Z\",\"weeks\":2}"
'

test_expect_success 'overlapping terms of one rotation are refused, naming the other' '
	rotations &&
	rota term add first --rotation ops --start 2027-03-22 --weeks 4 >/dev/null &&
	expect_unchanged 65 rota term add second --rotation ops --start 2027-04-05 &&
	expect_err "term '"'"'second'"'"' would overlap term '"'"'first'"'"' of rotation '"'"'ops'"'"' (Mon 2027-03-22 10:00 to Mon 2027-04-19 10:00)" &&
	expect_unchanged 65 rota term add before --rotation ops --start 2027-03-01 --weeks 4 &&
	expect_err "overlap term '"'"'first'"'"'" &&
	expect_status 0 rota term add after --rotation ops --start 2027-04-19 --weeks 1 &&
	expect_status 0 rota term add before --rotation ops --start 2027-03-01 --weeks 3 &&
	expect_status 0 rota term add other --rotation syd --start 2027-03-22 --weeks 4
'

test_expect_success 'bad input is refused and changes nothing' '
	rotations &&
	rota term add t --rotation ops --start 2027-03-22 --weeks 2 >/dev/null &&
	expect_unchanged 65 rota term add t --rotation syd --start 2027-03-22 &&
	expect_err "term '"'"'t'"'"' already exists" &&
	expect_unchanged 65 rota term add u --rotation nope --start 2027-03-22 &&
	expect_err "unknown rotation '"'"'nope'"'"' (see rota rotation list)" &&
	expect_unchanged 64 rota term add u --rotation ops --start 2027-02-30 &&
	expect_err "--start: bad date '"'"'2027-02-30'"'"'" &&
	expect_unchanged 64 rota term add u --rotation ops --start tomorrow &&
	expect_unchanged 64 rota term add u --rotation ops --start 2027-05-01 --weeks 0 &&
	expect_err "--weeks: '"'"'0'"'"' must be a positive number, at most 520" &&
	expect_unchanged 64 rota term add u --rotation ops --start 2027-05-01 --weeks 521 &&
	expect_unchanged 64 rota term add u --rotation ops &&
	expect_err "--start is required" &&
	expect_unchanged 64 rota term add --rotation ops --start 2027-05-01 &&
	expect_unchanged 64 rota term add -x --rotation ops --start 2027-05-01 &&
	expect_unchanged 64 rota term add "" --rotation ops --start 2027-05-01 &&
	expect_err "is not a name" &&
	expect_unchanged 65 rota term show nope &&
	expect_err "unknown term '"'"'nope'"'"' (see rota term list)" &&
	expect_unchanged 64 rota term show &&
	expect_unchanged 65 rota term list --rotation nope &&
	expect_unchanged 64 rota term list extra
'

test_expect_success 'term add is for managers only' '
	rotations &&
	rota person add ana --name Ana --email ana@example.com --tz Europe/Dublin >/dev/null &&
	rota person add boss --name Boss --email boss@example.com --tz UTC --manager >/dev/null &&
	expect_unchanged 77 rota --as ana term add t --rotation ops --start 2027-03-22 &&
	expect_err "term add: managers only"
'

test_expect_success 'term commands have --help' '
	expect_status 0 rota term add --help && expect_out "first handoff at or after" &&
	expect_status 0 rota term list --help && expect_out "--rotation ROTATION" &&
	expect_status 0 rota term show --help && expect_out "usage: rota term show TERM"
'

test_done
