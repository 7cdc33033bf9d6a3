#!/bin/sh
# rota page import: the generic CSV format.
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib-pages.sh"

# Columns shuffled, one extra, a BOM, CRLF, a quoted comma, quote and line
# break. Responders by name, email (any case) and handle; G3-G5 name
# nobody and go to whoever was on call in ops (ana's week, then bo's from
# Mon 11 Jan 10:00Z); G3 is escalated to mo.
generic() {
	csv generic.csv <<-\END
	alert,id,service,created_at,responder,urgency,resolved_at,acknowledged_at,escalated,runbook_url,team
	"disk, ""full""
	on db-1",G1,checkout,2027-01-05T23:10:00Z,Person bo,high,2027-01-06T00:02:00Z,2027-01-05T23:12:00Z,false,https://runbooks.example.com/disk,storage
	api 5xx,G2,payments,2027-01-06T10:00:00+00:00,ANA@EXAMPLE.COM,low,2027-01-06T10:30:00Z,2027-01-06T10:05:00Z,no,,payments
	queue backlog,G3,checkout,2027-01-09T12:00:00Z,,high,2027-01-09T13:00:00Z,,true,,checkout
	cert expiry,G4,checkout,2027-01-11T09:00:00Z,,low,,,,,checkout
	cert expiry,G5,checkout,2027-01-11T10:00:00.250+00:00,,low,,,0,,checkout
	END
}

test_expect_success 'a generic export is imported with responders and classes' '
	schedule && generic &&
	expect_status 0 rota page import generic.csv &&
	expect_file "imported 5 pages (0 already known)" out &&
	test ! -s err &&
	expect_file "G1 bo sleep - 1
G2 ana in_hours - 1
G3 ana out_of_hours mo 0
G4 ana in_hours - 0
G5 bo in_hours - 0" "$(pages >pages.txt; echo pages.txt)" &&
	test "$(sqlite3 rota.db "SELECT actor, action, object, after FROM audit_events WHERE action = '\''page.import'\''")" = \
		"root|page.import|generic.csv|{\"file\":\"generic.csv\",\"format\":\"generic\",\"imported\":5,\"known\":0}"
'

test_expect_success 'every column is kept' '
	schedule && generic &&
	rota page import generic.csv >/dev/null &&
	expect_status 0 rota --json page list --month 2027-01 &&
	test "$(json "len(j)")" = 5 &&
	test "$(json "j[0][\"alert\"]")" = "disk, \"full\"
on db-1" &&
	test "$(json "j[0][\"source\"], j[0][\"source_id\"], j[0][\"created_at\"], j[0][\"acknowledged_at\"], j[0][\"resolved_at\"]")" = \
		"generic G1 2027-01-05T23:10:00Z 2027-01-05T23:12:00Z 2027-01-06T00:02:00Z" &&
	test "$(json "j[0][\"responder\"], j[0][\"responder_name\"], j[0][\"service\"], j[0][\"urgency\"], j[0][\"runbook_url\"], j[0][\"escalated\"]")" = \
		"bo Person bo checkout high https://runbooks.example.com/disk False" &&
	test "$(json "j[2][\"responder_name\"], j[2][\"acknowledged_at\"], j[2][\"escalated\"], j[2][\"escalation_person\"]")" = \
		"None None True mo" &&
	test "$(json "j[4][\"created_at\"]")" = 2027-01-11T10:00:00Z
'

test_expect_success 'importing again adds nothing; new rows are added' '
	schedule && generic &&
	rota page import generic.csv >/dev/null &&
	expect_status 0 rota page import generic.csv &&
	expect_file "imported 0 pages (5 already known)" out &&
	printf "id,created_at\nG1,2027-01-05T23:10:00Z\nG6,2027-01-12T03:00:00Z\n" >more.csv &&
	expect_status 0 rota --json page import more.csv &&
	test "$(json "j[\"imported\"], j[\"known\"], j[\"format\"]")" = "1 1 generic" &&
	test "$(sqlite3 rota.db "SELECT count(*) FROM pages")" = 6 &&
	test "$(pages | tail -n 1)" = "G6 bo sleep - 0"
'

test_expect_success 'the format is told from the header, or given' '
	schedule &&
	printf "ident,when\nX,2027-01-05T10:00:00Z\n" >odd.csv &&
	expect_unchanged 65 rota page import odd.csv &&
	expect_file "rota: odd.csv:1: cannot tell the format from the header: give --format pagerduty, opsgenie or generic" err &&
	expect_unchanged 65 rota page import --format generic odd.csv &&
	expect_file "rota: odd.csv:1: no '\''id'\'' column in the header (format generic)" err &&
	printf "id,created_at\nX,2027-01-05T10:00:00Z\n" >plain.csv &&
	expect_unchanged 64 rota page import --format csv plain.csv &&
	expect_err "rota: --format: unknown format '\''csv'\'' (pagerduty, opsgenie or generic)" &&
	expect_status 0 rota page import --format generic plain.csv &&
	expect_file "imported 1 page (0 already known)" out
'

test_done
