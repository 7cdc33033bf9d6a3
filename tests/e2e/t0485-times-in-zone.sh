#!/bin/sh
# Every time shown to a person is in their zone, or the rotation's, said
# once: audit in the reader's zone (its JSON in UTC), a page import error
# in the rotation's, and the override schedule check suggests in the
# rotation's wall clock, which override reads back. Readers in Los
# Angeles (UTC-8 in winter) and Kolkata (UTC+5:30).
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"

HEAD=id,created_at,acknowledged_at,resolved_at,responder,service,alert,urgency,escalated,runbook_url

# readers: ana (Los Angeles), mo (Kolkata, a manager), bo and cy (Los
# Angeles); rotation ops in Los Angeles, handoff Mon 10:00 (18:00Z), term
# h1 of two weeks from Mon 2027-01-04, all made at 2027-01-01T12:00:00Z.
readers() {
	rota person add ana --name Ana --email ana@example.com --tz America/Los_Angeles >/dev/null &&
	rota person add mo --name Mo --email mo@example.com --tz Asia/Kolkata --manager >/dev/null &&
	rota --as mo rotation add ops --tier primary --tz America/Los_Angeles >/dev/null &&
	rota --as mo term add h1 --rotation ops --start 2027-01-04 --weeks 2 >/dev/null
}

test_expect_success 'audit: times in the reader'"'"'s zone, said once; times in a change too' '
	readers &&
	expect_status 0 rota --as ana audit &&
	expect_file "TIME                  ACTOR       ACTION        OBJECT  CHANGE
Fri 2027-01-01 04:00  root        person.add    ana     new: handle: ana, name: Ana, email: ana@example.com, tz: America/Los_Angeles, office: -, man...
Fri 2027-01-01 04:00  root        person.add    mo      new: handle: mo, name: Mo, email: mo@example.com, tz: Asia/Kolkata, office: -, manager: yes,...
Fri 2027-01-01 04:00  root as mo  rotation.add  ops     new: name: ops, tier: primary, tz: America/Los_Angeles, handoff: Mon 10:00, shift_days: 7
Fri 2027-01-01 04:00  root as mo  term.add      h1      new: name: h1, rotation: ops, start: Mon 2027-01-04 10:00, end: Mon 2027-01-18 10:00, weeks: 2
Times in America/Los_Angeles." out &&
	expect_status 0 rota --as mo audit --object h1 &&
	expect_file "TIME                  ACTOR       ACTION    OBJECT  CHANGE
Fri 2027-01-01 17:30  root as mo  term.add  h1      new: name: h1, rotation: ops, start: Mon 2027-01-04 23:30, end: Mon 2027-01-18 23:30, weeks: 2
Times in Asia/Kolkata." out &&
	expect_status 0 rota audit --object h1 &&
	expect_file "TIME                  ACTOR       ACTION    OBJECT  CHANGE
Fri 2027-01-01 12:00  root as mo  term.add  h1      new: name: h1, rotation: ops, start: Mon 2027-01-04 18:00, end: Mon 2027-01-18 18:00, weeks: 2
Times in UTC." out
'

test_expect_success 'audit --json keeps UTC ISO 8601 with Z, whoever reads it' '
	readers &&
	for who in ana mo; do
		expect_status 0 rota --as $who --json audit --object h1 || return 1
		test "$(json "j[0][\"time\"], j[0][\"after\"][\"start\"], j[0][\"after\"][\"end\"]")" = \
			"2027-01-01T12:00:00Z 2027-01-04T18:00:00Z 2027-01-18T18:00:00Z" || return 1
		! grep -q "Times in" out || return 1
	done
'

test_expect_success 'audit --since DATE is midnight where the reader is' '
	readers &&
	expect_status 0 rota --as ana audit --since 2027-01-01 &&
	test "$(grep -c " root" out)" = 4 &&
	expect_status 0 rota --as mo audit --since 2027-01-02 &&
	expect_file "No audit events match." out
'

test_expect_success 'a page nobody can be given: the time in the rotation'"'"'s zone, named' '
	readers &&
	printf "%s\nG1,2027-01-02T10:00:00Z,,,,checkout,a,high,false,\n" "$HEAD" >early.csv &&
	expect_unchanged 65 rota page import early.csv &&
	expect_file "rota: early.csv:2: page G1 names no responder and nobody is on call in rotation '"'"'ops'"'"' at Sat 2027-01-02 02:00 America/Los_Angeles" err
'

# The second week ends two days early: Sat 10:00 to Mon 10:00 in Los
# Angeles (18:00Z) is uncovered.
test_expect_success 'schedule check suggests the override in the rotation'"'"'s wall clock; it works as printed' '
	readers &&
	for h in bo cy; do
		rota person add $h --name $h --email $h@example.com --tz America/Los_Angeles >/dev/null || return 1
	done &&
	for h in ana bo cy; do
		rota volunteer join h1 $h >/dev/null || return 1
	done &&
	rota schedule generate h1 >/dev/null &&
	sqlite3 rota.db "UPDATE shifts SET end_at = end_at - 2 * 86400 WHERE slot = 1" &&
	expect_status 65 rota --json schedule check h1 &&
	fix=$(json "j[0][\"fix\"]") &&
	case $fix in
	"rota override --rotation ops --from 2027-01-16T10:00 --to 2027-01-18T10:00 "[a-z]*) ;;
	*) echo "unexpected fix: $fix"; false ;;
	esac &&
	expect_status 0 $fix &&
	expect_status 0 rota schedule check h1 &&
	test "$(sqlite3 rota.db "SELECT datetime(start_at, '"'"'unixepoch'"'"'), datetime(end_at, '"'"'unixepoch'"'"') FROM shifts WHERE origin = '"'"'override'"'"'")" = \
		"2027-01-16 18:00:00|2027-01-18 18:00:00"
'

test_done
