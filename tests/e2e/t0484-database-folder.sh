#!/bin/sh
# A database whose folder does not exist is a mistyped path: every command
# but rota init exits 66 naming the folder and creates nothing; init
# creates the folders. The default database (no --db, ROTA_DB or [core]
# database) is made by rota init on first use; before that, every other
# command says to run it.
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"

# nothing_made: the current folder holds only what the test made.
nothing_made() {
	ls -A | grep -v -x -e out -e err -e expected -e home -e made -e log -e pids -e chain-lint.log >made
	test ! -s made
}

test_expect_success '--db in a folder that does not exist: 66 naming the folder, nothing created' '
	expect_status 66 rota --db nowhere/dir/x.db now &&
	expect_file "rota: nowhere/dir/x.db: the database'"'"'s folder nowhere/dir does not exist; check the path, or create the database with rota init" err &&
	test ! -s out &&
	expect_status 66 rota --db /nonexistent/dir/x.db person add ana --name Ana \
		--email ana@example.com --tz UTC &&
	expect_file "rota: /nonexistent/dir/x.db: the database'"'"'s folder /nonexistent/dir does not exist; check the path, or create the database with rota init" err &&
	test ! -e /nonexistent &&
	ROTA_DB=$PWD/gone/rota.db expect_status 66 rota person list &&
	expect_err "the database'"'"'s folder $PWD/gone does not exist" &&
	nothing_made
'

test_expect_success 'a file where the folder should be: 66, the file untouched' '
	echo keep >plain &&
	expect_status 66 rota --db plain/x.db now &&
	expect_file "rota: plain/x.db: the database'"'"'s folder plain is not a folder; check the path" err &&
	expect_status 73 rota --db plain/sub/x.db init &&
	expect_file "rota: plain/sub: cannot create folder: Not a directory" err &&
	test "$(cat plain)" = keep
'

test_expect_success 'a [core] database in a missing folder is refused as --db is' '
	printf "[core]\ndatabase = %s/cfg/rota.db\n" "$PWD" >rota.conf &&
	unset ROTA_DB &&
	expect_status 66 rota --config rota.conf person list &&
	expect_file "rota: $PWD/cfg/rota.db: the database'"'"'s folder $PWD/cfg does not exist; check the path, or create the database with rota init" err &&
	test ! -e cfg &&
	expect_status 0 rota --config rota.conf init &&
	test -f cfg/rota.db &&
	expect_status 0 rota --config rota.conf person list
'

test_expect_success 'init creates the folders; then every command opens the database' '
	expect_status 0 rota --db new/dir/x.db init &&
	test -f new/dir/x.db &&
	expect_status 0 rota --db new/dir/x.db person add ana --name Ana \
		--email ana@example.com --tz UTC &&
	expect_status 0 rota --db new/dir/x.db person list &&
	expect_out ana
'

test_expect_success 'a missing file in a folder that exists is created, as before' '
	expect_status 0 rota --db here.db person list &&
	test -f here.db
'

test_expect_success 'the default database: every command but init says to run rota init first' '
	unset ROTA_DB &&
	expect_status 66 rota now &&
	expect_file "rota: no database yet at $HOME/.local/share/rota/rota.db: create it with rota init (or say where it is with --db or ROTA_DB)" err &&
	test ! -s out &&
	expect_status 66 rota person add ana --name Ana --email ana@example.com --tz UTC &&
	expect_err "no database yet at $HOME/.local/share/rota/rota.db" &&
	test ! -e "$HOME/.local" &&
	XDG_DATA_HOME=$PWD/xdg expect_status 66 rota person list &&
	expect_file "rota: no database yet at $PWD/xdg/rota/rota.db: create it with rota init (or say where it is with --db or ROTA_DB)" err &&
	test ! -e xdg &&
	expect_status 0 rota completion names handle &&
	test ! -s out &&
	expect_status 0 rota init &&
	expect_out "Database:                $HOME/.local/share/rota/rota.db" &&
	test "$(stat -c %a "$HOME/.local/share/rota")" = 700 &&
	expect_status 0 rota person add ana --name Ana --email ana@example.com --tz UTC &&
	expect_status 0 rota person list &&
	expect_out ana
'

test_done
