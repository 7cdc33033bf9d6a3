#!/bin/sh
# Faults of the machine get their own exit status and say what to do
# (issue 21), so that 70 means only a bug: a read-only database or folder
# 77, a full disk 74, a damaged file or one that is not rota's 65 naming
# sqlite3 .recover or the backup; nothing is changed by the failed
# command. store/db.c maps sqlite's result codes in one function.
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib-faults.sh"

# team: a database with ana and bo.
team() {
	rota init >/dev/null &&
	rota person add ana --name Ana --email ana@example.com --tz UTC >/dev/null &&
	rota person add bo --name Bo --email bo@example.com --tz UTC >/dev/null
}

READONLY="the database is read-only (attempt to write a readonly database); make the file and its folder writable by you"

test_expect_success 'a read-only database file: a write exits 77, reads still work' '
	team &&
	chmod 0444 rota.db &&
	db_dump >before.sql &&
	expect_status 77 perm_checked $ROTA person add cy --name Cy --email cy@example.com --tz UTC &&
	expect_file "rota: $ROTA_DB: $READONLY" err &&
	test ! -s out &&
	expect_status 77 perm_checked $ROTA person set ana --name Anna &&
	expect_file "rota: $ROTA_DB: $READONLY" err &&
	db_dump >after.sql &&
	diff -u before.sql after.sql &&
	expect_status 0 perm_checked $ROTA person list &&
	expect_out "ana     Ana"
'

test_expect_success 'a database in a read-only folder: 77, saying what to make writable' '
	mkdir dir &&
	ROTA_DB=$PWD/dir/rota.db &&
	team &&
	db_dump >before.sql &&
	test ! -e dir/rota.db-wal &&
	chmod 0555 dir &&
	expect_status 77 perm_checked $ROTA person add cy --name Cy --email cy@example.com --tz UTC &&
	expect_file "rota: $ROTA_DB: $READONLY" err &&
	expect_status 77 perm_checked $ROTA --db dir/new.db person list &&
	expect_file "rota: dir/new.db: cannot open the database: Permission denied; make the file and its folder writable by you" err &&
	expect_status 77 perm_checked $ROTA --db dir/sub/new.db init &&
	expect_file "rota: dir/sub: cannot create folder: Permission denied" err &&
	chmod 0755 dir &&
	ls -A dir >files &&
	expect_file "rota.db" files &&
	db_dump >after.sql &&
	diff -u before.sql after.sql
'

test_expect_success 'a full disk: 74 and the database unchanged' '
	team &&
	mkdir disk &&
	in_small_tmpfs disk 300 "
		cp rota.db disk/rota.db &&
		sqlite3 disk/rota.db .dump >before.sql &&
		{ head -c 1000000 /dev/zero >disk/filler 2>/dev/null || :; } &&
		{ $ROTA --db disk/rota.db person add cy --name Cy --email cy@example.com \
			--tz UTC >out 2>err; echo \$? >status; } &&
		rm disk/filler &&
		sqlite3 disk/rota.db .dump >after.sql" &&
	echo 74 >expected.status &&
	diff -u expected.status status &&
	expect_file "rota: disk/rota.db: the disk is full; free some space and try again" err &&
	test ! -s out &&
	diff -u before.sql after.sql
'

test_expect_success 'a damaged database: 65 naming sqlite3 .recover and the backup, the file untouched' '
	team &&
	sqlite3 rota.db .dump >/dev/null &&
	cp rota.db bad.db &&
	page=$(sqlite3 rota.db "SELECT rootpage FROM sqlite_schema WHERE name = '"'"'persons'"'"'") &&
	size=$(sqlite3 rota.db "PRAGMA page_size") &&
	printf "%0200d" 0 | tr 0 "\377" |
		dd of=bad.db bs=1 seek=$(((page - 1) * size)) conv=notrunc 2>/dev/null &&
	cp bad.db bad.copy &&
	expect_status 65 rota --db bad.db person list &&
	expect_file "rota: bad.db: the database is damaged or not a rota database (database disk image is malformed); recover it (sqlite3 bad.db .recover) or restore a backup" err &&
	expect_status 65 rota --db bad.db person add cy --name Cy --email cy@example.com --tz UTC &&
	expect_err "recover it (sqlite3 bad.db .recover) or restore a backup" &&
	test ! -s out &&
	cmp bad.db bad.copy
'

test_expect_success 'a file that is not a database: 65, the file untouched' '
	printf "%s\n" "to do: buy milk" >notes.db &&
	cp notes.db notes.copy &&
	expect_status 65 rota --db notes.db person list &&
	expect_file "rota: notes.db: the database is damaged or not a rota database (file is not a database); recover it (sqlite3 notes.db .recover) or restore a backup" err &&
	cmp notes.db notes.copy
'

test_expect_success 'a database whose schema version was reset to 0: 65, not a migration error' '
	team &&
	sqlite3 rota.db "PRAGMA user_version = 0" &&
	db_dump >before.sql &&
	expect_status 65 rota person list &&
	expect_file "rota: $ROTA_DB: the database has tables but is not at a known schema version (PRAGMA user_version is 0): it is not a rota database, or it was damaged; restore a backup" err &&
	expect_status 65 rota person add cy --name Cy --email cy@example.com --tz UTC &&
	db_dump >after.sql &&
	diff -u before.sql after.sql
'

test_done
