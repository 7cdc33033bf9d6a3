#!/bin/sh
# rota notify by email over SMTP (aiosmtpd on loopback): the messages as
# received, each sent once, failures kept and retried.
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib-swap.sh"
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib-notify.sh"

# mailer [KEY=VALUE...]: the schedule, a mail server, rota pointed at it.
mailer() {
	schedule && smtp_up &&
	notify_conf n.conf email=yes "smtp_url=smtp://127.0.0.1:$SMTP_PORT" \
		"from=Rota <rota@example.com>" "$@" &&
	export ROTA_CONFIG="$PWD/n.conf"
}

# header NAME: the raw header lines NAME of every mail received, sorted.
header() {
	cat mail/new/* | tr -d "\r" | grep "^$1: " | sort
}

test_expect_success 'a handoff reminder mails the outgoing and the incoming person, once' '
	mailer &&
	ROTA_NOW=2027-01-11T09:30:00Z expect_status 0 rota notify &&
	expect_file "ID  KIND     CHANNEL  TO                            STATE  SUBJECT
1   handoff  email    Person bo <bo@example.com>    sent   On call in ops from Mon 2027-01-11 10:00 Europe/Dublin
2   handoff  email    Person ana <ana@example.com>  sent   Handoff in ops at Mon 2027-01-11 10:00 Europe/Dublin
2 sent, 0 failed." out &&
	mails >got &&
	expect_file "rcpt: ana@example.com
mail from: rota@example.com
From: Rota <rota@example.com>
To: Person ana <ana@example.com>
Subject: Handoff in ops at Mon 2027-01-11 10:00 Europe/Dublin
Hello Person ana,

Your on-call shift in ops ends at Mon 2027-01-11 10:00 Europe/Dublin:
you hand over to Person bo (bo).

-- rota
--
rcpt: bo@example.com
mail from: rota@example.com
From: Rota <rota@example.com>
To: Person bo <bo@example.com>
Subject: On call in ops from Mon 2027-01-11 10:00 Europe/Dublin
Hello Person bo,

You go on call in ops at Mon 2027-01-11 10:00 Europe/Dublin,
taking over from Person ana (ana).
Your shift (2) ends Mon 2027-01-18 10:00 Europe/Dublin.

-- rota" got &&
	ROTA_NOW=2027-01-11T09:45:00Z expect_status 0 rota notify &&
	expect_file "0 sent, 0 failed." out &&
	test "$(mail_count)" = 2
'

test_expect_success 'the mails carry the RFC 5322 headers a mail reader needs' '
	mailer &&
	ROTA_NOW=2027-01-11T09:30:00Z expect_status 0 rota notify &&
	header Date >got &&
	expect_file "Date: Mon, 11 Jan 2027 09:30:00 +0000
Date: Mon, 11 Jan 2027 09:30:00 +0000" got &&
	header Content-Type >got &&
	expect_file "Content-Type: text/plain; charset=UTF-8
Content-Type: text/plain; charset=UTF-8" got &&
	header MIME-Version | uniq >got && expect_file "MIME-Version: 1.0" got &&
	header Auto-Submitted | uniq >got && expect_file "Auto-Submitted: auto-generated" got &&
	header Message-ID >got &&
	test "$(grep -Ec "^Message-ID: <rota\.[0-9a-f]{16}\.1799659800@example\.com>$" got)" = 2 &&
	test "$(sort -u got | wc -l)" = 2
'

test_expect_success 'names that are not ASCII are encoded, and read back as written' '
	mailer &&
	rota person set bo --name "Bó Ñúñez" >/dev/null &&
	ROTA_NOW=2027-01-11T09:30:00Z expect_status 0 rota notify &&
	mails >got &&
	grep -qx "To: Bó Ñúñez <bo@example.com>" got &&
	grep -qx "Hello Bó Ñúñez," got &&
	grep -qx "you hand over to Bó Ñúñez (bo)." got &&
	header To | grep -q "=?UTF-8?B?" &&
	header Content-Transfer-Encoding >got &&
	expect_file "Content-Transfer-Encoding: quoted-printable
Content-Transfer-Encoding: quoted-printable" got
'

test_expect_success 'a mail server that is down: exit 75, reported, sent once when it is up' '
	SMTP_PORT=$(free_port) &&
	schedule &&
	notify_conf n.conf email=yes "smtp_url=smtp://127.0.0.1:$SMTP_PORT" "from=rota@example.com" &&
	export ROTA_CONFIG="$PWD/n.conf" &&
	ROTA_NOW=2027-01-11T09:30:00Z expect_status 75 rota notify &&
	expect_file "rota: notification 1 (email to Person bo <bo@example.com>) failed: Couldn'"'"'t connect to server
rota: notification 2 (email to Person ana <ana@example.com>) failed: Couldn'"'"'t connect to server
rota: 2 of 2 notifications failed; they stay due and the next rota notify sends them" err &&
	test "$(notes)" = "handoff|email|Person bo <bo@example.com>|failed|1|Couldn'"'"'t connect to server
handoff|email|Person ana <ana@example.com>|failed|1|Couldn'"'"'t connect to server" &&
	smtp_up &&
	ROTA_NOW=2027-01-11T09:40:00Z expect_status 0 rota notify &&
	expect_out "2 sent, 0 failed." && test ! -s err &&
	test "$(mail_count)" = 2 &&
	ROTA_NOW=2027-01-11T09:45:00Z expect_status 0 rota notify &&
	test "$(mail_count)" = 2 &&
	test "$(notes)" = "handoff|email|Person bo <bo@example.com>|sent|2|-
handoff|email|Person ana <ana@example.com>|sent|2|-"
'

test_expect_success 'a refused recipient fails that mail alone; the other stays sent' '
	schedule && smtp_refusing ana@example.com &&
	notify_conf n.conf email=yes "smtp_url=smtp://127.0.0.1:$SMTP_PORT" "from=rota@example.com" &&
	export ROTA_CONFIG="$PWD/n.conf" &&
	ROTA_NOW=2027-01-11T09:30:00Z expect_status 75 rota notify &&
	test "$(mail_count)" = 1 &&
	expect_file "rota: notification 2 (email to Person ana <ana@example.com>) failed: SMTP 550: Failed sending data to the peer
rota: 1 of 2 notifications failed; they stay due and the next rota notify sends them" err &&
	test "$(notes)" = "handoff|email|Person bo <bo@example.com>|sent|1|-
handoff|email|Person ana <ana@example.com>|failed|1|SMTP 550: Failed sending data to the peer"
'

test_expect_success 'starttls = yes refuses a server without TLS: nothing is sent in clear' '
	mailer starttls=yes &&
	ROTA_NOW=2027-01-11T09:30:00Z expect_status 75 rota notify &&
	expect_err "failed: Requested SSL level failed" &&
	test "$(mail_count)" = 0
'

test_expect_success 'email and webhook together: both channels, each once' '
	mailer webhook=yes && webhook_up &&
	export ROTA_WEBHOOK_URL="http://127.0.0.1:$HOOK_PORT/hook" &&
	ROTA_NOW=2027-01-11T09:30:00Z expect_status 0 rota notify &&
	expect_out "3 sent, 0 failed." &&
	test "$(mail_count)" = 2 && test "$(wc -l <hook/posts)" = 1 &&
	ROTA_NOW=2027-01-11T09:31:00Z expect_status 0 rota notify &&
	test "$(mail_count)" = 2 && test "$(wc -l <hook/posts)" = 1
'

test_expect_success 'a person without an address gets no mail' '
	mailer &&
	sqlite3 rota.db "UPDATE persons SET email = '"'"''"'"' WHERE handle = '"'"'ana'"'"'" &&
	ROTA_NOW=2027-01-11T09:30:00Z expect_status 0 rota notify &&
	expect_out "1 sent, 0 failed." && test "$(mail_count)" = 1
'

test_done
