#!/bin/sh
# report monthly judges a share or a forecast only from enough pages: the
# months that used to alarm falsely (issue 22) are not red, and rota
# notify mails no burnout alert about them.
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib-report.sh"

# email on, to a port nobody listens on: a dry run never connects.
notify_conf() {
	printf "[notify]\nemail = yes\nsmtp_url = smtp://127.0.0.1:9\nfrom = Rota <rota@example.com>\nshift_news = no\n" >n.conf
}

# cy holds the week of 4 January: two evening pages; ana one.
tenth() {
	team && notify_conf &&
	page 1 cy 2027-01-05T20:00:00 60 600 out_of_hours api "5xx rate" "" 1 https://rb/5xx &&
	page 2 cy 2027-01-07T21:00:00 60 600 out_of_hours api "5xx rate" "" 1 https://rb/5xx &&
	page 3 ana 2027-01-08T19:30:00 60 600 out_of_hours db "disk full" "" 1 https://rb/disk
}

# The 10th at 12:00: 3 interruptions in 228 of 744 hours. cy's 2 of 3 is
# 67%, shown but grey (shares are judged from 5); the forecast is judged
# (3 interruptions): 3 * 744 / 228 = 9.8, 90% from 4 to 21 (r = 3.5,
# p = 228/744), amber, not red. It used to be red for cy's 67%.
test_expect_success 'the 10th, 2 of 3 interruptions by one volunteer: grey share, no red' '
	tenth &&
	ROTA_NOW=2027-01-10T12:00:00Z expect_status 0 rota report monthly 2027-01 --format json &&
	test "$(json "j[\"status\"]")" = amber &&
	json "\"\\n\".join(\"%s %s %s\" % (p[\"handle\"], p[\"ooh_share_pct\"], p[\"indicators\"][\"ooh_share_pct\"][\"status\"]) for p in j[\"people\"])" >got &&
	expect_file "ana 33 grey
