#!/bin/sh
# A volunteer's report monthly is judged on what they may see (issue 23):
# in a month where another volunteer is red, the viewer who is green sees
# no red or amber status, in no format, and nobody else's name outside
# the on-call strip (the schedule is everyone's); the team's figures and
# alerts are those the manager sees; the manager's report is unchanged.
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib-report-html.sh"

# month: lib-report.sh's team; ana woken on three nights (red: sleep
# interruptions, nights interrupted; amber: two nights in a row), bo one
# page in business hours, each page of its own alert, acted on, with a
# runbook, so no team indicator or alert is amber or red.
month() {
	team &&
	page 1 ana 2027-01-12T03:00:00 120 1800 sleep db "disk full" "" 1 https://rb/disk &&
	page 2 ana 2027-01-13T02:00:00 120 1800 sleep api "errors" "" 1 https://rb/api &&
	page 3 ana 2027-01-14T23:30:00 60 900 sleep web "cert" "" 1 https://rb/cert &&
	page 4 bo 2027-01-19T14:00:00 120 1200 in_hours api "latency" "" 1 https://rb/lat &&
	export ROTA_NOW=2027-02-20T00:00:00Z &&
	printf "[rotation \"ops\"]\npolicy = std\n\n[policy \"std\"]\ncurrency = EUR\nstipend_per_week = 500.00\n" >rota.conf &&
	export ROTA_CONFIG="$PWD/rota.conf"
}

# statuses FILE: every "status" of a report in JSON, sorted, once each.
statuses() {
	/usr/bin/python3 -c '
import json, sys
def walk(x):
    if isinstance(x, dict):
        for k, v in x.items():
            if k == "status":
                yield v
            yield from walk(v)
    elif isinstance(x, list):
        for v in x:
            yield from walk(v)
print(" ".join(sorted(set(walk(json.load(open(sys.argv[1])))))))' "$1"
}

# team_of FILE: the team's figures of a report in JSON (its status apart).
team_of() {
	/usr/bin/python3 -c "import json,sys; j=json.load(open(sys.argv[1])); print(json.dumps([j[k] for k in (\"month\", \"team\", \"alerts\", \"services\", \"ooh_by_hour\")], sort_keys=True))" "$1"
}

test_expect_success 'text: the manager sees ana red, exactly as before' '
	month &&
	expect_unchanged 0 rota --as mo report monthly 2027-01 &&
	expect_file "Monthly report 2027-01 (UTC)
Overall: red

Team
INDICATOR                             VALUE   STATUS  THRESHOLDS (AMBER / RED)
Out-of-hours interruptions            3       green   8 / 10
Escalations to the managers'"'"' tier     0       green   3 / 6
Time to acknowledge, median           2m00s   grey    5m00s / 15m00s
Time to acknowledge, 95th percentile  2m00s   grey    15m00s / 30m00s
Time to resolve, median               20m00s  grey    1h00m / 2h00m
Time to resolve, 95th percentile      30m00s  grey    2h00m / 4h00m
Goal: fewer than 10 out-of-hours interruptions a month
Trend:  2027-01 3
Pages: 4, interruptions: 4, sleep interruptions: 3
  green  the team had 3 out-of-hours interruptions; amber from 8 a month.
  grey   the team'"'"'s median time to acknowledge was 2m00s; too few to judge: 4 pages acknowledged, judged from 5.
  grey   95% of pages were acknowledged within 2m00s; too few to judge: 4 pages acknowledged, judged from 20.
  grey   the team'"'"'s median time to resolve was 20m00s; too few to judge: 4 pages resolved, judged from 5.
  grey   95% of pages were resolved within 30m00s; too few to judge: 4 pages resolved, judged from 20.

People
PERSON  SHIFTS  HOURS  OOH  SLEEP  NIGHTS  RUN  MAX/SHIFT  DAILY  WEEKLY  SHARE  WEEKS SINCE  CLOSE  ESCALATED  PAY         STATUS
ana     1       168.0  3    3      3       2    3          0      0       100%   1            0      0          500.00 EUR  red
bo      1       168.0  0    0      0       0    1          0      0       0%     0            0      0          500.00 EUR  green
cy      2       326.0  0    0      0       0    0          0      0       0%     0            0      0          970.24 EUR  green
Why:
  red    ana was woken 3 times; 3 or more a month is red.
  red    ana had 3 interrupted nights; 3 or more a month is red.
  amber  ana had at most 2 interrupted nights in a row; 2 or more in a row is amber, 3 red.
Too few to judge (shown, not judged):
  grey   ana carried 100% of the team'"'"'s out-of-hours load; too few to judge: 3 team out-of-hours interruptions, judged from 5.

