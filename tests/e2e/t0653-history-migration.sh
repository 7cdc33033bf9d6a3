#!/bin/sh
# Upgrading a database of schema 12, before people's history was kept
# (issue 23): each person's values as they stand become their history
# from the beginning, so every figure stays what rota showed before the
# upgrade; changes made afterwards apply from their time.
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib-history.sh"

# old_db: lib-history.sh's January (imported while me lived in Dublin),
# then, as rota at schema 12 did it, me's zone changed in place to
# Pacific/Kiritimati and the database taken back to schema 12 (migration
# 13 only adds person_history). rota before the upgrade paid 560.00 for
# January (q1 judged in Kiritimati: 60 asleep minutes more; its stored
# class, in_hours, still counted no sleep interruption).
old_db() {
	histteam && january &&
	sqlite3 rota.db "DROP TABLE person_history;
		UPDATE persons SET tz = 'Pacific/Kiritimati' WHERE handle = 'me';
		PRAGMA user_version = 12"
}

test_expect_success 'the upgrade keeps every figure: pay, page list, the monthly report' '
	old_db &&
	export ROTA_NOW=2027-02-10T12:00:00Z &&
	sqlite3 rota.db "SELECT * FROM pages ORDER BY id" >pages.before &&
	expect_status 0 rota pay 2027-01 --format csv &&
	test "$(sqlite3 rota.db "PRAGMA user_version")" = 14 &&
	grep -q "^2027-01,me,Me Self,me@example.com,EUR,0,0.00,0.00,0.00,0.00,560,560.00,0,0.00,0,0.00,560.00\$" out &&
	sqlite3 rota.db "SELECT * FROM pages ORDER BY id" >pages.after &&
	diff -u pages.before pages.after &&
	classes 2027-01 >got &&
	expect_file "q1 in_hours
q2 out_of_hours" got &&
	expect_status 0 rota report monthly 2027-01 --format csv &&
	grep -q "^2027-01,me,Me Self,0,0.0,2,1,0,0,0,0,0,0,100,,0,560.00 EUR," out
'

test_expect_success 'each person'"'"'s values become their first entry, from the beginning' '
	old_db &&
	export ROTA_NOW=2027-02-10T12:00:00Z &&
	expect_status 0 rota person list &&
	sqlite3 -separator " " rota.db "SELECT p.handle, h.valid_from, h.tz, h.office_id IS NULL,
		h.is_manager, h.sleep_start, h.sleep_end FROM person_history h
		JOIN persons p ON p.id = h.person_id ORDER BY p.handle" >got &&
	expect_file "me 0 Pacific/Kiritimati 1 0 1320 420
mo 0 Europe/Dublin 1 1 1320 420" got &&
	rota --json person show me >out &&
	test "$(json "j[\"history\"]")" = "[{'"'"'from'"'"': None, '"'"'tz'"'"': '"'"'Pacific/Kiritimati'"'"', '"'"'office'"'"': None, '"'"'sleep'"'"': '"'"'22:00-07:00'"'"', '"'"'manager'"'"': False, '"'"'by'"'"': '"'"'root'"'"'}]"
'

test_expect_success 'the upgraded table is the one a new database has' '
	old_db &&
	rota person list >/dev/null &&
	sqlite3 rota.db "SELECT sql FROM sqlite_master WHERE tbl_name = '\''person_history'\''" >upgraded &&
	ROTA_DB=$PWD/fresh.db rota init >/dev/null &&
	sqlite3 fresh.db "SELECT sql FROM sqlite_master WHERE tbl_name = '\''person_history'\''" >fresh &&
	test -s fresh && diff -u fresh upgraded
'

test_expect_success 'after the upgrade a change applies from its time only' '
	old_db &&
	export ROTA_NOW=2027-02-10T12:00:00Z &&
	expect_status 0 rota --as me person set me --tz Europe/Dublin &&
	test "$(pay_of 2027-01)" = 560.00 &&
	import_pages 2027-02-17T00:00:00Z \
		"q3,2027-02-16T13:00:00Z,2027-02-16T13:00:00Z,2027-02-16T14:00:00Z,me" &&
	classes 2027-02 >got &&
	expect_file "q3 in_hours" got
'

test_expect_success 'a person with no entry yet (none kept since added, or added by hand) is judged by their persons row' '
	histteam && january &&
	test "$(sqlite3 rota.db "SELECT count(*) FROM person_history")" = 0 &&
	sqlite3 rota.db "INSERT INTO persons (handle, name, email, tz, created_at)
		VALUES ('\''raw'\'', '\''Raw'\'', '\''raw@example.com'\'', '\''Asia/Kolkata'\'', 0)" &&
	expect_status 0 rota person show raw &&
	expect_out "the beginning  Asia/Kolkata  -       22:00-07:00  no       -" &&
	export ROTA_NOW=2027-02-10T12:00:00Z &&
	test "$(pay_of 2027-01)" = 500.00 &&
	expect_status 0 rota person show me &&
	expect_out "the beginning  Europe/Dublin  -       22:00-07:00  no       root"
'

test_done