bo 0 grey
cy 67 grey" got &&
	test "$(json "[p[\"indicators\"][\"ooh_share_pct\"][\"why\"] for p in j[\"people\"]][2]")" = \
		"cy carried 67% of the team'"'"'s out-of-hours load; too few to judge: 3 team out-of-hours interruptions, judged from 5." &&
	test "$(json "j[\"people\"][2][\"indicators\"][\"ooh_share_pct\"][\"judged_from\"], j[\"people\"][2][\"status\"]")" = "5 green" &&
	test "$(json "[j[\"team\"][\"forecast\"][k] for k in (\"so_far\", \"low\", \"high\", \"status\")], round(j[\"team\"][\"forecast\"][\"expected\"], 2)")" = \
		"[3, 4, 21, '"'"'amber'"'"'] 9.79" &&
	ROTA_NOW=2027-01-10T12:00:00Z expect_status 0 rota report monthly 2027-01 &&
	expect_out "Overall: amber" &&
	expect_out "cy      2       326.0  2    0      0       0    2          0      0       67%    0            0      0          -    green" &&
	expect_out "Too few to judge (shown, not judged):" &&
	expect_out "  grey   cy carried 67% of the team'"'"'s out-of-hours load; too few to judge: 3 team out-of-hours interruptions, judged from 5." &&
	! grep -q "red" out
'

test_expect_success 'the 10th: notify --dry-run queues no burnout alert' '
	tenth &&
	ROTA_NOW=2027-01-10T12:00:00Z expect_unchanged 0 rota --config n.conf notify --dry-run &&
	expect_out "0 to send (dry run: nothing sent, nothing recorded)." &&
	! grep -qi "burnout" out
'

# Two more interruptions make 5: the shares are judged (cy 4 of 5, 80%,
# red; ana 20%), and the burnout alert is queued: the minimum is what
# keeps it quiet, not the share.
test_expect_success 'from 5 team interruptions the share is judged and alerted on' '
	tenth &&
	page 4 cy 2027-01-09T20:00:00 60 600 out_of_hours api "5xx rate" "" 1 https://rb/5xx &&
	page 5 cy 2027-01-09T22:00:00 60 600 out_of_hours api "5xx rate" "" 1 https://rb/5xx &&
	ROTA_NOW=2027-01-10T12:00:00Z expect_status 0 rota report monthly 2027-01 --format json &&
	test "$(json "[(p[\"handle\"], p[\"ooh_share_pct\"], p[\"indicators\"][\"ooh_share_pct\"][\"status\"]) for p in j[\"people\"]]")" = \
		"[('"'"'ana'"'"', 20, '"'"'green'"'"'), ('"'"'bo'"'"', 0, '"'"'green'"'"'), ('"'"'cy'"'"', 80, '"'"'red'"'"')]" &&
	ROTA_NOW=2027-01-10T12:00:00Z expect_unchanged 0 rota --config n.conf notify --dry-run &&
	grep -q "Burnout alert (red) for cy in 2027-01: ooh_share_pct" out
'

# The 2nd at 09:00 with one page: 1 interruption in 33 of 744 hours
# (4%): about 22.5, 90% from 4 to 86 (r = 1.5, p = 33/744). It used to be
# red; it is shown, with its interval, grey.
test_expect_success 'the 2nd at 09:00 with one page: the forecast is shown, grey, and nothing is red' '
	team && notify_conf &&
	page 1 ana 2027-01-02T02:00:00 120 900 sleep db "disk full" "" 1 https://rb/disk &&
	ROTA_NOW=2027-01-02T09:00:00Z expect_status 0 rota report monthly 2027-01 --format json &&
	test "$(json "j[\"status\"], [j[\"team\"][\"forecast\"][k] for k in (\"so_far\", \"low\", \"high\", \"status\")], round(j[\"team\"][\"forecast\"][\"expected\"], 2)")" = \
		"green [1, 4, 86, '"'"'grey'"'"'] 22.55" &&
	test "$(json "j[\"team\"][\"forecast\"][\"why\"]")" = \
		"About 23 out-of-hours interruptions expected (90%: 4 to 86); too few to judge: 1 so far in 4% of the month, judged from 3 or from 25% of the month." &&
	test "$(json "[(p[\"handle\"], p[\"ooh_share_pct\"], p[\"indicators\"][\"ooh_share_pct\"][\"status\"]) for p in j[\"people\"] if p[\"handle\"] == \"ana\"]")" = \
		"[('"'"'ana'"'"', 100, '"'"'grey'"'"')]" &&
	ROTA_NOW=2027-01-02T09:00:00Z expect_status 0 rota report monthly 2027-01 &&
	expect_out "Forecast: 22.5 (90%: 4 to 86), 1 so far" &&
	expect_out "  grey   About 23 out-of-hours interruptions expected (90%: 4 to 86); too few to judge: 1 so far in 4% of the month, judged from 3 or from 25% of the month." &&
	! grep -q "red" out &&
	ROTA_NOW=2027-01-02T09:00:00Z expect_unchanged 0 rota --config n.conf notify --dry-run &&
	! grep -qi "burnout" out
'

test_expect_success 'the minimum counts are set in rota.conf; a bad one is a configuration error' '
	tenth &&
	printf "[report]\nforecast_min_interruptions = 4\nforecast_min_elapsed_pct = 50\n[thresholds]\nmin_ooh_share_pct = 3\n" >rota.conf &&
	ROTA_NOW=2027-01-10T12:00:00Z expect_status 0 rota --config rota.conf report monthly 2027-01 --format json &&
	test "$(json "j[\"status\"], j[\"team\"][\"forecast\"][\"status\"], j[\"people\"][2][\"indicators\"][\"ooh_share_pct\"][\"status\"], j[\"people\"][2][\"indicators\"][\"ooh_share_pct\"][\"judged_from\"]")" = \
		"red grey red 3" &&
	printf "[thresholds]\nmin_ooh_share_pct = -1\n" >rota.conf &&
	expect_unchanged 78 rota --config rota.conf report monthly 2027-01 &&
	expect_err "min_ooh_share_pct" &&
	printf "[report]\nforecast_min_elapsed_pct = 101\n" >rota.conf &&
	expect_status 78 rota --config rota.conf report monthly 2027-01 &&
	expect_err "forecast_min_elapsed_pct"
'

# rota(1) lists every threshold and minimum count with the default the
# program uses.
test_expect_success 'rota(1) lists each threshold and minimum count with its default' '
	team && page 1 ana 2027-01-12T03:00:00 120 1800 sleep db "disk full" &&
	ROTA_NOW=2027-02-20T00:00:00Z expect_status 0 rota report monthly 2027-01 --format json &&
	json "\"\\n\".join(\"%s %d / %d %s\" % (k, v[\"amber\"], v[\"red\"], (\"min_%s = %d\" % (k, v[\"judged_from\"])) if v[\"judged_from\"] else \"always\") for k, v in [i for i in j[\"team\"][\"indicators\"].items() if i[0] != \"ooh_interruptions\"] + list(j[\"people\"][0][\"indicators\"].items()) + list(j[\"alerts\"][0][\"indicators\"].items()))" >want &&
	test "$(wc -l <want)" = 18 &&
	mandoc -Tascii -O width=200 "$ROTA_SRCDIR/man/rota.1" | col -bx | sed "s/[[:space:]][[:space:]]*/ /g; s/^ //" >man &&
	while read -r line; do
		grep -qx "$line" man || { echo "not in rota.1: $line"; exit 1; }
	done <want &&
	grep -qx "forecast goal forecast_min_interruptions = 3 or forecast_min_elapsed_pct = 25" man
'

test_done
