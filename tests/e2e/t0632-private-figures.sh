#!/bin/sh
# Private figures stay private (issue 23): a volunteer's report monthly
# shows the team's figures and their own row only, in every format and
# with -o; audit shows them other people's events without leave reasons
# or calendar addresses; a personal feed is its person's or a manager's.
# Volunteers act with --as (root acting for a volunteer has that
# volunteer's rights only), and as an OS user of their own (lib-users.sh).
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib-swap.sh"
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib-users.sh"
# after lib-swap.sh, whose lib-team.sh has a team() of its own
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib-report.sh"

# month: lib-report.sh's team and January, with pay: ana was woken and
# paid, bo had one evening page, cy an in-hours one; mo is the manager.
# Set up before the term, then the clock after the month.
month() {
	team && pages && export ROTA_NOW=2027-02-20T00:00:00Z &&
	printf "[rotation \"ops\"]\npolicy = std\n\n[policy \"std\"]\ncurrency = EUR\nstipend_per_week = 500.00\n" >rota.conf &&
	export ROTA_CONFIG="$PWD/rota.conf"
}

# json_of FILE QUERY: lib.sh's json on FILE.
json_of() {
	/usr/bin/python3 -c "import json,sys; j=json.load(open(sys.argv[1])); print($2)" "$1"
}

# team_of FILE: the team's figures of a report in JSON.
team_of() {
	/usr/bin/python3 -c "import json,sys; j=json.load(open(sys.argv[1])); print(json.dumps([j[k] for k in (\"month\", \"status\", \"team\", \"alerts\", \"services\", \"ooh_by_hour\")], sort_keys=True))" "$1"
}

