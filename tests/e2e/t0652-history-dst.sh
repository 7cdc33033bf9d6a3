#!/bin/sh
# A zone change across a DST change (issue 23): me moves from
# Europe/Dublin to Asia/Kolkata at 12:00Z on Mon 29 Mar 2027, the day
# after Dublin went to summer time (Sun 28 Mar, 01:00Z). No office: the
# default hours (Mon-Fri 09:00-18:00) in the zone in force.
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib-history.sh"

PAY_HEADER="month,person,name,email,currency,shifts,stipend,weekday,weekend,holiday,active_minutes,active,sleep_interruptions,sleep_bonus,toil_hours,capped,total"

#  A Fri 26 Mar 17:30-18:30Z: Dublin in winter time (UTC+0), 17:30-18:00
#    in hours, 18:00-18:30 out: in_hours, 30 minutes;
#  B Mon 29 Mar 07:30-08:30Z: Dublin in summer time (UTC+1), 08:30-09:30:
#    out_of_hours, 30 minutes (a rule that ignored the DST change would
#    see 07:30-08:30, 60 minutes);
#  D Mon 29 Mar 11:00-13:00Z, across the change: 12:00-13:00 in Dublin
#    (in hours, in_hours), then 17:30-18:30 in Kolkata (UTC+5:30): 18:00-
#    18:30 out, 30 minutes;
#  C Tue 30 Mar 03:00-04:00Z: 08:30-09:30 in Kolkata: out_of_hours, 30
#    minutes (in Dublin it would be 04:00-05:00, asleep).
# March: 120 minutes, 120.00, no sleep interruption; two interruptions
# out of hours (B, C); one day of broken daily rest: Mon 29 Mar in
# Dublin's days (the zone when the month began), worked 08:30-09:30 and
# 12:00-14:00, has 8.5 and 10 hours free, not 11.
KOLKATA_CLASSES="A in_hours
B out_of_hours
D in_hours
C out_of_hours"

dst_pages() {
	import_pages "$1" \
		"A,2027-03-26T17:30:00Z,2027-03-26T17:30:00Z,2027-03-26T18:30:00Z,me" \
		"B,2027-03-29T07:30:00Z,2027-03-29T07:30:00Z,2027-03-29T08:30:00Z,me" \
		"D,2027-03-29T11:00:00Z,2027-03-29T11:00:00Z,2027-03-29T13:00:00Z,me" \
		"C,2027-03-30T03:00:00Z,2027-03-30T03:00:00Z,2027-03-30T04:00:00Z,me"
}

test_expect_success 'Dublin to Kolkata the day after a DST change: each page by the zone and clock of its time' '
	histteam &&
	ROTA_NOW=2027-03-29T12:00:00Z rota --as me person set me --tz Asia/Kolkata >/dev/null &&
	dst_pages 2027-04-01T00:00:00Z &&
	export ROTA_NOW=2027-04-01T00:00:00Z &&
	classes 2027-03 >got &&
	expect_file "$KOLKATA_CLASSES" got &&
	expect_status 0 rota pay 2027-03 --format csv &&
	expect_file "$PAY_HEADER
2027-03,me,Me Self,me@example.com,EUR,0,0.00,0.00,0.00,0.00,120,120.00,0,0.00,0,0.00,120.00" out &&
	expect_status 0 rota report monthly 2027-03 --format csv &&
	grep -q "^2027-03,me,Me Self,0,0.0,4,2,0,0,0,0,1,0,100,,0,120.00 EUR," out
'

test_expect_success 'the pages imported as they come, before and after the change: the same figures' '
	histteam &&
	import_pages 2027-03-29T11:59:59Z \
		"A,2027-03-26T17:30:00Z,2027-03-26T17:30:00Z,2027-03-26T18:30:00Z,me" \
		"B,2027-03-29T07:30:00Z,2027-03-29T07:30:00Z,2027-03-29T08:30:00Z,me" \
		"D,2027-03-29T11:00:00Z,2027-03-29T11:00:00Z,2027-03-29T13:00:00Z,me" &&
	ROTA_NOW=2027-03-29T12:00:00Z rota --as me person set me --tz Asia/Kolkata >/dev/null &&
	import_pages 2027-03-31T00:00:00Z \
		"C,2027-03-30T03:00:00Z,2027-03-30T03:00:00Z,2027-03-30T04:00:00Z,me" &&
	export ROTA_NOW=2027-04-01T00:00:00Z &&
	classes 2027-03 >got &&
	expect_file "$KOLKATA_CLASSES" got &&
	test "$(pay_of 2027-03)" = 120.00
'

# Without the change, C is a sleep interruption in Dublin (04:00-05:00:
# 60 minutes and 100.00) and D all business hours: 120 + 100 = 220.00.
test_expect_success 'without the change: Dublin throughout' '
	histteam &&
	dst_pages 2027-04-01T00:00:00Z &&
	export ROTA_NOW=2027-04-01T00:00:00Z &&
	classes 2027-03 >got &&
	expect_file "A in_hours
B out_of_hours
D in_hours
C sleep" got &&
	expect_status 0 rota pay 2027-03 --format csv &&
	expect_file "$PAY_HEADER
2027-03,me,Me Self,me@example.com,EUR,0,0.00,0.00,0.00,0.00,120,120.00,1,100.00,0,0.00,220.00" out
'

test_done
