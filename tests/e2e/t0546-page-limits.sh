#!/bin/sh
# The size limits of pages from a CSV file and from PagerDuty's and
# Opsgenie's APIs (issue 21), each at the limit and one byte past it, as
# rota(1) lists them next to the .ics limits: a page's id keys it, so one
# longer than 127 bytes is refused (exit 65, naming the item, the field
# and the limit, nothing stored), never cut (two ids cut to one would be
# one page); service (127 bytes), alert (255) and urgency (15) are cut at
# a whole character; a CSV record is at most 1 MiB, from a file or a pipe.
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"
. "$ROTA_SRCDIR/tests/e2e/lib-pages.sh"
. "$ROTA_SRCDIR/tests/e2e/lib-text.sh"

export ROTA_PAGERDUTY_TOKEN=pd-secret-token ROTA_OPSGENIE_TOKEN=og-secret-key
HEAD=id,created_at,acknowledged_at,resolved_at,responder,service,alert,urgency,escalated,runbook_url

test_expect_success 'CSV: an id of 127 bytes is imported whole, one of 128 refused at its line' '
	schedule &&
	printf "%s\n%s,2027-01-05T23:10:00Z,,,ana,db,a,high,false,\n" "$HEAD" "$(repeat 127 i)" >ok.csv &&
	expect_status 0 rota page import ok.csv &&
	test "$(sqlite3 rota.db "SELECT length(source_id) FROM pages")" = 127 &&
	printf "%s\nG1,2027-01-05T23:10:00Z,,,ana,db,a,high,false,\n%s,2027-01-05T23:20:00Z,,,ana,db,a,high,false,\n" \
		"$HEAD" "$(repeat 128 j)" >long.csv &&
	expect_unchanged 65 rota page import long.csv &&
	expect_file "rota: long.csv:3: id: 128 bytes, longer than the limit of 127 bytes" err &&
	test ! -s out
'

test_expect_success 'CSV: service, alert and urgency at their limits are kept, a byte more is cut at a whole character' '
	schedule &&
	{
		echo "$HEAD" &&
		echo "A,2027-01-05T23:10:00Z,,,ana,$(repeat 127 s),$(repeat 255 a),$(repeat 15 u),false," &&
		echo "B,2027-01-05T23:20:00Z,,,ana,$(repeat 128 s),$(repeat 256 a),$(repeat 16 u),false," &&
		echo "C,2027-01-05T23:30:00Z,,,ana,s$(repeat 64 "$(printf "\303\251")"),a$(repeat 85 "$(printf "\342\202\254")"),u$(repeat 8 "$(printf "\303\251")"),false,"
	} >limits.csv &&
	expect_status 0 rota page import limits.csv &&
	sqlite3 rota.db "SELECT source_id, length(CAST(service AS BLOB)), length(CAST(alert AS BLOB)),
		length(CAST(urgency AS BLOB)) FROM pages ORDER BY source_id" >got &&
	expect_file "A|127|255|15
B|127|255|15
C|127|253|15" got &&
	sqlite3 rota.db "SELECT service FROM pages WHERE source_id = '"'"'C'"'"'" >service &&
	{ printf s && repeat 63 "$(printf "\303\251")" && echo; } >want &&
	cmp want service
'

test_expect_success 'pull: an id of 127 bytes is imported from PagerDuty and Opsgenie' '
	schedule && api id127 &&
	expect_status 0 rota page pull pagerduty --since 2027-01-01 --until 2027-01-15 &&
	expect_status 0 rota page pull opsgenie --since 2027-01-01 --until 2027-01-15 &&
	sqlite3 rota.db "SELECT source, length(source_id) FROM pages ORDER BY source" >got &&
	expect_file "opsgenie|127
pagerduty|127" got
'

test_expect_success 'pull: an id of 128 bytes refuses the pull (65), naming the item, the field and the limit' '
	schedule && api id128 &&
	expect_unchanged 65 rota page pull pagerduty --since 2027-01-01 --until 2027-01-15 &&
	expect_err "unexpected answer: incident $(repeat 40 P)...: id: 128 bytes, longer than the limit of 127 bytes" &&
	test $(wc -l <err) = 1 &&
	expect_unchanged 65 rota page pull opsgenie --since 2027-01-01 --until 2027-01-15 &&
	expect_err "unexpected answer: alert $(repeat 40 a)...: id: 128 bytes, longer than the limit of 127 bytes" &&
	test "$(sqlite3 rota.db "SELECT count(*) FROM pages")" = 0
'

# record N ID [QUOTE]: a page whose record (up to its line feed) is N bytes
# long, the alert padded to make it so (quoted when QUOTE is given).
record() {
	/usr/bin/python3 - "$1" "$2" "${3-}" <<-\EOF_PY
	import sys
	n, ident, quote = int(sys.argv[1]), sys.argv[2], sys.argv[3]
	head = ident + ",2027-01-05T23:10:00Z,,,ana,db,"
	tail = ",high,false,"
	pad = n - len(head) - len(tail) - (2 if quote else 0)
	alert = ('"' + "a" * pad + '"') if quote else "a" * pad
	sys.stdout.write(head + alert + tail + "\n")
	EOF_PY
}

test_expect_success 'CSV: a record of 1048576 bytes is read, one of 1048577 refused at its line (65), quoted or not' '
	schedule &&
	{ echo "$HEAD" && record 1048576 A && record 1048576 B quote; } >at.csv &&
	expect_status 0 rota page import at.csv &&
	test "$(sqlite3 rota.db "SELECT group_concat(source_id || length(alert)) FROM pages")" = "A255,B255" &&
	{ echo "$HEAD" && record 100 C && record 1048577 D; } >past.csv &&
	expect_unchanged 65 rota page import past.csv &&
	expect_file "rota: past.csv:3: a record longer than the limit of 1048576 bytes" err &&
	{ echo "$HEAD" && record 1048577 E quote; } >quoted.csv &&
	expect_unchanged 65 rota page import quoted.csv &&
	expect_file "rota: quoted.csv:2: a record longer than the limit of 1048576 bytes" err
'

# piped FILE ARG...: rota ARG... reading FILE from a pipe.
piped() {
	local file=$1
	shift
	cat "$file" | rota "$@"
}

test_expect_success 'CSV from standard input (a pipe, as rota serve passes it): the same pages and the same limits as from the file' '
	schedule &&
	{ echo "$HEAD" && record 1048576 A && record 200 B quote; } >at.csv &&
	expect_status 0 piped at.csv page import - &&
	test "$(sqlite3 rota.db "SELECT group_concat(source_id || length(alert)) FROM pages")" = "A255,B154" &&
	expect_status 0 piped at.csv page import - &&
	expect_file "imported 0 pages (2 already known)" out &&
	{ echo "$HEAD" && record 1048577 C; } >past.csv &&
	expect_unchanged 65 piped past.csv page import - &&
	expect_file "rota: -:2: a record longer than the limit of 1048576 bytes" err
'

test_done
