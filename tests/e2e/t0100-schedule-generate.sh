#!/bin/sh
# rota schedule generate: the fairness order, re-generation that keeps the
# past, the freeze horizon and swaps, infeasible weeks, DST weeks, tiers.
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"
# lay; this file's team below is its own.
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib-team.sh"

# A manager (max) and four volunteers in Dublin; rotation ops (Mon 10:00
# Europe/Dublin); term t1 of 8 weeks from Monday 2027-01-04 with the four.
team() {
	rota person add max --name Max --email max@example.com --tz Europe/Dublin --manager >/dev/null &&
	for h in ana bo cy dee; do
		rota person add $h --name "$h" --email $h@example.com --tz Europe/Dublin >/dev/null || return 1
	done &&
	rota rotation add ops --tier primary --tz Europe/Dublin >/dev/null &&
	rota term add t1 --rotation ops --start 2027-01-04 --weeks 8 >/dev/null &&
	for h in ana bo cy dee; do rota volunteer join t1 $h >/dev/null || return 1; done
}

# who: the people of the shifts of schedule show --json, in order.
who() {
	rota --json schedule show "$@" >out &&
	json "' '.join(s['person'] for s in j)"
}

test_expect_success 'generate gives the weeks out in turn, the same order each round' '
	team &&
	expect_status 0 rota schedule generate t1 &&
	expect_file "WEEK                  CHANGE
Mon 2027-01-04 10:00  - -> cy
Mon 2027-01-11 10:00  - -> ana
Mon 2027-01-18 10:00  - -> dee
Mon 2027-01-25 10:00  - -> bo
Mon 2027-02-01 10:00  - -> cy
Mon 2027-02-08 10:00  - -> ana
Mon 2027-02-15 10:00  - -> dee
Mon 2027-02-22 10:00  - -> bo
term t1: 8 weeks, 8 changed, 0 kept as they were (past, frozen, swapped or overridden); times in Europe/Dublin" out &&
	test "$(who)" = "cy ana dee bo cy ana dee bo" &&
	test "$(sqlite3 rota.db "SELECT actor, action, object FROM audit_events WHERE action LIKE '"'"'schedule.%'"'"'")" = "root|schedule.generate|t1"
'

test_expect_success 'generate --json reports each change' '
	team &&
	expect_status 0 rota --json schedule generate t1 &&
	test "$(json "j[\"term\"], j[\"dry_run\"], j[\"weeks\"], len(j[\"changes\"])")" = "t1 False 8 8" &&
	test "$(json "j[\"changes\"][1]")" = "{'"'"'slot'"'"': 1, '"'"'shift'"'"': 2, '"'"'start'"'"': '"'"'2027-01-11T10:00:00Z'"'"', '"'"'end'"'"': '"'"'2027-01-18T10:00:00Z'"'"', '"'"'old'"'"': None, '"'"'new'"'"': '"'"'ana'"'"'}"
'

test_expect_success 're-generating an unchanged term changes nothing' '
	team &&
	rota schedule generate t1 >/dev/null &&
	expect_unchanged 0 rota schedule generate t1 &&
	expect_out "no changes" &&
	expect_out "term t1: 8 weeks, 0 changed, 2 kept as they were"
'

test_expect_success '--dry-run prints the changes and writes nothing' '
	team &&
	expect_unchanged 0 rota schedule generate t1 --dry-run &&
	expect_out "Mon 2027-01-04 10:00  - -> cy" &&
	expect_out "dry run: nothing was changed" &&
	test "$(sqlite3 rota.db "SELECT count(*) FROM shifts")" = 0
'

test_expect_success 'leave recorded later moves only the weeks it breaks' '
	team &&
	rota schedule generate t1 >/dev/null &&
	rota leave add dee 2027-01-20 2027-01-20 >/dev/null &&
	expect_status 0 rota schedule generate t1 &&
	expect_file "WEEK                  CHANGE
Mon 2027-01-18 10:00  dee -> cy
Mon 2027-02-01 10:00  cy -> dee
term t1: 8 weeks, 2 changed, 2 kept as they were (past, frozen, swapped or overridden); times in Europe/Dublin" out &&
	test "$(who)" = "cy ana cy bo dee ana dee bo" &&
	test "$(sqlite3 rota.db "SELECT group_concat(sequence, \" \") FROM (SELECT sequence FROM shifts ORDER BY slot)")" = "0 0 1 0 1 0 0 0"
