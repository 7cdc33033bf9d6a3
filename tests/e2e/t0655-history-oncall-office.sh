#!/bin/sh
# The volunteers' windows follow the offices their members had at each
# instant (issue 23): an out-of-hours rotation with no chosen offices is
# on call while none of its members' offices is open, and a member who
# moves to another office changes the windows from the move on, never
# before it: past pages keep their responder, class and pay, the month's
# on-call hours and the past weeks of the feed stay as they were, even
# for pages imported after the move.
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib-history.sh"

PAY_HEADER="month,person,name,email,currency,shifts,stipend,weekday,weekend,holiday,active_minutes,active,sleep_interruptions,sleep_bonus,toil_hours,capped,total"

# move: me moves from Dublin's office to LA's at 12:00Z on Wed 10 Feb.
move() {
	ROTA_NOW=2027-02-10T12:00:00Z rota --as me person set me --office LA >/dev/null
}

# p1 Tue 12 Jan 19:00-19:30Z: Dublin has closed (18:00Z), so the
# volunteers have it: me, out of hours (their office, Dublin, is closed),
# 30 minutes, 30.00. In LA's hours (11:00 there) it would be the service
# owners' page, paid nothing.
P1="p1,2027-01-12T19:00:00Z,2027-01-12T19:00:00Z,2027-01-12T19:30:00Z,"

test_expect_success 'a page out of hours in January keeps its responder, class and pay after the move in February' '
	oohteam &&
	import_pages 2027-01-13T00:00:00Z "$P1" &&
	export ROTA_NOW=2027-02-17T00:00:00Z &&
	responders 2027-01 >before &&
	expect_file "p1 me out_of_hours" before &&
	rota pay 2027-01 --format csv >pay.before &&
	expect_file "$PAY_HEADER
2027-01,me,Me Self,me@example.com,EUR,4,0.00,0.00,0.00,0.00,30,30.00,0,0.00,0,0.00,30.00" pay.before &&
	rota report monthly 2027-01 --format json >report.before &&
	db_dump | grep "INSERT INTO pages" >pages.before &&
	move &&
	responders 2027-01 >after &&
	diff -u before after &&
	expect_status 0 rota pay 2027-01 --format csv &&
	diff -u pay.before out &&
	rota report monthly 2027-01 --format json >report.after &&
	diff -u report.before report.after &&
	db_dump | grep "INSERT INTO pages" >pages.after &&
	diff -u pages.before pages.after
'

