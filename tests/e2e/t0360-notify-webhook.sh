#!/bin/sh
# rota notify to a Slack-compatible webhook: handoff reminders, each sent
# once, failures kept and retried, the URL never shown.
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib-swap.sh"
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib-notify.sh"

# hook: the schedule, a receiver, and rota pointed at it with a secret path.
hook() {
	schedule && webhook_up "$@" &&
	notify_conf n.conf webhook=yes &&
	export ROTA_CONFIG="$PWD/n.conf" \
		ROTA_WEBHOOK_URL="http://127.0.0.1:$HOOK_PORT/services/T0/B0/SECRETTOKEN"
}

# secret_kept: the webhook address is in no output and not in the database.
secret_kept() {
	! grep -q "SECRETTOKEN\|$HOOK_PORT" out err &&
	db_dump >dump.sql && grep -q "^CREATE TABLE notifications" dump.sql &&
	! grep -q "SECRETTOKEN\|services/T0" dump.sql
}

test_expect_success 'a handoff reminder is posted 30 minutes before, once' '
	hook &&
	ROTA_NOW=2027-01-11T09:30:00Z expect_status 0 rota notify &&
	expect_file "ID  KIND     CHANNEL  TO       STATE  SUBJECT
1   handoff  webhook  webhook  sent   Handoff in ops at Mon 2027-01-11 10:00 Europe/Dublin: ana hands over to bo (until Mon 2027-01-18 10:00).
1 sent, 0 failed." out &&
	test ! -s err && secret_kept &&
	expect_file "/services/T0/B0/SECRETTOKEN application/json {\"text\":\"Handoff in ops at Mon 2027-01-11 10:00 Europe/Dublin: ana hands over to bo (until Mon 2027-01-18 10:00).\"}" hook/posts &&
	ROTA_NOW=2027-01-11T09:45:00Z expect_status 0 rota notify &&
	expect_file "0 sent, 0 failed." out &&
	test "$(wc -l <hook/attempts)" = 1 &&
	test "$(notes)" = "handoff|webhook|webhook|sent|1|-" &&
	test "$(sqlite3 rota.db "SELECT dedup_key, datetime(created_at, \"unixepoch\"), datetime(sent_at, \"unixepoch\") FROM notifications")" = \
		"handoff:ops-h1-1@2027-01-11T10:00:00Z:ana:bo/webhook|2027-01-11 09:30:00|2027-01-11 09:30:00"
'

