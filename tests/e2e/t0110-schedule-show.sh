#!/bin/sh
# rota schedule show: the shifts in time order, filtered by rotation, time
# and person; JSON shape; bad input.
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"

# Two rotations: ops (Mon 10:00 Europe/Dublin, term t1 of 3 weeks with
# ana, bo, cy, dee) and sf (Tue 09:00 America/Los_Angeles, term s1 of 3
# weeks with ana, bo, cy), both generated.
two_rotations() {
	for h in ana bo cy dee; do
		rota person add $h --name "$h" --email $h@example.com --tz Europe/Dublin >/dev/null || return 1
	done &&
	rota rotation add ops --tier primary --tz Europe/Dublin >/dev/null &&
	rota term add t1 --rotation ops --start 2027-01-04 --weeks 3 >/dev/null &&
	for h in ana bo cy dee; do rota volunteer join t1 $h >/dev/null || return 1; done &&
	rota rotation add sf --tier primary --tz America/Los_Angeles --handoff "Tue 09:00" >/dev/null &&
	rota term add s1 --rotation sf --start 2027-01-04 --weeks 3 >/dev/null &&
	for h in ana bo cy; do rota volunteer join s1 $h >/dev/null || return 1; done &&
	rota schedule generate t1 >/dev/null &&
	rota schedule generate s1 >/dev/null
}

test_expect_success 'show lists every shift from now on, each in its rotation'"'"'s wall clock' '
	two_rotations &&
	expect_status 0 rota schedule show &&
	expect_file "ID  ROTATION  TIER     PERSON  START                 END                   ZONE                 ORIGIN
1   ops       primary  cy      Mon 2027-01-04 10:00  Mon 2027-01-11 10:00  Europe/Dublin        generated
4   sf        primary  cy      Tue 2027-01-05 09:00  Tue 2027-01-12 09:00  America/Los_Angeles  generated
2   ops       primary  ana     Mon 2027-01-11 10:00  Mon 2027-01-18 10:00  Europe/Dublin        generated
5   sf        primary  ana     Tue 2027-01-12 09:00  Tue 2027-01-19 09:00  America/Los_Angeles  generated
3   ops       primary  dee     Mon 2027-01-18 10:00  Mon 2027-01-25 10:00  Europe/Dublin        generated
6   sf        primary  bo      Tue 2027-01-19 09:00  Tue 2027-01-26 09:00  America/Los_Angeles  generated" out
'

test_expect_success 'show --json is an array of shifts in UTC, sorted by start' '
	two_rotations &&
	expect_status 0 rota --json schedule show &&
	test "$(json "len(j), [s[\"id\"] for s in j]")" = "6 [1, 4, 2, 5, 3, 6]" &&
	test "$(json "j[1]")" = "{'"'"'id'"'"': 4, '"'"'rotation'"'"': '"'"'sf'"'"', '"'"'tier'"'"': '"'"'primary'"'"', '"'"'person'"'"': '"'"'cy'"'"', '"'"'start'"'"': '"'"'2027-01-05T17:00:00Z'"'"', '"'"'end'"'"': '"'"'2027-01-12T17:00:00Z'"'"', '"'"'origin'"'"': '"'"'generated'"'"'}"
'

test_expect_success 'show filters by rotation, dates in its zone, and person' '
	two_rotations &&
	rota --json schedule show --rotation sf --from 2027-01-12 --to 2027-01-13 >out &&
	test "$(json "[s[\"id\"] for s in j]")" = "[4, 5]" &&
	rota --json schedule show --rotation sf --from 2027-01-12T10:00 --to 2027-01-13 >out &&
	test "$(json "[s[\"id\"] for s in j]")" = "[5]" &&
	rota --json schedule show --person ana >out &&
	test "$(json "[(s[\"rotation\"], s[\"id\"]) for s in j]")" = "[('"'"'ops'"'"', 2), ('"'"'sf'"'"', 5)]" &&
	rota --json schedule show --from 2027-01-12T09:30:00Z --to 2027-01-12T09:30:01Z >out &&
	test "$(json "[s[\"id\"] for s in j]")" = "[4, 2]" &&
	rota --json --as dee schedule show --from 2027-01-12T09:00 --to 2027-01-12T10:00 >out &&
	test "$(json "[s[\"id\"] for s in j]")" = "[4, 2]"
'

test_expect_success 'show starts from now unless told otherwise' '
	two_rotations &&
	ROTA_NOW=2027-01-20T00:00:00Z rota --json schedule show >out &&
	test "$(json "[s[\"id\"] for s in j]")" = "[3, 6]" &&
	ROTA_NOW=2027-03-01T00:00:00Z expect_status 0 rota schedule show &&
	expect_file "no shifts from now on (see --from)" out &&
	ROTA_NOW=2027-03-01T00:00:00Z expect_status 0 rota --json schedule show &&
	test "$(json "j")" = "[]" &&
	ROTA_NOW=2027-03-01T00:00:00Z rota --json schedule show --from 2027-01-01 --person bo >out &&
	test "$(json "[s[\"id\"] for s in j]")" = "[6]"
'

test_expect_success 'show refuses bad dates, unknown names and stray arguments' '
	two_rotations &&
	expect_status 64 rota schedule show --from 2027-02-30 &&
	expect_err "--from: bad date '"'"'2027-02-30'"'"'" &&
	expect_status 64 rota schedule show --to tomorrow &&
	expect_err "--to: bad date '"'"'tomorrow'"'"'" &&
	expect_status 64 rota schedule show --from 2027-02-01 --to 2027-01-01 &&
	expect_err "is not after the start" &&
	expect_status 65 rota schedule show --rotation nosuch &&
	expect_err "unknown rotation '"'"'nosuch'"'"' (see rota rotation list)" &&
	expect_status 65 rota schedule show --person zed &&
	expect_err "unknown person '"'"'zed'"'"' (see rota person list)" &&
	expect_status 64 rota schedule show t1 &&
	expect_status 64 rota schedule show --from &&
	expect_err "needs a value"
'

test_done
