#!/bin/sh
# rota page import and the one rule for text: every field rota reads from
# a page CSV (generic, PagerDuty, Opsgenie) is valid UTF-8 without control
# characters (tab allowed; a line feed only in the alert's text). A bad
# byte stops the import, exit 65, with FILE:LINE and the column; nothing
# is stored; the message shows no raw control character.
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib-pages.sh"
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib-text.sh"

HEAD=id,created_at,acknowledged_at,resolved_at,responder,service,alert,urgency,escalated,runbook_url
PD_HEAD=incident_number,urgency,description,service_name,id,created_on,seconds_to_first_ack,seconds_to_resolve,escalation_count,acknowledged_by_user_names,assigned_to_user_names
OG_HEAD=tinyId,message,acknowledged,teams,priority,owner,createdAt,report.ackTime,report.closeTime,report.acknowledgedBy,id

# refused FILE LINE: the import of FILE exits 65, changes nothing, and
# its one line of stderr is LINE, with no raw control character.
refused() {
	expect_unchanged 65 rota page import "$1" &&
	expect_file "$2" err &&
	no_raw_controls err &&
	test "$(sqlite3 rota.db "SELECT count(*) FROM pages")" = 0
}

test_expect_success 'a service \xff\xfe (not UTF-8) is refused at its line, naming the column' '
	schedule &&
	printf "%s\nG1,2027-01-05T23:10:00Z,,,ana,checkout,a,high,false,\nG2,2027-01-05T23:20:00Z,,,ana,\377\376,b,high,false,\n" "$HEAD" >bad.csv &&
	refused bad.csv "rota: bad.csv:3: service: not UTF-8 at byte 1 (0xff)" &&
	printf "%s\nG1,2027-01-05T23:10:00Z,,,ana,caf\303,a,high,false,\n" "$HEAD" >cut.csv &&
	refused cut.csv "rota: cut.csv:2: service: not UTF-8 at byte 4 (0xc3)" &&
	printf "%s\nG1,2027-01-05T23:10:00Z,,,ana,\355\240\200,a,high,false,\n" "$HEAD" >surrogate.csv &&
	refused surrogate.csv "rota: surrogate.csv:2: service: not UTF-8 at byte 1 (0xed)"
'

test_expect_success 'valid UTF-8 and tabs are kept as they are' '
	schedule &&
	printf "%s\nG1,2027-01-05T23:10:00Z,,,ana,caf\303\251 \342\202\254,\"disk\tfull \360\237\224\245\",high,false,\n" "$HEAD" >good.csv &&
	expect_status 0 rota page import good.csv &&
	expect_file "imported 1 page (0 already known)" out &&
	sqlite3 rota.db "SELECT service, alert FROM pages" >got &&
	printf "caf\303\251 \342\202\254|disk\tfull \360\237\224\245\n" >want &&
	cmp want got
'

test_expect_success 'escape sequences in a field are refused in each format, never printed raw' '
	schedule &&
	printf "%s\nG1,2027-01-05T23:10:00Z,,,ana,checkout,a\033[31mRED,high,false,\n" "$HEAD" >generic.csv &&
	refused generic.csv "rota: generic.csv:2: alert: a control character at byte 2 (0x1b)" &&
	printf "%s\nG1,2027-01-05T23:10:00Z,,,\033]0;HACKED\007\033[2J,checkout,a,high,false,\n" "$HEAD" >title.csv &&
	refused title.csv "rota: title.csv:2: responder: a control character at byte 1 (0x1b)" &&
	printf "%s\n101,high,disk\033[2Jfull,checkout,P1,2027-01-05T23:10:00Z,,,0,Person ana,\n" "$PD_HEAD" >pd.csv &&
	refused pd.csv "rota: pd.csv:2: description: a control character at byte 5 (0x1b)" &&
	printf "%s\n101,high,disk,check\302\233out,P1,2027-01-05T23:10:00Z,,,0,Person ana,\n" "$PD_HEAD" >pd-c1.csv &&
	refused pd-c1.csv "rota: pd-c1.csv:2: service_name: a control character at byte 6 (U+009B)" &&
	printf "%s\n1,Disk\177full,false,checkout,P1,,2027-01-05T23:10:00Z,,,,og-1\n" "$OG_HEAD" >og.csv &&
	refused og.csv "rota: og.csv:2: message: a control character at byte 5 (0x7f)" &&
	printf "%s\n1,Disk,false,checkout,P1\302\200,,2027-01-05T23:10:00Z,,,,og-1\n" "$OG_HEAD" >og-c1.csv &&
	refused og-c1.csv "rota: og-c1.csv:2: priority: a control character at byte 3 (U+0080)"
'

test_expect_success 'a line break inside a quoted field is refused where the field is one line' '
	schedule &&
	printf "%s\nG1,2027-01-05T23:10:00Z,,,ana,\"check\nout\",a,high,false,\n" "$HEAD" >lf.csv &&
	refused lf.csv "rota: lf.csv:2: service: a line break at byte 6 (one line only)" &&
	printf "%s\nG1,2027-01-05T23:10:00Z,,,\"ana\rG9\",checkout,a,high,false,\n" "$HEAD" >cr.csv &&
	refused cr.csv "rota: cr.csv:2: responder: a carriage return at byte 4" &&
	printf "%s\n\"P1\r\nP2\",high,d,checkout,X,2027-01-05T23:10:00Z,,,0,Person ana,\n" "$PD_HEAD" >crlf.csv &&
	refused crlf.csv "rota: crlf.csv:2: incident_number: a line break at byte 3 (one line only)" &&
	printf "%s\nG1,2027-01-05T23:10:00Z,,,ana,checkout,\"two\r\nlines\",high,false,\nG2,2027-01-05T23:20:00Z,,,ana,checkout,\"a\rb\",high,false,\n" "$HEAD" >alert-cr.csv &&
	refused alert-cr.csv "rota: alert-cr.csv:4: alert: a carriage return at byte 2"
'

test_expect_success 'the alert text may span lines (a CRLF in it reads as LF)' '
	schedule &&
	printf "%s\nG1,2027-01-05T23:10:00Z,,,ana,checkout,\"two\r\nlines\",high,false,\n" "$HEAD" >alert.csv &&
	expect_status 0 rota page import alert.csv &&
	test "$(sqlite3 rota.db "SELECT hex(alert) FROM pages")" = "$(printf "two\nlines" | od -An -tx1 | tr -d " \n" | tr a-f A-F)"
'

test_expect_success 'a column rota does not read is not looked at' '
	schedule &&
	printf "%s\n101,high,disk,checkout,P1,2027-01-05T23:10:00Z,,,0,Person ana,,\377\033\n" "$PD_HEAD,team_names" >extra.csv &&
	expect_status 0 rota page import extra.csv &&
	expect_file "imported 1 page (0 already known)" out
'

test_done
