#!/bin/sh
# rota notify tells the managers when a burnout indicator of the month so
# far turns red (rota report monthly's thresholds): by email only, once
# per person, indicator and month.
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib-swap.sh"
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib-notify.sh"

# ana holds ops' first week (Mon 2027-01-04 10:00 Dublin); three pages
# wake her on three nights (woken N: the first N of them): 3 sleep
# interruptions a month is red by default.
woken() {
	schedule && smtp_up && webhook_up &&
	notify_conf n.conf email=yes webhook=yes "smtp_url=smtp://127.0.0.1:$SMTP_PORT" \
		"from=Rota <rota@example.com>" "webhook_url=http://127.0.0.1:$HOOK_PORT/hook" &&
	export ROTA_CONFIG="$PWD/n.conf" &&
	printf "%s\n" "id,created_at,acknowledged_at,resolved_at,responder,service,alert,urgency,escalated,runbook_url" \
		"w1,2027-01-05T01:00:00Z,2027-01-05T01:05:00Z,2027-01-05T01:30:00Z,ana,db,Disk full,high,false,https://runbooks/disk" \
		"w2,2027-01-06T02:00:00Z,2027-01-06T02:04:00Z,2027-01-06T02:40:00Z,ana,db,Disk full,high,false,https://runbooks/disk" \
		"w3,2027-01-07T03:00:00Z,2027-01-07T03:02:00Z,2027-01-07T03:20:00Z,ana,api,Latency,high,false," |
		head -n $(($1 + 1)) >pages.csv &&
	rota page import pages.csv >/dev/null
}

# Three interruptions, all ana's: her share (100%) is too few to judge
# (from 5 team interruptions), so never told; the forecast is judged
# from 3.
test_expect_success 'a red indicator mails every manager, never the chat, once' '
	woken 3 &&
	ROTA_NOW=2027-01-08T12:00:00Z expect_status 0 rota notify &&
	sqlite3 rota.db "SELECT DISTINCT channel || \" \" || recipient FROM notifications WHERE kind = '"'"'burnout'"'"'" >got &&
	expect_file "email Mo <mo@example.com>" got &&
	sqlite3 rota.db "SELECT subject FROM notifications WHERE kind = '"'"'burnout'"'"' ORDER BY id" >subjects &&
	expect_file "Burnout alert (red) for team in 2027-01: forecast
Burnout alert (red) for ana in 2027-01: sleep_interruptions
Burnout alert (red) for ana in 2027-01: nights_interrupted
Burnout alert (red) for ana in 2027-01: longest_night_run" subjects &&
	mails >all && grep "^Subject: Burnout alert (red) for ana in 2027-01: sleep_interruptions$" all &&
	grep -q "^ana was woken 3 times" all &&
	grep -q "^rcpt: mo@example.com$" all && ! grep -q "^rcpt: ana@example.com$" all &&
	test ! -s hook/posts &&
	n=$(mail_count) &&
	ROTA_NOW=2027-01-08T13:00:00Z expect_status 0 rota notify &&
	test "$(mail_count)" = "$n" &&
	sqlite3 rota.db "SELECT count(*) FROM notifications WHERE kind = '"'"'burnout'"'"' AND dedup_key LIKE '"'"'burnout:ana:sleep_interruptions:2027-01/%'"'"'" >count &&
	test "$(cat count)" = 1
'

test_expect_success 'woken once: what is not red is not told' '
	woken 1 &&
	ROTA_NOW=2027-01-08T12:00:00Z expect_status 0 rota notify &&
	n=$(sqlite3 rota.db "SELECT count(*) FROM notifications WHERE kind = '"'"'burnout'"'"'
		AND (subject LIKE '"'"'%sleep_interruptions%'"'"' OR subject LIKE '"'"'%nights_interrupted%'"'"'
		OR subject LIKE '"'"'%forecast%'"'"')") &&
	test "$n" = 0
'

test_expect_success 'notify --dry-run lists the alert, sends nothing and changes nothing' '
	woken 3 &&
	ROTA_NOW=2027-01-08T12:00:00Z expect_unchanged 0 rota notify --dry-run &&
	expect_out "burnout" && test "$(mail_count)" = 0
'

test_done
