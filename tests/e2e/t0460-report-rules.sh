#!/bin/sh
# The rules every report shares, written once (reports/month.h,
# reports/csv.h): months and dates in [report] timezone, whose error is
# the configuration's own (FILE:LINE, exit 78) for every command that
# reads it; and one CSV field rule for rota pay and rota report monthly
# (quoted on a comma, quote, CR or LF; formulas neutralised).
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib-pay.sh"

# Before, page list said "[report] timezone: unknown zone 'X'", page pull
# and report monthly "[report] timezone: unknown time zone 'X'", without
# the place; pay's words, with it, won. (Page pull reads the zone before
# anything else: its dates are days in it.)
test_expect_success 'a bad [report] timezone is rota.conf:LINE and exit 78, for every command' '
	payteam &&
	sed -i "s|^timezone = .*|timezone = Mars/Olympus|" rota.conf &&
	msg="rota: $PWD/rota.conf:2: unknown time zone '"'"'Mars/Olympus'"'"' in [report] timezone (an IANA name such as Europe/Dublin)" &&
	for cmd in "pay 2027-01" "report monthly 2027-01" "page list" "page list --month 2027-01" \
		"page pull pagerduty" "page pull opsgenie --since 2027-01-01"; do
		expect_unchanged 78 rota $cmd && expect_file "$msg" err || return 1
	done &&
	printf "[notify]\nemail = yes\nsmtp_url = smtp://127.0.0.1:9\nfrom = rota@example.com\n[report]\ntimezone = Mars/Olympus\n" >n.conf &&
	expect_unchanged 78 rota --config "$PWD/n.conf" notify &&
	expect_file "rota: $PWD/n.conf:6: unknown time zone '"'"'Mars/Olympus'"'"' in [report] timezone (an IANA name such as Europe/Dublin)" err
'

test_expect_success 'an empty [report] timezone is UTC' '
	payteam &&
	sed -i "s|^timezone = .*|timezone =|" rota.conf &&
	expect_status 0 rota report monthly 2027-01 &&
	expect_out "Monthly report 2027-01 (UTC)" &&
	expect_status 0 rota page list --month 2027-01 &&
	expect_file "No pages in 2027-01." out
'

# Before, report monthly quoted a field on a comma, a quote or LF, and
# left a CR bare (a new record to some readers); pay quoted it: pay won.
# Neither neutralised formulas.
test_expect_success 'a name holding a carriage return is quoted in both CSVs' '
	payteam &&
	sqlite3 rota.db "UPDATE persons SET name = '"'"'Ana'"'"' || char(13) || '"'"'Lopez'"'"' WHERE handle = '"'"'ana'"'"'" &&
	cr=$(printf "\r") &&
	expect_status 0 rota pay 2027-01 --format csv &&
	grep -q "^2027-01,ana,\"Ana${cr}Lopez\",ana@example.com,EUR," out &&
	expect_status 0 rota report monthly 2027-01 --format csv &&
	grep -q "^2027-01,ana,\"Ana${cr}Lopez\",1," out
'

test_expect_success 'a cell a spreadsheet would run as a formula starts with an apostrophe' '
	payteam &&
	rota person set ana --name "=1+2" >/dev/null &&
	rota person set bo --name "@SUM(A1)" >/dev/null &&
	rota person set cy --name "-2+3" >/dev/null &&
	rota person set dee --name "=HYPERLINK(\"http://x\",\"y\")" >/dev/null &&
	for cmd in pay "report monthly"; do
		expect_status 0 rota $cmd 2027-01 --format csv &&
		grep "^2027-01,[a-z]*,[^,]*," out | cut -d, -f2,3 >names &&
		expect_file "ana,'"'"'=1+2
bo,'"'"'@SUM(A1)
cy,'"'"'-2+3
dee,\"'"'"'=HYPERLINK(\"\"http://x\"\"
mo,Mo Reyes" names || return 1
	done &&
	expect_status 0 rota pay 2027-01 &&
	expect_out "ana " && ! grep -q "'"'"'" out
'

# Before, report monthly showed everyone's pay to anyone, which rota pay
# shows to managers only: the service applies pay's rule to both.
test_expect_success 'report monthly shows a volunteer their own row and pay only, as rota pay does' '
	payteam &&
	pays="\" \".join(p[\"handle\"] + \"=\" + \",\".join(str(x[\"total_minor\"]) for x in p[\"pay\"]) for p in j[\"people\"])" &&
	expect_status 0 rota --json report monthly 2027-01 &&
	test "$(json "$pays")" = "ana=63000 bo=59000 cy=59000 dee=55607 mo=30000" &&
	expect_status 0 rota --as bo --json report monthly 2027-01 &&
	test "$(json "$pays")" = "bo=59000" &&
	expect_status 0 rota --as bo report monthly 2027-01 --format csv &&
	grep -q "^2027-01,bo,\"Chen, Bo\",.*,590.00 EUR,green,0$" out &&
	test "$(wc -l <out)" = 2 &&
	expect_status 0 rota --as bo pay 2027-01 --format csv &&
	expect_out "2027-01,bo,\"Chen, Bo\",bo@example.com,EUR,1,500.00,50.00,40.00,0.00,0,0.00,0,0.00,0,0.00,590.00"
'

test_done
