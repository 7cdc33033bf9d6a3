#!/bin/sh
# Damage found after the database opened (issue 21): a table's pages
# corrupted in the middle of the file, not its header, so that store_open
# succeeds and a later read fails, exits 65 naming sqlite3 .recover, as a
# damaged header does (t0542), and never 70, which rota(1) keeps for bugs;
# a disk that fills during a large write exits 74. Every prepare and step
# error goes through one map (db_fail in store/db.c).
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"
. "$ROTA_SRCDIR/tests/e2e/lib-report.sh"

DAMAGED="the database is damaged or not a rota database (database disk image is malformed); recover it (sqlite3 bad.db .recover) or restore a backup"

# big_team: lib-report's team and pages of January 2027, paid by a policy,
# with 300 more people and 30 copies of each page, so that persons and
# pages fill several pages of the file.
big_team() {
	team && pages &&
	printf "%s\n" "[report]" "timezone = Europe/Dublin" "[rotation \"ops\"]" \
		"policy = standard" "[policy \"standard\"]" "currency = EUR" \
		"stipend_per_week = 500.00" >rota.conf &&
	sqlite3 rota.db "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n
		WHERE i < 300) INSERT INTO persons (handle, name, email, tz, created_at)
		SELECT printf('p%03d', i), printf('Person %03d of the team', i),
		printf('p%03d@example.com', i), 'UTC', 0 FROM n" &&
	sqlite3 rota.db "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n
		WHERE i < 30) INSERT INTO pages (source, source_id, created_at,
		acknowledged_at, resolved_at, responder_id, rotation_id, service, alert,
		escalated, escalation_person_id, runbook_url, acted, class, imported_at)
		SELECT source, source_id || '-' || i, created_at, acknowledged_at,
		resolved_at, responder_id, rotation_id, service, alert, escalated,
		escalation_person_id, runbook_url, acted, class, imported_at FROM pages, n" &&
	sqlite3 rota.db "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
}

# damage TABLE: bad.db, a copy of rota.db whose every leaf page of TABLE
# starts with 100 bytes of 0xff (never page 1, the file's header).
damage() {
	local size pages
	cp rota.db bad.db &&
	size=$(sqlite3 rota.db "PRAGMA page_size") &&
	pages=$(sqlite3 rota.db "SELECT pageno FROM dbstat WHERE name = '$1' AND
		pagetype = 'leaf' AND pageno > 1") &&
	test -n "$pages" &&
	for p in $pages; do
		printf "%0100d" 0 | tr 0 "\377" |
			dd of=bad.db bs=1 seek=$(((p - 1) * size)) conv=notrunc 2>/dev/null ||
			return 1
	done &&
	cp bad.db bad.copy
}

# expect_damaged ARG...: `rota --db bad.db ARG...` exits 65 with the
# message alone, prints nothing, and leaves the file as it was.
expect_damaged() {
	expect_status 65 rota --db bad.db "$@" &&
	expect_file "rota: bad.db: $DAMAGED" err &&
	test ! -s out &&
	cmp bad.db bad.copy
}

test_expect_success 'the tables of these tests span several pages of the file' '
	big_team &&
	sqlite3 rota.db "SELECT name FROM dbstat WHERE name IN (\"persons\", \"pages\")
		AND pagetype = \"leaf\" GROUP BY name HAVING count(*) > 2" >tables &&
	expect_file "$(printf "pages\npersons")" tables &&
	expect_status 0 rota --db rota.db person list &&
	expect_out "p300    Person 300 of the team  p300@example.com  UTC"
'

test_expect_success 'persons damaged: person list exits 65, a command reading no person still works' '
	big_team &&
	damage persons &&
	expect_damaged person list &&
	expect_damaged --json person list &&
	expect_status 0 rota --db bad.db rotation list &&
	expect_out "ops "
'

test_expect_success 'shifts damaged: schedule show and pay exit 65, the file unchanged' '
	big_team &&
	damage shifts &&
	export ROTA_CONFIG=$PWD/rota.conf &&
	expect_damaged schedule show --from 2027-01-01 &&
	expect_damaged --json schedule show --from 2027-01-01 &&
	expect_damaged pay 2027-01 &&
	expect_damaged pay 2027-01 --format csv
'

test_expect_success 'pages damaged: page list, pay and report monthly exit 65; person list still works' '
	big_team &&
	damage pages &&
	export ROTA_CONFIG=$PWD/rota.conf &&
	expect_damaged page list --month 2027-01 &&
	expect_damaged --json page list --month 2027-01 &&
	expect_damaged pay 2027-01 &&
	expect_damaged report monthly 2027-01 &&
	expect_status 0 rota --db bad.db person list &&
	expect_out "ana     Ana Alves"
'

test_expect_success 'a write into a damaged table: 65, nothing written' '
	big_team &&
	damage pages &&
	printf "%s\n" "id,created_at,responder,service,alert" \
		"n1,2027-01-20T10:00:00Z,ana,db,disk" >p.csv &&
	expect_damaged page import p.csv
'

test_expect_success 'the disk fills during a large page import: 74, the database unchanged' '
	team &&
	mkdir fs &&
	{
		echo "id,created_at,responder,service,alert" &&
		seq 1 20000 | sed "s/.*/n&,2027-01-20T10:00:00Z,ana,database-$(printf "%040d" 0),disk full on the primary/"
	} >p.csv &&
	mv rota.db fs/rota.db &&
	ROTA_DB=$PWD/fs/rota.db &&
	db_dump >before.sql &&
	{ rota_on_full_fs fs --db fs/rota.db page import p.csv && st=0 || st=$?; } &&
	{ [ "$st" = 74 ] || { echo "exit $st"; cat out err; false; }; } &&
	expect_file "rota: fs/rota.db: the disk is full; free some space and try again" err &&
	test ! -s out &&
	sqlite3 fs.after/rota.db .dump >after.sql &&
	diff -u before.sql after.sql
'

test_done
