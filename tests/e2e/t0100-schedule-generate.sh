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
	expect_file "FROM                  CHANGE    WHY
Mon 2027-01-04 10:00  - -> cy   uncovered
Mon 2027-01-11 10:00  - -> ana  uncovered
Mon 2027-01-18 10:00  - -> dee  uncovered
Mon 2027-01-25 10:00  - -> bo   uncovered
Mon 2027-02-01 10:00  - -> cy   uncovered
Mon 2027-02-08 10:00  - -> ana  uncovered
Mon 2027-02-15 10:00  - -> dee  uncovered
Mon 2027-02-22 10:00  - -> bo   uncovered
term t1: 8 weeks, 8 changed, 0 kept as they were; times in Europe/Dublin" out &&
	test "$(who)" = "cy ana dee bo cy ana dee bo" &&
	test "$(sqlite3 rota.db "SELECT actor, action, object FROM audit_events WHERE action LIKE '"'"'schedule.%'"'"'")" = "root|schedule.generate|t1"
'

test_expect_success 'generate --json reports each change' '
	team &&
	expect_status 0 rota --json schedule generate t1 &&
	test "$(json "j[\"term\"], j[\"dry_run\"], j[\"weeks\"], len(j[\"changes\"])")" = "t1 False 8 8" &&
	test "$(json "j[\"changes\"][1]")" = "{'"'"'slot'"'"': 1, '"'"'shift'"'"': 2, '"'"'week'"'"': '"'"'2027-01-11T10:00:00Z'"'"', '"'"'start'"'"': '"'"'2027-01-11T10:00:00Z'"'"', '"'"'end'"'"': '"'"'2027-01-18T10:00:00Z'"'"', '"'"'old'"'"': None, '"'"'new'"'"': '"'"'ana'"'"', '"'"'reason'"'"': '"'"'uncovered'"'"'}"
'

test_expect_success 're-generating an unchanged term changes nothing' '
	team &&
	rota schedule generate t1 >/dev/null &&
	expect_unchanged 0 rota schedule generate t1 &&
	expect_out "no changes" &&
	expect_out "term t1: 8 weeks, 0 changed, 2 kept as they were (2 frozen)"
'

test_expect_success '--dry-run prints the changes and writes nothing' '
	team &&
	expect_unchanged 0 rota schedule generate t1 --dry-run &&
	expect_out "Mon 2027-01-04 10:00  - -> cy   uncovered" &&
	expect_out "dry run: nothing was changed" &&
	test "$(sqlite3 rota.db "SELECT count(*) FROM shifts")" = 0
'

test_expect_success 'leave recorded later moves only the weeks it breaks' '
	team &&
	rota schedule generate t1 >/dev/null &&
	rota leave add dee 2027-01-20 2027-01-20 >/dev/null &&
	expect_status 0 rota schedule generate t1 &&
	expect_file "FROM                  CHANGE     WHY
Mon 2027-01-18 10:00  dee -> cy  leave
Mon 2027-02-01 10:00  cy -> dee  balance
term t1: 8 weeks, 2 changed, 2 kept as they were (2 frozen); times in Europe/Dublin" out &&
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
	rota leave add cy 2027-01-07 2027-01-07 >/dev/null &&
	rota leave add ana 2027-01-12 2027-01-12 >/dev/null &&
	rota leave add ana 2027-02-09 2027-02-09 >/dev/null &&
	ROTA_NOW=2027-01-06T09:00:00Z expect_status 0 rota schedule generate t1 &&
	expect_file "FROM                  CHANGE     WHY
Mon 2027-01-25 10:00  bo -> ana  balance
Mon 2027-02-08 10:00  ana -> bo  leave
term t1: 8 weeks, 2 changed, 3 kept as they were (1 started, 2 frozen); times in Europe/Dublin
Not fixed (in weeks the generator may not change); the command that would fix each:
PROBLEM  SHIFT  PERSON  FROM                  KEPT     DETAIL                          FIX
leave    1      cy      Mon 2027-01-04 10:00  started  cy is on leave Thu 2027-01-07   rota override 1 bo
leave    2      ana     Mon 2027-01-11 10:00  frozen   ana is on leave Tue 2027-01-12  rota override 2 bo" out &&
	expect_file "rota: warning: 2 problems in term t1 left as they were: the generator may not change their weeks; the command that would fix each is listed" err &&
	test "$(who --from 2027-01-01)" = "cy ana dee ana cy bo dee bo" &&
	printf "[schedule]\nfreeze_days = 3\n" >rota.conf &&
	ROTA_NOW=2027-01-06T09:00:00Z expect_status 0 rota --config rota.conf schedule generate t1 &&
	expect_out "Mon 2027-01-11 10:00  ana -> bo  leave" &&
	expect_out "8 weeks, 2 changed, 1 kept as they were (1 started)"
