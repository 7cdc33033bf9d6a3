#!/bin/sh
# rota notify refuses a [notify] section it cannot work with, and bad
# usage, changing nothing; the secrets stay out of every message.
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib-swap.sh"
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib-notify.sh"

export ROTA_NOW=2027-01-11T09:30:00Z

test_expect_success 'no channel on: exit 78, with or without a configuration' '
	schedule &&
	expect_unchanged 78 rota notify &&
	expect_file "rota: no channel is on: set email = yes or webhook = yes in [notify] (see rota.conf(5))" err &&
	notify_conf n.conf email=no webhook=no &&
	expect_unchanged 78 rota --config n.conf notify --dry-run &&
	expect_err "rota: no channel is on"
'

test_expect_success 'the webhook on without a URL, or with one that is not http(s)' '
	schedule && notify_conf n.conf webhook=yes &&
	expect_unchanged 78 rota --config n.conf notify &&
	expect_file "rota: the webhook is on but there is no URL: set \$ROTA_WEBHOOK_URL or [notify] webhook_url" err &&
	ROTA_WEBHOOK_URL=ftp://127.0.0.1/SECRETTOKEN expect_unchanged 78 rota --config n.conf notify &&
	expect_file "rota: the webhook URL must start with https:// (or http://)" err &&
	notify_conf n.conf webhook=yes webhook_url=file:///etc/SECRETTOKEN &&
	expect_unchanged 78 rota --config n.conf notify &&
	! grep -q SECRETTOKEN out err
'

# schedule generates the escalation term at this file's clock, in its
# first week: mo is on call from now on (issue 19), so only ops hands over
# at 10:00.
test_expect_success '--dry-run needs no secret' '
	schedule && notify_conf n.conf webhook=yes email=yes username=rota password_file=/nonexistent &&
	expect_unchanged 0 rota --config n.conf notify --dry-run &&
	expect_out "3 to send (dry run: nothing sent, nothing recorded)."
'

test_expect_success 'email on without a server or a sender, or with bad ones' '
	schedule &&
	notify_conf n.conf email=yes "from=rota@example.com" &&
	expect_unchanged 78 rota --config n.conf notify &&
	expect_file "rota: email is on but [notify] smtp_url is not set (see rota.conf(5))" err &&
	notify_conf n.conf email=yes smtp_url=smtp://127.0.0.1:1 &&
	expect_unchanged 78 rota --config n.conf notify &&
	expect_file "rota: email is on but [notify] from is not set (see rota.conf(5))" err &&
	notify_conf n.conf email=yes smtp_url=http://127.0.0.1:1 from=rota@example.com &&
	expect_unchanged 78 rota --config n.conf notify &&
	expect_file "rota: [notify] smtp_url must start with smtp:// or smtps://, not '"'"'http://127.0.0.1:1'"'"'" err &&
	notify_conf n.conf email=yes smtp_url=smtp://127.0.0.1:1 "from=Rota Team" &&
	expect_unchanged 78 rota --config n.conf notify &&
	expect_file "rota: [notify] from holds no address: '"'"'Rota Team'"'"' (write name@example.com or Name <name@example.com>)" err
'

test_expect_success 'bad values are refused at their line' '
	schedule &&
	notify_conf n.conf email=maybe &&
	expect_unchanged 78 rota --config n.conf notify &&
	expect_file "rota: n.conf:2: email must be yes or no, not '"'"'maybe'"'"'" err &&
	notify_conf n.conf webhook=yes lead_minutes=0 &&
	expect_unchanged 78 rota --config n.conf notify --dry-run &&
	expect_file "rota: n.conf:3: lead_minutes must be a whole number from 1 to 10080, not '"'"'0'"'"'" err &&
	notify_conf n.conf webhook=yes webhok_url=x &&
	expect_unchanged 78 rota --config n.conf notify &&
	expect_err "n.conf:3: unknown key '"'"'webhok_url'"'"' in [notify]"
'

test_expect_success 'the SMTP password: from a file only its owner reads, or the environment' '
	schedule &&
	printf "s3cret\n" >pw && chmod 644 pw &&
	notify_conf n.conf email=yes smtp_url=smtp://127.0.0.1:1 from=rota@example.com \
		username=rota "password_file=$PWD/pw" &&
	expect_unchanged 78 rota --config n.conf notify &&
	expect_file "rota: n.conf:6: [notify] password_file $PWD/pw may be read by others (mode 0644): chmod 600 $PWD/pw" err &&
	! grep -q s3cret out err &&
	notify_conf n.conf email=yes smtp_url=smtp://127.0.0.1:1 from=rota@example.com \
		username=rota "password_file=$PWD/none" &&
	expect_unchanged 78 rota --config n.conf notify &&
	expect_file "rota: n.conf:6: cannot read [notify] password_file $PWD/none: No such file or directory" err &&
	notify_conf n.conf email=yes smtp_url=smtp://127.0.0.1:1 from=rota@example.com username=rota \
		starttls=yes &&
	expect_unchanged 78 rota --config n.conf notify &&
	expect_file "rota: [notify] username is set but there is no password: set \$ROTA_SMTP_PASSWORD or [notify] password_file" err &&
	ROTA_SMTP_PASSWORD=s3cret expect_status 75 rota --config n.conf notify &&
	expect_err "failed: Couldn'"'"'t connect to server" && ! grep -q s3cret out err &&
	chmod 600 pw &&
	notify_conf n.conf email=yes smtp_url=smtp://127.0.0.1:1 from=rota@example.com \
		username=rota "password_file=$PWD/pw" starttls=yes &&
	expect_status 75 rota --config n.conf notify && ! grep -q s3cret out err
'

test_expect_success 'bad usage: exit 64, nothing changed' '
	schedule && notify_conf n.conf webhook=yes &&
	expect_unchanged 64 rota --config n.conf notify now &&
	expect_err "rota: notify takes no arguments" &&
	expect_unchanged 64 rota --config n.conf notify --bogus &&
	expect_err "usage: rota notify [--dry-run]" &&
	expect_status 0 rota notify --help && expect_out "usage: rota notify [--dry-run]"
'

test_done
