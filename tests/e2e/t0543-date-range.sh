#!/bin/sh
# Dates are limited to 1970-01-01 .. 2199-12-31 wherever one is read, and
# nothing computes a time past the limit (issue 21): common/timefmt.c's
# time_in_range() is the one rule. term add refuses a term that would end
# after it (it took 9999-12-27 + 520 weeks, and feed export then wrote
# DTSTART;TZID=Europe/Dublin:00000000T000000); arguments out of range exit
# 64 naming the option; a page import refuses such a time (65 with the
# file and line); a calendar import skips events past it as it skips
# those outside its window. Nothing is changed by a refusal.
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib-pages.sh"

RANGE="is out of range: rota keeps dates from 1970-01-01 to 2199-12-31"

# ops: rotation ops (Europe/Dublin) with ana and bo, no term.
ops() {
	rota person add ana --name Ana --email ana@example.com --tz Europe/Dublin >/dev/null &&
	rota person add bo --name Bo --email bo@example.com --tz Europe/Dublin >/dev/null &&
	rota rotation add ops --tier primary --tz Europe/Dublin >/dev/null
}

test_expect_success 'term add refuses a start past 2199 and a term ending after it, naming the option' '
	ops &&
	expect_unchanged 64 rota term add far --rotation ops --start 9999-12-27 --weeks 520 &&
	expect_err "rota: --start: '"'"'9999-12-27'"'"' $RANGE" &&
	expect_unchanged 64 rota term add far --rotation ops --start 2199-06-01 --weeks 520 &&
	expect_err "rota: --weeks: 520 shifts from 2199-06-01 end after 2199-12-31, the last day rota keeps; give fewer weeks or an earlier --start" &&
	expect_unchanged 64 rota term add early --rotation ops --start 1969-12-29 &&
	expect_err "rota: --start: '"'"'1969-12-29'"'"' $RANGE" &&
	expect_unchanged 64 rota term add early --rotation ops --start 1970-01-01 &&
	expect_err "rota: --start: '"'"'1970-01-01'"'"' $RANGE" &&
	test "$(sqlite3 rota.db "SELECT count(*) FROM terms")" = 0
'

test_expect_success 'a term to the last weeks of 2199: its feed ends in 2199, never at year 0' '
	ops &&
	expect_status 0 rota term add last --rotation ops --start 2199-11-04 --weeks 8 &&
	expect_out "End:                     Mon 2199-12-30 10:00" &&
	rota volunteer join last ana >/dev/null &&
	rota volunteer join last bo >/dev/null &&
	ROTA_NOW=2199-11-01T00:00:00Z rota schedule generate last >/dev/null &&
	ROTA_NOW=2199-11-01T00:00:00Z expect_status 0 rota feed export --rotation ops &&
	! grep -q "00000000T\|:0000\|:1[0-9][0-9][0-9][0-9]" out &&
	grep "^DTSTART;" out >dtstart &&
	grep -c "^DTSTART;TZID=Europe/Dublin:2199" dtstart >n &&
	expect_file 8 n &&
	test "$(wc -l <dtstart)" = 8 &&
	tail -n 1 dtstart | tr -d "\r" >last &&
	expect_file "DTSTART;TZID=Europe/Dublin:21991223T100000" last
'

test_expect_success 'a shift edited past 2199 in the database: 65 naming it, never a year-0 feed' '
	ops &&
	rota term add t --rotation ops --start 2027-01-04 --weeks 2 >/dev/null &&
	rota volunteer join t ana >/dev/null &&
	rota schedule generate t >/dev/null &&
	sqlite3 rota.db "UPDATE shifts SET end_at = 253402300800, slot_end = 253402300800 WHERE id = 2" &&
	expect_unchanged 65 rota feed export --rotation ops &&
	expect_file "rota: $ROTA_DB: shift 2 has an unknown end_at '"'"'253402300800'"'"': the database is damaged or was edited by hand; recover it (sqlite3 $ROTA_DB .recover) or restore a backup" err &&
	test ! -s out &&
	expect_unchanged 65 rota schedule show &&
	expect_err "shift 2 has an unknown end_at"
'

test_expect_success 'times on the command line and in ROTA_NOW are checked against the range' '
	ops &&
	expect_unchanged 64 rota now --at 2200-01-01 &&
	expect_file "rota: --at: '"'"'2200-01-01'"'"' $RANGE
