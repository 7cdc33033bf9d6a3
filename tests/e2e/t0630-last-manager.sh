#!/bin/sh
# The team keeps a manager (issue 23): the last one can be neither
# demoted nor removed, or every local user, even one who is no person in
# rota, would become privileged (cli/actor.c: nobody a manager yet means
# a team being set up).
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib-swap.sh"
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib-users.sh"

# two_people: cy the only manager, ana a volunteer.
two_people() {
	rota person add cy --name Cy --email cy@example.com --tz UTC --manager >/dev/null &&
	rota person add ana --name Ana --email ana@example.com --tz UTC >/dev/null
}

test_expect_success 'the last manager cannot be demoted: 65 saying why, nothing changed' '
	two_people &&
	expect_unchanged 65 rota person set cy --no-manager &&
	expect_file "rota: cy is the last manager; make someone else a manager first" err &&
	test ! -s out &&
	expect_unchanged 65 rota person set cy --name "Cy Boss" --no-manager &&
	expect_file "rota: cy is the last manager; make someone else a manager first" err &&
	test "$(sqlite3 rota.db "SELECT name, is_manager FROM persons WHERE handle = '"'"'cy'"'"'")" = "Cy|1"
'

test_expect_success 'the last manager cannot be removed: 65 saying why, nothing changed' '
	two_people &&
	expect_unchanged 65 rota person remove cy &&
	expect_file "rota: cy is the last manager; make someone else a manager first" err &&
	test ! -s out
'

test_expect_success 'with a second manager either may be demoted, then the other is the last' '
	two_people &&
	expect_status 0 rota person set ana --manager &&
	expect_status 0 rota person set cy --no-manager &&
	test "$(sqlite3 rota.db "SELECT handle FROM persons WHERE is_manager")" = ana &&
	expect_unchanged 65 rota person set ana --no-manager &&
	expect_file "rota: ana is the last manager; make someone else a manager first" err &&
	expect_status 0 rota person set cy --manager &&
	expect_status 0 rota person remove ana &&
	test "$(sqlite3 rota.db "SELECT handle FROM persons WHERE is_manager AND removed_at IS NULL")" = cy
'

test_expect_success 'a manager may keep their flag, and set --manager again, as the last manager' '
	two_people &&
	expect_status 0 rota person set cy --manager --name "Cy Chief" &&
	expect_status 0 rota person set cy --tz Europe/Dublin &&
	test "$(sqlite3 rota.db "SELECT name, tz, is_manager FROM persons WHERE handle = '"'"'cy'"'"'")" = "Cy Chief|Europe/Dublin|1"
'

test_expect_success 'a volunteer may still be removed and demoted as before' '
	two_people &&
	expect_status 0 rota person set ana --no-manager &&
	expect_status 0 rota person remove ana &&
	test "$(sqlite3 rota.db "SELECT count(*) FROM persons WHERE removed_at IS NULL")" = 1
'

test_expect_success_users 'the last manager, as themselves, cannot step down; everyone stays unprivileged' '
	perm_team &&
	expect_unchanged 65 as_mgr rota person set $MGR --no-manager &&
	expect_file "rota: $MGR is the last manager; make someone else a manager first" err &&
	expect_unchanged 65 as_mgr rota person remove $MGR &&
	expect_file "rota: $MGR is the last manager; make someone else a manager first" err &&
	expect_unchanged 77 as_out rota person add $OUT --name Out --email out@example.com --tz UTC &&
	expect_file "rota: person add: managers only (you are $OUT)" err
'

test_done
