#!/bin/sh
# report monthly --format json: its figures against values worked out by
# hand for a quiet month, a noisy month, a month's first day and a team
# where one person took every page of three. team (lib-report.sh): ops'
# weeks from Monday 4 January 2027 at 10:00 go to cy, ana, bo, cy, ana,
# bo; January is UTC in Dublin, where ana and bo live.
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib-report.sh"

AFTER=2027-02-20T00:00:00Z

# The team's figures and each person's, one line each.
TEAM='"%s ooh=%s pages=%s int=%s sleep=%s esc=%s ack=%s/%s res=%s/%s" % (j["status"], j["team"]["ooh_interruptions"], j["team"]["pages"], j["team"]["interruptions"], j["team"]["sleep_interruptions"], j["team"]["escalations"], j["team"]["ack_median_seconds"], j["team"]["ack_p95_seconds"], j["team"]["resolve_median_seconds"], j["team"]["resolve_p95_seconds"])'
STATUSES='" ".join("%s=%s" % (k, v["status"]) for k, v in j["team"]["indicators"].items())'
PEOPLE='"\n".join("%s ooh=%s sleep=%s nights=%s run=%s shift=%s weekly=%s share=%s/%s %s" % (p["handle"], p["ooh_interruptions"], p["sleep_interruptions"], p["nights_interrupted"], p["longest_night_run"], p["most_pages_in_a_shift"], p["broken_weekly_rest"], p["ooh_share_pct"], p["indicators"]["ooh_share_pct"]["status"], p["status"]) for p in j["people"])'

# Quiet: an in-hours page of ana's (acknowledged after 300 s, resolved
# after 1800) and an evening page of bo's (120 s, 600 s). Medians by
# nearest rank: the lower middle of two, 120 and 600; the 95th
# percentiles the larger, 300 and 1800; all grey, 2 pages being under 5
# and 20. One out-of-hours interruption: every share grey (under 5), bo's
# 100%.
test_expect_success 'a quiet month' '
	team &&
	page 1 ana 2027-01-12T14:00:00 300 1800 in_hours api "5xx rate" "" 1 https://rb/5xx &&
	page 2 bo 2027-01-19T20:00:00 120 600 out_of_hours db "disk full" "" 1 https://rb/disk &&
	ROTA_NOW=$AFTER expect_status 0 rota report monthly 2027-01 --format json &&
	test "$(json "$TEAM")" = "green ooh=1 pages=2 int=2 sleep=0 esc=0 ack=120/300 res=600/1800" &&
	test "$(json "$STATUSES")" = \
		"ooh_interruptions=green escalations=green ack_median_seconds=grey ack_p95_seconds=grey resolve_median_seconds=grey resolve_p95_seconds=grey" &&
	json "$PEOPLE" >got &&
	expect_file "ana ooh=0 sleep=0 nights=0 run=0 shift=1 weekly=0 share=0/grey green
bo ooh=1 sleep=0 nights=0 run=0 shift=1 weekly=0 share=100/grey green
cy ooh=0 sleep=0 nights=0 run=0 shift=0 weekly=0 share=0/grey green" got &&
	test "$(json "j[\"team\"][\"trend\"], j[\"team\"][\"forecast\"], j[\"ooh_by_hour\"][20], sum(j[\"ooh_by_hour\"])")" = \
		"[{'"'"'month'"'"': '"'"'2027-01'"'"', '"'"'ooh_interruptions'"'"': 1}] None 1 1"
'

# Noisy: ana (week of the 11th) is woken at 03:00 on the 12th to the
# 15th and paged at 20:00 on the 16th: 5 out of hours, 4 asleep, 4
# nights in a row, 5 in her shift; her week from Monday the 11th keeps
# 35 free hours (40 h 30 m from the 15th 03:30 to the 16th 20:00), and
# no day goes without 11 (the longest gap of a night's day is 20 h 30 m).
# bo (week of the
# 18th) is paged at 21:00 on the 19th to the 22nd: 4; cy (week of the
# 25th) at 23:00 on the 26th to the 28th: 3. 12 in all, red against the
# goal of 10. Shares of 12: 41.67, 33.33, 25: 41 + 33 + 25 = 99, the
# point left to ana's remainder: 42 (amber, from 40), 33, 25.
# Acknowledged after 60 s, resolved after 600 (1800 at night): medians
# judged (12 pages), 95th percentiles grey (under 20).
test_expect_success 'a noisy month' '
	team &&
	for d in 12 13 14 15; do
		page "a$d" ana "2027-01-${d}T03:00:00" 60 1800 sleep db "disk full" "" 1 https://rb/disk ||
			return 1
	done &&
	page a16 ana 2027-01-16T20:00:00 60 600 out_of_hours api "5xx rate" "" 1 https://rb/5xx &&
	for d in 19 20 21 22; do
		page "b$d" bo "2027-01-${d}T21:00:00" 60 600 out_of_hours api "5xx rate" "" 1 https://rb/5xx ||
			return 1
	done &&
	for d in 26 27 28; do
		page "c$d" cy "2027-01-${d}T23:00:00" 60 600 out_of_hours web latency "" 1 https://rb/web ||
			return 1
	done &&
	ROTA_NOW=$AFTER expect_status 0 rota report monthly 2027-01 --format json &&
	test "$(json "$TEAM")" = "red ooh=12 pages=12 int=12 sleep=4 esc=0 ack=60/60 res=600/1800" &&
	test "$(json "$STATUSES")" = \
		"ooh_interruptions=red escalations=green ack_median_seconds=green ack_p95_seconds=grey resolve_median_seconds=green resolve_p95_seconds=grey" &&
	test "$(json "j[\"team\"][\"why\"]")" = "the team had 12 out-of-hours interruptions; 10 or more a month is red." &&
	json "$PEOPLE" >got &&
	expect_file "ana ooh=5 sleep=4 nights=4 run=4 shift=5 weekly=0 share=42/amber red