'

test_expect_success 'a swapped shift stays when the schedule is re-generated' '
	team &&
	rota schedule generate t1 >/dev/null &&
	sqlite3 rota.db "UPDATE shifts SET origin = '"'"'swap'"'"', person_id = (SELECT id FROM persons WHERE handle = '"'"'bo'"'"') WHERE slot = 5" &&
	rota leave add bo 2027-02-09 2027-02-09 >/dev/null &&
	expect_status 0 rota schedule generate t1 &&
	expect_file "FROM                  CHANGE     WHY
Mon 2027-01-25 10:00  bo -> ana  balance
term t1: 8 weeks, 1 changed, 3 kept as they were (2 frozen, 1 swapped); times in Europe/Dublin
Not fixed (in weeks the generator may not change); the command that would fix each:
PROBLEM  SHIFT  PERSON  FROM                  KEPT     DETAIL                         FIX
leave    6      bo      Mon 2027-02-08 10:00  swapped  bo is on leave Tue 2027-02-09  rota override 6 ana" out &&
	expect_err "1 problem in term t1 left as it was: the generator may not change its week" &&
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
	expect_out "Mon 2027-02-01 10:00  - -> ana  uncovered" &&
	expect_out "Mon 2027-02-08 10:00  - -> bo   uncovered" &&
	expect_out "Mon 2027-02-15 10:00  - -> cy   uncovered" &&
	sqlite3 rota.db "INSERT INTO pages (source, source_id, created_at, responder_id, class, imported_at)
		VALUES ('"'"'generic'"'"', '"'"'p1'"'"', 1799118000, 1, '"'"'sleep'"'"', 0), ('"'"'generic'"'"', '"'"'p2'"'"', 1799208000, 1, '"'"'sleep'"'"', 0)" &&
	printf "[schedule]\nrecovery_shifts = 3\nheavy_sleep_interruptions = 2\n" >rota.conf &&
	expect_status 0 rota --config rota.conf schedule generate t1 &&
	expect_file "FROM                  CHANGE    WHY
Mon 2027-02-01 10:00  - -> bo   uncovered
Mon 2027-02-08 10:00  - -> ana  uncovered
Mon 2027-02-15 10:00  - -> cy   uncovered
term t1: 3 weeks, 3 changed, 0 kept as they were; times in Europe/Dublin" out
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

test_expect_success 'a week in progress that nobody covers is covered from now to the handoff' '
	team &&
	ROTA_NOW=2027-01-12T12:00:00Z expect_status 0 rota schedule generate t1 &&
	expect_file "FROM                  CHANGE    WHY
Tue 2027-01-12 12:00  - -> cy   uncovered
Mon 2027-01-18 10:00  - -> ana  uncovered
Mon 2027-01-25 10:00  - -> dee  uncovered
Mon 2027-02-01 10:00  - -> bo   uncovered
Mon 2027-02-08 10:00  - -> cy   uncovered
Mon 2027-02-15 10:00  - -> ana  uncovered
Mon 2027-02-22 10:00  - -> dee  uncovered
this week from Tue 2027-01-12 12:00 to Mon 2027-01-18 10:00: cy (nobody was on call)
term t1: 8 weeks, 7 changed, 0 kept as they were; times in Europe/Dublin" out &&
	ROTA_NOW=2027-01-12T12:00:00Z expect_status 0 rota schedule check t1 &&
	expect_file "no problems" out &&
	test "$(sqlite3 rota.db "SELECT count(*) FROM shifts WHERE slot = 0")" = 0
'

# The issue's case 2: a team starts using rota on Wednesday 2027-03-03 at
# 14:00 (Dublin is on GMT), in term m1 that began on Monday 2027-03-01.
midweek() {
	export ROTA_NOW=2027-03-03T14:00:00Z &&
	for h in ana bo cy dee; do
		rota person add $h --name "$h" --email $h@example.com --tz Europe/Dublin >/dev/null || return 1
	done &&
	rota rotation add ops --tier primary --tz Europe/Dublin >/dev/null &&
	rota term add m1 --rotation ops --start 2027-03-01 --weeks 4 >/dev/null &&
	for h in ana bo cy dee; do rota volunteer join m1 $h >/dev/null || return 1; done
}

