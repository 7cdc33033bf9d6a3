#!/bin/sh
# rota notify for swaps: the people a request asks are told while it is
# open, and its requester when it is accepted or declined; each once.
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib-swap.sh"
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib-notify.sh"

# both: the schedule, a mail server and a webhook, both channels on. The
# clock is lib.sh's, 2027-01-01T12:00:00Z: shift 1 (ana) starts Monday.
both() {
	schedule && smtp_up && webhook_up &&
	notify_conf n.conf email=yes webhook=yes "smtp_url=smtp://127.0.0.1:$SMTP_PORT" \
		"from=rota@example.com" &&
	export ROTA_CONFIG="$PWD/n.conf" ROTA_WEBHOOK_URL="http://127.0.0.1:$HOOK_PORT/hook"
}

test_expect_success 'a request to a named person: a mail to them and a chat line' '
	both &&
	rota --as ana swap request 1 --with dee >/dev/null &&
	ROTA_NOW=2027-01-01T12:05:00Z expect_status 0 rota notify &&
	expect_file "ID  KIND  CHANNEL  TO                            STATE  SUBJECT
1   swap  email    Person dee <dee@example.com>  sent   Swap request 1: ana asks you to take ops from Mon 2027-01-04 10:00 Europe/Dublin
2   swap  webhook  webhook                       sent   Swap request 1: ana asks dee to take shift 1 in ops, Mon 2027-01-04 10:00 to Mon 2027-01-11 10:00 Europe/Dublin.
2 sent, 0 failed." out &&
	mails >got &&
	expect_file "rcpt: dee@example.com
mail from: rota@example.com
From: rota@example.com
To: Person dee <dee@example.com>
Subject: Swap request 1: ana asks you to take ops from Mon 2027-01-04 10:00 Europe/Dublin
Hello Person dee,

Person ana (ana) asks you to take their on-call shift 1 in ops,
from Mon 2027-01-04 10:00 to Mon 2027-01-11 10:00 Europe/Dublin.

To accept: rota swap accept 1
To decline: rota swap decline 1

-- rota" got &&
	posts >got &&
	expect_file "{\"text\":\"Swap request 1: ana asks dee to take shift 1 in ops, Mon 2027-01-04 10:00 to Mon 2027-01-11 10:00 Europe/Dublin.\"}" got &&
	ROTA_NOW=2027-01-01T12:10:00Z expect_status 0 rota notify &&
	expect_file "0 sent, 0 failed." out && test "$(mail_count)" = 1
'

test_expect_success 'a request open to anyone: every other member of the term is told' '
	both &&
	rota --as ana swap request 1 >/dev/null &&
	ROTA_NOW=2027-01-01T12:05:00Z expect_status 0 rota notify &&
	expect_out "4 sent, 0 failed." &&
	sqlite3 rota.db "SELECT recipient FROM notifications WHERE channel = '"'"'email'"'"' ORDER BY id" >got &&
	expect_file "Person bo <bo@example.com>
Person cy <cy@example.com>
Person dee <dee@example.com>" got &&
	mails | sed -n "/^rcpt: cy@/,/^--$/p" >got &&
	expect_file "rcpt: cy@example.com
mail from: rota@example.com
From: rota@example.com
To: Person cy <cy@example.com>
Subject: Swap request 1: ana asks the term to take ops from Mon 2027-01-04 10:00 Europe/Dublin
Hello Person cy,

Person ana (ana) asks anyone in h1 to take their on-call shift 1 in ops,
from Mon 2027-01-04 10:00 to Mon 2027-01-11 10:00 Europe/Dublin.

To accept: rota swap accept 1
To decline: rota swap decline 1

-- rota
--" got &&
	posts >got &&
	expect_file "{\"text\":\"Swap request 1: ana asks anyone in h1 to take shift 1 in ops, Mon 2027-01-04 10:00 to Mon 2027-01-11 10:00 Europe/Dublin.\"}" got
'

