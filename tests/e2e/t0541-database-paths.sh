#!/bin/sh
# Where the database and the configuration are (issue 21): an empty
# database path is refused (sqlite would open a private temporary
# database and forget what was written), an unreadable configuration is
# never skipped, a folder is no configuration, and without HOME nothing
# says where the database is unless XDG_DATA_HOME, ROTA_DB or --db does:
# never a second database under the current folder.
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib-faults.sh"

# setup: a database with ana, and the listing of the current folder.
setup() {
	rota init >/dev/null &&
	rota person add ana --name Ana --email ana@example.com --tz UTC >/dev/null &&
	listing >ls.before
}

# listing: the current folder but the tests' own files and the
# database's (sqlite3 .dump removes its -wal and -shm files).
listing() {
	ls -A | grep -v -x -e out -e err -e expected -e before.sql -e after.sql \
		-e "ls\..*" -e "rota\.db-wal" -e "rota\.db-shm"
}

# same_folder: nothing was created in the current folder since setup.
same_folder() {
	listing >ls.after &&
	diff -u ls.before ls.after
}

test_expect_success '--db with an empty path exits 64 and writes nothing anywhere' '
	setup &&
	expect_unchanged 64 rota --db "" person add zed --name Zed --email zed@example.com --tz UTC &&
	expect_file "rota: --db: the database path is empty; give a file, as in --db ./rota.db" err &&
	test ! -s out &&
	same_folder &&
	expect_status 64 rota --db "" now &&
	expect_err "the database path is empty"
'

test_expect_success 'an empty [core] database exits 64 naming the file and line' '
	setup &&
	printf "[core]\ndatabase =\n" >rota.conf &&
	db_dump >before.sql &&
	expect_status 64 env -u ROTA_DB ROTA_CONFIG=rota.conf $ROTA person add zed \
		--name Zed --email zed@example.com --tz UTC &&
	expect_file "rota: rota.conf:2: [core] database is empty: give the database file'"'"'s path, or remove the line for the default" err &&
	db_dump >after.sql &&
	diff -u before.sql after.sql &&
	test ! -e home/.local &&
	rm rota.conf &&
	same_folder
'

test_expect_success 'an unreadable configuration exits 66, at its default place or named' '
	setup &&
	mkdir -p home/.config/rota &&
	printf "[report]\ntimezone = UTC\n" >home/.config/rota/rota.conf &&
	chmod 000 home/.config/rota/rota.conf &&
	db_dump >before.sql &&
	expect_status 66 perm_checked $ROTA person list &&
	expect_file "rota: $HOME/.config/rota/rota.conf: cannot read configuration: Permission denied; make it readable by you" err &&
	test ! -s out &&
	expect_status 66 perm_checked $ROTA \
		--config home/.config/rota/rota.conf person list &&
	expect_file "rota: home/.config/rota/rota.conf: cannot read configuration: Permission denied; make it readable by you" err &&
	chmod 600 home/.config/rota/rota.conf &&
	expect_status 0 perm_checked $ROTA person list &&
	db_dump >after.sql &&
	diff -u before.sql after.sql
'

test_expect_success 'a missing configuration named with --config exits 66; an absent default is no configuration' '
	setup &&
	expect_status 66 rota --config nothere.conf person list &&
	expect_file "rota: nothere.conf: cannot read configuration: No such file or directory" err &&
	expect_status 0 rota person list &&
	expect_out ana
'

test_expect_success 'a folder as the configuration exits 78, however it is named' '
	setup &&
	mkdir conf.d &&
	db_dump >before.sql &&
	expect_status 78 rota --config conf.d person list &&
	expect_file "rota: conf.d: the configuration is not a file but a folder; name a file with --config or ROTA_CONFIG" err &&
	ROTA_CONFIG=conf.d expect_status 78 rota person list &&
	expect_err "rota: conf.d: the configuration is not a file but a folder" &&
	mkdir -p home/.config/rota/rota.conf &&
	expect_status 78 rota person list &&
	expect_err "rota: $HOME/.config/rota/rota.conf: the configuration is not a file but a folder" &&
	db_dump >after.sql &&
	diff -u before.sql after.sql
'

test_expect_success '/dev/null reads as an empty configuration' '
	setup &&
	expect_status 0 rota --config /dev/null person list &&
	expect_out ana
'

test_expect_success 'without HOME, and nothing else saying where, rota exits 78 and creates nothing' '
	setup &&
	expect_status 78 env -u ROTA_DB -u HOME $ROTA person add zed --name Zed \
		--email zed@example.com --tz UTC &&
	expect_file "rota: HOME is not set: set HOME to your home folder, or say where the database is with XDG_DATA_HOME, ROTA_DB or --db" err &&
	expect_status 78 env -u ROTA_DB HOME= $ROTA person list &&
	expect_file "rota: HOME is empty: set HOME to your home folder, or say where the database is with XDG_DATA_HOME, ROTA_DB or --db" err &&
	expect_status 78 env -u ROTA_DB HOME=$PWD/nowhere $ROTA now &&
	expect_file "rota: HOME '"'"'$PWD/nowhere'"'"' is not a folder: set HOME to your home folder, or say where the database is with XDG_DATA_HOME, ROTA_DB or --db" err &&
	expect_status 78 env -u ROTA_DB HOME=$PWD/ls.before $ROTA person list &&
	expect_err "is not a folder" &&
	same_folder &&
	test ! -e nowhere
'

test_expect_success 'without HOME, XDG_DATA_HOME, ROTA_DB or --db say where the database is' '
	setup &&
	expect_status 0 env -u ROTA_DB -u HOME XDG_DATA_HOME=$PWD/data $ROTA init &&
	test -f data/rota/rota.db &&
	expect_status 0 env -u ROTA_DB -u HOME $ROTA --db rota.db person list &&
	expect_out ana &&
	expect_status 0 env -u HOME $ROTA person list &&
	expect_out ana &&
	expect_status 0 env -u ROTA_DB -u HOME $ROTA completion bash &&
	expect_out "complete -F"
'

test_done
