#!/bin/sh
# rota audit: who changed what, when.
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib-swap.sh"

# A swap asked on 2 January, accepted on 3 January, and an override.
story() {
	schedule &&
	ROTA_NOW=2027-01-02T09:00:00Z rota --as ana swap request 1 --with dee >/dev/null &&
	ROTA_NOW=2027-01-03T09:30:00Z rota --as dee swap accept 1 >/dev/null &&
	ROTA_NOW=2027-01-03T10:00:00Z rota --as mo override 2 cy --force >/dev/null 2>&1
}

test_expect_success 'events since a day, with a short summary of each change' '
	story &&
	expect_status 0 rota audit --since 2027-01-02 &&
	expect_file "TIME                  ACTOR        ACTION          OBJECT   CHANGE
Sat 2027-01-02 09:00  root as ana  swap.request    swap 1   new: id: 1, shift: 1, from: ana, to: dee, state: open, decided_by: -, start: Mon 2027-01-04 ...
Sun 2027-01-03 09:30  root as dee  swap.accept     shift 1  person: ana -> dee, origin: generated -> swap, swap: - -> 1
Sun 2027-01-03 10:00  root as mo   shift.override  shift 2  person: bo -> cy, origin: generated -> override, forced: - -> breaks the minimum gap of 1 sh...
Times in UTC." out
'

test_expect_success '--object picks one object; --since takes a time' '
	story &&
	expect_status 0 rota audit --object "shift 1" &&
	expect_file "TIME                  ACTOR        ACTION       OBJECT   CHANGE
Sun 2027-01-03 09:30  root as dee  swap.accept  shift 1  person: ana -> dee, origin: generated -> swap, swap: - -> 1
Times in UTC." out &&
	expect_status 0 rota audit --since 2027-01-03T09:45:00Z &&
	test "$(wc -l <out)" = 3 &&
	expect_out "shift.override" &&
	expect_status 0 rota audit --object "shift 6" &&
	expect_file "No audit events match." out &&
	expect_status 0 rota audit --since 2027-02-01 &&
	expect_file "No audit events match." out
'

test_expect_success '--json gives before and after as objects' '
	story &&
	expect_status 0 rota --json audit --object "shift 1" &&
	test "$(json "len(j), j[0][\"time\"], j[0][\"actor\"], j[0][\"action\"], j[0][\"object\"]")" = \
		"1 2027-01-03T09:30:00Z root as dee swap.accept shift 1" &&
	test "$(json "j[0][\"before\"][\"person\"], j[0][\"before\"][\"origin\"], j[0][\"after\"][\"person\"], j[0][\"after\"][\"origin\"], j[0][\"after\"][\"swap\"]")" = \
		"ana generated dee swap 1" &&
	expect_status 0 rota --json audit --object "swap 1" &&
	test "$(json "j[0][\"before\"], j[0][\"after\"][\"to\"], j[0][\"after\"][\"decided_by\"]")" = "None dee None"
'

test_expect_success 'every swap and override step is audited with its actor' '
	story &&
	rota --as ana swap request 5 >/dev/null &&
	rota --as ana swap cancel 2 >/dev/null &&
	sqlite3 rota.db "SELECT actor, action, object FROM audit_events WHERE action LIKE '"'"'swap.%'"'"' OR action LIKE '"'"'shift.%'"'"' ORDER BY id" >events &&
	expect_file "root as ana|swap.request|swap 1
root as dee|swap.accept|shift 1
root as mo|shift.override|shift 2
root as ana|swap.request|swap 2
root as ana|swap.cancel|swap 2" events
'

test_expect_success 'a volunteer reads nobody else'"'"'s leave reason; their own and a manager'"'"'s view keep it' '
	team &&
	rota --as ana leave add 2027-02-01 2027-02-03 --reason "surgery" >/dev/null &&
	rota --as bo leave add 2027-03-01 2027-03-02 --reason "wedding" >/dev/null &&
	rota --as ana leave remove 1 >/dev/null &&
	expect_status 0 rota --as bo --json audit &&
	test "$(json "[(e[\"action\"], \"reason\" in (e[\"after\"] or e[\"before\"])) for e in j if e[\"action\"].startswith(\"leave.\")]")" = \
		"[('"'"'leave.add'"'"', False), ('"'"'leave.add'"'"', True), ('"'"'leave.remove'"'"', False)]" &&
	expect_status 0 rota --as bo --json audit --object "leave 2" &&
	test "$(json "j[0][\"after\"][\"reason\"]")" = wedding &&
	expect_status 0 rota --as bo audit --object "leave 1" &&
	expect_out "new: id: 1, person: ana, first_day: 2027-02-01, last_day: 2027-02-03, start: Mon 2027-02-01 ..." &&
	! grep surgery out &&
	expect_status 0 rota --as ana --json audit --object "leave 1" &&
	test "$(json "j[0][\"after\"][\"reason\"], j[1][\"before\"][\"reason\"]")" = "surgery surgery" &&
	expect_status 0 rota --as mo --json audit --object "leave 1" &&
	test "$(json "j[0][\"after\"][\"reason\"], j[1][\"before\"][\"reason\"]")" = "surgery surgery" &&
	expect_status 0 rota --json audit --object "leave 2" &&
	test "$(json "j[0][\"after\"][\"reason\"]")" = wedding
'

test_expect_success 'bad options' '
	expect_status 64 rota audit --since yesterday &&
	expect_err "rota: --since: bad date '"'"'yesterday'"'"'" &&
	expect_status 64 rota audit extra &&
	expect_err "usage: rota audit [--since DATE] [--object TEXT]"
'

test_done
