#!/bin/sh
# [core] group shares the database with a group of OS users, for real
# (lib-users.sh; needs root, as CI runs): rota-t-mgr owns the database,
# rota-t-vol is a member of the group rota-t-share and not the owner,
# rota-t-out is neither. The -wal and -shm files are the group's, 0660,
# whoever makes them first: sqlite makes them with the database's mode
# but its creator's own group (users, which rota-t-out is in too), and
# rota gives them to the group. Whoever is not in the group cannot open
# the database at all, and is told why.
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib-swap.sh"
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib-users.sh"

GRP=rota-t-share
[ -n "$perm_skip" ] || make_group $GRP $MGR $VOL || perm_skip="could not make the group $GRP"

# shared: the folder ./shared as an operator makes it for a team (the
# owner's and the group's, 0770), rota.conf naming the group, and the
# database made in it by its owner, $MGR, with $VOL a person in it.
# Fails, saying why, when the OS users cannot be had.
shared() {
	if [ -n "$perm_skip" ]; then
		echo "$perm_skip" && return 1
	fi &&
	mkdir shared && chown $MGR:$GRP shared && chmod 770 shared &&
	printf "[core]\ngroup = %s\n" $GRP >rota.conf &&
	export ROTA_CONFIG="$PWD/rota.conf" ROTA_DB="$PWD/shared/rota.db" &&
	as_mgr rota init >/dev/null &&
	as_mgr rota person add $VOL --name Val --email val@example.com --tz UTC >/dev/null
}

# modes FILE...: "mode owner group" of each, one a line.
modes() {
	stat -c "%a %U %G" "$@"
}

# as_os USER CMD...: CMD (not rota) as the OS user USER.
as_os() {
	local user=$1
	shift
	setpriv --reuid="$user" --regid="$(id -g "$user")" --init-groups "$@"
}

test_expect_success 'the owner makes the database: it, its -wal and -shm are 0660 and the group'"'"'s' '
	shared &&
	test "$(modes shared/rota.db shared/rota.db-wal shared/rota.db-shm | sort -u)" = "660 $MGR $GRP"
'

test_expect_success 'a member who is not the owner makes the -wal and -shm: they are the group'"'"'s, 0660' '
	shared &&
	as_os $MGR sh -c "umask 077 && sqlite3 shared/rota.db \".backup shared/backup.db\"" &&
	test ! -e shared/rota.db-wal && test ! -e shared/rota.db-shm &&
	test "$(id -gn $VOL)" != $GRP &&
	expect_status 0 as_vol rota leave add 2027-03-01 2027-03-02 &&
	test "$(modes shared/rota.db-wal shared/rota.db-shm)" = "660 $VOL $GRP
660 $VOL $GRP" &&
	test "$(modes shared/rota.db)" = "660 $MGR $GRP" &&
	expect_status 0 as_mgr rota leave list $VOL &&
	expect_out "2027-03-01" &&
	expect_status 0 as_vol rota leave add 2027-04-01 2027-04-02 &&
	test "$(sqlite3 shared/rota.db "SELECT count(*) FROM leave")" = 2
'

test_expect_success 'someone not in the group can open neither the database nor its -wal and -shm: 77, saying why, nothing changed' '
	shared &&
	as_os $MGR sh -c "umask 077 && sqlite3 shared/rota.db \".backup shared/backup.db\"" &&
	as_vol rota leave add 2027-03-01 2027-03-02 >/dev/null &&
	chmod 771 shared &&
	for f in rota.db rota.db-wal rota.db-shm; do
		test -e shared/$f &&
		! as_os $OUT cat shared/$f >/dev/null 2>err &&
		expect_err "Permission denied" || return 1
	done &&
	chmod 770 shared &&
	db_dump >before.sql &&
	expect_status 77 as_out rota person list &&
	expect_file "rota: $PWD/shared/rota.db: cannot open the database: Permission denied; it is shared with group $GRP ([core] group), which you are not in: ask an administrator to add you" err &&
	test ! -s out &&
	chmod 771 shared &&
	expect_status 77 as_out rota leave add 2027-05-01 2027-05-02 &&
	expect_file "rota: $PWD/shared/rota.db: cannot open the database: Permission denied; it is shared with group $GRP ([core] group), which you are not in: ask an administrator to add you" err &&
	expect_status 77 env ROTA_CONFIG=/dev/null setpriv --reuid=$OUT --regid="$(id -g $OUT)" \
		--init-groups "$ROTA_BIN" person list &&
	expect_file "rota: $PWD/shared/rota.db: cannot open the database: Permission denied; make the file and its folder writable by you" err &&
	db_dump >after.sql &&
	diff before.sql after.sql
'

test_done
