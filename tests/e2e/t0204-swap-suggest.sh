#!/bin/sh
# rota swap suggest: who could take a shift, farthest from their own first.
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib-swap.sh"

test_expect_success 'members free then, ranked by the distance to their nearest shift' '
	schedule &&
	expect_status 0 rota --as ana swap suggest 1 &&
	expect_file "RANK  PERSON  NEAREST SHIFT         DAYS AWAY
1     dee     Mon 2027-01-25 10:00  14.0
2     cy      Mon 2027-01-18 10:00  7.0
Not bo: breaks the minimum gap of 1 shift(s) off: already on call from Mon 2027-01-11 10:00 Europe/Dublin (shift 2)." out
'

test_expect_success 'someone with no other shift comes first; leave rules people out' '
	schedule &&
	rota volunteer join h1 zed >/dev/null &&
	rota leave add dee 2027-01-08 2027-01-08 >/dev/null &&
	expect_status 0 rota --as ana swap suggest 2027-01-05 &&
	expect_file "RANK  PERSON  NEAREST SHIFT         DAYS AWAY
1     zed     -                     -
2     cy      Mon 2027-01-18 10:00  7.0
Not bo: breaks the minimum gap of 1 shift(s) off: already on call from Mon 2027-01-11 10:00 Europe/Dublin (shift 2).
Not dee: on leave Fri 2027-01-08 Europe/Dublin (leave 1)." out &&
	expect_status 0 rota --as ana --json swap suggest 1 &&
	test "$(json "[(c[\"rank\"], c[\"person\"], c[\"nearest_shift\"], c[\"nearest_start\"], c[\"distance_days\"]) for c in j]")" = \
		"[(1, '"'"'zed'"'"', None, None, None), (2, '"'"'cy'"'"', 3, '"'"'2027-01-18T10:00:00Z'"'"', 7.0)]"
'

test_expect_success 'nobody can take it' '
	schedule &&
	rota leave add cy 2027-01-04 2027-01-04 >/dev/null &&
	rota leave add dee 2027-01-04 2027-01-04 >/dev/null &&
	expect_status 0 rota --as ana swap suggest 1 &&
	expect_out "Nobody else in term h1 can take shift 1."
'

test_expect_success 'the escalation tier: managers of its term only' '
	schedule &&
	expect_status 0 rota --as mo swap suggest 7 &&
	expect_file "Nobody else in term e1 can take shift 7." out
'

test_expect_success 'unknown and ambiguous shifts' '
	schedule &&
	expect_unchanged 65 rota --as ana swap suggest 42 &&
	expect_err "rota: no shift 42 (see rota schedule show)" &&
	expect_unchanged 65 rota swap suggest 2027-01-05 &&
	expect_err "rota: 2 shifts are in force at 2027-01-05: name one by its id" &&
	expect_unchanged 64 rota swap suggest 2027-02-30 &&
	expect_err "bad date" &&
	expect_unchanged 64 rota swap suggest &&
	expect_err "usage: rota swap suggest SHIFT|DATE"
'

test_done
