#!/bin/sh
# rota init, global options and the database path rules.
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"

test_expect_success 'init creates the database and its folders' '
	expect_status 0 rota --db sub/dir/rota.db init &&
	expect_out "Schema version:" &&
	test -f sub/dir/rota.db &&
	test "$(sqlite3 sub/dir/rota.db "PRAGMA user_version")" = 3 &&
	test "$(sqlite3 sub/dir/rota.db "PRAGMA journal_mode")" = wal
'

test_expect_success 'init twice is harmless' '
	rota init >/dev/null && expect_status 0 rota --json init &&
	test "$(json "j[\"schema_version\"]")" = 3
'

test_expect_success 'ROTA_DB, then the config file, then XDG_DATA_HOME' '
	unset ROTA_DB &&
	mkdir -p home/.config/rota &&
	printf "[core]\ndatabase = %s/from-config.db\n" "$PWD" >home/.config/rota/rota.conf &&
	rota init >/dev/null && test -f from-config.db &&
	rm home/.config/rota/rota.conf &&
	XDG_DATA_HOME=$PWD/xdg rota init >/dev/null && test -f xdg/rota/rota.db
'

test_expect_success 'an old database is migrated by any command' '
	sqlite3 rota.db "PRAGMA user_version" >/dev/null &&
	rota init >/dev/null &&
	sqlite3 rota.db "DROP TABLE notifications; DROP TABLE http_cache; DROP TABLE caldav_events;
		DROP INDEX shifts_rotation_cover;
		CREATE INDEX shifts_rotation_time ON shifts (rotation_id, start_at);
		PRAGMA user_version = 1" &&
	expect_status 0 rota person list &&
	test "$(sqlite3 rota.db "PRAGMA user_version")" = 3 &&
	sqlite3 rota.db "SELECT count(*) FROM notifications" >/dev/null &&
	test "$(sqlite3 rota.db "SELECT group_concat(name) FROM sqlite_master
		WHERE type = '\''index'\'' AND name LIKE '\''shifts_rotation%'\''")" = shifts_rotation_cover
'

test_expect_success 'a database newer than rota is refused' '
	rota init >/dev/null && sqlite3 rota.db "PRAGMA user_version = 99" &&
	expect_status 78 rota person list && expect_err "newer than this rota"
'

test_expect_success 'unknown command and option are usage errors' '
	expect_status 64 rota frobnicate && expect_err "unknown command" &&
	expect_status 64 rota --frob init && expect_err "unknown option" &&
	expect_status 64 rota && expect_err "usage: rota"
'

test_expect_success '--help and --version' '
	expect_status 0 rota --help && expect_out "person add" &&
	expect_status 0 rota person add --help && expect_out "usage: rota person add HANDLE" &&
	expect_status 0 rota --version && expect_out "rota 0.1.0"
'

test_expect_success 'a bad configuration file names its line' '
	printf "[core]\ndatabase = x.db\n[schedule]\nfreeze_dayz = 3\n" >bad.conf &&
	expect_status 78 rota --config bad.conf init && expect_err "bad.conf:4: unknown key" &&
	expect_status 66 rota --config missing.conf init && expect_err "missing.conf"
'

test_expect_success 'a bad ROTA_NOW is a usage error' '
	ROTA_NOW=yesterday expect_status 64 rota person list && expect_err "ROTA_NOW"
'

test_done
