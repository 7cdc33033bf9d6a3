#!/bin/sh
# A rotation covering out of hours (issue 20): the reports count the hours
# its volunteers were on call, not the whole week, and show what each
# office buys.
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib-pay.sh"

# sun_team: the team of lib-team.sh with ana and bo in Dublin, cy and dee
# in San Francisco (both offices Mon-Fri 09:00-18:00 local), ops covering
# out of hours (its members' offices), h1 laid out ana bo cy dee ana bo.
#
# Hours on call in a week from Monday 10:00 Dublin, worked out by hand:
# in winter Dublin is open 09:00-18:00Z and San Francisco 17:00-02:00Z,
# so together they are open 09:00-02:00Z on weekdays: on call Tuesday to
# Friday 02:00-09:00Z (4 x 7 h) and Saturday 02:00Z to Monday 09:00Z
# (55 h): 83 hours. Dublin alone: four nights 18:00-09:00 (60 h) and the
# weekend, Friday 18:00 to Monday 09:00 (63 h): 123. San Francisco alone:
# 123 too (Monday 10:00-17:00Z, four days 02:00-17:00Z, Saturday 02:00Z to
# Monday 10:00Z).
sun_team() {
	team &&
	rota office add Dublin --tz Europe/Dublin >/dev/null &&
	rota office add "San Francisco" --tz America/Los_Angeles >/dev/null &&
	for h in ana bo; do
		rota person set $h --office Dublin >/dev/null || return 1
	done &&
	for h in cy dee; do
		rota person set $h --office "San Francisco" --tz America/Los_Angeles >/dev/null ||
			return 1
	done &&
	rota rotation set ops --covers out-of-hours >/dev/null &&
	lay h1 ana bo cy dee ana bo &&
	rota schedule generate e1 >/dev/null
}

test_expect_success 'report fairness counts the hours on call: 83 a week with Dublin and San Francisco' '
	sun_team &&
	expect_status 0 rota report fairness h1 &&
	expect_file "Term:                    h1
Rotation:                ops
From:                    Mon 2027-01-04 10:00 Europe/Dublin
To:                      Mon 2027-02-15 10:00 Europe/Dublin
PERSON  WEEKS  ON-CALL HOURS  LOAD (WEEKS)  SMALLEST GAP (DAYS)  INTERRUPTIONS  VS AVERAGE
ana     2.00   166.0          2.00          21.0                 0              +0.50 (+33.3%)
bo      2.00   166.0          2.00          21.0                 0              +0.50 (+33.3%)
cy      1.00   83.0           1.00          -                    0              -0.50 (-33.3%)
dee     1.00   83.0           1.00          -                    0              -0.50 (-33.3%)
Coverage (%):            100.0
Uncovered hours:         0.0
Spread (weeks):          1.00
Balance, on-call hours:  0.67
Balance, interruptions:  1.00
Above the average load:  ana +0.50 weeks (+33.3%), bo +0.50 weeks (+33.3%)
On call with these offices (hours a week):
OFFICES                 ON CALL (H/WEEK)
Dublin                  123.0
San Francisco           123.0
Dublin + San Francisco  83.0" out
'

