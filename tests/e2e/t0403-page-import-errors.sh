#!/bin/sh
# rota page import: a bad file stops the import at its line, exit 65, and
# the database is left as it was.
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib-pages.sh"

HEAD=id,created_at,acknowledged_at,resolved_at,responder,service,alert,urgency,escalated,runbook_url

test_expect_success 'a bad time: the line, the column and the value' '
	schedule &&
	printf "%s\nG1,2027-01-05T23:10:00Z,,,ana,checkout,a,high,false,\nG2,2027-01-05T25:10:00Z,,,ana,checkout,b,high,false,\n" "$HEAD" >bad.csv &&
	expect_unchanged 65 rota page import bad.csv &&
	expect_file "rota: bad.csv:3: bad created_at '\''2027-01-05T25:10:00Z'\'': not an ISO 8601 time with a UTC offset (2027-01-04T03:12:00Z)" err &&
	printf "%s\nG1,2027-01-05T23:10:00,,,ana,checkout,a,high,false,\n" "$HEAD" >local.csv &&
	expect_unchanged 65 rota page import local.csv &&
	expect_err "rota: local.csv:2: bad created_at '\''2027-01-05T23:10:00'\''" &&
	printf "%s\nG1,2027-01-05T23:10:00Z,2027-01-05T23:00:00Z,,ana,checkout,a,high,false,\n" "$HEAD" >early.csv &&
	expect_unchanged 65 rota page import early.csv &&
	expect_file "rota: early.csv:2: acknowledged_at '\''2027-01-05T23:00:00Z'\'' is before the page was created" err &&
	test "$(sqlite3 rota.db "SELECT count(*) FROM pages")" = 0
'

test_expect_success 'no id column, or no created_at column' '
	schedule &&
	printf "created_at,responder\n2027-01-05T23:10:00Z,ana\n" >noid.csv &&
	expect_unchanged 65 rota page import --format generic noid.csv &&
	expect_file "rota: noid.csv:1: no '\''id'\'' column in the header (format generic)" err &&
	printf "id,responder,created\nG1,ana,2027-01-05T23:10:00Z\n" >nocreated.csv &&
	expect_unchanged 65 rota page import --format generic nocreated.csv &&
	expect_file "rota: nocreated.csv:1: no '\''created_at'\'' column in the header (format generic)" err
'

test_expect_success 'an unterminated quote names the line its record starts on' '
	schedule &&
	printf "%s\nG1,2027-01-05T23:10:00Z,,,ana,checkout,\"two\nlines\",high,false,\nG2,2027-01-05T23:20:00Z,,,ana,checkout,\"never closed,high,false,\nG3,2027-01-05T23:30:00Z,,,ana,checkout,c,high,false,\n" "$HEAD" >quote.csv &&
	expect_unchanged 65 rota page import quote.csv &&
	expect_file "rota: quote.csv:4: unterminated quoted field" err &&
	printf "%s\nG1,2027-01-05T23:10:00Z,,,ana,checkout,say \"hi\",high,false,\n" "$HEAD" >stray.csv &&
	expect_unchanged 65 rota page import stray.csv &&
	expect_err "rota: stray.csv:2: a quote inside an unquoted field" &&
	printf "%s\nG1,2027-01-05T23:10:00Z,,,ana,checkout\n" "$HEAD" >short.csv &&
	expect_unchanged 65 rota page import short.csv &&
	expect_file "rota: short.csv:2: 6 fields where the header has 10" err
'

test_expect_success 'an unknown responder, and a page nobody can be given' '
	schedule &&
	printf "%s\nG1,2027-01-05T23:10:00Z,,,ana,checkout,a,high,false,\nG2,2027-01-05T23:20:00Z,,,zoe,checkout,b,high,false,\n" "$HEAD" >who.csv &&
	expect_unchanged 65 rota page import who.csv &&
	expect_file "rota: who.csv:3: unknown responder '\''zoe'\'' (see rota person list)" err &&
	printf "%s\nG1,2027-01-02T10:00:00Z,,,,checkout,a,high,false,\n" "$HEAD" >before.csv &&
	expect_unchanged 65 rota page import before.csv &&
	expect_file "rota: before.csv:2: page G1 names no responder and nobody is on call in rotation '\''ops'\'' at Sat 2027-01-02 10:00 Europe/Dublin" err
'

test_expect_success 'with two primary rotations a service needs its own; rota.conf gives it' '
	schedule &&
	rota rotation add web --tier primary --tz UTC >/dev/null &&
	printf "%s\nG1,2027-01-06T10:00:00Z,,,,checkout,a,high,false,\n" "$HEAD" >svc.csv &&
	expect_unchanged 65 rota page import svc.csv &&
	expect_file "rota: svc.csv:2: page G1 names no responder and service '\''checkout'\'' has no rotation: set [service \"checkout\"] rotation = NAME in rota.conf" err &&
	printf "[service \"checkout\"]\nrotation = nope\n" >bad.conf &&
	expect_unchanged 78 rota --config bad.conf page import svc.csv &&
	expect_file "rota: bad.conf:2: unknown rotation '\''nope'\'' for service '\''checkout'\'' (see rota rotation list)" err &&
	printf "[service \"checkout\"]\nrotation = ops\nescalation = esc\n" >good.conf &&
	expect_status 0 rota --config good.conf page import svc.csv &&
	test "$(pages)" = "G1 ana in_hours - 0"
'

test_expect_success 'usage, a missing file, and volunteers may not import' '
	schedule &&
	expect_unchanged 66 rota page import missing.csv &&
	expect_file "rota: missing.csv: cannot read: No such file or directory" err &&
	expect_unchanged 64 rota page import &&
	expect_err "rota: page import takes one FILE" &&
	printf "%s\n" "$HEAD" >empty.csv &&
	expect_unchanged 77 rota --as ana page import empty.csv &&
	expect_status 0 rota --as mo page import empty.csv &&
	expect_file "imported 0 pages (0 already known)" out &&
	: >nothing.csv &&
	expect_unchanged 65 rota page import nothing.csv &&
	expect_file "rota: nothing.csv:1: empty file: no header line" err
'

test_done
