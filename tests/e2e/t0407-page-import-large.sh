#!/bin/sh
# rota page import of a large file (store/pages-bulk.c): when the file is
# large against the table, the secondary indexes are dropped and built
# again after the rows, inside the one transaction. The pages stored are
# the same, ids included, as through small imports that keep the indexes;
# the schema comes back whole; a bad last row still changes nothing; and
# a second import adds nothing. A file of 2 MB or more is imported in the
# rollback journal's mode (store_bulk_begin) when nobody else has the
# database open, and the database is in WAL mode again afterwards.
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib-pages.sh"

HEAD=id,created_at,acknowledged_at,resolved_at,responder,service,alert,urgency,escalated,runbook_url

# big N [rev] [late]: N pages from 2027-01-05, 97 s apart (in time order,
# or the reverse with rev); every 7th names nobody (the schedule decides),
# every 11th escalated (mo, the escalation tier), every 5th
# unacknowledged; but with late, the first LATE pages all name their
# responder and none is escalated.
big() {
	awk -v n="$1" -v rev="${2:-}" -v late="${3:-0}" -v head="$HEAD" 'BEGIN {
		print head
		split("ana bo cy dee", who, " ")
		t0 = 1799107200     # 2027-01-05T00:00:00Z
		for (k = 1; k <= n; k++) {
			i = rev ? n + 1 - k : k
			t = t0 + i * 97
			ack = i % 5 ? strftime("%Y-%m-%dT%H:%M:%SZ", t + 60, 1) : ""
			res = strftime("%Y-%m-%dT%H:%M:%SZ", t + 600, 1)
			r = i % 7 || k <= late ? who[i % 4 + 1] : ""
			printf "L%d,%s,%s,%s,%s,svc%d,alert %d,high,%s,%s\n", i,
				strftime("%Y-%m-%dT%H:%M:%SZ", t, 1), ack, res, r, i % 3,
				i % 13, i % 11 || k <= late ? "false" : "true",
				i % 2 ? "https://rb/x" : ""
		}
	}'
}

# rows: every column but imported_at, in id order.
rows() {
	sqlite3 "$ROTA_DB" "SELECT id, source, source_id, created_at, acknowledged_at,
		resolved_at, responder_id, responder_name, rotation_id, service, alert,
		urgency, escalated, escalation_person_id, runbook_url, acted, class
		FROM pages ORDER BY id"
}

# schema: the pages table and its indexes as sqlite keeps them.
schema() {
	sqlite3 "$ROTA_DB" "SELECT type, name, tbl_name, sql FROM sqlite_schema
		WHERE tbl_name = 'pages' ORDER BY name"
}

# small FILE: imports FILE 5,000 pages at a time (too few for the bulk
# plan, so the indexes stay in place).
small() {
	tail -n +2 "$1" | split -l 5000 - part. &&
	for p in part.*; do
		{ echo "$HEAD"; cat "$p"; } >"$p.csv" &&
		rota page import "$p.csv" >/dev/null || return 1
	done
}

test_expect_success 'a large import stores what small imports store, ids and indexes included' '
	schedule &&
	schema >schema.before &&
	big 25000 >big.csv &&
	expect_status 0 rota page import big.csv &&
	expect_file "imported 25000 pages (0 already known)" out &&
	schema >schema.after &&
	diff -u schema.before schema.after &&
	test "$(sqlite3 rota.db "PRAGMA integrity_check")" = ok &&
	test -z "$(sqlite3 rota.db "PRAGMA foreign_key_check")" &&
	rows >rows.big &&
	rm -f rota.db rota.db-wal rota.db-shm &&
	schedule &&
	small big.csv &&
	rows >rows.small &&
	test "$(wc -l <rows.small)" = 25000 &&
	diff -u rows.small rows.big &&
	test "$(sqlite3 rota.db "SELECT count(*) FROM pages WHERE escalation_person_id IS NOT NULL")" = 2272 &&
	test "$(sqlite3 rota.db "SELECT count(*) FROM pages WHERE class IS NULL")" = 0
'

# The schedule is read when a page first needs it; this deep in the file,
# the writer thread (store/pages-bulk.c) is storing a batch meanwhile.
test_expect_success 'a large file that needs the schedule only late: the same pages' '
	schedule &&
	big 25000 "" 12000 >late.csv &&
	expect_status 0 rota page import late.csv &&
	expect_file "imported 25000 pages (0 already known)" out &&
	rows >rows.big &&
	test "$(sqlite3 rota.db "SELECT count(*) FROM pages WHERE escalation_person_id IS NOT NULL")" = 1182 &&
	rm -f rota.db rota.db-wal rota.db-shm &&
	schedule &&
	small late.csv &&
	rows >rows.small &&
	diff -u rows.small rows.big
'

