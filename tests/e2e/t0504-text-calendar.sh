#!/bin/sh
# leave import and holiday import and the one rule for text: a calendar's
# SUMMARY, someone else's text, is cleaned (each control character, C1
# included, becomes a space; each byte that is not UTF-8 a '?'); a UID,
# a key rota stores and compares, is refused when it breaks the rule
# (exit 65, FILE:LINE), and nothing is stored.
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib-text.sh"

team() {
	rota person add ana --name Ana --email ana@example.com --tz Europe/Dublin >/dev/null &&
	rota person add mo --name Mo --email mo@example.com --tz UTC --manager >/dev/null &&
	rota office add dublin --tz Europe/Dublin >/dev/null
}

# event UID SUMMARY: a calendar of one all-day event on 2027-03-01 (the
# UID and SUMMARY as printf formats), CRLF line ends.
event() {
	printf "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//rota tests//EN\r\nBEGIN:VEVENT\r\nUID:$1\r\nDTSTAMP:20261201T000000Z\r\nDTSTART;VALUE=DATE:20270301\r\nSUMMARY:$2\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
}

test_expect_success 'a SUMMARY with escape sequences, C1, DEL and bad bytes is stored cleaned' '
	team &&
	event ski@example.com "Ski\\033[2Jing\\302\\233 \\377 caf\\303\\251\\177!" >ooo.ics &&
	expect_status 0 rota leave import ooo.ics ana &&
	sqlite3 rota.db "SELECT reason FROM leave" >got &&
	printf "Ski [2Jing  ? caf\303\251 !\n" >want &&
	cmp want got &&
	rota leave list >out &&
	no_raw_controls out
'

test_expect_success 'a holiday name is cleaned the same way' '
	team &&
	event day@example.com "Bank\\033]0;x\\007 holiday" >days.ics &&
	expect_status 0 rota holiday import dublin days.ics &&
	test "$(sqlite3 rota.db "SELECT name FROM holidays")" = "Bank ]0;x  holiday"
'

test_expect_success 'a UID with a control character or a byte that is not UTF-8 is refused' '
	team &&
	event "ski\\033[2J@example.com" Skiing >esc.ics &&
	expect_unchanged 65 rota leave import esc.ics ana &&
	expect_file "rota: esc.ics:5: UID: a control character at byte 4 (0x1b)" err &&
	no_raw_controls err &&
	event "ski\\302\\205@example.com" Skiing >c1.ics &&
	expect_unchanged 65 rota leave import c1.ics ana &&
	expect_file "rota: c1.ics:5: UID: a control character at byte 4 (U+0085)" err &&
	event "ski\\377@example.com" Skiing >latin.ics &&
	expect_unchanged 65 rota holiday import dublin latin.ics &&
	expect_file "rota: latin.ics:5: UID: not UTF-8 at byte 4 (0xff)" err &&
	test "$(sqlite3 rota.db "SELECT count(*) FROM leave")" = 0
'

test_done