test_expect_success 'report monthly --format json: the team as the manager sees it, and bo'"'"'s row only' '
	month &&
	expect_unchanged 0 rota --as mo report monthly 2027-01 --format json &&
	mv out manager.json &&
	test "$(json_of manager.json "[p[\"handle\"] for p in j[\"people\"]]")" = "['"'"'ana'"'"', '"'"'bo'"'"', '"'"'cy'"'"', '"'"'mo'"'"']" &&
	expect_unchanged 0 rota --as bo report monthly 2027-01 --format json &&
	test "$(json "[p[\"handle\"] for p in j[\"people\"]]")" = "['"'"'bo'"'"']" &&
	test "$(json "j[\"people\"][0]")" = "$(json_of manager.json "j[\"people\"][1]")" &&
	team_of manager.json >want && team_of out >got && diff -u want got &&
	! grep -e "\"ana\"" -e "Ana Alves" -e "\"cy\"" -e "Cy Chen" -e "\"mo\"" -e "Mo Maas" out
'

test_expect_success 'report monthly as text, CSV and HTML: bo'"'"'s row only, the team whole' '
	month &&
	expect_unchanged 0 rota --as mo report monthly 2027-01 &&
	mv out manager.txt &&
	expect_unchanged 0 rota --as bo report monthly 2027-01 &&
	grep -q "^bo  " out && ! grep -q -e "^ana " -e "^cy " -e "^mo " -e "ana " out &&
	sed -n "/^Team/,/^People/p" manager.txt >want && sed -n "/^Team/,/^People/p" out >got &&
	diff -u want got &&
	sed -n "/^Noisiest alerts/,\$p" manager.txt >want && sed -n "/^Noisiest alerts/,\$p" out >got &&
	diff -u want got &&
	expect_unchanged 0 rota --as bo report monthly 2027-01 --format csv &&
	test "$(cut -d, -f2 out)" = "handle
bo" &&
	expect_unchanged 0 rota --as bo report monthly 2027-01 --format html &&
	grep -q "Bo Berg" out &&
	! grep -q -e "Ana Alves" -e "Cy Chen" -e "Mo Maas" out &&
	expect_unchanged 0 rota --as mo report monthly 2027-01 --format html &&
	grep -q "Ana Alves" out && grep -q "Cy Chen" out
'

test_expect_success 'report monthly -o writes what a volunteer may read, in every format' '
	month &&
	for f in text csv json html; do
		rota --as bo report monthly 2027-01 --format $f >stdout.$f &&
		expect_unchanged 0 rota --as bo report monthly 2027-01 --format $f -o r.$f &&
		diff -u stdout.$f r.$f &&
		! grep -q -e "Ana Alves" -e "Cy Chen" r.$f || return 1
	done &&
	grep -q "Bo Berg" r.csv
'

test_expect_success 'pay in the report: a volunteer sees their own, a manager everyone'"'"'s' '
	month &&
	expect_unchanged 0 rota --as ana report monthly 2027-01 --format csv &&
	test "$(cut -d, -f2,17 out)" = "handle,pay
ana,500.00 EUR" &&
	expect_unchanged 0 rota --as cy report monthly 2027-01 --format csv &&
	test "$(cut -d, -f2,17 out)" = "handle,pay
cy,970.24 EUR" &&
	expect_unchanged 0 rota --as mo report monthly 2027-01 --format csv &&
	test "$(cut -d, -f2,17 out)" = "handle,pay
ana,500.00 EUR
bo,500.00 EUR
cy,970.24 EUR
mo,"
'

test_expect_success 'audit: a volunteer sees others'"'"' events without their leave reasons or calendars' '
	month && ooo ooo.ics Skiing &&
	rota leave add ana 2027-03-01 2027-03-02 --reason Surgery >/dev/null &&
	rota leave add bo 2027-03-05 2027-03-06 --reason Dentist >/dev/null &&
	rota leave import "$PWD/ooo.ics" ana >/dev/null &&
	rota office add Dublin --tz Europe/Dublin >/dev/null &&
	rota holiday import Dublin "$PWD/ooo.ics" >/dev/null &&
	rota leave remove 1 >/dev/null &&
	expect_unchanged 0 rota --as bo audit &&
	grep -q "leave.add .*person: ana" out && grep -q "leave.import *ana *new: added: 1," out &&
	grep -q "holiday.import *Dublin *new: added: 2," out &&
	! grep -q -e Surgery -e ooo.ics out &&
	expect_unchanged 0 rota --as ana audit &&
	grep -q "leave.import *ana *new: source: $PWD/ooo.ics" out &&
	expect_unchanged 0 rota --as bo --json audit &&
	! grep -q -e Surgery -e ooo.ics out && grep -q Dentist out &&
	test "$(json "sorted(e[\"action\"] for e in j if \"leave\" in e[\"action\"])")" = "['"'"'leave.add'"'"', '"'"'leave.add'"'"', '"'"'leave.import'"'"', '"'"'leave.remove'"'"']" &&
	expect_unchanged 0 rota --as ana --json audit &&
	grep -q Surgery out && grep -q "$PWD/ooo.ics" out && ! grep -q Dentist out &&
	test "$(json "[e[\"after\"].get(\"source\") for e in j if e[\"action\"] == \"holiday.import\"]")" = "[None]" &&
	expect_unchanged 0 rota --as mo --json audit &&
	grep -q Surgery out && grep -q Dentist out &&
	test "$(json "[e[\"after\"][\"source\"] for e in j if e[\"action\"] == \"holiday.import\"]")" = "['"'"'$PWD/ooo.ics'"'"']"
'

test_expect_success 'feed export of someone else'"'"'s personal feed: 77, nothing written' '
	month &&
	expect_unchanged 77 rota --as bo feed export --person ana &&
	expect_file "rota: feed export --person: only ana or a manager may (you are root as bo)" err &&
	test ! -s out &&
	expect_unchanged 77 rota --as bo feed export --person ana -o ana.ics &&
	test ! -e ana.ics &&
	expect_unchanged 0 rota --as bo feed export --person bo && expect_out BEGIN:VCALENDAR &&
	expect_unchanged 0 rota --as bo feed export --rotation ops && expect_out BEGIN:VCALENDAR &&
	expect_unchanged 0 rota --as mo feed export --person ana && expect_out BEGIN:VCALENDAR
'

test_expect_success 'the feed tokens of others: feed url, rotate-token and publish are refused' '
	month && mkdir feeds &&
	printf "[feed]\nbase_url = https://oncall.example.com/feeds/\n" >>rota.conf &&
	expect_unchanged 77 rota --as bo feed url ana &&
	expect_file "rota: feed url: only ana or a manager may (you are root as bo)" err &&
	expect_unchanged 77 rota --as bo feed rotate-token ana &&
	expect_file "rota: feed rotate-token: only ana or a manager may (you are root as bo)" err &&
	expect_unchanged 77 rota --as bo publish --dir feeds &&
	expect_file "rota: publish: managers only (you are root as bo)" err &&
	test -z "$(ls feeds)" &&
	expect_status 0 rota --as bo feed url &&
	expect_out https://oncall.example.com/feeds/
'

test_expect_success_users 'as an OS user: report monthly and audit show a volunteer what is theirs' '
	perm_team &&
	rota leave add ana 2027-04-01 2027-04-02 --reason Surgery >/dev/null &&
	rota leave add $VOL 2027-04-05 2027-04-06 --reason Dentist >/dev/null &&
	expect_unchanged 0 as_vol rota report monthly 2027-01 --format csv &&
	test "$(cut -d, -f2 out)" = "handle
$VOL" &&
	expect_unchanged 0 as_vol rota --json audit &&
	! grep -q Surgery out && grep -q Dentist out &&
	expect_unchanged 0 as_mgr rota report monthly 2027-01 --format csv &&
	test "$(cut -d, -f2 out | sort | tr "\n" " ")" = "ana bo cy handle $VOL " &&
	expect_unchanged 77 as_vol rota feed export --person ana &&
	expect_file "rota: feed export --person: only ana or a manager may (you are $VOL)" err
'

test_done
