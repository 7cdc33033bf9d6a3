#!/bin/sh
# rota page import: Opsgenie's alert export.
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib-pages.sh"

# createdAt as epoch milliseconds and as ISO 8601 with milliseconds;
# report.ackTime and report.closeTime in milliseconds after it. O1: acked
# by cy (by email); O2: not acknowledged, no owner: ana was on call.
opsgenie() {
	csv alerts.csv <<-\END
	tinyId,alias,message,status,acknowledged,isSeen,tags,teams,priority,owner,createdAt,updatedAt,report.ackTime,report.closeTime,report.acknowledgedBy,report.closedBy,id
	1042,disk-db-1,"Disk 95% on db-1, act now",closed,true,true,"disk,db","checkout,platform",P1,cy@example.com,1799102400000,1799103000000,90000,600000,CY@example.com,cy@example.com,70f4e1c2-2b0c-4a47-9f55-0f0e5b6f1a01
	1043,api-5xx,API 5xx,closed,false,false,,payments,P3,,2027-01-07T08:15:30.123Z,2027-01-07T08:30:00Z,,840000,,System,70f4e1c2-2b0c-4a47-9f55-0f0e5b6f1a02
	END
}

test_expect_success 'an Opsgenie export is imported' '
	schedule && opsgenie &&
	expect_status 0 rota page import alerts.csv &&
	expect_file "imported 2 pages (0 already known)" out &&
	pages >got &&
	expect_file "70f4e1c2-2b0c-4a47-9f55-0f0e5b6f1a01 cy sleep - 1
70f4e1c2-2b0c-4a47-9f55-0f0e5b6f1a02 ana out_of_hours - 0" got &&
	expect_status 0 rota --json page list --month 2027-01 &&
	test "$(json "j[0][\"source\"], j[0][\"created_at\"], j[0][\"acknowledged_at\"], j[0][\"resolved_at\"], j[0][\"urgency\"], j[0][\"service\"]")" = \
		"opsgenie 2027-01-04T22:40:00Z 2027-01-04T22:41:30Z 2027-01-04T22:50:00Z P1 checkout" &&
	test "$(json "j[1][\"created_at\"], j[1][\"acknowledged_at\"], j[1][\"resolved_at\"], j[1][\"alert\"]")" = \
		"2027-01-07T08:15:30Z None 2027-01-07T08:29:30Z API 5xx"
'

test_expect_success 'an Opsgenie export read again adds nothing' '
	schedule && opsgenie &&
	rota page import --format opsgenie alerts.csv >/dev/null &&
	expect_status 0 rota page import alerts.csv &&
	expect_file "imported 0 pages (2 already known)" out
'

test_expect_success 'tinyId serves when there is no id column; a bad acknowledged is refused' '
	schedule &&
	printf "tinyId,createdAt,owner\n5,1799102400000,ana\n" >og.csv &&
	expect_status 0 rota page import og.csv &&
	test "$(sqlite3 rota.db "SELECT source_id, created_at FROM pages")" = "5|1799102400" &&
	printf "tinyId,createdAt,acknowledged\n6,1799102400000,maybe\n" >og2.csv &&
	expect_unchanged 65 rota page import og2.csv &&
	expect_file "rota: og2.csv:2: bad acknowledged '\''maybe'\'': true or false" err
'

test_done
