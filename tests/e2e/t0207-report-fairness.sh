#!/bin/sh
# rota report fairness: how evenly a term's load is shared.
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib-swap.sh"

# page N HANDLE TIME CLASS [ROTATION]: one imported page.
page() {
	sqlite3 rota.db "INSERT INTO pages (source, source_id, created_at, responder_id,
		rotation_id, class, imported_at)
		SELECT 'generic', '$1', strftime('%s', '$3'), p.id,
		(SELECT id FROM rotations WHERE name = '${5:-ops}'), '$4', 0
		FROM persons p WHERE p.handle = '$2'"
}

test_expect_success 'per member and team figures of a term' '
	schedule &&
	expect_status 0 rota report fairness h1 &&
	expect_file "Term:                    h1
Rotation:                ops
From:                    Mon 2027-01-04 10:00 Europe/Dublin
To:                      Mon 2027-02-15 10:00 Europe/Dublin
PERSON  WEEKS  ON-CALL HOURS  LOAD (WEEKS)  SMALLEST GAP (DAYS)  INTERRUPTIONS  VS AVERAGE
ana     2.00   336.0          2.00          21.0                 0              +0.50 (+33.3%)
bo      2.00   336.0          2.00          21.0                 0              +0.50 (+33.3%)
cy      1.00   168.0          1.00          -                    0              -0.50 (-33.3%)
dee     1.00   168.0          1.00          -                    0              -0.50 (-33.3%)
Coverage (%):            100.0
Uncovered hours:         0.0
Spread (weeks):          1.00
Balance, on-call hours:  0.67
Balance, interruptions:  1.00
Above the average load:  ana +0.50 weeks (+33.3%), bo +0.50 weeks (+33.3%)" out
'

