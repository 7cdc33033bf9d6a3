#!/bin/sh
# rota init, global options and the database path rules.
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"

test_expect_success 'init creates the database and its folders' '
	expect_status 0 rota --db sub/dir/rota.db init &&
	expect_out "Schema version:" &&
	test -f sub/dir/rota.db &&
	test "$(sqlite3 sub/dir/rota.db "PRAGMA user_version")" = 14 &&
	test "$(sqlite3 sub/dir/rota.db "PRAGMA journal_mode")" = wal
'

test_expect_success 'init twice is harmless' '
	rota init >/dev/null && expect_status 0 rota --json init &&
	test "$(json "j[\"schema_version\"]")" = 14
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
	test "$(sqlite3 rota.db "PRAGMA user_version")" = 14 &&
	sqlite3 rota.db "SELECT count(*) FROM notifications" >/dev/null &&
	test "$(sqlite3 rota.db "SELECT group_concat(name) FROM sqlite_master
		WHERE type = '\''index'\'' AND name LIKE '\''shifts_rotation%'\''")" = shifts_rotation_cover
'

test_expect_success 'migration 7: the trend reads out-of-hours pages from their own index alone' '
	rota init >/dev/null &&
	sqlite3 rota.db "DROP INDEX pages_ooh_time; PRAGMA user_version = 6" &&
	expect_status 0 rota person list &&
	test "$(sqlite3 rota.db "PRAGMA user_version")" = 14 &&
	sqlite3 rota.db "EXPLAIN QUERY PLAN SELECT responder_id, created_at FROM pages
		WHERE created_at >= 0 AND created_at < 9 AND class IN ('\''out_of_hours'\'', '\''sleep'\'')
		ORDER BY created_at" >plan.out &&
	grep -q "SEARCH pages USING INDEX pages_ooh_time (created_at>? AND created_at<?)" plan.out &&
	! grep -q "TEMP B-TREE" plan.out &&
	expect_status 0 rota person list
'

test_expect_success 'migration 9: the key leads with source_id, pages_responder_time goes; a last shift'\''s sleep pages walk pages_ooh_time' '
	rota init >/dev/null &&
	sqlite3 rota.db "CREATE INDEX pages_responder_time ON pages (responder_id, created_at);
		PRAGMA user_version = 8" &&
	expect_status 0 rota person list &&
	test "$(sqlite3 rota.db "PRAGMA user_version")" = 14 &&
	test "$(sqlite3 rota.db "SELECT count(*) FROM sqlite_master
		WHERE name = '\''pages_responder_time'\''")" = 0 &&
	test "$(sqlite3 rota.db "SELECT group_concat(name) FROM (SELECT name
		FROM pragma_index_info('\''pages_source'\'') ORDER BY seqno)")" = source_id,source &&
	sql=$(sed -n "/pages_sql\[\] =/,/;\$/p" "$ROTA_SRCDIR/store/shifts.c" |
		sed -n "s/^[^\"]*\"\(.*\)\"[;]*\$/\1/p" | tr -d "\n" |
		sed "s/?1/1/; s/?2/0/; s/?3/9/") &&
	case "$sql" in "SELECT count(*) FROM pages WHERE responder_id"*) ;; *) false ;; esac &&
	sqlite3 rota.db "EXPLAIN QUERY PLAN $sql" >plan.out &&
	grep -q "SEARCH pages USING INDEX pages_ooh_time (created_at>? AND created_at<?)" plan.out
'

