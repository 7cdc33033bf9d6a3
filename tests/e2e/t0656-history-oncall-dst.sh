#!/bin/sh
# The volunteers' windows across Dublin's change to summer time (Sun 28
# March 2027, 01:00Z) with a second member's office in Kolkata (UTC+5:30,
# no DST) that moves to Los Angeles (PDT, UTC-7, since 14 March) at
# 00:00Z on Thu 1 April (issue 23): each instant is judged with the
# offices and clocks of its own time.
#
# Open hours (Mon-Fri 09:00-18:00 local), in UTC: Dublin 09:00-18:00 in
# winter, 08:00-17:00 in summer; Kolkata 03:30-12:30; Los Angeles
# 16:00-01:00. So ops is on call 18:00-03:30Z until 28 March, 17:00-03:30Z
# until the move, and 01:00-08:00Z after it.
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib-history.sh"

PAY_HEADER="month,person,name,email,currency,shifts,stipend,weekday,weekend,holiday,active_minutes,active,sleep_interruptions,sleep_bonus,toil_hours,capped,total"

# kolkata: oohteam, and raj (Asia/Kolkata) of the Kolkata office, a
# member of t1 holding no week.
kolkata() {
	oohteam &&
	export ROTA_NOW=2026-12-01T10:00:00Z &&
	rota office add Kolkata --tz Asia/Kolkata >/dev/null &&
	rota person add raj --name "Raj Iyer" --email raj@example.com --tz Asia/Kolkata \
		--office Kolkata >/dev/null &&
	rota volunteer join t1 raj >/dev/null &&
	unset ROTA_NOW
}

move() {
	ROTA_NOW=2027-04-01T00:00:00Z rota --as raj person set raj --office LA >/dev/null
}

# The pages (none names its responder: the schedule says who had it):
#  k0 Fri 26 Mar 17:30Z, winter: Dublin open: the service owners';
#  k3 Mon 29 Mar 04:00Z: Kolkata open (09:30): the service owners';
#  k2 Mon 29 Mar 17:30-18:00Z, summer: Dublin closed (18:30), Kolkata
#     too: me, out of hours, 30 minutes, 30.00 (in winter time Dublin
#     would be open; with LA's hours it would be the owners');
#  k4 Mon 5 Apr 04:00-04:30Z, after the move: LA (21:00) and Dublin
#     (05:00) closed: me, asleep: 30 minutes and 100.00, 130.00 (with
#     Kolkata's hours, the owners');
#  k5 Mon 5 Apr 17:30Z: LA open (10:30): the service owners'.
kpages() {
	import_pages "$1" \
		"k0,2027-03-26T17:30:00Z,2027-03-26T17:30:00Z,2027-03-26T18:00:00Z," \
		"k3,2027-03-29T04:00:00Z,2027-03-29T04:00:00Z,2027-03-29T04:30:00Z," \
		"k2,2027-03-29T17:30:00Z,2027-03-29T17:30:00Z,2027-03-29T18:00:00Z," \
		"k4,2027-04-05T04:00:00Z,2027-04-05T04:00:00Z,2027-04-05T04:30:00Z," \
		"k5,2027-04-05T17:30:00Z,2027-04-05T17:30:00Z,2027-04-05T18:00:00Z,"
}

test_expect_success 'pages imported after the move: each by the offices and clocks of its time' '
	kolkata && move && kpages 2027-04-06T00:00:00Z &&
	export ROTA_NOW=2027-04-06T00:00:00Z &&
	responders 2027-03 >got &&
	expect_file "k0 nobody in_hours
k3 nobody in_hours
k2 me out_of_hours" got &&
	responders 2027-04 >got &&
	expect_file "k4 me sleep
k5 nobody in_hours" got &&
	expect_status 0 rota pay 2027-03 --format csv &&
	expect_file "$PAY_HEADER
2027-03,me,Me Self,me@example.com,EUR,6,0.00,0.00,0.00,0.00,30,30.00,0,0.00,0,0.00,30.00" out &&
	expect_status 0 rota pay 2027-04 --format csv &&
	expect_file "$PAY_HEADER
2027-04,me,Me Self,me@example.com,EUR,4,0.00,0.00,0.00,0.00,30,30.00,1,100.00,0,0.00,130.00" out
'

test_expect_success 'March'"'"'s report and pay are the same before and after the move' '
	kolkata && kpages 2027-04-01T00:00:00Z &&
	export ROTA_NOW=2027-04-06T00:00:00Z &&
	rota report monthly 2027-03 --format json >report.before &&
	rota pay 2027-03 --format csv >pay.before &&
	responders 2027-03 >pages.before &&
	move &&
	rota report monthly 2027-03 --format json >report.after &&
	rota pay 2027-03 --format csv >pay.after &&
	responders 2027-03 >pages.after &&
	diff -u report.before report.after &&
	diff -u pay.before pay.after &&
	diff -u pages.before pages.after
'

test_expect_success 'rota now on each side of the clock change and of the move' '
	kolkata && move &&
	ROTA_NOW=2027-03-26T17:30:00Z expect_status 0 rota now &&
	expect_out "ops       primary  in hours: service owners  Fri 2027-03-26 18:00 Europe/Dublin" &&
	ROTA_NOW=2027-03-29T17:30:00Z expect_status 0 rota now &&
	expect_out "ops       primary  me       Tue 2027-03-30 04:30 Europe/Dublin" &&
	ROTA_NOW=2027-03-31T23:00:00Z expect_status 0 rota now &&
	expect_out "ops       primary  me       Thu 2027-04-01 01:00 Europe/Dublin" &&
	ROTA_NOW=2027-04-01T00:30:00Z expect_status 0 rota now &&
	expect_out "ops       primary  in hours: service owners  Thu 2027-04-01 02:00 Europe/Dublin"
'

test_done
