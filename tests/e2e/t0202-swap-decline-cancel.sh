#!/bin/sh
# rota swap decline and cancel: saying no, and taking a request back.
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib-swap.sh"

test_expect_success 'the person asked declines: the shift stays with its owner' '
	schedule &&
	rota --as ana swap request 1 --with dee >/dev/null &&
	expect_status 0 rota --as dee swap decline 1 &&
	expect_file "Swap request:            1
Shift:                   1
Rotation:                ops
Start:                   Mon 2027-01-04 10:00 Europe/Dublin
End:                     Mon 2027-01-11 10:00 Europe/Dublin
From:                    ana
To:                      dee
Now held by:             ana
State:                   declined
Decided by:              dee" out &&
	test "$(owner 1)" = "ana|generated|0" &&
	test "$(swap_state 1)" = "declined|dee" &&
	test "$(audit_of swap.decline)" = "root as dee|swap 1|{\"id\":1,\"shift\":1,\"from\":\"ana\",\"to\":\"dee\",\"state\":\"open\",\"decided_by\":null,\"start\":\"2027-01-04T10:00:00Z\",\"end\":\"2027-01-11T10:00:00Z\"}|{\"id\":1,\"shift\":1,\"from\":\"ana\",\"to\":\"dee\",\"state\":\"declined\",\"decided_by\":\"dee\",\"start\":\"2027-01-04T10:00:00Z\",\"end\":\"2027-01-11T10:00:00Z\"}"
'

test_expect_success 'a stranger cannot decline' '
	schedule &&
	rota --as ana swap request 1 --with dee >/dev/null &&
	expect_unchanged 77 rota --as cy swap decline 1 &&
	expect_err "rota: swap request 1 asks dee, not you (cy): only dee may decline it" &&
	expect_unchanged 77 rota --as ana swap decline 1 &&
	rota --as bo swap request 2 >/dev/null &&
	expect_unchanged 77 rota --as zed swap decline 2 &&
	expect_err "rota: swap request 2 is open to members of term h1, and you (zed) are not one" &&
	expect_unchanged 77 rota --as bo swap decline 2 &&
	expect_err "is your own"
'

test_expect_success 'a member declines a request open to anyone: it stays open to the others, in JSON' '
	schedule &&
	rota --as ana swap request 1 >/dev/null &&
	expect_status 0 rota --json --as cy swap decline 1 &&
	test "$(json "j[\"state\"], j[\"decided_by\"], j[\"holder\"]")" = "open None ana" &&
	test "$(swap_state 1)" = "open|-" &&
	rota --as cy swap list >out && ! grep -q "^1 " out &&
	rota --as bo swap list >out && grep -q "^1 " out &&
	test "$(audit_of swap.decline | cut -d"|" -f1,2)" = "root as cy|swap 1" &&
	expect_status 0 rota --as bo swap decline 1 &&
	test "$(swap_state 1)" = "open|-" &&
	expect_status 0 rota --as cy swap decline 1 &&
	test "$(swap_state 1)" = "open|-" &&
	expect_status 0 rota --as dee swap decline 1 &&
	test "$(swap_state 1)" = "declined|dee" &&
	test "$(owner 1)" = "ana|generated|0"
'

test_expect_success 'the owner may still cancel a request someone declined' '
	schedule &&
	rota --as ana swap request 1 >/dev/null &&
	rota --as cy swap decline 1 >/dev/null &&
	expect_status 0 rota --as ana swap cancel 1 &&
	test "$(swap_state 1)" = "cancelled|ana" &&
	expect_unchanged 65 rota --as dee swap accept 1 &&
	expect_err "swap request 1 is no longer open (cancelled by ana)"
'

test_expect_success 'the owner cancels' '
	schedule &&
	rota --as ana swap request 1 --with dee >/dev/null &&
	expect_status 0 rota --as ana swap cancel 1 &&
	expect_out "State:                   cancelled" &&
	expect_out "Decided by:              ana" &&
	test "$(swap_state 1)" = "cancelled|ana" &&
	test "$(audit_of swap.cancel | cut -d"|" -f1,2)" = "root as ana|swap 1"
'

test_expect_success 'only the owner may cancel' '
	schedule &&
	rota --as ana swap request 1 --with dee >/dev/null &&
	expect_unchanged 77 rota --as dee swap cancel 1 &&
	expect_err "rota: swap request 1 is ana'"'"'s, not yours (dee): only ana may cancel it" &&
	expect_unchanged 77 rota --as mo swap cancel 1 &&
	expect_unchanged 77 rota swap cancel 1
'

test_expect_success 'a closed or unknown request cannot be declined or cancelled' '
	schedule &&
	rota --as ana swap request 1 --with dee >/dev/null &&
	rota --as dee swap decline 1 >/dev/null &&
	expect_unchanged 65 rota --as dee swap decline 1 &&
	expect_err "rota: swap request 1 is no longer open (declined by dee)" &&
	expect_unchanged 65 rota --as ana swap cancel 1 &&
	expect_err "rota: swap request 1 is no longer open (declined by dee)" &&
	expect_unchanged 65 rota --as ana swap cancel 7 &&
	expect_err "rota: unknown swap request 7 (see rota swap list)" &&
	expect_unchanged 65 rota --as dee swap decline 7 &&
	expect_unchanged 64 rota --as ana swap cancel &&
	expect_err "usage: rota swap cancel ID"
'

test_done
