#!/bin/sh
# The lines around tables wrap to the terminal as the tables fit it
# (issue 22): notes, summaries and the monthly report's lines break at
# spaces, their next lines indented (a list of months stays in pairs,
# under the first month); no line is wider than --width. A pipe without
# --width prints them as before, whole.
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib-report.sh"
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib-fit.sh"

test_expect_success 'schedule generate: its summary wrapped, the dry run said on a line of its own' '
	team &&
	wide_is_pipe schedule generate h1 --dry-run &&
	expect_file "no changes
term h1: 6 weeks, 0 changed, 2 kept as they were (2 frozen); times in Europe/Dublin
dry run: nothing was changed" pipe.txt &&
	rota --width 30 schedule generate h1 --dry-run >out &&
	expect_file "no changes
term h1: 6 weeks, 0 changed, 2
  kept as they were (2
  frozen); times in
  Europe/Dublin
dry run: nothing was changed" out
'

test_expect_success 'now: the rotation nobody covers is named on wrapped lines' '
	team &&
	rota rotation add payments-platform-escalation-weekends --tier escalation \
		--tz America/Argentina/Buenos_Aires >/dev/null &&
	export ROTA_NOW=2027-01-05T12:00:00Z &&
	wide_is_pipe now &&
	tail -n 1 pipe.txt >last &&
	expect_file "nobody is on call in escalation rotation payments-platform-escalation-weekends" last &&
	rota --width 60 now >out &&
	fits 60 out &&
	tail -n 2 out >last &&
	expect_file "nobody is on call in escalation rotation
  payments-platform-escalation-weekends" last
'

test_expect_success 'swap suggest: why each member cannot take the shift, wrapped' '
	team &&
	wide_is_pipe swap suggest 2 &&
	grep -x -F "Not bo: breaks the minimum gap of 1 shift(s) off: already on call from Mon 2027-01-18 10:00 Europe/Dublin (shift 3)." pipe.txt &&
	rota --width 60 swap suggest 2 >out &&
	expect_file "Not bo: breaks the minimum gap of 1 shift(s) off: already on
  call from Mon 2027-01-18 10:00 Europe/Dublin (shift 3).
Not cy: breaks the minimum gap of 1 shift(s) off: already on
  call from Mon 2027-01-04 10:00 Europe/Dublin (shift 1).
Nobody else in term h1 can take shift 2." out
'

# months: a page out of hours in each of the five months before January.
months() {
	for m in 2026-08 2026-09 2026-10 2026-11 2026-12; do
		page "p$m" ana "$m-10T02:00:00Z" 60 600 actionable db "disk full" || return 1
	done
}

test_expect_success 'report monthly: goal, trend and totals wrapped; the months stay in pairs' '
	team && pages && months &&
	export ROTA_NOW=2027-02-20T00:00:00Z &&
	wide_is_pipe report monthly 2027-01 &&
	grep -x -F "Trend:  2026-08 0  2026-09 0  2026-10 0  2026-11 0  2026-12 0  2027-01 5" pipe.txt &&
	grep -x -F "Pages: 8, interruptions: 7, sleep interruptions: 3" pipe.txt &&
	rota --width 40 report monthly 2027-01 >out &&
	sed -n "/^Goal:/,/^Pages:/{p;n;p}" out >lines &&
	expect_file "Goal: fewer than 10 out-of-hours
  interruptions a month
Trend:  2026-08 0  2026-09 0  2026-10 0
        2026-11 0  2026-12 0  2027-01 5
Pages: 8, interruptions: 7, sleep
  interruptions: 3" lines &&
	rota --width 60 report monthly 2027-01 >out &&
	fits 60 out &&
	grep -A 1 "^Trend:" out >lines &&
	expect_file "Trend:  2026-08 0  2026-09 0  2026-10 0  2026-11 0
        2026-12 0  2027-01 5" lines
'

test_expect_success 'pay with nobody paid says so on wrapped lines' '
	team &&
	wide_is_pipe pay 2027-01 &&
	expect_file "Pay for 2027-01
nobody was paid (no shifts of a rotation with a policy, no paid work)" pipe.txt &&
	rota --width 40 pay 2027-01 >out &&
	expect_file "Pay for 2027-01
nobody was paid (no shifts of a rotation
  with a policy, no paid work)" out
'

test_done
