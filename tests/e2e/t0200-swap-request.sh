#!/bin/sh
# rota swap request: the owner of a shift asks for a swap.
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib-swap.sh"

test_expect_success 'the owner asks a named person' '
	schedule &&
	expect_status 0 rota --as ana swap request 1 --with dee &&
	expect_file "Swap request:            1
Shift:                   1
Rotation:                ops
Start:                   Mon 2027-01-04 10:00 Europe/Dublin
End:                     Mon 2027-01-11 10:00 Europe/Dublin
From:                    ana
To:                      dee
Now held by:             ana
State:                   open
Decided by:              -" out &&
	test "$(swap_state 1)" = "open|-" &&
	test "$(owner 1)" = "ana|generated|0" &&
	test "$(audit_of swap.request)" = \
		"root as ana|swap 1|-|{\"id\":1,\"shift\":1,\"from\":\"ana\",\"to\":\"dee\",\"state\":\"open\",\"decided_by\":null,\"start\":\"2027-01-04T10:00:00Z\",\"end\":\"2027-01-11T10:00:00Z\"}"
'

test_expect_success 'a shift named by a day inside it, open to anyone, in JSON' '
	schedule &&
	expect_status 0 rota --as ana --json swap request 2027-02-02 &&
	test "$(json "j[\"id\"], j[\"shift\"], j[\"start\"], j[\"end\"], j[\"from\"], j[\"to\"], j[\"state\"]")" = \
		"1 5 2027-02-01T10:00:00Z 2027-02-08T10:00:00Z ana None open" &&
	expect_status 0 rota --as ana swap request 1 &&
	expect_out "To:                      anyone in the term"
'

test_expect_success 'unknown shifts and bad dates are refused and change nothing' '
	schedule &&
	expect_unchanged 65 rota --as ana swap request 99 &&
	expect_err "rota: no shift 99 (see rota schedule show)" &&
	expect_unchanged 65 rota --as ana swap request 2027-06-01 &&
	expect_err "rota: you (ana) hold no shift on 2027-06-01 (see rota next)" &&
	expect_unchanged 64 rota --as ana swap request 2027-13-01 &&
	expect_err "bad date" &&
	expect_unchanged 64 rota --as ana swap request &&
	expect_err "usage: rota swap request SHIFT|DATE [--with HANDLE]" &&
	expect_unchanged 64 rota --as ana swap request 1 --bogus &&
	expect_err "unknown option"
'

test_expect_success 'only the owner may ask' '
	schedule &&
	expect_unchanged 77 rota --as bo swap request 1 --with dee &&
	expect_err "rota: shift 1 is ana'"'"'s, not yours (bo): only its owner may ask for a swap" &&
	expect_unchanged 77 rota --as mo swap request 1 &&
	expect_unchanged 77 rota swap request 1 &&
	expect_err "not a person in rota"
'

test_expect_success 'a shift in progress is asked for from now; one that has ended is refused' '
	schedule &&
	ROTA_NOW=2027-03-01T00:00:00Z expect_unchanged 65 rota --as ana swap request 1 &&
	expect_err "rota: swap request: shift 1 has ended: the past is not rewritten" &&
	ROTA_NOW=2027-01-05T00:00:20Z expect_status 0 rota --json --as ana swap request 1 &&
	test "$(json "j[\"start\"], j[\"end\"], j[\"state\"]")" = \
		"2027-01-05T00:01:00Z 2027-01-11T10:00:00Z open"
'

test_expect_success 'the person named must exist and be able to take it' '
	schedule &&
	rota leave add dee 2027-01-05 2027-01-06 >/dev/null &&
	expect_unchanged 65 rota --as ana swap request 1 --with nobody &&
	expect_err "rota: unknown person '"'"'nobody'"'"' (see rota person list)" &&
	expect_unchanged 65 rota --as ana swap request 1 --with zed &&
	expect_err "rota: zed cannot take shift 1: not a member of term h1 at that time" &&
	expect_unchanged 65 rota --as ana swap request 1 --with bo &&
	expect_err "rota: bo cannot take shift 1: breaks the minimum gap of 1 shift(s) off: already on call from Mon 2027-01-11 10:00 Europe/Dublin (shift 2)" &&
	expect_unchanged 65 rota --as ana swap request 1 --with dee &&
	expect_err "rota: dee cannot take shift 1: on leave from Tue 2027-01-05 to Wed 2027-01-06 Europe/Dublin (leave 1)" &&
	expect_unchanged 65 rota --as ana swap request 1 --with ana &&
	expect_err "rota: shift 1 is already yours"
'

test_expect_success 'one open request per shift' '
	schedule &&
	rota --as ana swap request 1 --with dee >/dev/null &&
	expect_unchanged 65 rota --as ana swap request 1 --with cy &&
	expect_err "rota: shift 1 already has an open swap request (1): cancel it first with rota swap cancel 1" &&
	rota --as ana swap cancel 1 >/dev/null &&
	expect_status 0 rota --as ana swap request 1 --with cy &&
	expect_out "Swap request:            2"
'

test_expect_success 'swap request --help' '
	expect_status 0 rota swap request --help &&
	expect_out "usage: rota swap request SHIFT|DATE [--with HANDLE]"
'

test_done
