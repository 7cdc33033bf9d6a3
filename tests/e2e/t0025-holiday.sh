#!/bin/sh
# rota holiday: add, list, remove (until holiday import arrives).
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"

offices() {
	rota office add Dublin --tz Europe/Dublin >/dev/null &&
	rota office add "San Francisco" --tz America/Los_Angeles >/dev/null &&
	rota person add ana --name Ana --email ana@example.com --tz Europe/Dublin --office Dublin >/dev/null
}

test_expect_success 'add holidays, then list them' '
	offices &&
	expect_status 0 rota holiday add Dublin 2027-03-17 --name "St Patrick'"'"'s Day" &&
	expect_file "Holiday:                 1
Office:                  Dublin
Date:                    2027-03-17
Name:                    St Patrick'"'"'s Day" out &&
	expect_status 0 rota --json holiday add "San Francisco" 2027-07-05 --name "Independence Day (observed)" &&
	test "$(json "j[\"id\"], j[\"office\"], j[\"day\"]")" = "2 San Francisco 2027-07-05" &&
	rota holiday add Dublin 2026-12-25 --name Christmas >/dev/null &&
	rota holiday add Dublin 2028-01-03 >/dev/null &&
	expect_status 0 rota holiday list &&
	expect_file "ID  OFFICE         DATE        DAY  NAME
1   Dublin         2027-03-17  Wed  St Patrick'"'"'s Day
2   San Francisco  2027-07-05  Mon  Independence Day (observed)
4   Dublin         2028-01-03  Mon  Public holiday" out &&
	expect_status 0 rota holiday list Dublin --year 2026 &&
	expect_file "ID  OFFICE  DATE        DAY  NAME
3   Dublin  2026-12-25  Fri  Christmas" out &&
	expect_status 0 rota --json holiday list Dublin --year 2027 &&
	test "$(json "[(h[\"id\"], h[\"day\"], h[\"name\"]) for h in j]")" = \
		"[(1, '"'"'2027-03-17'"'"', \"St Patrick'"'"'s Day\")]" &&
	expect_status 0 rota --as ana holiday list "San Francisco" && expect_out "Independence Day" &&
	expect_status 0 rota holiday list Dublin --year 2030 &&
	expect_out "No public holidays for Dublin in 2030"
'

test_expect_success 'the same day may be a holiday in two offices, not twice in one' '
	offices &&
	rota holiday add Dublin 2027-12-25 --name Christmas >/dev/null &&
	expect_status 0 rota holiday add "San Francisco" 2027-12-25 --name Christmas &&
	expect_unchanged 65 rota holiday add Dublin 2027-12-25 --name "Christmas Day" &&
	expect_err "office '"'"'Dublin'"'"' already has a holiday on 2027-12-25: Christmas (holiday 1)"
'

test_expect_success 'holiday add and remove are audited' '
	offices &&
	rota holiday add Dublin 2027-03-17 --name "St Patrick" >/dev/null &&
	expect_status 0 rota holiday remove 1 && expect_out "Removed." &&
	test "$(sqlite3 rota.db "SELECT count(*) FROM holidays")" = 0 &&
	test "$(sqlite3 rota.db "SELECT action, object, before, after FROM audit_events WHERE action LIKE '"'"'holiday.%'"'"' ORDER BY id")" = \
		"holiday.add|2027-03-17||{\"id\":1,\"office\":\"Dublin\",\"day\":\"2027-03-17\",\"name\":\"St Patrick\"}
holiday.remove|2027-03-17|{\"id\":1,\"office\":\"Dublin\",\"day\":\"2027-03-17\",\"name\":\"St Patrick\"}|"
'

test_expect_success 'bad input is refused and changes nothing' '
	offices &&
	rota holiday add Dublin 2027-03-17 >/dev/null &&
	expect_unchanged 65 rota holiday add Cork 2027-03-17 &&
	expect_err "unknown office '"'"'Cork'"'"' (see rota office list)" &&
	expect_unchanged 64 rota holiday add Dublin 2027-02-29 &&
	expect_err "DATE: bad date '"'"'2027-02-29'"'"' (expected YYYY-MM-DD)" &&
	expect_unchanged 64 rota holiday add Dublin 2027-03-18T00:00:00Z &&
	expect_unchanged 64 rota holiday add Dublin &&
	expect_err "holiday add takes OFFICE and DATE" &&
	expect_unchanged 64 rota holiday add Dublin 2027-03-18 --name "" &&
	expect_unchanged 65 rota holiday remove 9 &&
	expect_err "no holiday 9 (see rota holiday list)" &&
	expect_unchanged 64 rota holiday remove x &&
	expect_unchanged 64 rota holiday remove &&
	expect_unchanged 65 rota holiday list Cork &&
	expect_unchanged 64 rota holiday list --year 27 &&
	expect_err "--year: '"'"'27'"'"' is not a whole number from 1900 to 9999" &&
	expect_unchanged 64 rota holiday list Dublin Cork
'

test_expect_success 'holiday add and remove are for managers only' '
	offices &&
	rota holiday add Dublin 2027-03-17 >/dev/null &&
	rota person add boss --name Boss --email boss@example.com --tz UTC --manager >/dev/null &&
	expect_unchanged 77 rota --as ana holiday add Dublin 2027-03-18 &&
	expect_err "holiday add: managers only (you are root as ana)" &&
	expect_unchanged 77 rota --as ana holiday remove 1 &&
	expect_err "holiday remove: managers only"
'

test_expect_success 'holiday commands have --help' '
	expect_status 0 rota holiday add --help && expect_out "usage: rota holiday add OFFICE DATE" &&
	expect_status 0 rota holiday list --help && expect_out "--year YYYY" &&
	expect_status 0 rota holiday remove --help && expect_out "usage: rota holiday remove ID"
'

test_done