test_expect_success 'the first handoff of each rotation: who goes on call' '
	hook &&
	ROTA_NOW=2027-01-04T09:10:00Z expect_status 0 rota notify &&
	posts >got &&
	expect_file "{\"text\":\"Handoff in ops at Mon 2027-01-04 10:00 Europe/Dublin: ana goes on call (until Mon 2027-01-11 10:00).\"}
{\"text\":\"Handoff in esc at Mon 2027-01-04 10:00 Europe/Dublin: mo goes on call (until Mon 2027-01-11 10:00).\"}" got
'

test_expect_success 'nobody hands over to themselves: mo keeps the escalation tier' '
	hook &&
	ROTA_NOW=2027-01-18T09:01:00Z expect_status 0 rota notify &&
	posts >got &&
	expect_file "{\"text\":\"Handoff in ops at Mon 2027-01-18 10:00 Europe/Dublin: bo hands over to cy (until Mon 2027-01-25 10:00).\"}" got
'

test_expect_success 'only handoffs within lead_minutes, never past ones' '
	hook &&
	ROTA_NOW=2027-01-11T08:59:59Z expect_status 0 rota notify &&
	expect_file "0 sent, 0 failed." out &&
	ROTA_NOW=2027-01-11T10:00:00Z expect_status 0 rota notify &&
	expect_file "0 sent, 0 failed." out &&
	ROTA_NOW=2027-03-01T12:00:00Z expect_status 0 rota notify &&
	test ! -s hook/attempts && test "$(notes)" = "" &&
	notify_conf n.conf webhook=yes lead_minutes=120 &&
	ROTA_NOW=2027-01-11T08:00:00Z expect_status 0 rota notify &&
	test "$(wc -l <hook/posts)" = 1 && expect_out "ana hands over to bo"
'

test_expect_success 'a receiver answering 500: exit 75, reported, sent once when it is back' '
	hook 500 &&
	ROTA_NOW=2027-01-11T09:30:00Z expect_status 75 rota notify &&
	expect_file "rota: notification 1 (webhook to webhook) failed: the webhook answered HTTP 500 Internal Server Error: try again later
rota: 1 of 1 notifications failed; they stay due and the next rota notify sends them" err &&
	expect_out "1   handoff  webhook  webhook  failed  Handoff in ops" &&
	secret_kept &&
	test "$(notes)" = "handoff|webhook|webhook|failed|1|the webhook answered HTTP 500 Internal Server Error: try again later" &&
	test ! -s hook/posts && test "$(wc -l <hook/attempts)" = 1 &&
	ROTA_NOW=2027-01-11T09:35:00Z expect_status 75 rota notify &&
	test "$(notes)" = "handoff|webhook|webhook|failed|2|the webhook answered HTTP 500 Internal Server Error: try again later" &&
	echo 200 >hook/status &&
	ROTA_NOW=2027-01-11T09:40:00Z expect_status 0 rota notify &&
	test ! -s err && expect_out "1 sent, 0 failed." &&
	test "$(notes)" = "handoff|webhook|webhook|sent|3|-" &&
	test "$(wc -l <hook/posts)" = 1 &&
	ROTA_NOW=2027-01-11T09:45:00Z expect_status 0 rota notify &&
	expect_file "0 sent, 0 failed." out &&
	test "$(wc -l <hook/posts)" = 1 && test "$(wc -l <hook/attempts)" = 3
'

test_expect_success 'a receiver that is down: exit 75, and the next run sends it' '
	hook && receivers_down &&
	ROTA_NOW=2027-01-11T09:30:00Z expect_status 75 rota notify &&
	expect_err "rota: notification 1 (webhook to webhook) failed: cannot connect to the webhook (is it running, is the URL right?)" &&
	secret_kept &&
	webhook_up && export ROTA_WEBHOOK_URL="http://127.0.0.1:$HOOK_PORT/services/T0/B0/SECRETTOKEN" &&
	ROTA_NOW=2027-01-11T09:50:00Z expect_status 0 rota notify &&
	test "$(wc -l <hook/posts)" = 1 &&
	test "$(notes)" = "handoff|webhook|webhook|sent|2|-"
'

test_expect_success 'a 429 or 503 with Retry-After is posted again after it, in the same run' '
	hook "429 1
503 1
200" &&
	start=$(date +%s) &&
	ROTA_NOW=2027-01-11T09:30:00Z expect_status 0 rota notify &&
	expect_out "1 sent, 0 failed." && test ! -s err &&
	test $(($(date +%s) - start)) -ge 2 &&
	test "$(wc -l <hook/attempts)" = 3 && test "$(wc -l <hook/posts)" = 1 &&
	test "$(notes)" = "handoff|webhook|webhook|sent|1|-"
'

test_expect_success 'rate limited throughout, a 503 without Retry-After, no answer: exit 75, never shown the URL' '
	hook "429 1" && notify_conf n.conf webhook=yes &&
	printf "[http]\nretries = 1\n" >>n.conf &&
	ROTA_NOW=2027-01-11T09:30:00Z expect_status 75 rota notify &&
	expect_err "rota: notification 1 (webhook to webhook) failed: the webhook answered HTTP 429 Too Many Requests: try again later (asked 2 times)" &&
	test "$(wc -l <hook/attempts)" = 2 && secret_kept &&
	echo 503 >hook/status &&
	ROTA_NOW=2027-01-11T09:35:00Z expect_status 75 rota notify &&
	expect_err "failed: the webhook answered HTTP 503 Service Unavailable: try again later" &&
	test "$(wc -l <hook/attempts)" = 3 &&
	echo hang >hook/status && notify_conf n.conf webhook=yes timeout_seconds=1 &&
	ROTA_NOW=2027-01-11T09:40:00Z expect_status 75 rota notify &&
	expect_err "failed: the webhook did not answer within 1 s (try again later; [notify] timeout_seconds sets the limit)" &&
	secret_kept && test "$(notes | cut -d"|" -f4,5)" = "failed|3"
'

test_expect_success 'a failed retry is still sent after its handoff: never lost' '
	hook 503 &&
	ROTA_NOW=2027-01-11T09:30:00Z expect_status 75 rota notify &&
	echo 200 >hook/status &&
	ROTA_NOW=2027-01-11T11:00:00Z expect_status 0 rota notify &&
	test "$(wc -l <hook/posts)" = 1 && expect_out "1 sent, 0 failed."
'

test_expect_success '--dry-run lists what would be sent, sends and changes nothing' '
	hook && unset ROTA_WEBHOOK_URL &&
	ROTA_NOW=2027-01-11T09:30:00Z expect_unchanged 0 rota notify --dry-run &&
	expect_file "ID  KIND     CHANNEL  TO       STATE    SUBJECT
1   handoff  webhook  webhook  pending  Handoff in ops at Mon 2027-01-11 10:00 Europe/Dublin: ana hands over to bo (until Mon 2027-01-18 10:00).
1 to send (dry run: nothing sent, nothing recorded)." out &&
	test ! -s hook/attempts && test "$(notes)" = ""
'

test_expect_success '--json lists the notices with their keys, bodies and state' '
	hook &&
	ROTA_NOW=2027-01-11T09:30:00Z expect_status 0 rota --json notify &&
	test "$(json "len(j), j[0][\"kind\"], j[0][\"channel\"], j[0][\"recipient\"], j[0][\"state\"], j[0][\"attempts\"], j[0][\"error\"], j[0][\"created\"], j[0][\"sent\"]")" = \
		"1 handoff webhook webhook sent 1 None 2027-01-11T09:30:00Z 2027-01-11T09:30:00Z" &&
	test "$(json "j[0][\"key\"]")" = "handoff:ops-h1-1@2027-01-11T10:00:00Z:ana:bo/webhook" &&
	test "$(json "j[0][\"body\"]")" = "Handoff in ops at Mon 2027-01-11 10:00 Europe/Dublin: ana hands over to bo (until Mon 2027-01-18 10:00)." &&
	secret_kept
'

test_expect_success 'after a swap the new incoming person is announced' '
	hook &&
	ROTA_NOW=2027-01-11T09:00:00Z expect_status 0 rota notify &&
	sqlite3 rota.db "UPDATE shifts SET person_id = (SELECT id FROM persons WHERE handle = '"'"'dee'"'"') WHERE id = 2" &&
	ROTA_NOW=2027-01-11T09:30:00Z expect_status 0 rota notify &&
	posts >got &&
	expect_file "{\"text\":\"Handoff in ops at Mon 2027-01-11 10:00 Europe/Dublin: ana hands over to bo (until Mon 2027-01-18 10:00).\"}
{\"text\":\"Handoff in ops at Mon 2027-01-11 10:00 Europe/Dublin: ana hands over to dee (until Mon 2027-01-18 10:00).\"}" got
'

test_done
