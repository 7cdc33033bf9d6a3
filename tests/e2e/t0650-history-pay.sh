#!/bin/sh
# A person's zone and sleep hours apply from the time they change (issue
# 23): a volunteer who moves their zone or sleep hours today never
# reclassifies last month's pages nor raises last month's pay; pages after
# the change are judged by the new values, and a change in the middle of
# a piece of work splits it at the instant.
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib-history.sh"

PAY_HEADER="month,person,name,email,currency,shifts,stipend,weekday,weekend,holiday,active_minutes,active,sleep_interruptions,sleep_bonus,toil_hours,capped,total"

test_expect_success 'a new zone does not re-price last month: pay stays 500.00, page list agrees' '
	histteam && january &&
	export ROTA_NOW=2027-02-10T12:00:00Z &&
	test "$(pay_of 2027-01)" = 500.00 &&
	classes 2027-01 >before.classes &&
	expect_file "q1 in_hours
q2 out_of_hours" before.classes &&
	sqlite3 rota.db "SELECT * FROM pages ORDER BY id" >pages.before &&
	expect_status 0 rota --as me person set me --tz Pacific/Kiritimati &&
	expect_out "Pacific/Kiritimati" &&
	expect_status 0 rota pay 2027-01 --format csv &&
	expect_file "$PAY_HEADER
2027-01,me,Me Self,me@example.com,EUR,0,0.00,0.00,0.00,0.00,500,500.00,0,0.00,0,0.00,500.00" out &&
	classes 2027-01 >after.classes &&
	diff -u before.classes after.classes &&
	sqlite3 rota.db "SELECT * FROM pages ORDER BY id" >pages.after &&
	diff -u pages.before pages.after &&
	expect_status 0 rota --as me pay 2027-01 --format json &&
	test "$(json "j[0][\"total_minor\"], j[0][\"active_minutes\"], j[0][\"sleep_interruptions\"]")" = "50000 500 0" &&
	expect_status 0 rota report monthly 2027-01 --format csv &&
	grep -q "^2027-01,me,Me Self,0,0.0,2,1,0,0,0,0,0,0,100,,0,500.00 EUR," out
'

test_expect_success 'new sleep hours do not re-price last month either' '
	histteam && january &&
	export ROTA_NOW=2027-02-10T12:00:00Z &&
	test "$(pay_of 2027-01)" = 500.00 &&
	expect_status 0 rota --as me person set me --sleep 13:00-17:00 &&
	expect_out "13:00-17:00" &&
	test "$(pay_of 2027-01)" = 500.00 &&
	classes 2027-01 >got &&
	expect_file "q1 in_hours
q2 out_of_hours" got &&
	expect_status 0 rota report monthly 2027-01 --format json &&
	test "$(json "[(p[\"handle\"], p[\"sleep_interruptions\"]) for p in j[\"people\"]]")" = "[('\''me'\'', 0)]"
'

# After the change at 12:00Z on Wed 10 Feb (Kiritimati is UTC+14):
#  q4 Tue 9 Feb 13:00-14:00Z, before it: business hours in Dublin, 0;
#  q5 Wed 10 Feb 11:30-12:30Z: 11:30-12:00 in Dublin's business hours
#     (in_hours, by its start), 12:00-12:30 is 02:00-02:30 on Thursday
#     in Kiritimati, asleep: 30 minutes, 30.00;
#  q3 Tue 16 Feb 13:00-14:00Z: 03:00-04:00 on Wednesday in Kiritimati,
#     asleep (sleep): 60 minutes and a sleep interruption, 160.00.
# February: 90 minutes, 90.00, and 100.00: 190.00.
february() {
	import_pages 2027-02-17T00:00:00Z \
		"q4,2027-02-09T13:00:00Z,2027-02-09T13:00:00Z,2027-02-09T14:00:00Z,me" \
		"q5,2027-02-10T11:30:00Z,2027-02-10T11:30:00Z,2027-02-10T12:30:00Z,me" \
		"q3,2027-02-16T13:00:00Z,2027-02-16T13:00:00Z,2027-02-16T14:00:00Z,me" &&
	export ROTA_NOW=2027-02-17T00:00:00Z
}

test_expect_success 'later pages use the new zone; a change mid-month splits the month, and a piece of work, at its instant' '
	histteam && january &&
	ROTA_NOW=2027-02-10T12:00:00Z rota --as me person set me --tz Pacific/Kiritimati >/dev/null &&
	february &&
	classes 2027-02 >got &&
	expect_file "q4 in_hours
q5 in_hours
q3 sleep" got &&
	expect_status 0 rota pay 2027-02 --format csv &&
	expect_file "$PAY_HEADER
2027-02,me,Me Self,me@example.com,EUR,0,0.00,0.00,0.00,0.00,90,90.00,1,100.00,0,0.00,190.00" out &&
	test "$(pay_of 2027-01)" = 500.00
'

test_expect_success 'the same pages with no change: nothing paid in February, sleep hours in Dublin' '
	histteam && january &&
	february &&
	classes 2027-02 >got &&
	expect_file "q4 in_hours
q5 in_hours
q3 in_hours" got &&
	expect_status 0 rota pay 2027-02 --format csv &&
	expect_file "$PAY_HEADER
2027-02,me,Me Self,me@example.com,EUR,0,0.00,0.00,0.00,0.00,0,0.00,0,0.00,0,0.00,0.00" out
'

test_expect_success 'a refused change adds no history and changes nothing' '
	histteam && january &&
	export ROTA_NOW=2027-02-10T12:00:00Z &&
	expect_unchanged 64 rota --as me person set me --tz Mars/Olympus &&
	expect_unchanged 64 rota --as me person set me --sleep 25:00-07:00 &&
	expect_unchanged 77 rota --as me person set mo --tz Pacific/Kiritimati &&
	expect_unchanged 77 rota --as me person set me --manager &&
	expect_status 0 rota --as me person set me --tz Asia/Kolkata &&
	expect_unchanged 64 rota --as me person set me --tz Mars/Olympus &&
	expect_unchanged 77 rota --as me person set me --no-manager
'

test_expect_success 'a change of name or email only is no history entry' '
	histteam &&
	export ROTA_NOW=2027-02-10T12:00:00Z &&
	sqlite3 rota.db "SELECT * FROM person_history" >before &&
	expect_status 0 rota --as me person set me --name "Me Again" --email again@example.com &&
	expect_status 0 rota --as me person set me --tz Europe/Dublin --sleep 22:00-07:00 &&
	sqlite3 rota.db "SELECT * FROM person_history" >after &&
	diff -u before after &&
	expect_status 0 rota --as me person set me --sleep 23:00-07:00 &&
	sqlite3 -separator " " rota.db "SELECT h.valid_from, h.sleep_start FROM person_history h
		JOIN persons p ON p.id = h.person_id WHERE p.handle = '\''me'\''
		ORDER BY h.valid_from" >got &&
	expect_file "0 1320
1802260800 1380" got
'

test_done
