#!/bin/sh
# rota pay: a month's pay per person, as payroll CSV, JSON and text.
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib-pay.sh"

HEADER="month,person,name,email,currency,shifts,stipend,weekday,weekend,holiday,active_minutes,active,sleep_interruptions,sleep_bonus,toil_hours,capped,total"

# January in Dublin: ana's week (4-11 January, a holiday on Wednesday:
# 4 weekdays, 2 weekend days, 1 holiday), bo's in his own Los Angeles days
# (5 and 2), cy's, and dee's 25 January - 1 February cut at midnight:
# 158 of 168 hours, 500.00 * 158/168 = 470.238 -> 470.24, Mon 14/24 and
# Tue-Fri 45.83, Sat and Sun 40.00. mo's four escalation weeks in USD,
# 394.05, capped at 300.00. ana's and bo's pages as lib-pay.sh says.
test_expect_success 'the payroll CSV of a month, line by line' '
	payteam && pages &&
	expect_status 0 rota pay 2027-01 --format csv &&
	test ! -s err &&
	expect_file "$HEADER
2027-01,ana,Ana Lopez,ana@example.com,EUR,1,500.00,40.00,40.00,50.00,105,70.00,1,25.00,2,0.00,725.00
2027-01,bo,\"Chen, Bo\",bo@example.com,EUR,1,500.00,50.00,40.00,0.00,15,10.00,1,25.00,2,0.00,625.00
2027-01,cy,Cy Park,cy@example.com,EUR,1,500.00,50.00,40.00,0.00,0,0.00,0,0.00,0,0.00,590.00
2027-01,dee,Dee Shah,dee@example.com,EUR,1,470.24,45.83,40.00,0.00,0,0.00,0,0.00,0,0.00,556.07
2027-01,mo,Mo Reyes,mo@example.com,USD,4,394.05,0.00,0.00,0.00,0,0.00,0,0.00,0,94.05,300.00" out
'

# February: dee's 1 February 00:00-10:00 (29.76, Mon 10/24 4.17; the two
# months of her shift add up to 500.00 and 50.00), ana's week with p8
# (31 minutes -> 45: 30.00), bo's, and mo's last 10 hours of week 4 and
# weeks 5 and 6, under the cap.
test_expect_success 'a shift across a month end is paid in both months, adding up' '
	payteam && pages &&
	expect_status 0 rota pay 2027-02 --format csv &&
	expect_file "$HEADER
2027-02,ana,Ana Lopez,ana@example.com,EUR,1,500.00,50.00,40.00,0.00,45,30.00,1,25.00,2,0.00,645.00
2027-02,bo,\"Chen, Bo\",bo@example.com,EUR,1,500.00,50.00,40.00,0.00,0,0.00,0,0.00,0,0.00,590.00
2027-02,dee,Dee Shah,dee@example.com,EUR,1,29.76,4.17,0.00,0.00,0,0.00,0,0.00,0,0.00,33.93
2027-02,mo,Mo Reyes,mo@example.com,USD,3,205.95,0.00,0.00,0.00,0,0.00,0,0.00,0,0.00,205.95" out
'

