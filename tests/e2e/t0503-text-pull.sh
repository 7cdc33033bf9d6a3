#!/bin/sh
# rota page pull and the one rule for text: the text of PagerDuty's and
# Opsgenie's answers is cut to rota's fields at a whole character (never
# inside one, which would store bytes that are not UTF-8), and a control
# character in it refuses the pull (exit 65) with nothing stored.
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib-text.sh"

export ROTA_NOW=2027-01-20T12:00:00Z \
	ROTA_PAGERDUTY_TOKEN=pd-secret-token ROTA_OPSGENIE_TOKEN=og-secret-key

# ana on call in ops from Monday 2027-01-04, set up before the term.
one_person() (
	export ROTA_NOW=2027-01-01T12:00:00Z &&
	rota person add ana --name "Ana Lopez" --email ana@example.com --tz Europe/Dublin >/dev/null &&
	rota rotation add ops --tier primary --tz Europe/Dublin >/dev/null &&
	rota term add t1 --rotation ops --start 2027-01-04 --weeks 2 >/dev/null &&
	rota volunteer join t1 ana >/dev/null &&
	rota schedule generate t1 >/dev/null
)

test_expect_success 'a long service and title of many-byte characters are cut at a whole character' '
	one_person && api longtext &&
	expect_status 0 rota page pull pagerduty --since 2027-01-01 --until 2027-01-15 &&
	expect_status 0 rota page pull opsgenie --since 2027-01-01 --until 2027-01-15 &&
	sqlite3 rota.db "SELECT source_id, length(CAST(service AS BLOB)), length(CAST(alert AS BLOB)) FROM pages ORDER BY source_id" >got &&
	expect_file "PLONG|126|253
og-long|126|253" got &&
	sqlite3 rota.db "SELECT service FROM pages WHERE source_id = '\''PLONG'\''" >service &&
	{ repeat 63 "$(printf "\303\251")" && echo; } >want &&
	cmp want service &&
	sqlite3 rota.db "SELECT alert FROM pages WHERE source_id = '\''og-long'\''" >alert &&
	{ printf x && repeat 84 "$(printf "\342\202\254")" && echo; } >want &&
	cmp want alert &&
	expect_status 0 rota --json page list --month 2027-01 &&
	test "$(json "[len(p[\"service\"]) for p in j]")" = "[63, 63]"
'

test_expect_success 'a control character in an answer refuses the pull, naming the item and field' '
	one_person && api control &&
	expect_unchanged 65 rota page pull pagerduty --since 2027-01-01 --until 2027-01-15 &&
	expect_err "unexpected answer: incident PCTRL: title: a control character at byte 5 (0x1b)" &&
	no_raw_controls err &&
	expect_unchanged 65 rota page pull opsgenie --since 2027-01-01 --until 2027-01-15 &&
	expect_err "unexpected answer: alert og-ctrl: message: a control character at byte 3 (U+009B)" &&
	no_raw_controls err &&
	test "$(sqlite3 rota.db "SELECT count(*) FROM pages")" = 0
'

test_done