'

test_expect_success 'an infeasible week is named with the reason and nothing changes' '
	team &&
	for h in ana bo cy dee; do rota leave add $h 2027-02-02 2027-02-03 >/dev/null || return 1; done &&
	expect_unchanged 65 rota schedule generate t1 &&
	expect_err "rota: term '"'"'t1'"'"' cannot be scheduled: week 5 from Mon 2027-02-01 10:00 (Europe/Dublin): nobody can take it: ana: on leave; bo: on leave; cy: on leave; dee: on leave; nothing was changed" &&
	test ! -s out
'

test_expect_success 'an infeasible re-generation leaves the schedule as it was' '
	team &&
	rota schedule generate t1 >/dev/null &&
	for h in ana bo cy dee; do rota leave add $h 2027-02-16 2027-02-16 >/dev/null || return 1; done &&
	expect_unchanged 65 rota schedule generate t1 &&
	expect_err "week 7 from Mon 2027-02-15 10:00 (Europe/Dublin): nobody can take it" &&
	test "$(who)" = "cy ana dee bo cy ana dee bo"
'

test_expect_success 'shifts in the past and within the freeze horizon are kept' '
	team &&
	rota schedule generate t1 >/dev/null &&
	rota leave add cy 2027-01-05 2027-01-05 >/dev/null &&
	rota leave add ana 2027-01-12 2027-01-12 >/dev/null &&
	rota leave add ana 2027-02-09 2027-02-09 >/dev/null &&
	ROTA_NOW=2027-01-06T09:00:00Z expect_status 0 rota schedule generate t1 &&
	expect_file "WEEK                  CHANGE
Mon 2027-01-25 10:00  bo -> ana
Mon 2027-02-08 10:00  ana -> bo
term t1: 8 weeks, 2 changed, 3 kept as they were (past, frozen, swapped or overridden); times in Europe/Dublin
Kept though on leave (resolve with rota swap request SHIFT or rota override SHIFT HANDLE):
SHIFT  PERSON  WEEK                  KEPT     DETAIL
1      cy      Mon 2027-01-04 10:00  started  cy is on leave from Tue 2027-01-05 00:00 to Wed 2027-01-06 00:00
2      ana     Mon 2027-01-11 10:00  frozen   ana is on leave from Tue 2027-01-12 00:00 to Wed 2027-01-13 00:00" out &&
	expect_file "rota: warning: 2 shifts of term t1 overlap leave and cannot be moved by the generator: resolve with rota swap request SHIFT or rota override SHIFT HANDLE" err &&
	test "$(who --from 2027-01-01)" = "cy ana dee ana cy bo dee bo" &&
	printf "[schedule]\nfreeze_days = 3\n" >rota.conf &&
	ROTA_NOW=2027-01-06T09:00:00Z expect_status 0 rota --config rota.conf schedule generate t1 &&
	expect_out "Mon 2027-01-11 10:00  ana -> bo" &&
	expect_out "8 weeks, 2 changed, 1 kept"
'

test_expect_success 'a swapped shift stays when the schedule is re-generated' '
	team &&
	rota schedule generate t1 >/dev/null &&
	sqlite3 rota.db "UPDATE shifts SET origin = '"'"'swap'"'"', person_id = (SELECT id FROM persons WHERE handle = '"'"'bo'"'"') WHERE slot = 5" &&
	rota leave add bo 2027-02-09 2027-02-09 >/dev/null &&
	expect_status 0 rota schedule generate t1 &&
	expect_file "WEEK                  CHANGE
Mon 2027-01-25 10:00  bo -> ana
term t1: 8 weeks, 1 changed, 3 kept as they were (past, frozen, swapped or overridden); times in Europe/Dublin
Kept though on leave (resolve with rota swap request SHIFT or rota override SHIFT HANDLE):
SHIFT  PERSON  WEEK                  KEPT     DETAIL
6      bo      Mon 2027-02-08 10:00  swapped  bo is on leave from Tue 2027-02-09 00:00 to Wed 2027-02-10 00:00" out &&
	expect_err "1 shift of term t1 overlaps leave and cannot be moved by the generator" &&
	test "$(who)" = "cy ana dee ana cy bo dee bo" &&
	rota --json schedule show --from 2027-02-08T12:00:00Z --to 2027-02-09 >out &&
	test "$(json "j[0][\"person\"], j[0][\"origin\"]")" = "bo swap"