# January in UTC, with Dublin's hours (123 hours a week from a Monday
# 10:00 handoff): three weeks from 4 January (369) and 25 January 10:00Z
# to 1 February 00:00Z: Monday to Thursday nights 18:00-09:00 (60) and
# Friday 18:00Z to Monday 00:00Z (54): 483. With LA's it would be 482.
test_expect_success 'January'"'"'s on-call hours are counted with the office of January' '
	oohteam && move &&
	ROTA_NOW=2027-02-17T00:00:00Z expect_status 0 rota report monthly 2027-01 --format json &&
	test "$(json "[(p[\"handle\"], p[\"oncall_hours\"]) for p in j[\"people\"]]")" = "[('"'"'me'"'"', 483.0)]"
'

test_expect_success 'a page imported after the move, for a time before it, has the responder and class of its time' '
	oohteam && move &&
	import_pages 2027-02-17T00:00:00Z "$P1" &&
	export ROTA_NOW=2027-02-17T00:00:00Z &&
	responders 2027-01 >got &&
	expect_file "p1 me out_of_hours" got &&
	test "$(pay_of 2027-01)" = 30.00
'

# From the move on, LA's hours count and Dublin's do not:
#  p0 Tue 9 Feb 10:00Z, before it: Dublin is open, the service owners';
#  p3 Tue 16 Feb 10:00Z: LA is closed (02:00 there): me, out of hours
#     (their office now LA's), 30 minutes, 30.00;
#  p2 Tue 16 Feb 19:00Z: LA is open (11:00): the service owners'.
test_expect_success 'the new office'"'"'s windows apply from the move: pages, pay, now and next' '
	oohteam && move &&
	import_pages 2027-02-17T00:00:00Z \
		"p0,2027-02-09T10:00:00Z,2027-02-09T10:00:00Z,2027-02-09T10:30:00Z," \
		"p3,2027-02-16T10:00:00Z,2027-02-16T10:00:00Z,2027-02-16T10:30:00Z," \
		"p2,2027-02-16T19:00:00Z,2027-02-16T19:00:00Z,2027-02-16T19:30:00Z," &&
	ROTA_NOW=2027-02-17T00:00:00Z responders 2027-02 >got &&
	expect_file "p0 nobody in_hours
p3 me out_of_hours
p2 nobody in_hours" got &&
	ROTA_NOW=2027-02-17T00:00:00Z expect_status 0 rota pay 2027-02 --format csv &&
	expect_file "$PAY_HEADER
2027-02,me,Me Self,me@example.com,EUR,5,0.00,0.00,0.00,0.00,30,30.00,0,0.00,0,0.00,30.00" out &&
	ROTA_NOW=2027-02-09T10:00:00Z expect_status 0 rota now &&
	expect_file "ROTATION  TIER     ON CALL                   UNTIL
ops       primary  in hours: service owners  Tue 2027-02-09 18:00 Europe/Dublin" out &&
	ROTA_NOW=2027-02-10T13:00:00Z expect_status 0 rota now &&
	expect_file "ROTATION  TIER     ON CALL  UNTIL
ops       primary  me       Wed 2027-02-10 17:00 Europe/Dublin" out &&
	ROTA_NOW=2027-02-16T10:00:00Z expect_status 0 rota --json next me &&
	test "$(json "j[0][\"on_call_from\"], j[1][\"on_call_from\"]")" = "2027-02-16T02:00:00Z 2027-02-22T10:00:00Z"
'

# feed_windows FILE: "START END" of every on-call event of the feed FILE.
feed_windows() {
	awk -F: '{ sub(/\r$/, "") } /^BEGIN:VEVENT/ { s = "" } /^DTSTART;/ { s = $2 }
		/^DTEND;/ { print s, $2 }' "$1"
}

# The week of the move, 8-15 February: Dublin's nights until Wednesday
# 12:00Z, then LA's closed hours (02:00-17:00Z), the move starting a
# window (04:00 in LA) that lasts until LA opens.
test_expect_success 'the feed: the weeks before the move keep Dublin'"'"'s windows' '
	oohteam &&
	export ROTA_NOW=2027-02-10T12:00:00Z &&
	rota feed export --person me -o before.ics >/dev/null &&
	move &&
	rota feed export --person me -o after.ics >/dev/null &&
	feed_windows before.ics | awk "\$1 < \"20270210T120000\"" >before &&
	feed_windows after.ics | awk "\$1 < \"20270210T120000\"" >after &&
	test -s before &&
	diff -u before after &&
	feed_windows after.ics | awk "\$1 >= \"20270208T000000\" && \$1 < \"20270213T000000\"" >got &&
	expect_file "20270208T180000 20270209T090000
20270209T180000 20270210T090000
20270210T120000 20270210T170000
20270211T020000 20270211T170000
20270212T020000 20270212T170000" got
'

test_expect_success 'rotation set names the members'"'"' offices of now' '
	oohteam && move &&
	ROTA_NOW=2027-02-10T11:59:59Z expect_status 0 rota --json rotation set ops --covers out-of-hours &&
	test "$(json "j[\"offices\"], j[\"offices_chosen\"]")" = "Dublin False" &&
	ROTA_NOW=2027-02-10T12:00:00Z expect_status 0 rota rotation set ops --covers out-of-hours &&
	expect_out "Offices:                 LA (its members'"'"' offices)"
'

test_done
