#!/bin/sh
# The modes of the files rota makes (issues 23 and 22): the database and
# its -wal and -shm are its owner's only (0600), or a configured group's
# (0660); the feeds folder of publish may be passed, not listed (0711);
# feeds and reports follow the umask as any file a user writes; a
# rota.conf holding a secret is refused while others may read it. Each
# under the umasks 022, 077 and 002.
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib-swap.sh"
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib-users.sh"

# modes FILE...: "mode group" of each, one a line.
modes() {
	stat -c "%a %G" "$@"
}

test_expect_success 'a new database, its -wal and -shm are 0600 under every umask' '
	for m in 022 077 002 000; do
		rm -f rota.db rota.db-wal rota.db-shm &&
		(umask $m && rota init >/dev/null) &&
		test "$(stat -c %a rota.db rota.db-wal rota.db-shm | sort -u)" = 600 || return 1
	done &&
	(umask 000 && rota person add ana --name Ana --email ana@example.com --tz UTC >/dev/null) &&
	test "$(stat -c %a rota.db rota.db-wal rota.db-shm | sort -u)" = 600
'

test_expect_success 'an existing database keeps the mode its owner gave it' '
	rota init >/dev/null &&
	chmod 640 rota.db rota.db-wal rota.db-shm &&
	(umask 077 && rota person add ana --name Ana --email ana@example.com --tz UTC >/dev/null) &&
	test "$(stat -c %a rota.db rota.db-wal rota.db-shm | sort -u)" = 640
'

test_expect_success '[core] group: a new database, -wal and -shm are 0660 and the group'"'"'s' '
	printf "[core]\ngroup = nogroup\n" >rota.conf &&
	for m in 022 077; do
		rm -f rota.db rota.db-wal rota.db-shm &&
		(umask $m && rota --config rota.conf init >/dev/null) &&
		test "$(modes rota.db rota.db-wal rota.db-shm | sort -u)" = "660 nogroup" || return 1
	done &&
	rm rota.db-wal rota.db-shm &&
	rota --config rota.conf now >/dev/null &&
	test "$(modes rota.db rota.db-wal rota.db-shm | sort -u)" = "660 nogroup"
'

test_expect_success '[core] group that does not exist, or empty: 78 at its line, no database' '
	printf "[core]\ngroup = no-such-group-here\n" >rota.conf &&
	expect_status 78 rota --config rota.conf init &&
	expect_file "rota: rota.conf:2: [core] group: no group '"'"'no-such-group-here'"'"' on this system (see getent group)" err &&
	test ! -e rota.db &&
	printf "[core]\ngroup =\n" >rota.conf &&
	expect_status 78 rota --config rota.conf init &&
	expect_file "rota: rota.conf:2: [core] group is empty: name the group to share the database with, or remove the line (the database is then its owner'"'"'s only)" err &&
	test ! -e rota.db
'

test_expect_success_users '[core] group the user is not in: 77, and no database left behind' '
	chmod 777 . &&
	printf "[core]\ngroup = nogroup\n" >rota.conf && chmod 644 rota.conf &&
	expect_status 77 as_vol rota --config rota.conf init &&
	expect_file "rota: $PWD/rota.db: cannot give it to group nogroup: Operation not permitted (are you a member of it?)" err &&
	test ! -e rota.db
'

test_expect_success 'publish: a new folder 0711 (0700 under umask 077), its files by the umask' '
	schedule &&
	for m in 022 077 002; do
		rm -rf feeds &&
		(umask $m && rota publish --dir feeds >/dev/null) &&
		case $m in
		022) want="711 644" ;;
		077) want="700 600" ;;
		002) want="711 664" ;;
		esac &&
		test "$(stat -c %a feeds) $(stat -c %a feeds/* | sort -u)" = "$want" || return 1
	done &&
	chmod 640 feeds/ops.ics &&
	(umask 022 && rota publish --dir feeds >/dev/null) &&
	test "$(stat -c %a feeds/ops.ics)" = 640
'

test_expect_success 'report monthly -o, pay -o and feed export -o follow the umask; an existing file keeps its mode' '
	schedule &&
	for m in 022 077 002; do
		rm -f r.csv p.csv ops.ics &&
		(umask $m && rota report monthly 2027-01 --format csv -o r.csv >/dev/null &&
		 rota pay 2027-01 --format csv -o p.csv >/dev/null &&
		 rota feed export --rotation ops -o ops.ics >/dev/null) &&
		case $m in
		022) want=644 ;;
		077) want=600 ;;
		002) want=664 ;;
		esac &&
		test "$(stat -c %a r.csv p.csv ops.ics | sort -u)" = "$want" || return 1
	done &&
	chmod 640 r.csv &&
	(umask 000 && rota report monthly 2027-01 --format csv -o r.csv >/dev/null) &&
	test "$(stat -c %a r.csv)" = 640
'

test_expect_success 'a rota.conf holding webhook_url is refused while others may read it: 78 with the chmod' '
	schedule &&
	printf "[notify]\nwebhook = yes\nwebhook_url = https://hooks.example.com/T0/B0/SECRETTOKEN\n" >rota.conf &&
	for m in 644 640 604 660; do
		chmod $m rota.conf &&
		expect_unchanged 78 rota --config rota.conf now &&
		expect_file "rota: rota.conf:3: [notify] webhook_url is a secret, but rota.conf may be read by others (mode 0$m): chmod 600 rota.conf (or set \$ROTA_WEBHOOK_URL instead)" err &&
		! grep -q SECRETTOKEN err || return 1
	done &&
	chmod 600 rota.conf &&
	expect_status 0 rota --config rota.conf now &&
	chmod 400 rota.conf &&
	expect_status 0 rota --config rota.conf notify --dry-run
'

test_expect_success 'a rota.conf without a secret may be read by anyone' '
	rota init >/dev/null &&
	printf "[notify]\nwebhook = yes\nwebhook_url =\n\n[feed]\nbase_url = https://oncall.example.com/feeds/\n" >rota.conf &&
	chmod 644 rota.conf &&
	expect_status 0 rota --config rota.conf now &&
	expect_status 0 rota --config /dev/null now
'

test_done
