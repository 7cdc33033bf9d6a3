#!/bin/sh
# rota rotation: add and list.
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"

people() {
	rota person add ana --name Ana --email ana@example.com --tz Europe/Dublin >/dev/null &&
	rota person add mo --name Mo --email mo@example.com --tz UTC --manager >/dev/null
}

test_expect_success 'add rotations then list them' '
	expect_status 0 rota rotation add ops --tier primary --tz Europe/Dublin &&
	expect_file "Rotation:                ops
Tier:                    primary
Time zone:               Europe/Dublin
Handoff:                 Mon 10:00
Shift days:              7
Covers:                  always" out &&
	expect_status 0 rota rotation add esc --tier escalation --tz America/Los_Angeles \
		--handoff "tue 09:30" --shift-days 14 &&
	expect_status 0 rota rotation list &&
	expect_file "NAME  TIER        ZONE                 HANDOFF    DAYS  COVERS  TERMS  CURRENT TERM
ops   primary     Europe/Dublin        Mon 10:00  7     always  0      -
esc   escalation  America/Los_Angeles  Tue 09:30  14    always  0      -" out &&
	expect_status 0 rota --json rotation list &&
	test "$(json "[(r[\"name\"], r[\"tier\"], r[\"handoff\"], r[\"shift_days\"]) for r in j]")" = \
		"[('"'"'ops'"'"', '"'"'primary'"'"', '"'"'Mon 10:00'"'"', 7), ('"'"'esc'"'"', '"'"'escalation'"'"', '"'"'Tue 09:30'"'"', 14)]"
'

test_expect_success 'rotation list shows the current term' '
	rota rotation add ops --tier primary --tz UTC >/dev/null &&
	rota term add now --rotation ops --start 2026-12-01 >/dev/null &&
	expect_status 0 rota --json rotation list &&
	test "$(json "j[0][\"terms\"], j[0][\"current_term\"]")" = "1 now"
'

test_expect_success 'an empty list says how to start' '
	expect_status 0 rota rotation list && expect_out "No rotations yet" &&
	expect_status 0 rota --json rotation list && test "$(cat out)" = "[]"
'

test_expect_success 'rotation add is audited' '
	rota rotation add ops --tier primary --tz Europe/Dublin --handoff "Wed 17:00" >/dev/null &&
	test "$(sqlite3 rota.db "SELECT actor, action, object, after FROM audit_events")" = \
		"root|rotation.add|ops|{\"name\":\"ops\",\"tier\":\"primary\",\"tz\":\"Europe/Dublin\",\"handoff\":\"Wed 17:00\",\"shift_days\":7}"
'

test_expect_success 'bad input is refused and changes nothing' '
	rota rotation add ops --tier primary --tz UTC >/dev/null &&
	expect_unchanged 65 rota rotation add ops --tier escalation --tz UTC &&
	expect_err "rotation '"'"'ops'"'"' already exists" &&
	expect_unchanged 64 rota rotation add x --tier primary --tz Mars/Olympus &&
	expect_err "unknown time zone '"'"'Mars/Olympus'"'"'" &&
	expect_unchanged 64 rota rotation add x --tier primary --tz UTC --handoff "Someday 10:00" &&
	expect_err "--handoff: '"'"'Someday 10:00'"'"' is not a weekday and time" &&
	expect_unchanged 64 rota rotation add x --tier primary --tz UTC --handoff "Mon 24:00" &&
	expect_unchanged 64 rota rotation add x --tier primary --tz UTC --handoff "Mon 9" &&
	expect_unchanged 64 rota rotation add x --tier secondary --tz UTC &&
	expect_err "--tier: '"'"'secondary'"'"' is not a tier" &&
	expect_unchanged 64 rota rotation add x --tier primary --tz UTC --shift-days 0 &&
	expect_err "--shift-days: '"'"'0'"'"' must be a positive number, at most 28" &&
	expect_unchanged 64 rota rotation add x --tier primary --tz UTC --shift-days 7x &&
	expect_unchanged 64 rota rotation add x --tier primary &&
	expect_err "--tz is required" &&
	expect_unchanged 64 rota rotation add x &&
	expect_err "--tier and --tz are required" &&
	expect_unchanged 64 rota rotation add --tier primary --tz UTC &&
	expect_err "takes one NAME" &&
	expect_unchanged 64 rota rotation add x y --tier primary --tz UTC &&
	expect_unchanged 64 rota rotation add x --tier primary --tz UTC --frob &&
	expect_err "unknown option" &&
	expect_unchanged 64 rota rotation list extra
'

test_expect_success 'rotation add is for managers only' '
	people &&
	expect_unchanged 77 rota --as ana rotation add x --tier primary --tz UTC &&
	expect_err "rotation add: managers only (you are root as ana)" &&
	expect_status 0 rota --as mo rotation add x --tier primary --tz UTC &&
	test "$(sqlite3 rota.db "SELECT actor FROM audit_events WHERE action = '"'"'rotation.add'"'"'")" = "root as mo"
'

# offices: Dublin and San Francisco (Mon-Fri 09:00-18:00), and Round, open
# around the clock.
offices() {
	rota office add Dublin --tz Europe/Dublin >/dev/null &&
	rota office add "San Francisco" --tz America/Los_Angeles >/dev/null &&
	rota office add Round --tz UTC --hours "Mon-Sun 00:00-24:00" >/dev/null
}

test_expect_success 'an out-of-hours rotation, its offices chosen, changed and audited' '
	offices &&
	expect_status 0 rota rotation add ops --tier primary --tz Europe/Dublin \
		--covers out-of-hours --offices "Dublin,San Francisco" &&
	expect_file "Rotation:                ops
Tier:                    primary
Time zone:               Europe/Dublin
Handoff:                 Mon 10:00
Shift days:              7
Covers:                  out-of-hours
Offices:                 Dublin, San Francisco" out &&
	expect_status 0 rota --json rotation set ops --offices Dublin &&
	test "$(json "j[\"covers\"], j[\"offices\"], j[\"offices_chosen\"]")" = "out-of-hours Dublin True" &&
	expect_status 0 rota rotation set ops --offices "" &&
	expect_out "Offices:                 (its members'"'"' offices)" &&
	rota rotation list >out &&
	expect_out "COVERS" && expect_out "out-of-hours" &&
	expect_status 0 rota --json rotation set ops --covers always &&
	test "$(json "j[\"covers\"], \"offices\" in j")" = "always False" &&
	test "$(sqlite3 rota.db "SELECT count(*) FROM rotation_offices")" = 0 &&
	test "$(sqlite3 rota.db "SELECT after FROM audit_events WHERE action = '"'"'rotation.cover'"'"'
		ORDER BY id LIMIT 1")" = "{\"covers\":\"out-of-hours\",\"offices\":[\"Dublin\",\"San Francisco\"]}"
'

test_expect_success 'bad hours are refused and change nothing' '
	offices &&
	rota rotation add ops --tier primary --tz Europe/Dublin >/dev/null &&
	expect_unchanged 65 rota rotation set ops --covers out-of-hours --offices Dublin,Nope &&
	expect_err "rota: unknown office '"'"'Nope'"'"' (see rota office list)" &&
	expect_unchanged 64 rota rotation set ops --offices Dublin &&
	expect_err "rota: --offices: rotation '"'"'ops'"'"' covers every hour: offices are for --covers out-of-hours" &&
	expect_unchanged 64 rota rotation set ops --covers sometimes &&
	expect_err "rota: --covers: '"'"'sometimes'"'"' is not always or out-of-hours" &&
	expect_unchanged 65 rota rotation set ops --covers out-of-hours --offices Round &&
	expect_err "rota: rotation '"'"'ops'"'"': its offices are open around the clock together, so it would never be on call out of hours (choose other offices, or --covers always)" &&
	expect_unchanged 64 rota rotation set ops &&
	expect_err "nothing to set" &&
	expect_unchanged 65 rota rotation set nope --covers always &&
	expect_unchanged 64 rota rotation add web --tier primary --tz UTC --offices Dublin &&
	people &&
	expect_unchanged 77 rota --as ana rotation set ops --covers always &&
	expect_err "rotation set: managers only"
'

test_expect_success 'rotation add and list have --help' '
	expect_status 0 rota rotation add --help && expect_out "usage: rota rotation add NAME --tier" &&
	expect_out "--shift-days" &&
	expect_status 0 rota rotation list --help && expect_out "usage: rota rotation list"
'

test_done