'

test_expect_success 'unknown terms, bad usage and volunteers are refused' '
	team &&
	expect_unchanged 65 rota schedule generate nosuch &&
	expect_err "unknown term '"'"'nosuch'"'"' (see rota term list)" &&
	expect_unchanged 64 rota schedule generate &&
	expect_err "schedule generate takes one TERM" &&
	expect_unchanged 64 rota schedule generate t1 --frobnicate &&
	expect_err "unknown option '"'"'--frobnicate'"'"'" &&
	expect_unchanged 77 rota --as ana schedule generate t1 &&
	expect_err "managers only" &&
	expect_status 0 rota --as max schedule generate t1 --dry-run
'

test_expect_success 'a week across a DST change is 167 or 169 hours, handoff at 10:00 local' '
	team &&
	rota term add spring --rotation ops --start 2027-03-22 --weeks 2 >/dev/null &&
	rota term add autumn --rotation ops --start 2027-10-25 --weeks 2 >/dev/null &&
	for t in spring autumn; do
		for h in ana bo cy; do rota volunteer join $t $h >/dev/null || return 1; done &&
		rota schedule generate $t >/dev/null || return 1
	done &&
	rota --json schedule show --from 2027-03-01 --to 2027-04-06 >out &&
	test "$(json "[(s[\"start\"], s[\"end\"]) for s in j]")" = "[('"'"'2027-03-22T10:00:00Z'"'"', '"'"'2027-03-29T09:00:00Z'"'"'), ('"'"'2027-03-29T09:00:00Z'"'"', '"'"'2027-04-05T09:00:00Z'"'"')]" &&
	rota --json schedule show --from 2027-10-01 --to 2027-11-06 >out &&
	test "$(json "[(s[\"start\"], s[\"end\"]) for s in j]")" = "[('"'"'2027-10-25T09:00:00Z'"'"', '"'"'2027-11-01T10:00:00Z'"'"'), ('"'"'2027-11-01T10:00:00Z'"'"', '"'"'2027-11-08T10:00:00Z'"'"')]" &&
	rota schedule show --from 2027-03-22 --to 2027-03-30 >out &&
	expect_out "Mon 2027-03-22 10:00  Mon 2027-03-29 10:00  Europe/Dublin"
'

test_expect_success 'the escalation tier holds managers only, never the primary on call' '
	team &&
	rota person add mia --name Mia --email mia@example.com --tz Europe/Dublin --manager >/dev/null &&
	rota volunteer join t1 max >/dev/null &&
	rota rotation add managers --tier escalation --tz Europe/Dublin >/dev/null &&
	rota term add e1 --rotation managers --start 2027-01-04 --weeks 8 >/dev/null &&
	rota volunteer join e1 max >/dev/null &&
	rota volunteer join e1 mia >/dev/null &&
	rota schedule generate t1 >/dev/null &&
	rota schedule generate e1 >/dev/null &&
	rota --json schedule show --rotation ops >out &&
	json "\" \".join(s[\"person\"] for s in j)" >primary &&
	rota --json schedule show --rotation managers >out &&
	json "\" \".join(s[\"person\"] for s in j)" >escalation &&
	/usr/bin/python3 -c "
p = open(\"primary\").read().split(); e = open(\"escalation\").read().split()
assert len(p) == 8 and len(e) == 8, (p, e)
assert set(e) <= {\"max\", \"mia\"}, e
assert all(not (a == b == \"max\") for a, b in zip(p, e)), (p, e)
assert p.count(\"max\") >= 1, p
"
'

test_expect_success 'load from earlier terms carries over, and a heavy last shift earns rest' '
	for h in ana bo cy; do
		rota person add $h --name "$h" --email $h@example.com --tz Europe/Dublin >/dev/null || return 1
	done &&
	rota rotation add ops --tier primary --tz Europe/Dublin >/dev/null &&
	rota term add t0 --rotation ops --start 2027-01-04 --weeks 3 >/dev/null &&
	rota term add t1 --rotation ops --start 2027-02-01 --weeks 3 >/dev/null &&
	lay t0 ana bo cy &&
	for h in ana bo cy; do rota volunteer join t1 $h >/dev/null || return 1; done &&
	rota schedule generate t1 --dry-run >out &&
	expect_out "Mon 2027-02-01 10:00  - -> ana" &&
	expect_out "Mon 2027-02-08 10:00  - -> bo" &&
	expect_out "Mon 2027-02-15 10:00  - -> cy" &&
	sqlite3 rota.db "INSERT INTO pages (source, source_id, created_at, responder_id, class, imported_at)
		VALUES ('"'"'generic'"'"', '"'"'p1'"'"', 1799118000, 1, '"'"'sleep'"'"', 0), ('"'"'generic'"'"', '"'"'p2'"'"', 1799208000, 1, '"'"'sleep'"'"', 0)" &&
	printf "[schedule]\nrecovery_shifts = 3\nheavy_sleep_interruptions = 2\n" >rota.conf &&
	expect_status 0 rota --config rota.conf schedule generate t1 &&
	expect_file "WEEK                  CHANGE
Mon 2027-02-01 10:00  - -> bo
Mon 2027-02-08 10:00  - -> ana
Mon 2027-02-15 10:00  - -> cy
term t1: 3 weeks, 3 changed, 0 kept as they were (past, frozen, swapped or overridden); times in Europe/Dublin" out
'

test_expect_success 'weeks with public holidays of the members'"'"' office weigh more' '
	rota office add Dublin --tz Europe/Dublin >/dev/null &&
	for h in ana bo cy; do
		rota person add $h --name "$h" --email $h@example.com --tz Europe/Dublin --office Dublin >/dev/null || return 1
	done &&
	rota rotation add ops --tier primary --tz Europe/Dublin >/dev/null &&
	rota term add t1 --rotation ops --start 2027-01-04 --weeks 6 >/dev/null &&
	for h in ana bo cy; do rota volunteer join t1 $h >/dev/null || return 1; done &&
	rota schedule generate t1 --dry-run >/dev/null &&
	rota --json schedule generate t1 --dry-run >out &&
	test "$(json "\" \".join(c[\"new\"] for c in j[\"changes\"])")" = "cy ana bo cy ana bo" &&
	rota holiday add Dublin 2027-01-06 --name "Little Christmas" >/dev/null &&
	rota holiday add Dublin 2027-01-27 --name "A holiday" >/dev/null &&
	rota --json schedule generate t1 >out &&
	test "$(json "\" \".join(c[\"new\"] for c in j[\"changes\"])")" = "cy ana bo ana bo cy"
'

test_expect_success 'weeks that have started are not filled after the fact' '
	team &&
	ROTA_NOW=2027-01-12T12:00:00Z expect_status 0 rota schedule generate t1 &&
	expect_file "WEEK                  CHANGE
Mon 2027-01-18 10:00  - -> cy
Mon 2027-01-25 10:00  - -> ana
Mon 2027-02-01 10:00  - -> dee
Mon 2027-02-08 10:00  - -> bo
Mon 2027-02-15 10:00  - -> cy
Mon 2027-02-22 10:00  - -> ana
term t1: 8 weeks, 6 changed, 0 kept as they were (past, frozen, swapped or overridden); times in Europe/Dublin" out &&
	ROTA_NOW=2027-01-12T12:00:00Z expect_status 65 rota schedule check t1 &&
	expect_file "TERM  PROBLEM    SHIFT  PERSON  FROM                  TO                    DETAIL
t1    uncovered  -      -       Mon 2027-01-11 10:00  Mon 2027-01-18 10:00  no shift" out
'

test_expect_success 'a bad schedule setting is a configuration error' '
	team &&
	printf "[rotation \"ops\"]\nfreeze_days = soon\n" >rota.conf &&
	expect_unchanged 78 rota --config rota.conf schedule generate t1 &&
	expect_err "freeze_days must be a whole number"
'

test_done