test_expect_success 'an accepted request: the requester is told, once' '
	both &&
	rota --as ana swap request 1 --with dee >/dev/null &&
	ROTA_NOW=2027-01-01T12:05:00Z expect_status 0 rota notify &&
	ROTA_NOW=2027-01-01T13:00:00Z rota --as dee swap accept 1 >/dev/null &&
	rm -f mail/new/* && : >hook/posts &&
	ROTA_NOW=2027-01-01T13:05:00Z expect_status 0 rota notify &&
	expect_out "2 sent, 0 failed." &&
	mails >got &&
	expect_file "rcpt: ana@example.com
mail from: rota@example.com
From: rota@example.com
To: Person ana <ana@example.com>
Subject: Swap request 1 accepted by dee
Hello Person ana,

dee accepted your swap request 1: shift 1 in ops,
from Mon 2027-01-04 10:00 to Mon 2027-01-11 10:00 Europe/Dublin, is now dee'"'"'s.

-- rota" got &&
	posts >got &&
	expect_file "{\"text\":\"Swap request 1 accepted: dee takes shift 1 in ops from ana, Mon 2027-01-04 10:00 to Mon 2027-01-11 10:00 Europe/Dublin.\"}" got &&
	ROTA_NOW=2027-01-01T13:10:00Z expect_status 0 rota notify &&
	expect_file "0 sent, 0 failed." out && test "$(mail_count)" = 1
'

test_expect_success 'a declined request: the requester is told it stays theirs' '
	both &&
	rota --as ana swap request 1 --with dee >/dev/null &&
	rota --as dee swap decline 1 >/dev/null &&
	ROTA_NOW=2027-01-01T12:05:00Z expect_status 0 rota notify &&
	expect_out "2 sent, 0 failed." &&
	mails >got &&
	expect_file "rcpt: ana@example.com
mail from: rota@example.com
From: rota@example.com
To: Person ana <ana@example.com>
Subject: Swap request 1 declined by dee
Hello Person ana,

dee declined your swap request 1: shift 1 in ops,
from Mon 2027-01-04 10:00 to Mon 2027-01-11 10:00 Europe/Dublin, stays yours.

-- rota" got &&
	posts >got &&
	expect_file "{\"text\":\"Swap request 1 declined by dee: shift 1 in ops stays with ana.\"}" got
'

test_expect_success 'old news is not told: a first run sends no flood' '
	both &&
	rota --as ana swap request 1 --with dee >/dev/null &&
	rota --as bo swap request 2 --with dee >/dev/null &&
	rota --as bo swap cancel 2 >/dev/null &&
	ROTA_NOW=2027-01-02T12:00:01Z expect_status 0 rota notify &&
	expect_file "0 sent, 0 failed." out &&
	test "$(notes)" = "" && test "$(mail_count)" = 0 && test ! -s hook/attempts &&
	notify_conf n.conf email=yes webhook=yes "smtp_url=smtp://127.0.0.1:$SMTP_PORT" \
		"from=rota@example.com" catch_up_hours=48 &&
	ROTA_NOW=2027-01-02T12:00:01Z expect_status 0 rota notify &&
	expect_out "2 sent, 0 failed." && expect_out "Swap request 1: ana asks you"
'

test_expect_success 'a request whose time has passed is no longer told' '
	both &&
	rota --as ana swap request 1 --with dee >/dev/null &&
	notify_conf n.conf email=yes "smtp_url=smtp://127.0.0.1:$SMTP_PORT" \
		"from=rota@example.com" catch_up_hours=240 &&
	ROTA_NOW=2027-01-11T10:00:00Z expect_status 0 rota notify &&
	expect_file "0 sent, 0 failed." out
'

test_expect_success 'a night asked for is told as that night; the rest of a week in progress is told' '
	both &&
	rota --as ana swap request 1 --from 2027-01-05T18:00 --to 2027-01-06T08:00 --with dee >/dev/null &&
	notify_conf n.conf email=yes "smtp_url=smtp://127.0.0.1:$SMTP_PORT" \
		"from=rota@example.com" catch_up_hours=240 &&
	ROTA_NOW=2027-01-01T12:05:00Z expect_status 0 rota --json notify --dry-run &&
	test "$(json "[r[\"subject\"] for r in j if r[\"channel\"] == \"email\"]")" = \
		"['"'"'Swap request 1: ana asks you to take ops from Tue 2027-01-05 18:00 Europe/Dublin'"'"']" &&
	rota --as ana swap cancel 1 >/dev/null &&
	ROTA_NOW=2027-01-05T12:00:00Z rota --as ana swap request 1 --from now --with dee >/dev/null &&
	ROTA_NOW=2027-01-05T12:05:00Z expect_status 0 rota --json notify --dry-run &&
	test "$(json "[r[\"subject\"] for r in j if r[\"channel\"] == \"email\"]")" = \
		"['"'"'Swap request 2: ana asks you to take ops from Tue 2027-01-05 12:00 Europe/Dublin'"'"']"
'

test_expect_success '--dry-run shows the swap news and sends nothing' '
	both &&
	rota --as ana swap request 1 --with dee >/dev/null &&
	ROTA_NOW=2027-01-01T12:05:00Z expect_unchanged 0 rota --json notify --dry-run &&
	test "$(json "[(r[\"channel\"], r[\"recipient\"], r[\"state\"]) for r in j]")" = \
		"[('"'"'email'"'"', '"'"'Person dee <dee@example.com>'"'"', '"'"'pending'"'"'), ('"'"'webhook'"'"', '"'"'webhook'"'"', '"'"'pending'"'"')]" &&
	test "$(mail_count)" = 0 && test ! -s hook/attempts
'

test_done
