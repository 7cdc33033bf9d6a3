#!/bin/sh
# rota notify's burnout alerts are the report's red findings (issue 23):
# every red finding of the team, the forecast and the people that rota
# report monthly tells, in its order and with its sentence, and nothing
# else: not an amber or grey one, not an alert's (a service's noise).
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib-swap.sh"
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib-notify.sh"

# woken: ana holds ops' first week; api / Latency, with no runbook, wakes
# her on three nights in a row (red: sleep interruptions, nights, nights
# in a row; the alert red for its missing runbook, amber out of hours)
# and bo once, in business hours. The clock is 8 January at noon.
woken() {
	schedule && smtp_up &&
	notify_conf n.conf email=yes "smtp_url=smtp://127.0.0.1:$SMTP_PORT" \
		"from=Rota <rota@example.com>" &&
	export ROTA_CONFIG="$PWD/n.conf" &&
	printf "%s\n" "id,created_at,acknowledged_at,resolved_at,responder,service,alert,urgency,escalated,runbook_url" \
		"w1,2027-01-05T01:00:00Z,2027-01-05T01:05:00Z,2027-01-05T01:30:00Z,ana,api,Latency,high,false," \
		"w2,2027-01-06T02:00:00Z,2027-01-06T02:04:00Z,2027-01-06T02:40:00Z,ana,api,Latency,high,false," \
		"w3,2027-01-07T03:00:00Z,2027-01-07T03:02:00Z,2027-01-07T03:20:00Z,ana,api,Latency,high,false," \
		"b1,2027-01-07T11:00:00Z,2027-01-07T11:02:00Z,2027-01-07T11:20:00Z,bo,db,Disk full,high,false,https://rb/disk" \
		>pages.csv &&
	rota page import pages.csv >/dev/null &&
	export ROTA_NOW=2027-01-08T12:00:00Z
}

# red_of_report: the sentence of each red finding that rota report
# monthly tells before its alerts' findings, in its order.
red_of_report() {
	rota report monthly 2027-01 >report.txt &&
	sed -n "/^Noisiest alerts/q; s/^  red    //p" report.txt
}

# told: the sentence each burnout mail tells, in the order enqueued.
told() {
	sqlite3 rota.db "SELECT body FROM notifications WHERE kind = 'burnout' ORDER BY id" |
		sed -n "/ is red:\$/{n;p;}"
}

test_expect_success 'the report tells red findings of the team, ana and an alert, and amber ones' '
	woken &&
	red_of_report >red &&
	expect_file "At this rate the month ends with about 12 out-of-hours interruptions (90%: 5 to 27); the goal is fewer than 10.
ana was woken 3 times; 3 or more a month is red.
ana had 3 interrupted nights; 3 or more a month is red.
ana had at most 3 interrupted nights in a row; 3 or more in a row is red." red &&
	grep -q "^  red    api / Latency arrived 3 times without a runbook link" report.txt &&
	grep -q "^  amber  " report.txt
'

test_expect_success 'each red finding but the alert'"'"'s is mailed once, in the report'"'"'s order, and nothing else' '
	woken &&
	red_of_report >red &&
	expect_status 0 rota notify &&
	told >mailed &&
	diff -u red mailed &&
	sqlite3 rota.db "SELECT subject FROM notifications WHERE kind = '"'"'burnout'"'"' ORDER BY id" >subjects &&
	expect_file "Burnout alert (red) for team in 2027-01: forecast
Burnout alert (red) for ana in 2027-01: sleep_interruptions
Burnout alert (red) for ana in 2027-01: nights_interrupted
Burnout alert (red) for ana in 2027-01: longest_night_run" subjects &&
	! grep -q -e Latency -e runbook mailed &&
	mails >all && test "$(grep -c "^Subject: Burnout alert" all)" = 4
'

test_expect_success 'a month with nothing red: the report tells none, and nothing is mailed' '
	woken &&
	sqlite3 rota.db "DELETE FROM pages WHERE source_id IN ('"'"'w2'"'"', '"'"'w3'"'"')" &&
	red_of_report >red && test ! -s red &&
	expect_status 0 rota notify &&
	test "$(sqlite3 rota.db "SELECT count(*) FROM notifications WHERE kind = '"'"'burnout'"'"'")" = 0
'

test_done
