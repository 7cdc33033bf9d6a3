#!/bin/sh
# rota notify tells people when their shifts change: whoever gains, loses
# or keeps part of a shift by generate, override (whole or partial), swap
# or a leave import and the generation after it is told once, in their
# own zone; a new schedule is one mail a person (a term started mid-week
# from now on); what is over, and what came before an upgrade, is never
# news.
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib-swap.sh"
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib-notify.sh"

# news: lib-team's schedule (ops h1: ana bo cy dee ana bo from Mon
# 2027-01-04 10:00, Dublin = UTC in winter; esc e1: mo), a mail server
# and a webhook, both channels and shift news on. The clock is
# 2027-01-01T12:00:00Z.
news() {
	schedule && smtp_up && webhook_up &&
	notify_conf n.conf email=yes webhook=yes shift_news=yes \
		"smtp_url=smtp://127.0.0.1:$SMTP_PORT" "from=rota@example.com" &&
	export ROTA_CONFIG="$PWD/n.conf" ROTA_WEBHOOK_URL="http://127.0.0.1:$HOOK_PORT/hook"
}

# told: news, its new schedule told, and the receivers emptied.
told() {
	news && ROTA_NOW=2027-01-01T12:01:00Z rota notify >/dev/null &&
	test "$(mail_count)" = 5 && rm -f mail/new/* && : >hook/posts
}

# mail_to HANDLE: the subject and body of each mail HANDLE received about
# shifts.
mail_to() {
	mails | awk -v r="rcpt: $1@example.com" '
		$0 == r { p = 1; next }
		/^--$/ { p = 0 }
		p && /^Subject: / { keep = ($0 ~ /on-call shift/) }
		p && keep && !/^(From|To): /'
}

# again: a second run at the same time sends nothing new.
again() {
	local n
	n=$(mail_count) &&
	ROTA_NOW=${1:-2027-01-01T12:10:00Z} expect_status 0 rota notify &&
	expect_file "0 sent, 0 failed." out && test "$(mail_count)" = "$n"
}

test_expect_success 'a new schedule: one mail a person listing their shifts, a chat line a term' '
	news &&
	ROTA_NOW=2027-01-01T12:05:00Z expect_status 0 rota notify &&
	expect_file "ID  KIND   CHANNEL  TO                            STATE  SUBJECT
1   shift  email    Person ana <ana@example.com>  sent   Your on-call shifts in ops, term h1
2   shift  email    Person bo <bo@example.com>    sent   Your on-call shifts in ops, term h1
3   shift  email    Person cy <cy@example.com>    sent   Your on-call shifts in ops, term h1
4   shift  email    Person dee <dee@example.com>  sent   Your on-call shifts in ops, term h1
5   shift  email    Mo <mo@example.com>           sent   Your on-call shifts in esc, term e1
6   shift  webhook  webhook                       sent   The schedule of term h1 in ops is out: Mon 2027-01-04 10:00 to Mon 2027-02-15 10:00 Europe/Dublin. (+1 more)
6 sent, 0 failed." out &&
	mail_to ana >got &&
	expect_file "Subject: Your on-call shifts in ops, term h1
Hello Person ana,

Your on-call shifts (times in Europe/Dublin):

ops, term h1 (a new schedule), your shifts:
  Mon 2027-01-04 10:00 to Mon 2027-01-11 10:00
  Mon 2027-02-01 10:00 to Mon 2027-02-08 10:00

-- rota" got &&
	posts >got &&
	expect_file "{\"text\":\"The schedule of term h1 in ops is out: Mon 2027-01-04 10:00 to Mon 2027-02-15 10:00 Europe/Dublin.\nThe schedule of term e1 in esc is out: Mon 2027-01-04 10:00 to Mon 2027-02-15 10:00 Europe/Dublin.\"}" got &&
	test "$(sqlite3 rota.db "SELECT DISTINCT substr(dedup_key, 1, 9) FROM notifications")" = "shifts:1/" &&
	again
'

test_expect_success 'a term generated mid-week: the part from now on is in its holder'"'"'s summary' '
	team && smtp_up && webhook_up &&
	notify_conf n.conf email=yes webhook=yes shift_news=yes \
		"smtp_url=smtp://127.0.0.1:$SMTP_PORT" "from=rota@example.com" &&
	export ROTA_CONFIG="$PWD/n.conf" ROTA_WEBHOOK_URL="http://127.0.0.1:$HOOK_PORT/hook" &&
	ROTA_NOW=2027-01-06T12:00:00Z rota schedule generate h1 >/dev/null &&
	ROTA_NOW=2027-01-06T12:00:00Z rota now >now &&
	grep -q "^ops  *primary  *cy  " now &&
	ROTA_NOW=2027-01-06T12:05:00Z expect_status 0 rota notify &&
	expect_out "5 sent, 0 failed." &&
	mail_to cy >got &&
	expect_file "Subject: Your on-call shifts in ops, term h1
Hello Person cy,

Your on-call shifts (times in Europe/Dublin):

ops, term h1 (a new schedule), your shifts:
  Wed 2027-01-06 12:00 to Mon 2027-01-11 10:00
  Mon 2027-02-01 10:00 to Mon 2027-02-08 10:00

-- rota" got &&
	posts >got &&
	expect_file "{\"text\":\"The schedule of term h1 in ops is out: Wed 2027-01-06 12:00 to Mon 2027-02-15 10:00 Europe/Dublin.\"}" got &&
	again 2027-01-06T12:10:00Z
'

test_expect_success 'a whole shift overridden: its old and its new holder are told, once' '
	told &&
	rota override 3 ana >/dev/null &&
	ROTA_NOW=2027-01-01T12:05:00Z expect_status 0 rota notify &&
	expect_out "3 sent, 0 failed." &&
	mail_to cy >got &&
	expect_file "Subject: Your on-call shift in ops changed: week of Mon 2027-01-18 10:00
Hello Person cy,

Your on-call shifts changed (times in Europe/Dublin):

ops, week of Mon 2027-01-18 10:00:
  Mon 2027-01-18 10:00 to Mon 2027-01-25 10:00 is no longer yours (now ana'"'"'s).

-- rota" got &&
	mail_to ana >got &&
	expect_file "Subject: Your on-call shift in ops changed: week of Mon 2027-01-18 10:00
Hello Person ana,

Your on-call shifts changed (times in Europe/Dublin):

ops, week of Mon 2027-01-18 10:00:
  You are on call from Mon 2027-01-18 10:00 to Mon 2027-01-25 10:00.

-- rota" got &&
	posts >got &&
	expect_file "{\"text\":\"Shifts changed in ops, week of Mon 2027-01-18 10:00 Europe/Dublin: ana from Mon 2027-01-18 10:00 to Mon 2027-01-25 10:00.\"}" got &&
	again
'

test_expect_success 'a night overridden: the holder is told the parts she keeps, the taker the night' '
	told &&
	rota override --from 2027-01-19T18:00 --to 2027-01-20T08:00 ana >/dev/null &&
	ROTA_NOW=2027-01-01T12:05:00Z expect_status 0 rota notify &&
	expect_out "3 sent, 0 failed." &&
	mail_to cy >got &&
	expect_file "Subject: Your on-call shift in ops changed: week of Mon 2027-01-18 10:00
Hello Person cy,

Your on-call shifts changed (times in Europe/Dublin):

ops, week of Mon 2027-01-18 10:00:
  You now hold Mon 2027-01-18 10:00 to Tue 2027-01-19 18:00 and Wed 2027-01-20 08:00 to Mon 2027-01-25 10:00
  instead of Mon 2027-01-18 10:00 to Mon 2027-01-25 10:00.
  Tue 2027-01-19 18:00 to Wed 2027-01-20 08:00 is no longer yours (now ana'"'"'s).

-- rota" got &&
	mail_to ana >got &&
	expect_file "Subject: Your on-call shift in ops changed: week of Mon 2027-01-18 10:00
Hello Person ana,

Your on-call shifts changed (times in Europe/Dublin):

ops, week of Mon 2027-01-18 10:00:
  You are on call from Tue 2027-01-19 18:00 to Wed 2027-01-20 08:00.

-- rota" got &&
	posts >got &&
	expect_file "{\"text\":\"Shifts changed in ops, week of Mon 2027-01-18 10:00 Europe/Dublin: cy from Mon 2027-01-18 10:00 to Tue 2027-01-19 18:00, ana from Tue 2027-01-19 18:00 to Wed 2027-01-20 08:00, cy from Wed 2027-01-20 08:00 to Mon 2027-01-25 10:00.\"}" got &&
	again &&
	rm -f mail/new/* && : >hook/posts &&
	rota override --from 2027-01-19T18:00 --to 2027-01-20T08:00 cy >/dev/null &&
	ROTA_NOW=2027-01-01T12:15:00Z expect_status 0 rota notify &&
	mail_to cy >got &&
	expect_file "Subject: Your on-call shift in ops changed: week of Mon 2027-01-18 10:00
Hello Person cy,

Your on-call shifts changed (times in Europe/Dublin):

ops, week of Mon 2027-01-18 10:00:
  You now hold Mon 2027-01-18 10:00 to Mon 2027-01-25 10:00
  instead of Mon 2027-01-18 10:00 to Tue 2027-01-19 18:00 and Wed 2027-01-20 08:00 to Mon 2027-01-25 10:00.

-- rota" got &&
	mail_to ana >got && grep -qx "  Tue 2027-01-19 18:00 to Wed 2027-01-20 08:00 is no longer yours (now cy'"'"'s)." got &&
	again 2027-01-01T12:20:00Z
'

test_expect_success 'a shift overridden while in progress: only the rest of it is news' '
	told &&
	ROTA_NOW=2027-01-20T12:00:00Z rota override 3 bo >/dev/null &&
	ROTA_NOW=2027-01-20T12:05:00Z expect_status 0 rota notify &&
	expect_out "3 sent, 0 failed." &&
	mail_to cy >got && grep -qx "  Wed 2027-01-20 12:00 to Mon 2027-01-25 10:00 is no longer yours (now bo'"'"'s)." got &&
	mail_to bo >got && grep -qx "  You are on call from Wed 2027-01-20 12:00 to Mon 2027-01-25 10:00." got &&
	posts >got &&
	expect_file "{\"text\":\"Shifts changed in ops, week of Mon 2027-01-18 10:00 Europe/Dublin: bo from Wed 2027-01-20 12:00 to Mon 2027-01-25 10:00.\"}" got &&
	again 2027-01-20T12:10:00Z
'

test_expect_success 'a swap accepted: both people are told, besides the answer to the request' '
	told &&
	rota --as ana swap request 1 --with dee >/dev/null &&
	rota --as dee swap accept 1 >/dev/null &&
	ROTA_NOW=2027-01-01T12:05:00Z expect_status 0 rota notify &&
	expect_file "ID  KIND   CHANNEL  TO                            STATE  SUBJECT
7   swap   email    Person ana <ana@example.com>  sent   Swap request 1 accepted by dee
8   swap   webhook  webhook                       sent   Swap request 1 accepted: dee takes shift 1 in ops from ana, Mon 2027-01-04 10:00 to Mon 2027-01-11 10:00 Europe/Dublin.
9   shift  email    Person ana <ana@example.com>  sent   Your on-call shift in ops changed: week of Mon 2027-01-04 10:00
10  shift  email    Person dee <dee@example.com>  sent   Your on-call shift in ops changed: week of Mon 2027-01-04 10:00
11  shift  webhook  webhook                       sent   Shifts changed in ops, week of Mon 2027-01-04 10:00 Europe/Dublin: dee from Mon 2027-01-04 10:00 to Mon 2027-01-11 10:00.
5 sent, 0 failed." out &&
	mail_to ana >got && grep -qx "  Mon 2027-01-04 10:00 to Mon 2027-01-11 10:00 is no longer yours (now dee'"'"'s)." got &&
	mail_to dee >got && grep -qx "  You are on call from Mon 2027-01-04 10:00 to Mon 2027-01-11 10:00." got &&
	again
'

test_expect_success 'a night swapped: the part given and the parts kept' '
	told &&
	rota --as bo swap request 2 --from 2027-01-12T18:00 --to 2027-01-13T08:00 --with dee >/dev/null &&
	rota --as dee swap accept 1 >/dev/null &&
	ROTA_NOW=2027-01-01T12:05:00Z expect_status 0 rota notify &&
	mail_to bo >got &&
	expect_file "Subject: Your on-call shift in ops changed: week of Mon 2027-01-11 10:00
Hello Person bo,

Your on-call shifts changed (times in Europe/Dublin):

ops, week of Mon 2027-01-11 10:00:
  You now hold Mon 2027-01-11 10:00 to Tue 2027-01-12 18:00 and Wed 2027-01-13 08:00 to Mon 2027-01-18 10:00
  instead of Mon 2027-01-11 10:00 to Mon 2027-01-18 10:00.
  Tue 2027-01-12 18:00 to Wed 2027-01-13 08:00 is no longer yours (now dee'"'"'s).

-- rota" got &&
	mail_to dee >got && grep -qx "  You are on call from Tue 2027-01-12 18:00 to Wed 2027-01-13 08:00." got &&
	again
'

# away FILE UID DATE SUMMARY: a calendar of one all-day event.
away() {
	printf "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nUID:%s\r\nDTSTART;VALUE=DATE:%s\r\nSUMMARY:%s\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n" \
		"$2" "$3" "$4" >"$1"
}

test_expect_success 'leave imported, the schedule generated again: whoever the move touches is told' '
	told &&
	away cy.ics wedding 20270120 Wedding &&
	rota leave import cy.ics cy >/dev/null 2>&1 &&
	ROTA_NOW=2027-01-01T12:05:00Z expect_status 0 rota notify &&
	expect_file "0 sent, 0 failed." out &&
	rota schedule generate h1 >/dev/null &&
	ROTA_NOW=2027-01-01T12:10:00Z expect_status 0 rota notify &&
	expect_out "3 sent, 0 failed." &&
	mail_to cy >got &&
	expect_file "Subject: Your on-call shifts changed
Hello Person cy,

Your on-call shifts changed (times in Europe/Dublin):

ops, week of Mon 2027-01-18 10:00:
  Mon 2027-01-18 10:00 to Mon 2027-01-25 10:00 is no longer yours (now ana'"'"'s).

ops, week of Mon 2027-02-01 10:00:
  You are on call from Mon 2027-02-01 10:00 to Mon 2027-02-08 10:00.

-- rota" got &&
	mail_to ana >got &&
	expect_file "Subject: Your on-call shifts changed
Hello Person ana,

Your on-call shifts changed (times in Europe/Dublin):

ops, week of Mon 2027-01-18 10:00:
  You are on call from Mon 2027-01-18 10:00 to Mon 2027-01-25 10:00.

ops, week of Mon 2027-02-01 10:00:
  Mon 2027-02-01 10:00 to Mon 2027-02-08 10:00 is no longer yours (now cy'"'"'s).

-- rota" got &&
	posts >got &&
	expect_file "{\"text\":\"Shifts changed in ops, week of Mon 2027-01-18 10:00 Europe/Dublin: ana from Mon 2027-01-18 10:00 to Mon 2027-01-25 10:00.\nShifts changed in ops, week of Mon 2027-02-01 10:00 Europe/Dublin: cy from Mon 2027-02-01 10:00 to Mon 2027-02-08 10:00.\"}" got &&
	again 2027-01-01T12:15:00Z
'

test_expect_success 'an upgraded database: the schedule it had is not news, later changes are' '
	news &&
	sqlite3 rota.db "DROP TABLE shifts_told; DROP TABLE terms_told; DROP TABLE notify_runs;
		PRAGMA user_version = 10" &&
	ROTA_NOW=2027-01-01T12:05:00Z expect_status 0 rota notify &&
	expect_file "0 sent, 0 failed." out && test "$(mail_count)" = 0 &&
	test "$(sqlite3 rota.db "PRAGMA user_version")" = 14 &&
	rota override 3 ana >/dev/null &&
	ROTA_NOW=2027-01-01T12:10:00Z expect_status 0 rota notify &&
	expect_out "3 sent, 0 failed." && test "$(mail_count)" = 2
'

test_expect_success 'a change to a shift that is over by the next run is not news' '
	told &&
	rota override 1 cy >/dev/null &&
	ROTA_NOW=2027-01-11T12:00:00Z expect_status 0 rota notify &&
	expect_file "0 sent, 0 failed." out && test "$(mail_count)" = 0 &&
	again 2027-01-11T12:05:00Z
'

test_expect_success '--dry-run lists the news and records nothing; a failed post is sent by the next run' '
	told &&
	rota override 3 ana >/dev/null &&
	ROTA_NOW=2027-01-01T12:05:00Z expect_unchanged 0 rota --json notify --dry-run &&
	test "$(json "[(r[\"kind\"], r[\"channel\"], r[\"recipient\"], r[\"state\"]) for r in j]")" = \
		"[('"'"'shift'"'"', '"'"'email'"'"', '"'"'Person ana <ana@example.com>'"'"', '"'"'pending'"'"'), ('"'"'shift'"'"', '"'"'email'"'"', '"'"'Person cy <cy@example.com>'"'"', '"'"'pending'"'"'), ('"'"'shift'"'"', '"'"'webhook'"'"', '"'"'webhook'"'"', '"'"'pending'"'"')]" &&
	test "$(mail_count)" = 0 && test ! -s hook/posts &&
	echo 500 >hook/status &&
	ROTA_NOW=2027-01-01T12:10:00Z expect_status 75 rota notify &&
	expect_out "2 sent, 1 failed." && test "$(mail_count)" = 2 && test ! -s hook/posts &&
	echo 200 >hook/status &&
	ROTA_NOW=2027-01-01T12:15:00Z expect_status 0 rota notify &&
	expect_out "1 sent, 0 failed." && expect_out "Shifts changed in ops" &&
	test "$(wc -l <hook/posts)" = 1 && test "$(mail_count)" = 2 &&
	again 2027-01-01T12:20:00Z
'

test_expect_success 'shift_news = no: nothing told, and turning it on tells only what changes after' '
	news &&
	notify_conf n.conf email=yes webhook=yes shift_news=no \
		"smtp_url=smtp://127.0.0.1:$SMTP_PORT" "from=rota@example.com" &&
	rota override 3 ana >/dev/null &&
	ROTA_NOW=2027-01-01T12:05:00Z expect_status 0 rota notify &&
	expect_file "0 sent, 0 failed." out &&
	notify_conf n.conf email=yes webhook=yes shift_news=yes \
		"smtp_url=smtp://127.0.0.1:$SMTP_PORT" "from=rota@example.com" &&
	again &&
	rota override 3 cy >/dev/null &&
	ROTA_NOW=2027-01-01T12:15:00Z expect_status 0 rota notify &&
	expect_out "3 sent, 0 failed." && mail_to cy >got &&
	grep -qx "  You are on call from Mon 2027-01-18 10:00 to Mon 2027-01-25 10:00." got
'

test_done
