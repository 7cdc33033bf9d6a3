#!/bin/sh
# rota override: a manager gives a shift to someone directly.
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib-swap.sh"

test_expect_success 'a manager overrides: the shift is marked and audited' '
	schedule &&
	expect_status 0 rota --as mo override 1 dee &&
	expect_file "Shift:                   1
Rotation:                ops
Tier:                    primary
Person:                  dee
Start:                   Mon 2027-01-04 10:00 Europe/Dublin
End:                     Mon 2027-01-11 10:00 Europe/Dublin
Origin:                  override" out &&
	test "$(owner 1)" = "dee|override|1" &&
	test "$(audit_of shift.override)" = "root as mo|shift 1|{\"id\":1,\"rotation\":\"ops\",\"tier\":\"primary\",\"person\":\"ana\",\"start\":\"2027-01-04T10:00:00Z\",\"end\":\"2027-01-11T10:00:00Z\",\"origin\":\"generated\"}|{\"id\":1,\"rotation\":\"ops\",\"tier\":\"primary\",\"person\":\"dee\",\"start\":\"2027-01-04T10:00:00Z\",\"end\":\"2027-01-11T10:00:00Z\",\"origin\":\"override\"}"
'

test_expect_success 'root overrides, in JSON; a time names a shift when only one is in force' '
	schedule &&
	expect_unchanged 65 rota --json override 2027-01-20T12:00Z ana &&
	expect_err "rota: 2 shifts are in force at 2027-01-20T12:00Z: name one by its id" &&
	expect_status 0 rota --json override 3 ana &&
	test "$(json "j[\"id\"], j[\"person\"], j[\"origin\"], j[\"start\"]")" = "3 ana override 2027-01-18T10:00:00Z" &&
	test "$(audit_of shift.override | cut -d"|" -f1,2)" = "root|shift 3"
'

test_expect_success 'volunteers may not override' '
	schedule &&
	expect_unchanged 77 rota --as ana override 1 dee &&
	expect_err "rota: override: managers only (you are root as ana)" &&
	expect_unchanged 77 rota --as dee override 1 dee
'

test_expect_success 'a hard rule broken is refused, unless --force, which is audited' '
	schedule &&
	rota leave add dee 2027-01-05 2027-01-06 >/dev/null &&
	expect_unchanged 65 rota --as mo override 1 dee &&
	expect_file "rota: dee cannot take shift 1: on leave from Tue 2027-01-05 to Wed 2027-01-06 Europe/Dublin (leave 1) (use --force to override anyway)" err &&
	expect_unchanged 65 rota --as mo override 7 ana &&
	expect_err "rota: ana cannot take shift 7: not a member of term e1 at that time" &&
	expect_status 0 rota --as mo override 1 dee --force &&
	expect_file "rota: warning: dee takes shift 1 although on leave from Tue 2027-01-05 to Wed 2027-01-06 Europe/Dublin (leave 1)" err &&
	test "$(owner 1)" = "dee|override|1" &&
	sqlite3 rota.db "SELECT after FROM audit_events WHERE action = '"'"'shift.override'"'"'" >after.json &&
	grep -F "\"forced\":\"on leave from Tue 2027-01-05 to Wed 2027-01-06 Europe/Dublin (leave 1)\"" after.json
'

test_expect_success 'bad input changes nothing' '
	schedule &&
	expect_unchanged 65 rota --as mo override 1 nobody &&
	expect_err "rota: unknown person '"'"'nobody'"'"' (see rota person list)" &&
	expect_unchanged 65 rota --as mo override 99 dee &&
	expect_err "rota: no shift 99 (see rota schedule show)" &&
	expect_unchanged 65 rota --as mo override 1 ana &&
	expect_err "rota: shift 1 is already ana'"'"'s" &&
	ROTA_NOW=2027-01-12T00:00:00Z expect_unchanged 65 rota --as mo override 1 dee &&
	expect_err "rota: override: shift 1 has ended: the past is not rewritten" &&
	expect_unchanged 64 rota --as mo override 1 &&
	expect_err "usage: rota override [SHIFT|DATE] HANDLE [--from TIME] [--to TIME]" &&
	expect_err "                     [--rotation NAME] [--force]" &&
	expect_unchanged 64 rota --as mo override 1 dee --soft &&
	expect_err "unknown option"
'

test_done
