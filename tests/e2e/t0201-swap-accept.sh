#!/bin/sh
# rota swap accept: the person asked (or any member) takes the shift.
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib-swap.sh"

test_expect_success 'the person asked accepts: the shift is theirs, marked as a swap' '
	schedule &&
	rota --as ana swap request 1 --with dee >/dev/null &&
	expect_status 0 rota --as dee swap accept 1 &&
	expect_file "Swap request:            1
Shift:                   1
Rotation:                ops
Start:                   Mon 2027-01-04 10:00 Europe/Dublin
End:                     Mon 2027-01-11 10:00 Europe/Dublin
From:                    ana
To:                      dee
Now held by:             dee
State:                   accepted
Decided by:              dee" out &&
	test "$(owner 1)" = "dee|swap|1" &&
	test "$(swap_state 1)" = "accepted|dee" &&
	test "$(audit_of swap.accept)" = "root as dee|shift 1|{\"id\":1,\"rotation\":\"ops\",\"tier\":\"primary\",\"person\":\"ana\",\"start\":\"2027-01-04T10:00:00Z\",\"end\":\"2027-01-11T10:00:00Z\",\"origin\":\"generated\"}|{\"id\":1,\"rotation\":\"ops\",\"tier\":\"primary\",\"person\":\"dee\",\"start\":\"2027-01-04T10:00:00Z\",\"end\":\"2027-01-11T10:00:00Z\",\"origin\":\"swap\",\"swap\":1}"
'

test_expect_success 'any member of the term accepts a request open to anyone, in JSON' '
	schedule &&
	rota --as ana swap request 1 >/dev/null &&
	expect_status 0 rota --as cy --json swap accept 1 &&
	test "$(json "j[\"state\"], j[\"decided_by\"], j[\"holder\"], j[\"to\"]")" = "accepted cy cy None" &&
	test "$(owner 1)" = "cy|swap|1"
'

test_expect_success 'someone else than the person asked is refused' '
	schedule &&
	rota --as ana swap request 1 --with dee >/dev/null &&
	expect_unchanged 77 rota --as cy swap accept 1 &&
	expect_err "rota: swap request 1 asks dee, not you (cy): only dee may accept it" &&
	expect_unchanged 77 rota --as mo swap accept 1 &&
	expect_unchanged 77 rota swap accept 1 &&
	expect_err "not a person in rota"
'

test_expect_success 'a request open to anyone: members only, not the requester' '
	schedule &&
	rota --as ana swap request 1 >/dev/null &&
	expect_unchanged 77 rota --as zed swap accept 1 &&
	expect_err "rota: swap request 1 is open to members of term h1, and you (zed) are not one" &&
	expect_unchanged 77 rota --as ana swap accept 1 &&
	expect_err "rota: swap request 1 is your own: you may cancel it (rota swap cancel 1), not accept it"
'

test_expect_success 'accepting is refused when it breaks a hard rule, saying which' '
	schedule &&
	rota leave add dee 2027-01-05 2027-01-06 >/dev/null &&
	rota --as ana swap request 1 >/dev/null &&
	expect_unchanged 65 rota --as dee swap accept 1 &&
	expect_file "rota: dee cannot take shift 1: on leave from Tue 2027-01-05 to Wed 2027-01-06 Europe/Dublin (leave 1)" err &&
	expect_unchanged 65 rota --as bo swap accept 1 &&
	expect_file "rota: bo cannot take shift 1: breaks the minimum gap of 1 shift(s) off: already on call from Mon 2027-01-11 10:00 Europe/Dublin (shift 2)" err &&
	test "$(swap_state 1)" = "open|-"
'

test_expect_success 'leave recorded after the request still counts' '
	schedule &&
	rota --as ana swap request 1 --with dee >/dev/null &&
	rota leave add dee 2027-01-10 2027-01-10 >/dev/null &&
	expect_unchanged 65 rota --as dee swap accept 1 &&
	expect_err "rota: dee cannot take shift 1: on leave Sun 2027-01-10 Europe/Dublin (leave 1)"
'

test_expect_success 'a closed or unknown request cannot be accepted' '
	schedule &&
	rota --as ana swap request 1 >/dev/null &&
	rota --as dee swap accept 1 >/dev/null &&
	expect_unchanged 65 rota --as cy swap accept 1 &&
	expect_err "rota: swap request 1 is no longer open (accepted by dee)" &&
	rota --as bo swap request 2 >/dev/null &&
	rota --as bo swap cancel 2 >/dev/null &&
	expect_unchanged 65 rota --as dee swap accept 2 &&
	expect_err "rota: swap request 2 is no longer open (cancelled by bo)" &&
	expect_unchanged 65 rota --as dee swap accept 9 &&
	expect_err "rota: unknown swap request 9 (see rota swap list)" &&
	expect_unchanged 64 rota --as dee swap accept x &&
	expect_err "is not an id"
'

test_expect_success 'a shift that started meanwhile: the rest of it changes hands, the hour worked stays' '
	schedule &&
	rota --as ana swap request 1 --with dee >/dev/null &&
	ROTA_NOW=2027-01-04T11:00:30Z expect_status 0 rota --json --as dee swap accept 1 &&
	test "$(json "j[\"start\"], j[\"holder\"], j[\"state\"]")" = "2027-01-04T10:00:00Z dee accepted" &&
	test "$(sqlite3 rota.db "SELECT p.handle, datetime(s.start_at, '\''unixepoch'\''),
		datetime(s.end_at, '\''unixepoch'\''), s.origin FROM shifts s
		JOIN persons p ON p.id = s.person_id WHERE s.slot = 0 AND s.rotation_id = 1
		AND s.cancelled_at IS NULL ORDER BY s.start_at")" = "ana|2027-01-04 10:00:00|2027-01-04 11:01:00|generated
dee|2027-01-04 11:01:00|2027-01-11 10:00:00|swap" &&
	ROTA_NOW=2027-01-12T00:00:00Z expect_unchanged 65 rota --as dee swap accept 1 &&
	expect_err "swap request 1 is no longer open"
'

test_expect_success 'two members accept at once: exactly one wins' '
	schedule &&
	rota --as ana swap request 1 >/dev/null &&
	accept() {
		rota --as $1 swap accept 1 >$1.out 2>$1.err
		echo $? >$1.rc
	} &&
	test_bg accept cy && test_bg accept dee &&
	test_wait_for 60 "both accepts to finish" test -s cy.rc -a -s dee.rc &&
	cat cy.rc dee.rc cy.err dee.err &&
	test "$(cat cy.rc dee.rc | sort | tr "\n" " ")" = "0 65 " &&
	if test "$(cat cy.rc)" = 0; then winner=cy loser=dee; else winner=dee loser=cy; fi &&
	grep -F "rota: swap request 1 is no longer open" $loser.err &&
	test ! -s $loser.out &&
	test "$(owner 1)" = "$winner|swap|1" &&
	test "$(swap_state 1)" = "accepted|$winner" &&
	test "$(sqlite3 rota.db "SELECT count(*) FROM audit_events WHERE action = '"'"'swap.accept'"'"'")" = 1
'

test_expect_success 'an override cancels the open requests of the shift' '
	schedule &&
	rota --as ana swap request 1 --with dee >/dev/null &&
	rota --as dee swap accept 1 >/dev/null &&
	expect_status 0 rota --as dee swap request 1 --with cy &&
	rota --as mo override 1 cy >/dev/null &&
	test "$(swap_state 2)" = "cancelled|-" &&
	test "$(owner 1)" = "cy|override|2"
'

test_done
