#!/bin/sh
# Every figure of a past month stays as it was when people change their
# zone, office, sleep hours and manager flag afterwards (issue 23): the
# pay of lib-pay.sh's team (stipends, day rates counted in each holder's
# days and their office's holidays, active work, sleep interruptions,
# caps) and the whole monthly report.
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib-pay.sh"

HEADER="month,person,name,email,currency,shifts,stipend,weekday,weekend,holiday,active_minutes,active,sleep_interruptions,sleep_bonus,toil_hours,capped,total"

# On 10 Feb: ana leaves the Dublin office (whose holiday of 6 Jan paid her
# 50.00) for Tokyo and sleeps 08:00-16:00; bo moves to Dublin and its
# office; dee to New York; ana becomes a manager. On 16 Feb, his last
# week of the escalation tier over (t0637: not before), mo stops being one.
changes() {
	export ROTA_NOW=2027-02-10T12:00:00Z &&
	rota person set ana --no-office --tz Asia/Tokyo --sleep 08:00-16:00 >/dev/null &&
	rota person set bo --tz Europe/Dublin --office Dublin >/dev/null &&
	rota person set dee --tz America/New_York >/dev/null &&
	rota person set ana --manager >/dev/null &&
	ROTA_NOW=2027-02-16T00:00:00Z rota person set mo --no-manager >/dev/null
}

test_expect_success 'January'"'"'s pay, to the cent, before and after everyone moves' '
	payteam && pages &&
	export ROTA_NOW=2027-02-10T00:00:00Z &&
	expect_status 0 rota pay 2027-01 --format csv &&
	expect_file "$HEADER
2027-01,ana,Ana Lopez,ana@example.com,EUR,1,500.00,40.00,40.00,50.00,105,70.00,1,25.00,2,0.00,725.00
2027-01,bo,\"Chen, Bo\",bo@example.com,EUR,1,500.00,50.00,40.00,0.00,15,10.00,1,25.00,2,0.00,625.00
2027-01,cy,Cy Park,cy@example.com,EUR,1,500.00,50.00,40.00,0.00,0,0.00,0,0.00,0,0.00,590.00
2027-01,dee,Dee Shah,dee@example.com,EUR,1,470.24,45.83,40.00,0.00,0,0.00,0,0.00,0,0.00,556.07
2027-01,mo,Mo Reyes,mo@example.com,USD,4,394.05,0.00,0.00,0.00,0,0.00,0,0.00,0,94.05,300.00" out &&
	cp out before.csv &&
	rota pay 2027-02 --format csv >before-feb.csv &&
	changes &&
	expect_status 0 rota pay 2027-01 --format csv &&
	diff -u before.csv out &&
	rota pay 2027-02 --format csv >after-feb.csv &&
	diff -u before-feb.csv after-feb.csv
'

test_expect_success 'the monthly report of January, every figure, before and after' '
	payteam && pages &&
	ROTA_NOW=2027-02-10T00:00:00Z rota report monthly 2027-01 --format json >before.json &&
	ROTA_NOW=2027-02-10T00:00:00Z rota report monthly 2027-01 --format csv >before.csv &&
	test -s before.json && test -s before.csv &&
	changes &&
	ROTA_NOW=2027-02-10T00:00:00Z rota report monthly 2027-01 --format json >after.json &&
	ROTA_NOW=2027-02-10T00:00:00Z rota report monthly 2027-01 --format csv >after.csv &&
	diff -u before.json after.json &&
	diff -u before.csv after.csv
'

test_expect_success 'person show: who changed what, when (text and JSON)' '
	payteam &&
	changes &&
	expect_status 0 rota person show ana &&
	expect_file "Handle:                  ana
Name:                    Ana Lopez
Email:                   ana@example.com
Time zone:               Asia/Tokyo
Office:                  -
Manager:                 yes
Sleep hours:             08:00-16:00
History (times UTC):
FROM                  ZONE           OFFICE  SLEEP        MANAGER  BY
the beginning         Europe/Dublin  Dublin  22:00-07:00  no       root
2027-02-10T12:00:00Z  Asia/Tokyo     -       08:00-16:00  yes      root" out &&
	expect_status 0 rota --json person show bo &&
	test "$(json "j[\"history\"]")" = "[{'"'"'from'"'"': None, '"'"'tz'"'"': '"'"'America/Los_Angeles'"'"', '"'"'office'"'"': None, '"'"'sleep'"'"': '"'"'22:00-07:00'"'"', '"'"'manager'"'"': False, '"'"'by'"'"': '"'"'root'"'"'}, {'"'"'from'"'"': '"'"'2027-02-10T12:00:00Z'"'"', '"'"'tz'"'"': '"'"'Europe/Dublin'"'"', '"'"'office'"'"': '"'"'Dublin'"'"', '"'"'sleep'"'"': '"'"'22:00-07:00'"'"', '"'"'manager'"'"': False, '"'"'by'"'"': '"'"'root'"'"'}]" &&
	expect_unchanged 65 rota person show nobody &&
	expect_err "unknown person"
'

# ana holds the week of Mon 4 Jan 10:00 in Dublin, whose office keeps
# Wed 6 Jan as a public holiday: 500.00, 4 weekdays 40.00, 2 weekend days
# 40.00, the holiday 50.00: 630.00. Leaving the office before the week
# starts makes the 6th a weekday (5: 50.00, no holiday: 590.00); leaving
# it on the 5th, during the week, changes nothing of that week: its days
# are counted by what was in force at its start.
test_expect_success 'a week'"'"'s day rates: the office in force at the week'"'"'s start' '
	payteam &&
	sqlite3 rota.db ".backup team.db" &&
	ROTA_NOW=2027-01-02T00:00:00Z rota person set ana --no-office >/dev/null &&
	ROTA_NOW=2027-02-10T00:00:00Z rota pay 2027-01 --format csv >out &&
	grep -q "^2027-01,ana,Ana Lopez,ana@example.com,EUR,1,500.00,50.00,40.00,0.00,0,0.00,0,0.00,0,0.00,590.00\$" out &&
	rm -f rota.db-wal rota.db-shm && cp team.db rota.db &&
	ROTA_NOW=2027-01-05T00:00:00Z rota person set ana --no-office >/dev/null &&
	ROTA_NOW=2027-02-10T00:00:00Z rota pay 2027-01 --format csv >out &&
	grep -q "^2027-01,ana,Ana Lopez,ana@example.com,EUR,1,500.00,40.00,40.00,50.00,0,0.00,0,0.00,0,0.00,630.00\$" out
'

test_done