usage: rota now [--at TIME]" err &&
	expect_unchanged 64 rota schedule show --from 1969-12-31 &&
	expect_err "rota: --from: '"'"'1969-12-31'"'"' $RANGE" &&
	expect_status 0 rota now --at 2199-12-31T23:59:59Z &&
	expect_status 0 rota now --at 1970-01-01T00:00:00Z &&
	ROTA_NOW=2200-01-01T00:00:00Z expect_unchanged 64 rota person list &&
	expect_file "rota: ROTA_NOW: '"'"'2200-01-01T00:00:00Z'"'"' is not an ISO 8601 time from 1970-01-01 to 2199-12-31 (2027-01-04T10:00:00Z)" err &&
	expect_unchanged 64 rota holiday add Nowhere 2200-01-01 &&
	expect_unchanged 64 rota leave add ana 2200-01-01 2200-01-03
'

HEAD=id,created_at,acknowledged_at,resolved_at,responder,service,alert,urgency,escalated,runbook_url

# page_refused FILE ROW FIELD VALUE: a page import of a file of ROW after a
# good one exits 65 naming line 3, FIELD and VALUE, and changes nothing.
page_refused() {
	printf "%s\n%s\n%s\n" "$HEAD" \
		"G1,2027-01-05T10:00:00Z,,2027-01-05T10:10:00Z,ana,svc,a,high,false," \
		"$2" | csv "$1" &&
	expect_unchanged 65 rota page import "$1" &&
	expect_file "rota: $1:3: $3 '$4' is out of range: rota keeps times from 1970-01-01 to 2199-12-31" err
}

test_expect_success 'a page import refuses a time outside the range with the file, line and field' '
	schedule &&
	page_refused far.csv "P2,2200-01-01T00:00:00Z,,,ana,svc,a,high,false," \
		created_at 2200-01-01T00:00:00Z &&
	page_refused early.csv "P4,1969-12-31T23:59:59Z,,,ana,svc,a,high,false," \
		created_at 1969-12-31T23:59:59Z &&
	page_refused late.csv "P5,2027-01-05T10:00:00Z,,2300-01-05T10:10:00Z,ana,svc,a,high,false," \
		resolved_at 2300-01-05T10:10:00Z &&
	printf "%s\n%s\n" "$HEAD" \
		"P3,1969-12-31T23:00:00-02:00,,,ana,svc,a,high,false," | csv edge.csv &&
	expect_status 0 rota page import edge.csv
'

test_expect_success 'a PagerDuty export whose durations reach past 2199 is refused' '
	schedule &&
	printf "%s\n%s\n" "id,created_on,service_name,escalation_policy_name,urgency,seconds_to_first_ack,seconds_to_resolve,escalation_count,assigned_to_user_names,description" \
		"Q1,2195-06-01T10:00:00Z,svc,pol,high,60,283824000,0,Person ana,x" | csv pd.csv &&
	expect_unchanged 65 rota page import --format pagerduty pd.csv &&
	expect_err "pd.csv:2: seconds_to_resolve '"'"'283824000'"'"' is out of range: rota keeps times from 1970-01-01 to 2199-12-31"
'

test_expect_success 'a calendar import near the end of 2199 skips the events past it' '
	ops &&
	printf "%s\r\n" BEGIN:VCALENDAR VERSION:2.0 "PRODID:-//rota tests//EN" \
		BEGIN:VEVENT UID:in@example.com DTSTAMP:21991201T000000Z \
		"DTSTART;VALUE=DATE:21991230" "DTEND;VALUE=DATE:21991231" SUMMARY:In END:VEVENT \
		BEGIN:VEVENT UID:across@example.com DTSTAMP:21991201T000000Z \
		"DTSTART;VALUE=DATE:22000102" "DTEND;VALUE=DATE:22000104" SUMMARY:Past END:VEVENT \
		BEGIN:VEVENT UID:far@example.com DTSTAMP:21991201T000000Z \
		DTSTART:99991227T100000Z DTEND:99991228T100000Z SUMMARY:Far END:VEVENT \
		END:VCALENDAR >ooo.ics &&
	ROTA_NOW=2199-12-01T00:00:00Z expect_status 0 rota leave import ooo.ics ana &&
	sqlite3 rota.db "SELECT source_uid, datetime(start_at, '"'"'unixepoch'"'"'),
		datetime(end_at, '"'"'unixepoch'"'"') FROM leave" >leave &&
	expect_file "in@example.com|2199-12-30 00:00:00|2199-12-31 00:00:00" leave
'

test_done
