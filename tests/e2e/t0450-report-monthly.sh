#!/bin/sh
# rota report monthly: the month's figures, exactly, in JSON, CSV and text.
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib-report.sh"

# After the month: no forecast, weeks since the last shift at its end.
AFTER=2027-02-20T00:00:00Z

test_expect_success 'the team figures of a month, against the goal' '
	team && pages &&
	ROTA_NOW=$AFTER expect_status 0 rota report monthly 2027-01 --format json &&
	test "$(json "j[\"month\"], j[\"timezone\"], j[\"from\"], j[\"to\"], j[\"status\"]")" = \
		"2027-01 UTC 2027-01-01T00:00:00Z 2027-02-01T00:00:00Z red" &&
	t=$(json "[j[\"team\"][k] for k in (\"ooh_interruptions\", \"goal\", \"status\", \"pages\", \"interruptions\", \"sleep_interruptions\", \"escalations\", \"ack_median_seconds\", \"ack_p95_seconds\", \"resolve_median_seconds\", \"resolve_p95_seconds\", \"forecast\")]") &&
	test "$t" = "[5, 10, '"'"'green'"'"', 8, 7, 3, 1, 240, 900, 1200, 7200, None]" &&
	test "$(json "[(m[\"month\"], m[\"ooh_interruptions\"]) for m in j[\"team\"][\"trend\"]]")" = \
		"[('"'"'2027-01'"'"', 5)]" &&
	test "$(json "j[\"team\"][\"why\"]")" = \
		"the team had 5 out-of-hours interruptions; amber from 8 a month." &&
	test "$(json "[(k, v[\"status\"]) for k, v in j[\"team\"][\"indicators\"].items() if v[\"status\"] != \"green\"]")" = \
		"[('"'"'ack_p95_seconds'"'"', '"'"'grey'"'"'), ('"'"'resolve_p95_seconds'"'"', '"'"'grey'"'"')]" &&
	test "$(json "j[\"team\"][\"indicators\"][\"ack_p95_seconds\"][\"why\"], j[\"team\"][\"indicators\"][\"ack_p95_seconds\"][\"judged_from\"]")" = \
		"95% of pages were acknowledged within 15m00s; too few to judge: 7 pages acknowledged, judged from 20. 20" &&
	test "$(json "j[\"ooh_by_hour\"]")" = \
		"[0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 1]"
'

test_expect_success 'each person: shifts, hours, interruptions, nights, rest, share' '
	team && pages &&
	ROTA_NOW=$AFTER expect_status 0 rota report monthly 2027-01 --format json &&
	json "\"\\n\".join(\" \".join(str(p[k]) for k in (\"handle\", \"shifts\", \"oncall_hours\", \"interruptions\", \"ooh_interruptions\", \"sleep_interruptions\", \"nights_interrupted\", \"longest_night_run\", \"most_pages_in_a_shift\", \"broken_daily_rest\", \"broken_weekly_rest\", \"ooh_share_pct\", \"weeks_since_last_shift\", \"close_shifts\", \"status\")) for p in j[\"people\"])" >got &&
	expect_file "ana 1 168.0 5 4 3 3 2 5 1 0 80 1 0 red
bo 1 168.0 1 1 0 0 0 1 0 0 20 0 0 green
cy 2 326.0 1 0 0 0 0 1 0 0 0 0 0 green
mo 0 0.0 0 0 0 0 0 0 0 0 0 None 0 green" got &&
	test "$(json "[(p[\"handle\"], p[\"escalations\"]) for p in j[\"people\"]]")" = \
		"[('"'"'ana'"'"', 0), ('"'"'bo'"'"', 0), ('"'"'cy'"'"', 0), ('"'"'mo'"'"', 1)]" &&
	test "$(json "[(k, v[\"status\"]) for k, v in j[\"people\"][0][\"indicators\"].items() if v[\"status\"] == \"red\"]")" = \
		"[('"'"'sleep_interruptions'"'"', '"'"'red'"'"'), ('"'"'nights_interrupted'"'"', '"'"'red'"'"'), ('"'"'ooh_share_pct'"'"', '"'"'red'"'"')]" &&
	test "$(json "j[\"people\"][0][\"indicators\"][\"sleep_interruptions\"][\"why\"]")" = \
		"ana was woken 3 times; 3 or more a month is red." &&
	test "$(json "j[\"people\"][0][\"indicators\"][\"broken_daily_rest\"][\"why\"]")" = \
		"ana had 1 day without 11 hours of rest; 1 or more a month is amber, 3 red."
'

test_expect_success 'alerts: noisiest first, unacted and without a runbook' '
	team && pages &&
	ROTA_NOW=$AFTER expect_status 0 rota report monthly 2027-01 --format json &&
	json "\"\\n\".join(\"|\".join(str(a[k]) for k in (\"service\", \"alert\", \"pages\", \"ooh_pages\", \"sleep_pages\", \"unacted\", \"no_runbook\", \"status\")) for a in j[\"alerts\"])" >got &&
	expect_file "db|disk full|3|3|3|0|0|amber
api|5xx rate|3|2|0|1|3|red
\"&<script>x</script>|cert '"'"'expiry'"'"'|1|1|1|1|1|amber
web|latency|1|0|0|0|1|amber" got &&
	test "$(json "j[\"alerts\"][1][\"indicators\"][\"alert_unacted\"][\"why\"]")" = \
		"api / 5xx rate resolved 1 time out of hours without anyone acting; 1 or more a month is amber, 3 red." &&
	test "$(json "[(s[\"service\"], s[\"ooh_pages\"], s[\"sleep_pages\"]) for s in j[\"services\"]][:2]")" = \
		"[('"'"'db'"'"', 3, 3), ('"'"'api'"'"', 2, 0)]"
'

test_expect_success 'the CSV: one row per person, documented columns' '
	team && pages &&
	ROTA_NOW=$AFTER expect_status 0 rota report monthly 2027-01 --format csv &&
	expect_file "month,handle,name,shifts,oncall_hours,interruptions,ooh_interruptions,sleep_interruptions,nights_interrupted,longest_night_run,most_pages_in_a_shift,broken_daily_rest,broken_weekly_rest,ooh_share_pct,weeks_since_last_shift,close_shifts,pay,status,escalations
2027-01,ana,Ana Alves,1,168.0,5,4,3,3,2,5,1,0,80,1,0,,red,0
2027-01,bo,Bo Berg,1,168.0,1,1,0,0,0,1,0,0,20,0,0,,green,0
2027-01,cy,Cy Chen,2,326.0,1,0,0,0,0,1,0,0,0,0,0,,green,0
2027-01,mo,Mo Maas,0,0.0,0,0,0,0,0,0,0,0,0,,0,,green,1" out
'

test_expect_success 'a name with a comma and a quote is quoted in the CSV' '
	team && rota person set bo --name "Berg, \"Bo\"" >/dev/null && pages &&
	ROTA_NOW=$AFTER expect_status 0 rota report monthly 2027-01 --format csv &&
	expect_out "2027-01,bo,\"Berg, \"\"Bo\"\"\",1,168.0,"
'

test_expect_success 'the text report: key lines' '
	team && pages &&
	ROTA_NOW=$AFTER expect_status 0 rota report monthly 2027-01 &&
	expect_out "Monthly report 2027-01 (UTC)" &&
	expect_out "Overall: red" &&
	expect_out "Out-of-hours interruptions            5       green   8 / 10" &&
	expect_out "Trend:  2027-01 5" &&
	expect_out "PERSON  SHIFTS  HOURS  OOH  SLEEP  NIGHTS  RUN  MAX/SHIFT  DAILY  WEEKLY  SHARE  WEEKS SINCE  CLOSE  ESCALATED  PAY  STATUS" &&
	expect_out "ana     1       168.0  4    3      3       2    5          1      0       80%    1            0      0          -    red" &&
	expect_out "mo      0       0.0    0    0      0       0    0          0      0       0%     -            0      1          -    green" &&
	expect_out "  red    ana was woken 3 times; 3 or more a month is red." &&
	expect_out "  red    api / 5xx rate arrived 3 times without a runbook link; 3 or more a month is red." &&
	! grep -q "Forecast" out && ! grep -q "$(printf "\\033")" out
'

# 500.00 a week; cy has a whole week and 158 of 168 hours of another:
# 500 + 470.24; ana was woken 3 times: 500 + 3 * 25.
test_expect_success 'pay per person comes from the pay report' '
	team && pages &&
	printf "[policy \"standard\"]\ncurrency = EUR\nstipend_per_week = 500.00\nsleep_interruption_bonus = 25.00\n" >rota.conf &&
	ROTA_NOW=$AFTER expect_status 0 rota --config rota.conf report monthly 2027-01 --format csv &&
	cut -d, -f2,17,18 out >got &&
	expect_file "handle,pay,status
ana,575.00 EUR,red
bo,500.00 EUR,green
cy,970.24 EUR,green
mo,,green" got &&
	ROTA_NOW=$AFTER expect_status 0 rota --config rota.conf report monthly 2027-01 --format json &&
	test "$(json "[(p[\"handle\"], p[\"pay\"]) for p in j[\"people\"]][2:]")" = \
		"[('"'"'cy'"'"', [{'"'"'currency'"'"': '"'"'EUR'"'"', '"'"'total_minor'"'"': 97024}]), ('"'"'mo'"'"', [])]" &&
	ROTA_NOW=$AFTER expect_status 0 rota --config rota.conf pay 2027-01 --format csv &&
	grep -q "^2027-01,cy,.*,970.24$" out
'

test_expect_success '--json alone means the JSON format' '
	team && pages &&
	ROTA_NOW=$AFTER expect_status 0 rota --json report monthly 2027-01 &&
	test "$(json "j[\"team\"][\"ooh_interruptions\"]")" = 5
'

# 4 interruptions in 15 of 31 days: 4 * 31 / 15 = 8.267; the interval is
# that of a negative binomial with r = 4.5, p = 15/31 (cumulative 0.038 at
# 0, 0.127 at 1, 0.946 at 10, 0.965 at 11), plus 4: 5 to 15.
test_expect_success 'the current month has a forecast from the rate so far' '
	team && pages &&
	ROTA_NOW=2027-01-16T00:00:00Z expect_status 0 rota report monthly 2027-01 --format json &&
	test "$(json "[j[\"team\"][\"forecast\"][k] for k in (\"so_far\", \"low\", \"high\", \"status\")], round(j[\"team\"][\"forecast\"][\"expected\"], 3)")" = \
		"[4, 5, 15, '"'"'amber'"'"'] 8.267" &&
	test "$(json "j[\"team\"][\"forecast\"][\"why\"]")" = \
		"About 8 out-of-hours interruptions expected (90%: 5 to 15); the goal of fewer than 10 may be missed."
'

test_expect_success 'a lower goal and thresholds from the configuration' '
	team && pages &&
	printf "[report]\ngoal = 5\n[thresholds]\nsleep_interruptions = 4 6\nooh_share_pct = 90 95\n" >rota.conf &&
	ROTA_NOW=$AFTER expect_status 0 rota --config rota.conf report monthly 2027-01 --format json &&
	test "$(json "j[\"team\"][\"goal\"], j[\"team\"][\"status\"], j[\"people\"][0][\"indicators\"][\"sleep_interruptions\"][\"status\"], j[\"people\"][0][\"indicators\"][\"ooh_share_pct\"][\"status\"]")" = \
		"5 red green green" &&
	test "$(json "j[\"team\"][\"why\"]")" = \
		"the team had 5 out-of-hours interruptions; 5 or more a month is red."
'

test_expect_success 'a bad threshold is a configuration error at its line' '
	team &&
	printf "[thresholds]\nsleep_interruptions = 3 1\n" >rota.conf &&
	expect_status 78 rota --config rota.conf report monthly 2027-01 &&
	expect_err "rota: rota.conf:2: [thresholds] sleep_interruptions wants two whole numbers AMBER RED, AMBER <= RED: '"'"'3 1'"'"'"
'

test_expect_success 'a month with no pages is green with nothing to measure' '
	team &&
	ROTA_NOW=$AFTER expect_status 0 rota report monthly 2027-01 --format json &&
	test "$(json "j[\"status\"], j[\"team\"][\"ooh_interruptions\"], j[\"team\"][\"ack_median_seconds\"], j[\"alerts\"], len(j[\"people\"])")" = \
		"green 0 None [] 3"
'

test_expect_success 'bad month, unknown format, extra arguments' '
	team &&
	expect_unchanged 64 rota report monthly 2027-13 &&
	expect_err "rota: bad month '"'"'2027-13'"'"' (YYYY-MM, as in 2027-01)" &&
	expect_status 64 rota report monthly 2027-1 &&
	expect_err "bad month '"'"'2027-1'"'"'" &&
	expect_status 64 rota report monthly january &&
	expect_status 64 rota report monthly 2027-01 --format pdf &&
	expect_err "rota: unknown format '"'"'pdf'"'"' (text, csv, json or html)" &&
	expect_status 64 rota report monthly 2027-01 2027-02 &&
	expect_err "report monthly takes at most one month, YYYY-MM" &&
	expect_status 64 rota report monthly 2027-01 --bogus &&
	expect_err "--bogus"
'

test_expect_success '-o writes the file atomically; an unwritable place is 73' '
	team && pages &&
	ROTA_NOW=$AFTER expect_status 0 rota report monthly 2027-01 --format csv -o report.csv &&
	test ! -s out && test "$(wc -l <report.csv)" = 5 &&
	ls >files && ! grep -q tmp files &&
	ROTA_NOW=$AFTER expect_status 0 rota report monthly 2027-01 --output report.csv --format json &&
	head -c 1 report.csv >first && test "$(cat first)" = "{" &&
	expect_status 73 rota report monthly 2027-01 -o no/such/dir/r.html &&
	expect_err "rota: cannot create no/such/dir/r.html: No such file or directory" &&
	mkdir ro && chmod 500 ro &&
	if [ "$(id -u)" = 0 ]; then :; else
		expect_status 73 rota report monthly 2027-01 -o ro/r.txt &&
		expect_err "rota: cannot create ro/r.txt"
	fi &&
	expect_status 73 rota report monthly 2027-01 -o /proc/r.txt &&
	expect_err "rota: cannot create /proc/r.txt"
'

# Whoever holds the week of 11 January has its Saturday night covered by
# the holder of the next week: the first holder's week, in two parts
# around the night, is one stretch, not two shifts closer than the
# minimum gap; the colleague's night, 28 hours before their own week,
# is as close to it as schedule check says.
test_expect_success 'a night of a week covered by a colleague: not a week of their own, as schedule check sees it' '
	team &&
	holder() {
		sqlite3 rota.db "SELECT p.handle FROM shifts s JOIN persons p ON p.id = s.person_id
			WHERE s.start_at = strftime('"'"'%s'"'"', '"'"'$1'"'"')"
	} &&
	first=$(holder 2027-01-11T10:00:00) && next=$(holder 2027-01-18T10:00:00) &&
	rota override --from 2027-01-16T18:00 --to 2027-01-17T06:00 $next >/dev/null &&
	expect_status 0 rota --json schedule check h1 &&
	test "$(json "j")" = "[]" &&
	ROTA_NOW=$AFTER expect_status 0 rota report monthly 2027-01 --format json &&
	test "$(json "[p[\"close_shifts\"] for p in j[\"people\"] if p[\"handle\"] == \"$first\"]")" = "[0]" &&
	test "$(json "[p[\"close_shifts\"] for p in j[\"people\"] if p[\"handle\"] == \"$next\"]")" = "[0]" &&
	rota override --from 2027-01-11T10:00 --to 2027-01-16T18:00 --force $next >/dev/null 2>&1 &&
	rota override --from 2027-01-17T06:00 --to 2027-01-18T10:00 --force $next >/dev/null 2>&1 &&
	expect_status 65 rota --json schedule check h1 &&
	test "$(json "[(p[\"problem\"], p[\"person\"], p[\"start\"]) for p in j]")" = \
		"[('"'"'gap'"'"', '"'"'$next'"'"', '"'"'2027-01-18T10:00:00Z'"'"')]" &&
	ROTA_NOW=$AFTER expect_status 0 rota report monthly 2027-01 --format json &&
	test "$(json "[p[\"close_shifts\"] for p in j[\"people\"] if p[\"handle\"] == \"$next\"]")" = "[1]"
'

test_expect_success 'report monthly changes nothing in the database' '
	team && pages &&
	expect_unchanged 0 rota report monthly 2027-01 --format html
'

test_done