test_expect_success 'the rebuilt pages table: its key a named index, its references kept' '
	rota init >/dev/null &&
	sqlite3 rota.db "INSERT INTO persons (handle, name, email, tz, created_at)
			VALUES ('\''ana'\'', '\''Ana'\'', '\''a@x'\'', '\''UTC'\'', 0)" &&
	test "$(sqlite3 rota.db "SELECT group_concat(name) FROM (SELECT name FROM sqlite_master
		WHERE tbl_name = '\''pages'\'' AND type = '\''index'\'' ORDER BY name)")" = \
		pages_ooh_time,pages_source,pages_time &&
	cols="source, source_id, created_at, responder_id, class, imported_at" &&
	sqlite3 rota.db "INSERT INTO pages ($cols) VALUES ('\''generic'\'', '\''a'\'', 1, 1, NULL, 0)" &&
	! sqlite3 rota.db "INSERT INTO pages ($cols) VALUES ('\''generic'\'', '\''a'\'', 1, NULL, NULL, 0)" 2>err.out &&
	grep -q "UNIQUE constraint failed: pages.source_id, pages.source" err.out &&
	! sqlite3 rota.db "PRAGMA foreign_keys = ON; INSERT INTO pages ($cols) VALUES ('\''generic'\'', '\''b'\'', 1, 99, NULL, 0)" 2>err.out &&
	grep -q "FOREIGN KEY constraint failed" err.out
'

test_expect_success 'the rebuilt shifts table keeps its rules and references; a part lies inside its week' '
	rota init >/dev/null &&
	sql="SELECT sql FROM sqlite_master WHERE name = '\''shifts'\''" &&
	sqlite3 rota.db "$sql" >schema.out &&
	grep -q "OR origin = '\''override'\'')" schema.out &&
	! grep -q "origin IN" schema.out &&
	test "$(sqlite3 rota.db "SELECT group_concat(name) FROM (SELECT name FROM sqlite_master
		WHERE tbl_name = '\''shifts'\'' AND type = '\''index'\'' ORDER BY name)")" = \
		shifts_person_time,shifts_rotation_cover,sqlite_autoindex_shifts_1 &&
	test "$(sqlite3 rota.db "SELECT \"table\" FROM pragma_foreign_key_list('\''swaps'\'')
		WHERE \"from\" = '\''shift_id'\''")" = shifts &&
	sqlite3 rota.db "INSERT INTO persons (handle, name, email, tz, created_at)
			VALUES ('\''ana'\'', '\''Ana'\'', '\''a@x'\'', '\''UTC'\'', 0);
		INSERT INTO rotations (name, tier, tz, created_at) VALUES ('\''r'\'', '\''primary'\'', '\''UTC'\'', 0);
		INSERT INTO terms (name, rotation_id, start_at, end_at, weeks, created_at) VALUES ('\''t'\'', 1, 0, 604800, 1, 0)" &&
	ins="INSERT INTO shifts (uid, rotation_id, term_id, slot, person_id, start_at, end_at, origin, updated_at, slot_start, slot_end)" &&
	sqlite3 rota.db "$ins VALUES ('\''u0'\'', 1, 1, 0, 1, 0, 604800, '\''override'\'', 0, 0, 604800)" &&
	! sqlite3 rota.db "$ins VALUES ('\''u1'\'', 1, 1, 1, 1, 0, 604800, '\''bogus'\'', 0, 0, 604800)" 2>err.out &&
	grep -q "CHECK constraint failed" err.out &&
	! sqlite3 rota.db "$ins VALUES ('\''u3'\'', 1, 1, 0, 1, 0, 604800, '\''swap'\'', 0, 0, 604800)" 2>err.out &&
	grep -q "UNIQUE constraint failed: shifts.term_id, shifts.slot, shifts.start_at" err.out &&
	! sqlite3 rota.db "$ins VALUES ('\''u4'\'', 1, 1, 0, 1, 302400, 700000, '\''swap'\'', 0, 0, 604800)" 2>err.out &&
	grep -q "CHECK constraint failed" err.out &&
	! sqlite3 rota.db "PRAGMA foreign_keys = ON; $ins VALUES ('\''u2'\'', 1, 1, 2, 99, 0, 604800, '\''swap'\'', 0, 0, 604800)" 2>err.out &&
	grep -q "FOREIGN KEY constraint failed" err.out
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