test_expect_success 'JSON: one object per person and currency, amounts in minor units' '
	payteam && pages &&
	expect_status 0 rota pay 2027-01 --format json &&
	test "$(json "len(j), [(o[\"person\"], o[\"currency\"], o[\"total_minor\"]) for o in j]")" = \
		"5 [('"'"'ana'"'"', '"'"'EUR'"'"', 72500), ('"'"'bo'"'"', '"'"'EUR'"'"', 62500), ('"'"'cy'"'"', '"'"'EUR'"'"', 59000), ('"'"'dee'"'"', '"'"'EUR'"'"', 55607), ('"'"'mo'"'"', '"'"'USD'"'"', 30000)]" &&
	test "$(json "sorted(j[0][\"components\"].items())")" = \
		"[('"'"'active_minor'"'"', 7000), ('"'"'holiday_minor'"'"', 5000), ('"'"'sleep_bonus_minor'"'"', 2500), ('"'"'stipend_minor'"'"', 50000), ('"'"'weekday_minor'"'"', 4000), ('"'"'weekend_minor'"'"', 4000)]" &&
	test "$(json "j[0][\"toil_hours\"], j[0][\"active_minutes\"], j[0][\"sleep_interruptions\"], j[0][\"shifts\"], j[0][\"month\"], j[0][\"exponent\"]")" = \
		"2 105 1 1 2027-01 2" &&
	test "$(json "j[4][\"capped_minor\"], j[4][\"components\"][\"stipend_minor\"], j[4][\"toil_hours\"]")" = \
		"9405 39405 0" &&
	expect_status 0 rota --json pay 2027-01 &&
	test "$(json "sum(o[\"total_minor\"] for o in j if o[\"currency\"] == \"EUR\")")" = 249607
'

test_expect_success 'text: an aligned table with the decimals, a total per currency' '
	payteam && pages &&
	expect_status 0 rota pay 2027-01 &&
	expect_file "Pay for 2027-01
PERSON  CUR  SHIFTS  STIPEND  WEEKDAY  WEEKEND  HOLIDAY  ACTIVE MIN  ACTIVE  SLEEP  SLEEP BONUS  TOIL H  CAPPED   TOTAL
ana     EUR       1   500.00    40.00    40.00    50.00         105   70.00      1        25.00       2    0.00  725.00
bo      EUR       1   500.00    50.00    40.00     0.00          15   10.00      1        25.00       2    0.00  625.00
cy      EUR       1   500.00    50.00    40.00     0.00           0    0.00      0         0.00       0    0.00  590.00
dee     EUR       1   470.24    45.83    40.00     0.00           0    0.00      0         0.00       0    0.00  556.07
mo      USD       4   394.05     0.00     0.00     0.00           0    0.00      0         0.00       0   94.05  300.00
Total EUR: 2496.07
Total USD: 300.00" out
'

test_expect_success 'whoever holds a shift after an override is paid for it' '
	payteam &&
	expect_status 0 rota override 3 dee --force &&
	expect_status 0 rota pay 2027-01 --format csv &&
	expect_file "$HEADER
2027-01,ana,Ana Lopez,ana@example.com,EUR,1,500.00,40.00,40.00,50.00,0,0.00,0,0.00,0,0.00,630.00
2027-01,bo,\"Chen, Bo\",bo@example.com,EUR,1,500.00,50.00,40.00,0.00,0,0.00,0,0.00,0,0.00,590.00
2027-01,dee,Dee Shah,dee@example.com,EUR,2,970.24,95.83,80.00,0.00,0,0.00,0,0.00,0,0.00,1146.07
2027-01,mo,Mo Reyes,mo@example.com,USD,4,394.05,0.00,0.00,0.00,0,0.00,0,0.00,0,94.05,300.00" out
'

# Months in Los Angeles: January runs to 1 February 08:00Z, so dee has
# 166 of her 168 hours in it: 500.00 * 166/168 = 494.048 -> 494.05; her
# days stay Dublin days: Mon 14/24, Tue-Fri and Mon 1 February 00:00-08:00
# (8/24) are 4 22/24 weekdays, 49.17.
test_expect_success 'months are counted in [report] timezone' '
	payteam &&
	sed -i "s|^timezone = .*|timezone = America/Los_Angeles|" rota.conf &&
	expect_status 0 rota pay 2027-01 --format csv &&
	grep "^2027-01,dee," out >dee &&
	expect_file "2027-01,dee,Dee Shah,dee@example.com,EUR,1,494.05,49.17,40.00,0.00,0,0.00,0,0.00,0,0.00,583.22" dee
'

test_expect_success 'a person who is not a manager sees only their own pay' '
	payteam && pages &&
	expect_status 0 rota --as bo pay 2027-01 --format csv &&
	expect_file "$HEADER
2027-01,bo,\"Chen, Bo\",bo@example.com,EUR,1,500.00,50.00,40.00,0.00,15,10.00,1,25.00,2,0.00,625.00" out
'

test_expect_success 'a month nobody worked, and no policies at all' '
	payteam &&
	expect_status 0 rota pay 2026-12 --format csv &&
	expect_file "$HEADER" out &&
	expect_status 0 rota pay 2026-12 &&
	expect_file "Pay for 2026-12
nobody was paid (no shifts of a rotation with a policy, no paid work)" out &&
	expect_status 0 rota pay 2026-12 --format json &&
	expect_file "[]" out &&
	printf "[report]\ntimezone = UTC\n" >empty.conf &&
	expect_status 0 rota --config empty.conf pay 2027-01 --format csv &&
	expect_file "$HEADER" out
'

test_expect_success 'a rotation without a policy key is paid by the standard policy' '
	payteam &&
	sed -i "/^\[rotation \"ops\"\]/,/^\$/d" rota.conf &&
	expect_status 0 rota pay 2027-01 --format csv &&
	grep -c ",EUR," out >n && expect_file 4 n
'

# Issue 19's story: term m1 of ops, weekly shifts from Mon 2027-03-01
# 10:00 Dublin (GMT), dee holds the first week, ana the second. With the
# clock at Thu 4 March 12:00, a manager overrides dee's shift of that day
# to cy: the part already worked stays dee's, cy gets the rest of the
# week. Pages come in later, in April.
story() {
	payteam &&
	rota term add m1 --rotation ops --start 2027-03-01 --weeks 2 >/dev/null &&
	for h in ana cy dee; do
		rota volunteer join m1 $h >/dev/null || return 1
	done &&
	lay m1 dee ana &&
	ROTA_NOW=2027-03-04T12:00:00Z rota override 2027-03-04 cy >/dev/null
}

# dee held 3 days 2 hours (74 of 168 hours): 500.00 * 74/168 = 220.238 ->
# 220.24, and Mon 14/24, Tue, Wed, Thu 12/24 = 3 2/24 weekdays, 30.83; cy
# the rest: 279.76 (together exactly 500.00), Thu 12/24, Fri, Mon 10/24
# (50.00 less 30.83, 19.17) and the weekend, 40.00. The pages of Tuesday
# night are dee's: one she answered (23:30, work 23:32-23:59: 27 minutes
# -> 30) and one that names nobody, given to whoever held that instant
# (Wed 02:00, 02:05-02:20: 15 minutes), 45 minutes, 30.00, and two sleep
# interruptions, 50.00 and 4 hours; Thursday night's (23:00, 23:01-23:10:
# 15 minutes, 10.00, and a sleep interruption) is cy's. ana's week is
# whole.
test_expect_success 'a week handed over mid-week: each holder paid for the minutes held, adding up to the stipend' '
	story &&
	cat >pages.csv <<-\CSV &&
	id,created_at,acknowledged_at,resolved_at,responder,service,alert,urgency,escalated,runbook_url
	q1,2027-03-02T23:30:00Z,2027-03-02T23:32:00Z,2027-03-02T23:59:00Z,dee,api,disk full,high,false,
	q2,2027-03-03T02:00:00Z,2027-03-03T02:05:00Z,2027-03-03T02:20:00Z,,api,latency,high,false,
	q3,2027-03-04T23:00:00Z,2027-03-04T23:01:00Z,2027-03-04T23:10:00Z,,api,5xx,high,false,
	CSV
	export ROTA_NOW=2027-04-01T09:00:00Z &&
	expect_status 0 rota page import pages.csv --format generic &&
	expect_status 0 rota pay 2027-03 --format csv &&
	expect_file "$HEADER
2027-03,ana,Ana Lopez,ana@example.com,EUR,1,500.00,50.00,40.00,0.00,0,0.00,0,0.00,0,0.00,590.00
2027-03,cy,Cy Park,cy@example.com,EUR,1,279.76,19.17,40.00,0.00,15,10.00,1,25.00,2,0.00,373.93
2027-03,dee,Dee Shah,dee@example.com,EUR,1,220.24,30.83,0.00,0.00,45,30.00,2,50.00,4,0.00,331.07" out &&
	expect_status 0 rota --json page list --month 2027-03 &&
	test "$(json "[(p[\"source_id\"], p[\"responder\"]) for p in j]")" = \
		"[('"'"'q1'"'"', '"'"'dee'"'"'), ('"'"'q2'"'"', '"'"'dee'"'"'), ('"'"'q3'"'"', '"'"'cy'"'"')]"
'

# A 169-hour week: term d1 from Mon 25 October 2027 10:00 IST (09:00Z) to
# Mon 1 November 10:00 GMT, dee's; an override gives cy Fri 29 October
# 22:00 IST (21:00Z) to Mon 1 November 06:00 GMT, across the month end (November
# begins at 00:00Z). Stipend: dee to 21:00Z, 108 h: 319.526 -> 319.53;
# cy's October, to 159 h: 470.414 -> 470.41, less 319.53: 150.88; cy's
# November, to 165 h: 488.166 -> 488.17, less 470.41: 17.76; dee's last
# 4 hours the remainder, 11.83. Days (Dublin's, Sunday 31 October has 25
# hours): dee Mon 14/24 + Tue-Thu + Fri 22/24 = 4.5 weekdays (45.00); cy
# Fri 2/24 (45.83 less 45.00: 0.83), the weekend (40.00), Mon 6/24 (48.33
# less 45.83: 2.50); dee Mon 4/24, the remainder of 50.00, 1.67. Both
# months of both people: 590.00, a whole week.
test_expect_success 'a 169-hour week in three parts across a month end adds up to the week' '
	payteam &&
	rota term add d1 --rotation ops --start 2027-10-25 --weeks 1 >/dev/null &&
	rota volunteer join d1 dee >/dev/null &&
	ROTA_NOW=2027-10-01T00:00:00Z rota schedule generate d1 >/dev/null &&
	test "$(sqlite3 rota.db "SELECT s.id, p.handle, s.end_at - s.start_at FROM shifts s
		JOIN persons p ON p.id = s.person_id JOIN terms t ON t.id = s.term_id
		WHERE t.name = '"'"'d1'"'"'")" = "13|dee|608400" &&
	rota volunteer join d1 cy >/dev/null &&
	ROTA_NOW=2027-10-20T00:00:00Z rota override --from 2027-10-29T22:00 \
		--to 2027-11-01T06:00 cy >/dev/null &&
	expect_status 0 rota pay 2027-10 --format csv &&
	expect_file "$HEADER
2027-10,cy,Cy Park,cy@example.com,EUR,1,150.88,0.83,40.00,0.00,0,0.00,0,0.00,0,0.00,191.71
2027-10,dee,Dee Shah,dee@example.com,EUR,1,319.53,45.00,0.00,0.00,0,0.00,0,0.00,0,0.00,364.53" out &&
	expect_status 0 rota pay 2027-11 --format csv &&
	expect_file "$HEADER
2027-11,cy,Cy Park,cy@example.com,EUR,1,17.76,2.50,0.00,0.00,0,0.00,0,0.00,0,0.00,20.26
2027-11,dee,Dee Shah,dee@example.com,EUR,1,11.83,1.67,0.00,0.00,0,0.00,0,0.00,0,0.00,13.50" out
'

test_expect_success 'pay changes nothing in the database' '
	payteam && pages &&
	db_dump >before.sql &&
	expect_status 0 rota pay 2027-01 --format csv &&
	db_dump >after.sql &&
	diff -u before.sql after.sql
'

test_done
