#!/bin/sh
# rota page list: the pages of a month of the [report] time zone.
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib-pages.sh"

# In Dublin, M0 is still February and M3 already April (summer time).
# M1 is escalated, but the escalation term ended in February: nobody.
month() {
	schedule &&
	rota rotation add spring --tier primary --tz Europe/Dublin >/dev/null &&
	printf "[report]\ntimezone = Europe/Dublin\n[service \"ops\"]\nrotation = ops\n" >rota.conf &&
	printf "id,created_at,responder,service,alert,escalated\nM0,2027-02-28T23:30:00Z,ana,ops,late feb,false\nM1,2027-03-01T00:30:00Z,bo,ops,\"two\nlines\",true\nM2,2027-03-31T22:30:00Z,cy,ops,last night,false\nM3,2027-03-31T23:30:00Z,dee,ops,april,false\n" >m.csv &&
	rota --config rota.conf page import m.csv >/dev/null
}

test_expect_success 'a month is counted in the report zone' '
	month &&
	expect_status 0 rota --config rota.conf page list --month 2027-03 &&
	expect_file "ID  CREATED               RESPONDER  SERVICE  ALERT       CLASS  ESCALATED TO
2   Mon 2027-03-01 00:30  bo         ops      two lines   sleep  -
3   Wed 2027-03-31 23:30  cy         ops      last night  sleep  -" out &&
	expect_status 0 rota --config rota.conf --json page list --month 2027-03 &&
	test "$(json "\",\".join(p[\"source_id\"] for p in j)")" = "M1,M2" &&
	test "$(json "j[0][\"escalated\"], j[0][\"escalation_person\"], j[0][\"created_at\"]")" = "True None 2027-03-01T00:30:00Z" &&
	expect_status 0 rota page list --month 2027-03 &&
	test "$(grep -c 2027 out)" = 3
'

test_expect_success 'the current month by default; an empty month says so' '
	month &&
	ROTA_NOW=2027-04-15T12:00:00Z expect_status 0 rota --config rota.conf page list &&
	expect_out "april" &&
	expect_status 0 rota page list &&
	expect_file "No pages in 2027-01." out &&
	expect_status 0 rota --json page list &&
	expect_file "[]" out
'

test_expect_success 'a bad month is a usage error' '
	month &&
	expect_status 64 rota page list --month 2027-13 &&
	expect_err "rota: --month: bad month '\''2027-13'\'' (expected YYYY-MM)" &&
	expect_status 64 rota page list --month March &&
	expect_status 64 rota page list extra
'

test_done