Noisiest alerts
SERVICE  ALERT      PAGES  OOH  SLEEP  NO ACTION  NO RUNBOOK  STATUS
api      errors     1      1    1      0          0           green
db       disk full  1      1    1      0          0           green
web      cert       1      1    1      0          0           green
api      latency    1      0    0      0          0           green" out
'

test_expect_success 'text: bo, green, sees green overall, the team whole and no one else' '
	month &&
	rota --as mo report monthly 2027-01 >manager.txt &&
	expect_unchanged 0 rota --as bo report monthly 2027-01 &&
	test "$(sed -n 2p out)" = "Overall: green" &&
	! grep -E -e "^  (red|amber) " -e "  (red|amber)\$" out &&
	! grep -w -e ana -e cy -e mo out &&
	grep "^bo " manager.txt >want && grep "^bo " out >got && diff -u want got &&
	sed -n "/^Team/,/^People/p" manager.txt >want && sed -n "/^Team/,/^People/p" out >got &&
	diff -u want got &&
	sed -n "/^Noisiest alerts/,\$p" manager.txt >want && sed -n "/^Noisiest alerts/,\$p" out >got &&
	diff -u want got
'

test_expect_success 'text: ana, red herself, sees her own red and why, nobody else' '
	month &&
	expect_unchanged 0 rota --as ana report monthly 2027-01 &&
	test "$(sed -n 2p out)" = "Overall: red" &&
	grep -q "^  red    ana was woken 3 times; 3 or more a month is red.$" out &&
	! grep -w -e bo -e cy -e mo out
'

test_expect_success 'JSON: bo sees no red or amber status anywhere, the team as the manager does' '
	month &&
	rota --as mo --json report monthly 2027-01 >manager.json &&
	test "$(statuses manager.json)" = "amber green grey red" &&
	expect_unchanged 0 rota --as bo report monthly 2027-01 --format json &&
	test "$(json "j[\"status\"]")" = green &&
	test "$(statuses out)" = "green grey" &&
	test "$(json "[p[\"handle\"] for p in j[\"people\"]]")" = "['"'"'bo'"'"']" &&
	team_of manager.json >want && team_of out >got && diff -u want got &&
	! grep -e "\"ana\"" -e "Ana Alves" -e "\"cy\"" -e "\"mo\"" out
'

test_expect_success 'CSV: bo'"'"'s own row, green, as the manager sees it' '
	month &&
	rota --as mo report monthly 2027-01 --format csv >manager.csv &&
	grep -q "^2027-01,ana,.*,red,0$" manager.csv &&
	expect_unchanged 0 rota --as bo report monthly 2027-01 --format csv &&
	head -1 manager.csv >want && grep "^2027-01,bo,.*,green,0$" manager.csv >>want &&
	diff -u want out
'

test_expect_success 'HTML: bo'"'"'s page has no red or amber badge and names ana only in the strip' '
	month &&
	rota --as mo report monthly 2027-01 --format html >manager.html &&
	grep -q "class=\"badge red\"" manager.html &&
	html_facts manager.html >manager.facts &&
	grep -q "^why ana was woken 3 times; 3 or more a month is red.$" manager.facts &&
	expect_unchanged 0 rota --as bo report monthly 2027-01 --format html &&
	! grep -e "badge red" -e "badge amber" out &&
	grep -q "class=\"badge green\"" out &&
	html_facts out >facts &&
	grep -q "^p Overall status for January 2027:$" facts &&
	grep -q "^h2 Who needs attention$" manager.facts &&
	grep -A 1 "^h2 Your indicators$" facts >got &&
	test "$(sed -n 2p got)" = "p None of yours is amber or red." &&
	! grep -e "^h2 Who needs attention" -e "Nobody" facts &&
	grep -v "^strip " facts >named && ! grep -w -e ana -e cy -e mo named &&
	grep "^strip .*ana" facts && ! grep -e "Ana Alves" -e "Cy Chen" out &&
	grep "^h2 Alerts to fix" -A 41 manager.facts >want &&
	grep "^h2 Alerts to fix" -A 41 facts >got && diff -u want got
'

test_expect_success 'HTML: ana'"'"'s headline is about her own indicators' '
	month &&
	expect_unchanged 0 rota --as ana report monthly 2027-01 --format html &&
	grep -A 2 "<h2>Your indicators</h2>" out >got &&
	grep -q "<span class=\"badge red\">RED</span> <strong title=\"Ana Alves\">ana</strong>: sleep interruptions, nights interrupted</li></ul>" got &&
	! grep -e "Who needs attention" -e "Nobody" out
'

test_done
