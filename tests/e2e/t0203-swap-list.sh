#!/bin/sh
# rota swap list: open requests to and from you; everyone's for managers.
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib-swap.sh"

# requests: 1 ana -> dee, 2 bo -> anyone, 3 cy -> ana, 4 dee -> bo (declined).
requests() {
	schedule &&
	rota --as ana swap request 1 --with dee >/dev/null &&
	rota --as bo swap request 2 >/dev/null &&
	rota --as cy swap request 3 --with ana >/dev/null &&
	rota --as dee swap request 4 --with bo >/dev/null &&
	rota --as bo swap decline 4 >/dev/null
}

test_expect_success 'a volunteer sees the open requests to and from them' '
	requests &&
	expect_status 0 rota --as ana swap list &&
	expect_file "ID  SHIFT  ROTATION  START                               FROM  TO                  STATE  DECIDED BY
3   3      ops       Mon 2027-01-18 10:00 Europe/Dublin  cy    ana                 open   -
2   2      ops       Mon 2027-01-11 10:00 Europe/Dublin  bo    anyone in the term  open   -
1   1      ops       Mon 2027-01-04 10:00 Europe/Dublin  ana   dee                 open   -" out
'

test_expect_success 'managers see every request; --all adds the closed ones' '
	requests &&
	expect_status 0 rota --as mo swap list &&
	test "$(cut -c1-3 out | tr -d " " | tr "\n" " ")" = "ID 3 2 1 " &&
	expect_status 0 rota --as mo swap list --all &&
	expect_out "4   4      ops       Mon 2027-01-25 10:00 Europe/Dublin  dee   bo                  declined  bo" &&
	expect_status 0 rota --as ana swap list --all &&
	test "$(cut -c1-3 out | tr -d " " | tr "\n" " ")" = "ID 3 2 1 "
'

test_expect_success 'someone with no requests is told so; JSON' '
	requests &&
	expect_status 0 rota --as zed swap list &&
	expect_file "No open swap requests to or from you." out &&
	expect_status 0 rota --as zed --json swap list &&
	test "$(json "len(j)")" = 0 &&
	expect_status 0 rota --as bo --json swap list --all &&
	test "$(json "[(w[\"id\"], w[\"from\"], w[\"to\"], w[\"state\"], w[\"decided_by\"]) for w in j]")" = \
		"[(4, '"'"'dee'"'"', '"'"'bo'"'"', '"'"'declined'"'"', '"'"'bo'"'"'), (2, '"'"'bo'"'"', None, '"'"'open'"'"', None)]" &&
	test "$(json "j[1][\"start\"], j[1][\"end\"], j[1][\"holder\"]")" = "2027-01-11T10:00:00Z 2027-01-18T10:00:00Z bo"
'

test_expect_success 'a swap state rota never writes: the database is damaged, exit 65' '
	requests &&
	sqlite3 "$ROTA_DB" "PRAGMA ignore_check_constraints = ON;
		UPDATE swaps SET state = '"'"'bogus'"'"' WHERE id = 2" &&
	expect_unchanged 65 rota --as mo swap list --all &&
	expect_err "swap 2 has an unknown state '"'"'bogus'"'"': the database is damaged" &&
	expect_err ".recover) or restore a backup" &&
	test ! -s out &&
	expect_unchanged 65 rota --as bo swap accept 2 &&
	expect_err "swap 2 has an unknown state '"'"'bogus'"'"'"
'

test_expect_success 'bad usage' '
	expect_status 64 rota swap list extra &&
	expect_err "usage: rota swap list [--all]" &&
	expect_status 64 rota swap list --open &&
	expect_err "unknown option"
'

test_done