test_expect_success 'follow the sun in --json: each office alone and the pair' '
	sun_team &&
	expect_status 0 rota --json report fairness h1 &&
	test "$(json "[(f[\"offices\"], f[\"n_offices\"], f[\"hours_a_week\"]) for f in j[\"follow_the_sun\"]]")" = \
		"[('"'"'Dublin'"'"', 1, 123.0), ('"'"'San Francisco'"'"', 1, 123.0), ('"'"'Dublin + San Francisco'"'"', 2, 83.0)]" &&
	test "$(json "[(m[\"person\"], m[\"oncall_hours\"]) for m in j[\"members\"]], j[\"coverage_pct\"]")" = \
		"[('"'"'ana'"'"', 166.0), ('"'"'bo'"'"', 166.0), ('"'"'cy'"'"', 83.0), ('"'"'dee'"'"', 83.0)] 100.0"
'

test_expect_success 'a rotation covering every hour and one of one office show no follow the sun' '
	sun_team &&
	expect_status 0 rota --json report fairness e1 &&
	test "$(json "\"follow_the_sun\" in j, j[\"members\"][0][\"oncall_hours\"]")" = "False 1008.0" &&
	rota rotation set ops --offices Dublin >/dev/null &&
	expect_status 0 rota --json report fairness h1 &&
	test "$(json "\"follow_the_sun\" in j, [m[\"oncall_hours\"] for m in j[\"members\"]]")" = \
		"False [246.0, 246.0, 123.0, 123.0]"
'

# A public holiday of Dublin, Wednesday 6 January, in ana'"'"'s week: San
# Francisco still works that day, so ops is on call from 02:00Z (San
# Francisco closing) to 17:00Z (opening) instead of 02:00-09:00Z: 8 more
# hours, 91. Dublin alone gains its 9 business hours: 132 that week, 124.5
# a week over the six (747 / 6); together 506 / 6 = 84.3.
test_expect_success 'a holiday of one office is on call only while the other is closed' '
	sun_team &&
	rota holiday add Dublin 2027-01-06 --name "Test day" >/dev/null &&
	expect_status 0 rota --json report fairness h1 &&
	test "$(json "[(m[\"person\"], m[\"oncall_hours\"]) for m in j[\"members\"]]")" = \
		"[('"'"'ana'"'"', 174.0), ('"'"'bo'"'"', 166.0), ('"'"'cy'"'"', 83.0), ('"'"'dee'"'"', 83.0)]" &&
	test "$(json "[(f[\"offices\"], round(f[\"hours_a_week\"], 1)) for f in j[\"follow_the_sun\"]]")" = \
		"[('"'"'Dublin'"'"', 124.5), ('"'"'San Francisco'"'"', 123.0), ('"'"'Dublin + San Francisco'"'"', 84.3)]" &&
	ROTA_NOW=2027-02-20T00:00:00Z expect_status 0 rota report monthly 2027-01 --format json &&
	test "$(json "[(p[\"handle\"], p[\"oncall_hours\"]) for p in j[\"people\"]]")" = \
		"[('"'"'ana'"'"', 91.0), ('"'"'bo'"'"', 83.0), ('"'"'cy'"'"', 83.0), ('"'"'dee'"'"', 74.0), ('"'"'mo'"'"', 662.0)]"
'

# January in UTC ([report] timezone unset): ana, bo and cy hold a whole
# week each (83 h); dee's week runs into February, her January ends at
# Monday 1 February 00:00Z: four nights (28 h) and Saturday 02:00Z to
# Monday 00:00Z (46 h), 74. mo'"'"'s escalation rotation covers every hour:
# 4 January 10:00 to 1 February 00:00, 662 hours.
test_expect_success 'report monthly counts the hours on call in the month' '
	sun_team &&
	ROTA_NOW=2027-02-20T00:00:00Z expect_status 0 rota report monthly 2027-01 &&
	expect_out "ana     1       83.0" &&
	expect_out "dee     1       74.0" &&
	expect_out "mo      4       662.0" &&
	ROTA_NOW=2027-02-20T00:00:00Z expect_status 0 rota report monthly 2027-01 --format csv &&
	grep "^2027-01,dee," out | cut -d, -f1-5 >got &&
	expect_file "2027-01,dee,Person dee,1,74.0" got
'

# March 2027: America changes its clocks on 14 March, Europe on 28 March.
# h2 from Monday 8 March, laid out ana bo cy dee:
#  - ana, 8-15 March: both in winter time: 83 h;
#  - bo, 15-22 March: San Francisco on PDT, open 16:00-01:00Z, Dublin still
#    09:00-18:00Z: on call Tuesday to Friday 01:00-09:00Z (32 h) and
#    Saturday 01:00Z to Monday 09:00Z (56 h): 88 h;
#  - cy, 22 March 10:00Z to 29 March 09:00Z (a week of 167 hours): nights
#    as bo'"'"'s (32 h), the weekend to Monday 08:00Z, when Dublin opens at
#    09:00 IST (55 h): 87 h;
#  - dee, from 29 March 09:00Z: Dublin open 08:00-17:00Z: 83 h; in March
#    (UTC) only Tuesday and Wednesday 01:00-08:00Z: 14 h.
# Follow the sun: 341 hours together and 491 each alone over 671 hours
# (four weeks less the hour of Europe's change): 85.4 and 122.9 a week.
test_expect_success 'the weeks when America and Europe change their clocks on different dates' '
	sun_team &&
	rota term add h2 --rotation ops --start 2027-03-08 --weeks 4 >/dev/null &&
	for h in ana bo cy dee; do
		rota volunteer join h2 $h >/dev/null || return 1
	done &&
	lay h2 ana bo cy dee &&
	expect_status 0 rota --json report fairness h2 &&
	test "$(json "[(m[\"person\"], m[\"oncall_hours\"]) for m in j[\"members\"]]")" = \
		"[('"'"'ana'"'"', 83.0), ('"'"'bo'"'"', 88.0), ('"'"'cy'"'"', 87.0), ('"'"'dee'"'"', 83.0)]" &&
	test "$(json "[(f[\"offices\"], round(f[\"hours_a_week\"], 1)) for f in j[\"follow_the_sun\"]]")" = \
		"[('"'"'Dublin'"'"', 122.9), ('"'"'San Francisco'"'"', 122.9), ('"'"'Dublin + San Francisco'"'"', 85.4)]" &&
	ROTA_NOW=2027-04-20T00:00:00Z expect_status 0 rota report monthly 2027-03 --format json &&
	test "$(json "[(p[\"handle\"], p[\"oncall_hours\"]) for p in j[\"people\"]]")" = \
		"[('"'"'ana'"'"', 83.0), ('"'"'bo'"'"', 88.0), ('"'"'cy'"'"', 87.0), ('"'"'dee'"'"', 14.0)]"
'

# owners_pages: pages of service web (ops, the only primary rotation) in
# ana's week that name nobody, and one that names her:
#  W1 Tuesday 12:00Z, both offices open: the service owners';
#  W2 Tuesday 18:30-19:30Z, Dublin closed but San Francisco open (10:30):
#     the service owners' (before issue 20, ana's, out of hours, paid);
#  W3 Wednesday 03:00-03:20Z, both closed: ana's, asleep in Dublin;
#  W4 Thursday 12:00Z naming ana: hers, in hours, as named.
owners_pages() {
	printf "%s\n" "id,created_at,acknowledged_at,resolved_at,responder,service" \
		"W1,2027-01-05T12:00:00Z,2027-01-05T12:05:00Z,2027-01-05T12:30:00Z,,web" \
		"W2,2027-01-05T18:30:00Z,2027-01-05T18:31:00Z,2027-01-05T19:30:00Z,,web" \
		"W3,2027-01-06T03:00:00Z,2027-01-06T03:01:00Z,2027-01-06T03:20:00Z,,web" \
		"W4,2027-01-07T12:00:00Z,,,ana,web" >w.csv &&
	rota page import w.csv >/dev/null
}

test_expect_success 'a page in business hours that names nobody is the service owners'"'"', in hours' '
	sun_team &&
	owners_pages &&
	sqlite3 -separator " " rota.db "SELECT p.source_id, coalesce(h.handle, \"-\"), p.class
		FROM pages p LEFT JOIN persons h ON h.id = p.responder_id ORDER BY p.source_id" >got &&
	expect_file "W1 - in_hours
W2 - in_hours
W3 ana sleep
W4 ana in_hours" got &&
	expect_status 0 rota page list --month 2027-01 &&
	expect_out "1   Tue 2027-01-05 12:00  (service owners)  web" &&
	expect_out "2   Tue 2027-01-05 18:30  (service owners)  web" &&
	expect_out "3   Wed 2027-01-06 03:00  ana               web" &&
	expect_status 0 rota --json page list --month 2027-01 &&
	test "$(json "[(p[\"source_id\"], p[\"responder\"], p[\"service_owners\"], p[\"class\"]) for p in j]")" = \
		"[('"'"'W1'"'"', None, True, '"'"'in_hours'"'"'), ('"'"'W2'"'"', None, True, '"'"'in_hours'"'"'), ('"'"'W3'"'"', '"'"'ana'"'"', False, '"'"'sleep'"'"'), ('"'"'W4'"'"', '"'"'ana'"'"', False, '"'"'in_hours'"'"')]"
'

test_expect_success 'the service owners'"'"' pages are in no volunteer'"'"'s counts, listed apart in report monthly' '
	sun_team &&
	owners_pages &&
	ROTA_NOW=2027-02-20T00:00:00Z expect_status 0 rota report monthly 2027-01 --format json &&
	test "$(json "[j[\"team\"][k] for k in (\"pages\", \"service_owners_pages\", \"interruptions\", \"ooh_interruptions\", \"sleep_interruptions\")]")" = \
		"[4, 2, 2, 1, 1]" &&
	test "$(json "[(p[\"handle\"], p[\"interruptions\"], p[\"ooh_interruptions\"], p[\"ooh_share_pct\"]) for p in j[\"people\"] if p[\"handle\"] == \"ana\"]")" = \
		"[('"'"'ana'"'"', 2, 1, 100)]" &&
	ROTA_NOW=2027-02-20T00:00:00Z expect_status 0 rota report monthly 2027-01 &&
	expect_out "Pages: 4, interruptions: 2, sleep interruptions: 1" &&
	expect_out "Handled by the services'"'"' own teams in business hours: 2 pages" &&
	ROTA_NOW=2027-02-20T00:00:00Z expect_status 0 rota report monthly 2027-01 --format html -o r.html &&
	grep -q "own teams in business hours: 2 pages" r.html
'

test_expect_success 'the service owners'"'"' pages pay no volunteer; stipend and day rates are unchanged' '
	pay_config &&
	sun_team &&
	expect_status 0 rota pay 2027-01 --format csv &&
	mv out before.csv &&
	printf "%s\n" "id,created_at,acknowledged_at,resolved_at,responder,service" \
		"W1,2027-01-05T12:00:00Z,2027-01-05T12:05:00Z,2027-01-05T12:30:00Z,,web" \
		"W2,2027-01-05T18:30:00Z,2027-01-05T18:31:00Z,2027-01-05T19:30:00Z,,web" >w.csv &&
	rota page import w.csv >/dev/null &&
	expect_status 0 rota pay 2027-01 --format csv &&
	diff -u before.csv out &&
	grep -q "^2027-01,ana," out
'

test_done