test_expect_success 'a command'"'"'s options: anywhere, --opt=value or --opt value, -- ends them' '
	rota init >/dev/null &&
	expect_status 0 rota person add --name Ana ana --email=ana@example.com --tz UTC &&
	expect_out "ana" &&
	expect_status 0 rota person set --tz=Europe/Dublin -- ana && expect_out "Europe/Dublin" &&
	expect_unchanged 65 rota person show -- --frob &&
	expect_err "unknown person" &&
	expect_unchanged 64 rota person show ana --frob &&
	expect_err "rota: unknown option '"'"'--frob'"'"'" && expect_err "usage: rota person show HANDLE" &&
	expect_unchanged 64 rota person set ana --tz &&
	expect_err "rota: option --tz needs a value" &&
	expect_unchanged 64 rota person set ana --manager=yes &&
	expect_err "rota: option --manager takes no value" &&
	expect_unchanged 64 rota person set ana -x &&
	expect_err "rota: unknown option '"'"'-x'"'"'"
'

test_expect_success 'required options and either/or groups: one message each, with the usage line' '
	rota init >/dev/null &&
	expect_unchanged 64 rota person add cy --name Cy &&
	expect_err "rota: --email and --tz are required" &&
	expect_err "usage: rota person add HANDLE --name NAME --email EMAIL --tz ZONE" &&
	expect_err "                       [--office OFFICE] [--manager]" &&
	expect_unchanged 64 rota feed export --person ana --rotation ops &&
	expect_err "rota: feed export takes one of --person HANDLE or --rotation R" &&
	expect_unchanged 64 rota person set ana --manager --no-manager &&
	expect_err "rota: person set takes only one of --manager or --no-manager" &&
	expect_err "usage: rota person set HANDLE [--name NAME] [--email EMAIL] [--tz ZONE]" &&
	expect_err "                       [--office OFFICE|--no-office] [--manager|--no-manager]"
'

test_expect_success 'a command'"'"'s --help lists its options, aligned, from its table' '
	expect_status 0 rota feed export --help &&
	expect_out "  -o, --output FILE  write FILE (replaced whole, never half-written) instead of" &&
	expect_out "  --person HANDLE    HANDLE'"'"'s shifts, across every rotation" &&
	expect_status 0 rota schedule generate --help && expect_out "  -n, --dry-run" &&
	expect_status 0 rota --help && expect_out "  --db PATH                  the database" &&
	sed "/^$/,\$d" out >usage &&
	expect_file "usage: rota [--db PATH] [--config PATH] [--json] [--as HANDLE]
            [--color always|never|auto] [--progress always|never|auto]
            [--width N] [--wide] [--input-name NAME] COMMAND [ARGS]" usage
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

# rota runs now and next itself, linked without libical, libcurl and
# libxml2 (cli/cmd-table-quick.c), and starts rota-full for the rest.
test_expect_success 'rota starts quickly: no libical, libcurl or libxml2' '
	ldd "$ROTA_BIN" >libs &&
	grep -q libsqlite3 libs &&
	! grep -E "libical|libcurl|libxml2|libicu" libs &&
	ldd "$ROTA_BUILDDIR/rota-full" | grep -q libical
'

test_expect_success 'every other command runs in rota-full, with the same arguments' '
	rota init >/dev/null &&
	expect_status 0 rota --json --db other.db init && test -f other.db &&
	test "$(json "j[\"schema_version\"]")" = 14 &&
	expect_status 0 rota --help && expect_out "report monthly" &&
	expect_status 0 rota --db other.db now && expect_out "no rotations yet"
'

test_expect_success 'without rota-full, rota says so (71) and still answers now' '
	mkdir -p alone && cp "$ROTA_BIN" alone/rota &&
	rota init >/dev/null &&
	${ROTA_VALGRIND:-} alone/rota now >out 2>err && grep -q "no rotations yet" out &&
	{ ${ROTA_VALGRIND:-} alone/rota person list 2>err; test $? = 71; } &&
	grep -q "^rota: cannot run .*/libexec/rota/rota-full: No such file or directory" err
'

test_done