bo ooh=4 sleep=0 nights=0 run=0 shift=4 weekly=0 share=33/green amber
cy ooh=3 sleep=0 nights=0 run=0 shift=3 weekly=0 share=25/green green" got &&
	test "$(json "sum(p[\"ooh_share_pct\"] for p in j[\"people\"])")" = 100
'

# The first day: February 1st at 09:00, cy (week of 25 January, to 10:00
# today) paged at 02:00. 1 interruption in 9 of February's 672 hours
# (1%): 1 * 672 / 9 = 74.7, 90% from 13 to 290 (r = 1.5, p = 9/672):
# shown, grey, not red. The trend starts in January, the team's first
# month. ana's last shift ended on 18 January at 10:00 (13 days 23 hours
# ago: 1 week), bo's on the 25th (0 weeks), cy's is under way (0); each
# has a shift in February (ana's from today at 10:00, bo's on the 8th).
test_expect_success 'the first day of a month' '
	team &&
	page 1 cy 2027-02-01T02:00:00 120 900 out_of_hours web latency "" 1 https://rb/web &&
	ROTA_NOW=2027-02-01T09:00:00Z expect_status 0 rota report monthly 2027-02 --format json &&
	test "$(json "$TEAM")" = "green ooh=1 pages=1 int=1 sleep=0 esc=0 ack=120/120 res=900/900" &&
	test "$(json "[j[\"team\"][\"forecast\"][k] for k in (\"so_far\", \"low\", \"high\", \"status\")], round(j[\"team\"][\"forecast\"][\"expected\"], 1)")" = \
		"[1, 13, 290, '"'"'grey'"'"'] 74.7" &&
	test "$(json "j[\"team\"][\"forecast\"][\"why\"]")" = \
		"About 75 out-of-hours interruptions expected (90%: 13 to 290); too few to judge: 1 so far in 1% of the month, judged from 3 or from 25% of the month." &&
	test "$(json "[(m[\"month\"], m[\"ooh_interruptions\"]) for m in j[\"team\"][\"trend\"]]")" = \
		"[('"'"'2027-01'"'"', 0), ('"'"'2027-02'"'"', 1)]" &&
	test "$(json "[(p[\"handle\"], p[\"shifts\"], p[\"weeks_since_last_shift\"], p[\"ooh_share_pct\"], p[\"indicators\"][\"ooh_share_pct\"][\"status\"]) for p in j[\"people\"]]")" = \
		"[('"'"'ana'"'"', 1, 1, 0, '"'"'grey'"'"'), ('"'"'bo'"'"', 1, 0, 0, '"'"'grey'"'"'), ('"'"'cy'"'"', 1, 0, 100, '"'"'grey'"'"')]"
'

# One person took every page of three: ana, paged at 20:00 on the 12th,
# 13th and 14th of her week. 100% of 3 is too few to judge: she is green
# (it used to be red). The month is amber for the alert alone: api / 5xx
# rate interrupted someone 3 times out of hours (amber from 3).
test_expect_success 'a team where one person took every page of three' '
	team &&
	for d in 12 13 14; do
		page "a$d" ana "2027-01-${d}T20:00:00" 60 600 out_of_hours api "5xx rate" "" 1 https://rb/5xx ||
			return 1
	done &&
	ROTA_NOW=$AFTER expect_status 0 rota report monthly 2027-01 --format json &&
	test "$(json "$TEAM")" = "amber ooh=3 pages=3 int=3 sleep=0 esc=0 ack=60/60 res=600/600" &&
	test "$(json "[(a[\"alert\"], a[\"status\"]) for a in j[\"alerts\"]]")" = "[('"'"'5xx rate'"'"', '"'"'amber'"'"')]" &&
	json "$PEOPLE" >got &&
	expect_file "ana ooh=3 sleep=0 nights=0 run=0 shift=3 weekly=0 share=100/grey green
bo ooh=0 sleep=0 nights=0 run=0 shift=0 weekly=0 share=0/grey green
cy ooh=0 sleep=0 nights=0 run=0 shift=0 weekly=0 share=0/grey green" got &&
	test "$(json "j[\"people\"][0][\"indicators\"][\"ooh_share_pct\"][\"why\"]")" = \
		"ana carried 100% of the team'"'"'s out-of-hours load; too few to judge: 3 team out-of-hours interruptions, judged from 5."
'

test_done