test_expect_success 'a team that starts mid-week is on call from now to the handoff (issue 19, case 2)' '
	midweek &&
	expect_status 65 rota schedule check m1 &&
	expect_out "m1    uncovered  -      -       Wed 2027-03-03 14:00  Mon 2027-03-08 10:00  no shift: run rota schedule generate" &&
	expect_status 0 rota schedule generate m1 &&
	expect_file "FROM                  CHANGE    WHY
Wed 2027-03-03 14:00  - -> cy   uncovered
Mon 2027-03-08 10:00  - -> ana  uncovered
Mon 2027-03-15 10:00  - -> dee  uncovered
Mon 2027-03-22 10:00  - -> bo   uncovered
this week from Wed 2027-03-03 14:00 to Mon 2027-03-08 10:00: cy (the term started mid-week)
term m1: 4 weeks, 4 changed, 0 kept as they were; times in Europe/Dublin" out &&
	expect_status 0 rota now &&
	expect_file "ROTATION  TIER     ON CALL  UNTIL
ops       primary  cy       Mon 2027-03-08 10:00 Europe/Dublin" out &&
	expect_unchanged 0 rota schedule generate m1 &&
	expect_file "no changes
term m1: 4 weeks, 0 changed, 3 kept as they were (2 frozen, 1 split); times in Europe/Dublin" out &&
	expect_status 0 rota schedule check m1 &&
	expect_file "no problems" out &&
	rota --json schedule show --rotation ops --from 2027-03-01 --to 2027-03-08 >out &&
	test "$(json "[(s[\"person\"], s[\"start\"], s[\"end\"]) for s in j]")" = "[('"'"'cy'"'"', '"'"'2027-03-03T14:00:00Z'"'"', '"'"'2027-03-08T10:00:00Z'"'"')]"
'

test_expect_success 'generate --json gives the part from now, its week and why' '
	midweek &&
	expect_unchanged 0 rota --json schedule generate m1 --dry-run &&
	test "$(json "j[\"changes\"][0]")" = "{'"'"'slot'"'"': 0, '"'"'shift'"'"': None, '"'"'week'"'"': '"'"'2027-03-01T10:00:00Z'"'"', '"'"'start'"'"': '"'"'2027-03-03T14:00:00Z'"'"', '"'"'end'"'"': '"'"'2027-03-08T10:00:00Z'"'"', '"'"'old'"'"': None, '"'"'new'"'"': '"'"'cy'"'"', '"'"'reason'"'"': '"'"'uncovered'"'"'}" &&
	rota schedule generate m1 >/dev/null &&
	expect_status 0 rota --json schedule generate m1 &&
	test "$(json "j[\"kept\"], j[\"kept_by\"], j[\"changes\"], j[\"unfixed\"]")" = "3 {'"'"'started'"'"': 0, '"'"'frozen'"'"': 2, '"'"'swapped'"'"': 0, '"'"'overridden'"'"': 0, '"'"'split'"'"': 1} [] []"
'

test_expect_success 'a time between minutes: the part starts at the next whole minute, nothing before now' '
	midweek &&
	ROTA_NOW=2027-03-03T14:00:25Z expect_status 0 rota schedule generate m1 &&
	expect_out "this week from Wed 2027-03-03 14:01 to Mon 2027-03-08 10:00: cy" &&
	test "$(sqlite3 rota.db "SELECT min(s.start_at) FROM shifts s JOIN terms t ON t.id = s.term_id WHERE t.name = '"'"'m1'"'"'")" = "$(date -u -d 2027-03-03T14:01:00Z +%s)" &&
	ROTA_NOW=2027-03-03T14:01:00Z expect_status 0 rota now &&
	expect_out "cy       Mon 2027-03-08 10:00 Europe/Dublin"
'

test_expect_success 'a week in progress that nobody may take stays uncovered, the rest is generated, the override listed' '
	midweek &&
	for h in ana bo cy dee; do rota leave add $h 2027-03-04 2027-03-04 >/dev/null || return 1; done &&
	expect_status 0 rota schedule generate m1 &&
	expect_file "FROM                  CHANGE    WHY
Mon 2027-03-08 10:00  - -> cy   uncovered
Mon 2027-03-15 10:00  - -> ana  uncovered
Mon 2027-03-22 10:00  - -> dee  uncovered
term m1: 4 weeks, 3 changed, 0 kept as they were; times in Europe/Dublin
Not fixed (in weeks the generator may not change); the command that would fix each:
PROBLEM    SHIFT  PERSON  FROM                  KEPT     DETAIL                               FIX
uncovered  -      -       Wed 2027-03-03 14:00  started  no shift, and no member may take it  rota override --rotation ops --from now --to 2027-03-08T10:00 HANDLE" out &&
	expect_err "1 problem in term m1 left as it was"
'

test_expect_success 'a cancelled shift in the week in progress is covered from now' '
	team &&
	rota schedule generate t1 >/dev/null &&
	sqlite3 rota.db "UPDATE shifts SET cancelled_at = 1 WHERE slot = 2" &&
	ROTA_NOW=2027-01-20T12:00:00Z expect_status 0 rota schedule generate t1 &&
	expect_file "FROM                  CHANGE    WHY
Wed 2027-01-20 12:00  - -> dee  cancelled
this week from Wed 2027-01-20 12:00 to Mon 2027-01-25 10:00: dee (its shift was cancelled)
term t1: 8 weeks, 1 changed, 4 kept as they were (2 started, 2 frozen); times in Europe/Dublin" out &&
	ROTA_NOW=2027-01-20T12:00:00Z expect_status 0 rota now &&
	expect_out "ops       primary  dee      Mon 2027-01-25 10:00 Europe/Dublin" &&
	ROTA_NOW=2027-01-20T12:00:00Z expect_status 0 rota schedule check t1 &&
	test "$(sqlite3 rota.db "SELECT count(*) FROM shifts WHERE slot = 2 AND cancelled_at IS NULL AND start_at = strftime('"'"'%s'"'"', '"'"'2027-01-20 12:00'"'"')")" = 1
'

test_expect_success 'a week in progress across a DST change is covered to the handoff at 10:00 local' '
	team &&
	rota term add spring --rotation ops --start 2027-03-22 --weeks 2 >/dev/null &&
	for h in ana bo cy; do rota volunteer join spring $h >/dev/null || return 1; done &&
	ROTA_NOW=2027-03-24T14:00:00Z expect_status 0 rota --json schedule generate spring &&
	test "$(json "[(c[\"start\"], c[\"end\"]) for c in j[\"changes\"]]")" = "[('"'"'2027-03-24T14:00:00Z'"'"', '"'"'2027-03-29T09:00:00Z'"'"'), ('"'"'2027-03-29T09:00:00Z'"'"', '"'"'2027-04-05T09:00:00Z'"'"')]" &&
	ROTA_NOW=2027-03-24T14:00:00Z expect_status 0 rota schedule generate spring &&
	expect_out "no changes" &&
	ROTA_NOW=2027-03-24T14:00:00Z expect_status 0 rota schedule check spring
'

test_expect_success 'what generate cannot fix is listed with the override that would (issue 19, part of 5)' '
	team &&
	rota schedule generate t1 >/dev/null &&
	export ROTA_NOW=2027-01-06T12:00:00Z &&
	rota volunteer leave t1 dee >/dev/null &&
	expect_status 0 rota schedule generate t1 &&
	expect_file "FROM                  CHANGE     WHY
Mon 2027-02-15 10:00  dee -> cy  not_member
term t1: 8 weeks, 1 changed, 3 kept as they were (1 started, 2 frozen); times in Europe/Dublin
Not fixed (in weeks the generator may not change); the command that would fix each:
PROBLEM    SHIFT  PERSON  FROM                  KEPT    DETAIL                                                                FIX
uncovered  3      dee     Mon 2027-01-18 10:00  frozen  dee left the term on Wed 2027-01-06 12:00 and still holds this shift  rota override 3 cy" out &&
	expect_file "rota: warning: 1 problem in term t1 left as it was: the generator may not change its week; the command that would fix each is listed" err &&
	expect_status 0 rota --json schedule generate t1 --dry-run &&
	test "$(json "j[\"unfixed\"]")" = "[{'"'"'problem'"'"': '"'"'uncovered'"'"', '"'"'shift'"'"': 3, '"'"'person'"'"': '"'"'dee'"'"', '"'"'start'"'"': '"'"'2027-01-18T10:00:00Z'"'"', '"'"'end'"'"': '"'"'2027-01-25T10:00:00Z'"'"', '"'"'kept'"'"': '"'"'frozen'"'"', '"'"'detail'"'"': '"'"'dee left the term on Wed 2027-01-06 12:00 and still holds this shift'"'"', '"'"'fix'"'"': '"'"'rota override 3 cy'"'"'}]" &&
	rota override 3 cy >/dev/null &&
	expect_status 0 rota schedule generate t1 &&
	test ! -s err && ! grep -q "Not fixed" out &&
	expect_status 0 rota schedule check t1
'

test_expect_success 'a bad schedule setting is a configuration error' '
	team &&
	printf "[rotation \"ops\"]\nfreeze_days = soon\n" >rota.conf &&
	expect_unchanged 78 rota --config rota.conf schedule generate t1 &&
	expect_err "freeze_days must be a whole number"
'

test_done
