#!/bin/sh
# rota page import: the durations of PagerDuty's and Opsgenie's exports
# (seconds, milliseconds) are numbers from 0 to ten years. NaN, infinities,
# negative and huge numbers are refused at their line naming the field,
# and nothing is stored (a NaN was converted to an integer: undefined
# behaviour, found by fuzzing; issue 21).
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib-pages.sh"

# pd FIELD VALUE: a PagerDuty export whose second page has FIELD = VALUE.
pd() {
	if [ "$1" = seconds_to_first_ack ]; then a=$2 r=600; else a=60 r=$2; fi
	printf '%s\n' \
		"id,created_on,seconds_to_first_ack,seconds_to_resolve,acknowledged_by_user_names" \
		"A,2027-01-05T10:00:00Z,60,600,ana" \
		"B,2027-01-05T11:00:00Z,$a,$r,bo" >pd.csv
}

# og VALUE: an Opsgenie export whose second alert has report.ackTime = VALUE.
og() {
	printf '%s\n' \
		"tinyId,createdAt,report.ackTime,report.closeTime,report.acknowledgedBy" \
		"1,2027-01-05T10:00:00Z,60000,600000,ana" \
		"2,2027-01-05T11:00:00Z,$1,600000,bo" >og.csv
}

test_expect_success 'NaN, infinities, negative and huge seconds are refused at their line' '
	schedule &&
	for field in seconds_to_first_ack seconds_to_resolve; do
		for v in nan NaN -nan nan\(1\) inf -inf Infinity 1e300 1e19 9223372036854775808 \
			-1 -0.5 315360001 1e-400; do
			pd $field "$v" &&
			expect_unchanged 65 rota page import pd.csv &&
			expect_file "rota: pd.csv:3: bad $field '\''$v'\'': not a number of seconds" err &&
			test ! -s out || return 1
		done
	done
'

test_expect_success 'ten years to the second is the longest duration read' '
	schedule &&
	pd seconds_to_resolve 315360000 &&
	expect_status 0 rota page import pd.csv &&
	test "$(sqlite3 rota.db "SELECT source_id, resolved_at - created_at FROM pages ORDER BY source_id")" = "A|600
B|315360000" &&
	pd seconds_to_first_ack 0.9 &&
	expect_status 0 rota page import pd.csv &&
	expect_file "imported 0 pages (2 already known)" out
'

test_expect_success 'Opsgenie milliseconds: NaN, infinities, negative and huge ones are refused' '
	schedule &&
	for v in nan inf -inf 1e300 -1000 315360001000; do
		og "$v" &&
		expect_unchanged 65 rota page import og.csv &&
		expect_file "rota: og.csv:3: bad report.ackTime '\''$v'\'': not a number of seconds" err || return 1
	done &&
	og 315360000000 &&
	expect_status 0 rota page import og.csv &&
	test "$(sqlite3 rota.db "SELECT source_id, acknowledged_at - created_at FROM pages ORDER BY source_id")" = "1|60
2|315360000"
'

test_done
