#!/bin/sh
# SMTP with a user name goes over TLS only (issue 23): with smtp:// and
# starttls left at its default, AUTH would send the password in the clear.
# A recorder on loopback (tests/e2e/smtp-recorder.py) offers AUTH without
# TLS and keeps every byte it reads, as a listener on the wire would.
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib-swap.sh"
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib-notify.sh"

# recorder: the schedule, the recorder on SMTP_PORT writing ./wire.
recorder() {
	schedule && SMTP_PORT=$(free_port) && : >wire &&
	test_bg /usr/bin/python3 "$ROTA_SRCDIR/tests/e2e/smtp-recorder.py" "$SMTP_PORT" \
		"$PWD/wire" 2>recorder.log &&
	wait_port "$SMTP_PORT" &&
	printf "s3cret-pw\n" >pw && chmod 600 pw
}

# The handoff reminder of 11 January is due at this time.
export ROTA_NOW=2027-01-11T09:30:00Z

test_expect_success 'the recorder sees what is sent in the clear: a mail without a login' '
	recorder &&
	notify_conf n.conf email=yes "smtp_url=smtp://127.0.0.1:$SMTP_PORT" from=rota@example.com &&
	expect_status 0 rota --config n.conf notify &&
	expect_out "2 sent, 0 failed." &&
	grep -q "^MAIL FROM:<rota@example.com>" wire &&
	! grep -qi "^AUTH" wire
'

test_expect_success 'a user name over smtp:// with starttls at its default: 78 naming the keys, nothing sent' '
	recorder &&
	notify_conf n.conf email=yes "smtp_url=smtp://127.0.0.1:$SMTP_PORT" from=rota@example.com \
		username=rota "password_file=$PWD/pw" &&
	expect_unchanged 78 rota --config n.conf notify &&
	expect_file "rota: [notify] username is set but smtp_url smtp://127.0.0.1:$SMTP_PORT is not encrypted: the password would be sent in the clear; set [notify] starttls = yes, or use an smtps:// smtp_url" err &&
	test ! -s out &&
	test ! -s wire &&
	ROTA_SMTP_PASSWORD=other-pw expect_unchanged 78 rota --config n.conf notify &&
	test ! -s wire &&
	notify_conf n.conf email=yes "smtp_url=smtp://127.0.0.1:$SMTP_PORT" from=rota@example.com \
		username=rota "password_file=$PWD/pw" starttls=no &&
	expect_unchanged 78 rota --config n.conf notify &&
	expect_err "is not encrypted: the password would be sent in the clear" &&
	test ! -s wire && ! grep -q s3cret err
'

test_expect_success 'starttls = yes: the server offers no TLS, so no AUTH and no password on the wire' '
	recorder &&
	notify_conf n.conf email=yes "smtp_url=smtp://127.0.0.1:$SMTP_PORT" from=rota@example.com \
		username=rota "password_file=$PWD/pw" starttls=yes &&
	expect_status 75 rota --config n.conf notify &&
	expect_out "0 sent, 2 failed." && expect_err "failed: Requested SSL level failed" &&
	grep -q "^EHLO" wire &&
	! grep -qi -e "^AUTH" -e "^MAIL" wire &&
	! grep -q "czNjcmV0" wire && ! grep -q s3cret wire
'

test_expect_success 'smtps://: the recorder speaks no TLS, so nothing readable and no AUTH reaches it' '
	recorder &&
	notify_conf n.conf email=yes "smtp_url=smtps://127.0.0.1:$SMTP_PORT" from=rota@example.com \
		username=rota "password_file=$PWD/pw" &&
	expect_status 75 rota --config n.conf notify &&
	expect_out "0 sent, 2 failed." && expect_err "failed: SSL connect error" &&
	test -s wire &&
	! grep -qai -e "AUTH" -e "s3cret" -e "czNjcmV0" wire
'

test_done
