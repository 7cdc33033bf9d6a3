#!/bin/sh
# Swaps and overrides on a generated schedule: they survive re-generation.
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib-swap.sh"

# generated: team, then both terms generated (ops weeks are shifts 1-6).
generated() {
	team &&
	rota schedule generate h1 >/dev/null &&
	rota schedule generate e1 >/dev/null
}

holder() {
	sqlite3 rota.db "SELECT p.handle FROM shifts s JOIN persons p ON p.id = s.person_id WHERE s.id = $1"
}

test_expect_success 'the best suggestion accepts; re-generating keeps the swap' '
	generated &&
	first=$(holder 1) &&
	expect_status 0 rota --as $first --json swap suggest 1 &&
	best=$(json "j[0][\"person\"]") &&
	test -n "$best" && test "$best" != "$first" &&
	expect_status 0 rota --as $first swap request 1 --with $best &&
	expect_status 0 rota --as $best swap accept 1 &&
	test "$(owner 1)" = "$best|swap|1" &&
	expect_status 0 rota --json schedule show &&
	test "$(json "[(s[\"person\"], s[\"origin\"]) for s in j if s[\"id\"] == 1]")" = \
		"[('"'"'$best'"'"', '"'"'swap'"'"')]" &&
	expect_status 0 rota schedule generate h1 &&
	test "$(owner 1)" = "$best|swap|1" &&
	expect_status 0 rota --json report fairness h1 &&
	test "$(json "j[\"coverage_pct\"], sum(m[\"shifts\"] for m in j[\"members\"])")" = "100.0 6"
'

test_expect_success 'an override with --force survives re-generation too' '
	generated &&
	if test "$(holder 1)" = dee; then target=ana; else target=dee; fi &&
	rota leave add $target 2027-01-04 2027-01-05 >/dev/null &&
	expect_unchanged 65 rota --as mo override 1 $target &&
	expect_err "rota: $target cannot take shift 1: on leave from Mon 2027-01-04 to Tue 2027-01-05 Europe/Dublin (leave 1)" &&
	rota --as mo override 1 $target --force >/dev/null 2>&1 &&
	expect_status 0 rota schedule generate h1 &&
	test "$(owner 1)" = "$target|override|1"
'

test_expect_success 'the holder of the week before cannot take a generated week' '
	generated &&
	rota --as $(holder 2) swap request 2 >/dev/null &&
	expect_unchanged 65 rota --as $(holder 1) swap accept 1 &&
	expect_err "cannot take shift 2: breaks the minimum gap of 1 shift(s) off: already on call from Mon 2027-01-04 10:00 Europe/Dublin (shift 1)"
'

test_done
