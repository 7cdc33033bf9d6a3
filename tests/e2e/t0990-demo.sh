#!/bin/sh
# rota demo: the sample team end to end, on a fresh database of its own.
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"

q() { sqlite3 demo/rota.db "$1"; }
# The output of the step whose command line is $1.
section() { awk -v h="$1" '$0 == h { p = 1; next } /^[a-z]+\$ rota / { p = 0 } p' out; }

test_expect_success 'the demo tells the whole story and leaves a consistent database' '
	expect_status 0 rota demo demo &&
	expect_out "A sample team on a fresh database: demo/rota.db" &&
	grep -x "mia\\$ rota term add primary-2027-01 --rotation primary --start 2027-01-02 --weeks 26" out &&
	grep -x "mia\\$ rota schedule generate primary-2027-01" out &&
	grep "^[a-z]*\\$ rota " out >typed &&
	test "$(wc -l <typed)" -gt 30 &&
	! grep -E "[0-9]T[0-9:]+Z|T[0-9:]+[+-][0-9][0-9]:" typed &&
	grep -x "mia\\$ rota rotation add primary --tier primary --tz Europe/Dublin --handoff '"'"'Mon 10:00'"'"' --covers out-of-hours" out &&
	test "$(q "SELECT r.name FROM rotation_cover c JOIN rotations r ON r.id = c.rotation_id")" = primary &&
	test "$(q "SELECT count(*) FROM rotation_offices")" = 0 &&
	grep -x "ana\\$ rota now --at 2027-01-10" out &&
	grep -x "kim\\$ rota swap request 2027-01-26 --with dev" out &&
	grep -x "dev\\$ rota swap accept 1" out &&
	grep -x "mia\\$ rota report fairness primary-2027-01" out &&
	test "$(q "SELECT count(*) FROM offices")" = 2 &&
	test "$(q "SELECT count(*) FROM persons WHERE NOT is_manager")" = 7 &&
	test "$(q "SELECT count(*) FROM persons WHERE is_manager")" = 3 &&
	test "$(q "SELECT r.name, count(DISTINCT s.slot), count(*) FROM shifts s JOIN rotations r ON r.id = s.rotation_id WHERE s.cancelled_at IS NULL GROUP BY r.name ORDER BY r.name")" = "managers|26|26
primary|26|29" &&
	test "$(q "SELECT count(*) FROM shifts s JOIN rotations r ON r.id = s.rotation_id JOIN persons p ON p.id = s.person_id WHERE r.tier = '"'"'escalation'"'"' AND NOT p.is_manager")" = 0 &&
	test "$(q "SELECT p.handle, s.origin, s.sequence FROM shifts s JOIN persons p ON p.id = s.person_id WHERE s.id = 4")" = "dev|swap|1" &&
	test "$(q "SELECT state FROM swaps ORDER BY id")" = "accepted
accepted" &&
	test "$(q "SELECT count(*) FROM leave")" = 2 &&
	test "$(q "SELECT day, name FROM holidays")" = "2027-03-17|Saint Patrick'"'"'s Day" &&
	test "$(q "SELECT actor || '"'"' '"'"' || action FROM audit_events WHERE action LIKE '"'"'swap.%'"'"' ORDER BY id")" = "kim swap.request
dev swap.accept
niamh swap.request
kim swap.accept" &&
	expect_out "primary   primary     dev      Mon 2027-01-11 09:00 Europe/Dublin" &&
	expect_out "Coverage (%):            100.0" &&
	section "mia\$ rota report fairness primary-2027-01" | tr -s " " >fairness &&
	grep -x "Dublin 125.8" fairness &&
	grep -x "San Francisco 123.0" fairness &&
	grep -x "Dublin + San Francisco 83.6" fairness &&
	test ! -e rota.db
'

# parts SLOT: the parts of week SLOT of the primary term, in time order.
parts() {
	q "SELECT p.handle, datetime(s.start_at, 'unixepoch'), datetime(s.end_at, 'unixepoch'),
		s.origin FROM shifts s JOIN persons p ON p.id = s.person_id
		JOIN rotations r ON r.id = s.rotation_id
		WHERE r.name = 'primary' AND s.slot = $1 AND s.cancelled_at IS NULL ORDER BY s.start_at"
}

test_expect_success 'a colleague takes one night of a week; the rest of a week in progress is overridden; the service owners answer in Dublin'"'"'s hours, the volunteer that evening in San Francisco' '
	rota demo demo >out &&
	grep -x "niamh cannot be on call on the Tuesday night of their week and asks" out &&
	grep -x "niamh\$ rota swap request 2027-01-19 --from 2027-01-19T18:00 --to 2027-01-20T08:00 --with kim" out &&
	grep -x "kim\$ rota swap accept 2" out &&
	test "$(parts 2)" = "niamh|2027-01-18 10:00:00|2027-01-19 18:00:00|generated
kim|2027-01-19 18:00:00|2027-01-20 08:00:00|swap
niamh|2027-01-20 08:00:00|2027-01-25 10:00:00|generated" &&
	section "niamh\$ rota next --count 2" >next &&
	grep -q "^3 .* Mon 2027-01-18 10:00  Tue 2027-01-19 18:00 " next &&
	grep -q " Wed 2027-01-20 08:00  Mon 2027-01-25 10:00 " next &&
	grep -x "On the Wednesday of the first week (the clock says Wed 2027-01-06 13:00), dev," out &&
	grep -x "mia\$ rota override --from now ana" out &&
	test "$(parts 0)" = "dev|2027-01-04 10:00:00|2027-01-06 13:00:00|generated