test_expect_success 'out-of-hours pages of the term count as interruptions' '
	schedule &&
	page 1 ana 2027-01-05T03:00:00 sleep &&
	page 2 ana 2027-01-06T20:00:00 out_of_hours &&
	page 3 ana 2027-01-06T12:00:00 in_hours &&
	page 4 dee 2027-01-26T03:00:00 sleep &&
	page 5 dee 2026-12-26T03:00:00 sleep &&
	page 6 mo 2027-01-05T03:00:00 sleep esc &&
	page 7 bo 2027-01-12T03:00:00 sleep esc &&
	expect_status 0 rota --json report fairness h1 &&
	test "$(json "[(m[\"person\"], m[\"interruptions\"]) for m in j[\"members\"]]")" = \
		"[('"'"'ana'"'"', 2), ('"'"'bo'"'"', 0), ('"'"'cy'"'"', 0), ('"'"'dee'"'"', 1)]" &&
	test "$(json "j[\"balance_interruptions\"], round(j[\"balance_hours\"], 4), j[\"coverage_pct\"], j[\"spread\"]")" = \
		"0.25 0.6667 100.0 1.0" &&
	test "$(json "j[\"start\"], j[\"end\"], j[\"members\"][0][\"oncall_hours\"], j[\"members\"][0][\"load_weeks\"], j[\"members\"][0][\"smallest_gap_days\"], j[\"members\"][2][\"smallest_gap_days\"]")" = \
		"2027-01-04T10:00:00Z 2027-02-15T10:00:00Z 336.0 2.0 21.0 None" &&
	test "$(json "[(a[\"person\"], a[\"excess_weeks\"], round(a[\"excess_pct\"], 1)) for a in j[\"above_average\"]]")" = \
		"[('"'"'ana'"'"', 0.5, 33.3), ('"'"'bo'"'"', 0.5, 33.3)]"
'

test_expect_success 'a week nobody holds lowers the coverage' '
	schedule &&
	sqlite3 rota.db "UPDATE shifts SET cancelled_at = 0 WHERE id = 6" &&
	expect_status 0 rota report fairness h1 &&
	expect_out "Coverage (%):            83.3" &&
	expect_out "Uncovered hours:         168.0" &&
	expect_out "Spread (weeks):          1.00" &&
	expect_out "Above the average load:  ana +0.75 weeks (+60.0%)"
'

test_expect_success 'a week with a public holiday of a member office weighs more' '
	schedule &&
	sqlite3 rota.db "INSERT INTO offices (name, tz, created_at) VALUES ('"'"'Dublin'"'"', '"'"'Europe/Dublin'"'"', 0);
		UPDATE persons SET office_id = 1 WHERE handle = '"'"'cy'"'"';
		INSERT INTO holidays (office_id, day, name) VALUES (1, '"'"'2027-01-20'"'"', '"'"'Test day'"'"')" &&
	expect_status 0 rota --json report fairness h1 &&
	test "$(json "[(m[\"person\"], m[\"load_weeks\"]) for m in j[\"members\"]]")" = \
		"[('"'"'ana'"'"', 2.0), ('"'"'bo'"'"', 2.0), ('"'"'cy'"'"', 1.5), ('"'"'dee'"'"', 1.0)]"
'

# The same holiday week of cy's (18-25 January, 1.5 weeks of load) with
# its last three days given to dee: each part counts its share of the
# week and of its load, as generation counts it: cy 96 of 168 hours, 0.571
# of a week and 1.5 * 96/168 = 0.857 of load; dee 0.429 and the remaining
# 0.643 on top of her own week. The term still weighs 6.5 weeks.
test_expect_success 'a holiday week held in parts: each part its share of the week and of its load' '
	schedule &&
	sqlite3 rota.db "INSERT INTO offices (name, tz, created_at) VALUES ('"'"'Dublin'"'"', '"'"'Europe/Dublin'"'"', 0);
		UPDATE persons SET office_id = 1 WHERE handle = '"'"'cy'"'"';
		INSERT INTO holidays (office_id, day, name) VALUES (1, '"'"'2027-01-20'"'"', '"'"'Test day'"'"')" &&
	rota override --from 2027-01-22T10:00 --to 2027-01-25T10:00 dee --force >/dev/null &&
	expect_status 0 rota --json report fairness h1 &&
	test "$(json "[(m[\"person\"], m[\"weeks\"], m[\"load_weeks\"]) for m in j[\"members\"]]")" = \
		"[('"'"'ana'"'"', 2.0, 2.0), ('"'"'bo'"'"', 2.0, 2.0), ('"'"'cy'"'"', 0.571, 0.857), ('"'"'dee'"'"', 1.429, 1.643)]" &&
	test "$(json "round(sum(m[\"load_weeks\"] for m in j[\"members\"]), 2)")" = 6.5
'

test_expect_success 'a date that is a holiday of a member office and of another counts once, as generation counts it' '
	team &&
	rota office add Dublin --tz Europe/Dublin >/dev/null &&
	rota office add Berlin --tz Europe/Berlin >/dev/null &&
	for h in ana bo cy dee; do
		rota person set $h --office Dublin >/dev/null || return 1
	done &&
	rota holiday add Berlin 2027-01-06 --name Epiphany >/dev/null &&
	rota holiday add Dublin 2027-01-06 --name "Test day" >/dev/null &&
	rota schedule generate h1 >/dev/null &&
	holder=$(sqlite3 rota.db "SELECT p.handle FROM shifts s JOIN persons p ON p.id = s.person_id
		JOIN terms t ON t.id = s.term_id WHERE t.name = '"'"'h1'"'"' AND s.slot = 0") &&
	expect_status 0 rota --json report fairness h1 &&
	test "$(json "sum(m[\"load_weeks\"] for m in j[\"members\"])")" = 6.5 &&
	test "$(json "[m[\"load_weeks\"] - m[\"shifts\"] for m in j[\"members\"] if m[\"person\"] == \"$holder\"]")" = "[0.5]"
'

test_expect_success 'a member who left before the term began and holds nothing is not counted' '
	team &&
	rota volunteer leave h1 dee >/dev/null &&
	rota schedule generate h1 >/dev/null &&
	expect_status 0 rota --json report fairness h1 &&
	test "$(json "[m[\"person\"] for m in j[\"members\"]]")" = "['"'"'ana'"'"', '"'"'bo'"'"', '"'"'cy'"'"']" &&
	test "$(json "j[\"spread\"], j[\"coverage_pct\"]")" = "0.0 100.0"
'

# dee's week (25 January - 1 February, shift 4) handed over to cy on
# Thursday 28 January 12:00 (forced: cy's own week ended three days
# before): dee held 74 of its 168 hours (0.440 of a week ->
# 0.44), cy the other 94 (the rest of the week: 0.56) on top of her own
# week, 3 days 2 hours after it; the week's parts add up to one week, and
# its time stays covered.
# When cy's part is cancelled, its 94 hours are uncovered.
test_expect_success 'a week held in parts counts each part its share of the week' '
	schedule &&
	rota override --from 2027-01-28T12:00 --to 2027-02-01T10:00 cy --force >/dev/null &&
	expect_status 0 rota report fairness h1 &&
	expect_file "Term:                    h1
Rotation:                ops
From:                    Mon 2027-01-04 10:00 Europe/Dublin
To:                      Mon 2027-02-15 10:00 Europe/Dublin
PERSON  WEEKS  ON-CALL HOURS  LOAD (WEEKS)  SMALLEST GAP (DAYS)  INTERRUPTIONS  VS AVERAGE
ana     2.00   336.0          2.00          21.0                 0              +0.50 (+33.3%)
bo      2.00   336.0          2.00          21.0                 0              +0.50 (+33.3%)
cy      1.56   262.0          1.56          3.1                  0              +0.06 (+4.0%)
dee     0.44   74.0           0.44          -                    0              -1.06 (-70.7%)
Coverage (%):            100.0
Uncovered hours:         0.0
Spread (weeks):          1.56
Balance, on-call hours:  0.55
Balance, interruptions:  1.00
Above the average load:  ana +0.50 weeks (+33.3%), bo +0.50 weeks (+33.3%), cy +0.06 weeks (+4.0%)" out &&
	expect_status 0 rota --json report fairness h1 &&
	test "$(json "[(m[\"person\"], m[\"shifts\"], m[\"weeks\"]) for m in j[\"members\"]], round(sum(m[\"load_weeks\"] for m in j[\"members\"]), 2)")" = \
		"[('"'"'ana'"'"', 2, 2.0), ('"'"'bo'"'"', 2, 2.0), ('"'"'cy'"'"', 2, 1.56), ('"'"'dee'"'"', 1, 0.44)] 6.0" &&
	sqlite3 rota.db "UPDATE shifts SET cancelled_at = 0 WHERE start_at = strftime('"'"'%s'"'"', '"'"'2027-01-28T12:00:00'"'"')" &&
	expect_status 0 rota report fairness h1 &&
	expect_out "Uncovered hours:         94.0"
'

# dee leaves the term on Wednesday 27 January 12:00, in the middle of her
# week (shift 4, to Monday 1 February 10:00): the rest of it, 118 hours,
# is a window schedule check lists and fairness does not count as covered.
test_expect_success 'schedule check and report fairness agree: a week held by someone who left is not covered' '
	schedule &&
	export ROTA_NOW=2027-01-27T12:00:00Z &&
	rota volunteer leave h1 dee >/dev/null &&
	expect_status 65 rota --json schedule check h1 &&
	test "$(json "[(p[\"problem\"], p[\"shift\"], p[\"start\"], p[\"end\"]) for p in j]")" = \
		"[('"'"'uncovered'"'"', 4, '"'"'2027-01-27T12:00:00Z'"'"', '"'"'2027-02-01T10:00:00Z'"'"')]" &&
	expect_status 0 rota --json report fairness h1 &&
	test "$(json "j[\"uncovered_hours\"], round(j[\"coverage_pct\"], 1)")" = "118.0 88.3" &&
	test "$(json "[m[\"person\"] for m in j[\"members\"]]")" = \
		"['"'"'ana'"'"', '"'"'bo'"'"', '"'"'cy'"'"', '"'"'dee'"'"']"
'

test_expect_success 'an unknown term' '
	schedule &&
	expect_unchanged 65 rota report fairness h9 &&
	expect_err "rota: unknown term '"'"'h9'"'"' (see rota term list)" &&
	expect_unchanged 64 rota report fairness h1 h2 &&
	expect_err "usage: rota report fairness [TERM]"
'

test_done