test_expect_success 'a large import leaves the database in WAL mode, also when it fails' '
	schedule &&
	big 25000 >big.csv &&
	test "$(wc -c <big.csv)" -ge 2097152 &&
	expect_status 0 rota page import big.csv &&
	test "$(sqlite3 rota.db "PRAGMA journal_mode")" = wal &&
	test ! -e rota.db-journal &&
	big 30000 >bad.csv &&
	echo "L0,2027-01-05T25:00:00Z,,,ana,svc0,a,high,false," >>bad.csv &&
	expect_unchanged 65 rota page import bad.csv &&
	test "$(sqlite3 rota.db "PRAGMA journal_mode")" = wal &&
	test "$(sqlite3 rota.db "SELECT count(*) FROM pages")" = 25000
'

test_expect_success 'a large import while another process reads the database: WAL mode, the reader undisturbed' '
	schedule &&
	big 25000 >big.csv &&
	rm -f reader.ready reader.done &&
	test_bg /usr/bin/python3 -c "
import sqlite3, os, sys, time
db = sqlite3.connect(\"rota.db\", isolation_level=None)
db.execute(\"BEGIN\")
db.execute(\"SELECT count(*) FROM persons\").fetchone()
open(\"reader.ready\", \"w\").close()
deadline = time.time() + 120
while not os.path.exists(\"reader.done\"):
    if time.time() > deadline:
        sys.exit(\"reader: no reader.done after 120 s\")
    time.sleep(0.05)
print(db.execute(\"SELECT count(*) FROM pages\").fetchone()[0])
db.execute(\"COMMIT\")
print(db.execute(\"PRAGMA journal_mode\").fetchone()[0])
" >reader.out &&
	reader=$TEST_BG_PID &&
	test_wait_for 30 "the reader to open its transaction (reader.ready)" test -e reader.ready &&
	expect_status 0 rota page import big.csv &&
	expect_file "imported 25000 pages (0 already known)" out &&
	touch reader.done &&
	wait $reader &&
	printf "0\\nwal\\n" >reader.expected &&
	diff -u reader.expected reader.out &&
	test "$(sqlite3 rota.db "SELECT count(*) FROM pages")" = 25000 &&
	test "$(sqlite3 rota.db "PRAGMA integrity_check")" = ok
'

test_expect_success 'a large file out of time order: the same pages again' '
	schedule &&
	big 25000 rev >rev.csv &&
	expect_status 0 rota page import rev.csv &&
	schema >schema.after &&
	rm -f rota.db rota.db-wal rota.db-shm &&
	schedule &&
	schema >schema.before &&
	diff -u schema.before schema.after &&
	small rev.csv &&
	rows >rows.small &&
	rm -f rota.db rota.db-wal rota.db-shm &&
	schedule &&
	rota page import rev.csv >/dev/null &&
	rows >rows.big &&
	diff -u rows.small rows.big
'

test_expect_success 'importing a large file again adds nothing and changes no page' '
	schedule &&
	big 25000 >big.csv &&
	rota page import big.csv >/dev/null &&
	rows >rows.first &&
	expect_status 0 rota page import big.csv &&
	expect_file "imported 0 pages (25000 already known)" out &&
	rows >rows.again &&
	diff -u rows.first rows.again
'

test_expect_success 'a page twice deep in a large file: the first kept, the key index back' '
	schedule &&
	schema >schema.before &&
	big 25000 >dup.csv &&
	echo "L20000,2027-01-06T10:00:00Z,,,ana,svc0,the second L20000,high,false," >>dup.csv &&
	echo "L3,2027-01-06T10:00:00Z,,,ana,svc0,the second L3,high,false," >>dup.csv &&
	expect_status 0 rota page import dup.csv &&
	expect_file "imported 25000 pages (2 already known)" out &&
	test "$(sqlite3 rota.db "SELECT alert FROM pages WHERE source_id = '\''L20000'\''")" = "alert 6" &&
	test "$(sqlite3 rota.db "SELECT alert FROM pages WHERE source_id = '\''L3'\''")" = "alert 3" &&
	schema >schema.after &&
	diff -u schema.before schema.after &&
	test "$(sqlite3 rota.db "PRAGMA integrity_check")" = ok
'

test_expect_success 'a bad row at the end of a large file: line, exit 65, nothing imported' '
	schedule &&
	big 25000 >bad.csv &&
	echo "L0,2027-01-05T25:00:00Z,,,ana,svc0,a,high,false," >>bad.csv &&
	expect_unchanged 65 rota page import bad.csv &&
	expect_file "rota: bad.csv:25002: bad created_at '\''2027-01-05T25:00:00Z'\'': not an ISO 8601 time with a UTC offset (2027-01-04T03:12:00Z)" err &&
	big 25000 >ok.csv &&
	expect_status 0 rota page import ok.csv &&
	expect_file "imported 25000 pages (0 already known)" out
'

test_expect_success 'an unknown responder deep in a large file: nothing imported' '
	schedule &&
	big 25000 >who.csv &&
	echo "L99999,2027-01-06T10:00:00Z,,,zoe,svc0,a,high,false," >>who.csv &&
	expect_unchanged 65 rota page import who.csv &&
	expect_file "rota: who.csv:25002: unknown responder '\''zoe'\'' (see rota person list)" err
'

test_done