ana|2027-01-06 13:00:00|2027-01-11 10:00:00|override" &&
	section "ana\$ rota now" | tr -s " " >now &&
	grep -x "primary primary in hours: service owners Thu 2027-01-07 02:00 Europe/Dublin" now &&
	! grep "^primary" now | grep -q ana &&
	section "kim\$ rota now --at 2027-01-06T19:00" | tr -s " " >evening &&
	grep -x "primary primary ana Thu 2027-01-07 09:00 Europe/Dublin" evening &&
	section "mia\$ rota schedule show --from 2027-01-04 --to 2027-01-11" | tr -s " " >week &&
	grep -x "1 primary primary dev Mon 2027-01-04 10:00 Wed 2027-01-06 13:00 Europe/Dublin generated" week &&
	grep -q "^[0-9]* primary primary ana Wed 2027-01-06 13:00 Mon 2027-01-11 10:00 Europe/Dublin override$" week &&
	test "$(q "SELECT actor, datetime(at, '"'"'unixepoch'"'"') FROM audit_events WHERE action = '"'"'shift.override'"'"'")" = "mia|2027-01-06 13:00:00"
'

test_expect_success 'three months on, pages come in: a quiet month, a noisy one, pay and the HTML report' '
	rota demo demo >out &&
	grep -x "(configured by demo/rota.conf)" out &&
	grep -x "Three months on (the clock says 2027-05-03), the pages of 2027-02 to 2027-04" out &&
	grep -x "own teams, and the reports count them apart from the volunteers'"'"':" out &&
	grep -x "mia\$ rota page import demo/pages.csv" out &&
	grep -x "imported 63 pages (0 already known)" out &&
	test "$(q "SELECT count(*) FROM pages")" = 63 &&
	test "$(head -1 demo/pages.csv)" = "id,created_at,acknowledged_at,resolved_at,responder,service,alert,urgency,escalated,runbook_url" &&
	section "mia\$ rota report monthly 2027-02" >quiet &&
	grep -x "Out-of-hours interruptions            5       green   8 / 10" quiet &&
	section "mia\$ rota report monthly 2027-03" >noisy &&
	grep -x "Out-of-hours interruptions            11      red     8 / 10" noisy &&
	grep -x "Pages: 30, interruptions: 11, sleep interruptions: 4" noisy &&
	grep -x "Handled by the services'"'"' own teams in business hours: 17 pages" noisy &&
	section "mia\$ rota pay 2027-03" >pay &&
	grep -x "niamh   EUR       1   500.00     0.00   100.00     0.00         210  140.00      2        50.00       4    0.00   790.00" pay &&
	grep -x "mia\$ rota report monthly 2027-03 --format html -o demo/report-2027-03.html" out &&
	grep -x "The noisy month as a page with charts: open demo/report-2027-03.html" out &&
	test "$(grep -o "<svg" demo/report-2027-03.html | wc -l)" = 3 &&
	grep -x "stipend_per_week = 500.00" demo/rota.conf &&
	expect_out "rota --db demo/rota.db --config demo/rota.conf --as ana next"
'

test_expect_success 'no shift overlaps leave and nobody is on call in both tiers at once' '
	rota demo demo >/dev/null &&
	test "$(q "SELECT count(*) FROM shifts s JOIN leave l ON l.person_id = s.person_id AND l.start_at < s.end_at AND s.start_at < l.end_at")" = 0 &&
	test "$(q "SELECT count(*) FROM shifts a JOIN shifts b ON a.person_id = b.person_id AND a.rotation_id <> b.rotation_id AND a.start_at < b.end_at AND b.start_at < a.end_at")" = 0 &&
	expect_status 0 rota --db demo/rota.db schedule check primary-2027-01 &&
	expect_out "no problems"
'

test_expect_success 'without a folder the demo makes one under TMPDIR' '
	mkdir tmp &&
	TMPDIR=$PWD/tmp expect_status 0 rota demo &&
	ls tmp/rota-demo.*/rota.db >/dev/null &&
	expect_out "rota --db $PWD/tmp/rota-demo."
'

test_expect_success 'the demo refuses a database that exists, and --json' '
	rota demo demo >/dev/null &&
	cp demo/rota.db before.db &&
	expect_status 73 rota demo demo &&
	expect_err "demo/rota.db already exists; the demo wants a fresh database" &&
	cmp demo/rota.db before.db &&
	mkdir conf && echo "[report]" >conf/rota.conf &&
	expect_status 73 rota demo conf &&
	expect_err "conf/rota.conf already exists; the demo writes its own" &&
	test ! -e conf/rota.db && test "$(cat conf/rota.conf)" = "[report]" &&
	expect_status 64 rota --json demo other && expect_err "the demo prints a story for people" &&
	test ! -e other/rota.db &&
	expect_status 64 rota demo a b && expect_err "too many arguments" &&
	expect_status 0 rota demo --help && expect_out "usage: rota demo [DIR]"
'

test_done
