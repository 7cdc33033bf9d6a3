#!/bin/sh
# report monthly counts inside the month only, lists every member of a
# term overlapping it, and starts the trend where the data starts.
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib-report.sh"

# A term of two weeks from Monday 22 February 2027: its first week ends
# on Monday 1 March at 10:00. Its holder is paged every evening of its
# February days (7 pages, 22nd to 28th at 20:00).
late_feb() {
	{
		rota person add ana --name "Ana Alves" --email ana@example.com --tz Europe/Dublin &&
		rota person add bo --name "Bo Berg" --email bo@example.com --tz Europe/Dublin &&
		rota person add cy --name "Cy Chen" --email cy@example.com --tz Europe/Dublin &&
		rota rotation add ops --tier primary --tz Europe/Dublin &&
		rota term add t1 --rotation ops --start 2027-02-22 --weeks 2 &&
		rota volunteer join t1 ana && rota volunteer join t1 bo && rota volunteer join t1 cy &&
		rota schedule generate t1
	} >/dev/null &&
	first=$(sqlite3 rota.db "SELECT p.handle FROM shifts s JOIN persons p ON p.id = s.person_id
		WHERE s.start_at = strftime('%s', '2027-02-22T10:00:00')") &&
	test -n "$first" &&
	for d in 22 23 24 25 26 27 28; do
		page "p$d" "$first" "2027-02-${d}T20:00:00" 60 600 out_of_hours api "5xx rate" "" 1 https://rb/5xx ||
			return 1
	done
}

test_expect_success 'a shift ending on 1 March brings none of its February pages into March' '
	late_feb &&
	ROTA_NOW=2027-04-10T00:00:00Z expect_status 0 rota report monthly 2027-02 --format json &&
	test "$(json "[(p[\"ooh_interruptions\"], p[\"most_pages_in_a_shift\"], p[\"indicators\"][\"most_pages_in_a_shift\"][\"status\"]) for p in j[\"people\"] if p[\"handle\"] == \"$first\"]")" = \
		"[(7, 7, '"'"'amber'"'"')]" &&
	ROTA_NOW=2027-04-10T00:00:00Z expect_status 0 rota report monthly 2027-03 --format json &&
	test "$(json "[(p[\"shifts\"], p[\"ooh_interruptions\"], p[\"most_pages_in_a_shift\"], p[\"status\"]) for p in j[\"people\"] if p[\"handle\"] == \"$first\"]")" = \
		"[(1, 0, 0, '"'"'green'"'"')]" &&
	test "$(json "j[\"status\"]")" = green &&
	ROTA_NOW=2027-04-10T00:00:00Z expect_status 0 rota report monthly 2027-03 &&
	! grep -q "in one shift" out
'

test_expect_success 'a March page in that shift is counted in March, alone' '
	late_feb &&
	page m1 "$first" 2027-03-01T03:00:00 60 600 sleep db "disk full" "" 1 https://rb/disk &&
	ROTA_NOW=2027-04-10T00:00:00Z expect_status 0 rota report monthly 2027-03 --format json &&
	test "$(json "[(p[\"interruptions\"], p[\"sleep_interruptions\"], p[\"most_pages_in_a_shift\"]) for p in j[\"people\"] if p[\"handle\"] == \"$first\"]")" = \
		"[(1, 1, 1)]"
'

# team: ops' weeks from 4 January go cy, ana, bo, cy, ana, bo. ana's
# week of 1 February goes to bo: ana has no shift and no page in
# February. Her last shift ended on 18 January at 10:00: at the month's
# end (1 March 00:00) 41 days 14 hours ago, 5 whole weeks. di joins
# after the schedule was made: never on call. mo is in no term.
test_expect_success 'every member of a term overlapping the month is listed, with weeks since the last shift' '
	team &&
	rota override --from 2027-02-01T10:00 --to 2027-02-08T10:00 --force bo >/dev/null 2>&1 &&
	rota person add di --name "Di Dee" --email di@example.com --tz Europe/Dublin >/dev/null &&
	rota volunteer join h1 di >/dev/null &&
	ROTA_NOW=2027-03-20T00:00:00Z expect_status 0 rota report monthly 2027-02 --format json &&
	json "\"\\n\".join(\"%s %s %s %s\" % (p[\"handle\"], p[\"shifts\"], p[\"weeks_since_last_shift\"], p[\"indicators\"][\"weeks_since_last_shift\"][\"status\"]) for p in j[\"people\"])" >got &&
	expect_file "ana 0 5 green
bo 2 1 green
cy 1 3 green
di 0 None green" got &&
	ROTA_NOW=2027-03-20T00:00:00Z expect_status 0 rota report monthly 2027-02 &&
	expect_out "ana     0       0.0    0    0      0       0    0          0      0       0%     5            0      0          -    green" &&
	ROTA_NOW=2027-03-20T00:00:00Z expect_status 0 rota report monthly 2027-02 --format csv &&
	grep -q "^2027-02,ana,Ana Alves,0,0.0,0,0,0,0,0,0,0,0,0,5,0,,green,0$" out
'

test_expect_success 'a member who left before the month is not listed' '
	team &&
	rota override --from 2027-02-01T10:00 --to 2027-02-08T10:00 --force bo >/dev/null 2>&1 &&
	ROTA_NOW=2027-01-20T00:00:00Z rota volunteer leave h1 ana >/dev/null 2>&1 &&
	ROTA_NOW=2027-03-20T00:00:00Z expect_status 0 rota report monthly 2027-02 --format json &&
	test "$(json "[p[\"handle\"] for p in j[\"people\"]]")" = "['"'"'bo'"'"', '"'"'cy'"'"']"
'

test_expect_success 'the trend starts at the first month with a shift or a page' '
	team &&
	ROTA_NOW=2027-03-20T00:00:00Z expect_status 0 rota report monthly 2027-02 --format json &&
	test "$(json "[(m[\"month\"], m[\"ooh_interruptions\"]) for m in j[\"team\"][\"trend\"]]")" = \
		"[('"'"'2027-01'"'"', 0), ('"'"'2027-02'"'"', 0)]" &&
	page old ana 2026-11-20T21:00:00 60 600 out_of_hours api "5xx rate" &&
	ROTA_NOW=2027-03-20T00:00:00Z expect_status 0 rota report monthly 2027-02 --format json &&
	test "$(json "[(m[\"month\"], m[\"ooh_interruptions\"]) for m in j[\"team\"][\"trend\"]]")" = \
		"[('"'"'2026-11'"'"', 1), ('"'"'2026-12'"'"', 0), ('"'"'2027-01'"'"', 0), ('"'"'2027-02'"'"', 0)]" &&
	ROTA_NOW=2027-03-20T00:00:00Z expect_status 0 rota report monthly 2027-02 &&
	expect_out "Trend:  2026-11 1  2026-12 0  2027-01 0  2027-02 0" &&
	ROTA_NOW=2027-03-20T00:00:00Z expect_status 0 rota report monthly 2026-09 --format json &&
	test "$(json "j[\"team\"][\"trend\"]")" = "[{'"'"'month'"'"': '"'"'2026-09'"'"', '"'"'ooh_interruptions'"'"': 0}]"
'

test_done
