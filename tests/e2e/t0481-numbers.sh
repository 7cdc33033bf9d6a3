#!/bin/sh
# Number options (next --count, term add --weeks, rotation add
# --shift-days) are read by one function and say "must be a positive
# number" for anything else, changing nothing.
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"
. "$ROTA_SRCDIR/tests/e2e/lib-team.sh"

# usage_line CMD...: the usage line of CMD's help (its lines, when it
# wraps), which a usage error prints too.
usage_line() {
	rota "$@" --help | sed '/^$/,$d'
}

test_expect_success 'next --count: zero, negative, words, fractions and huge are refused' '
	team &&
	for bad in 0 -1 two 1.5 "" 3x 99999999999; do
		expect_unchanged 64 rota next ana --count "$bad" || return 1
		test ! -s out || return 1
		printf "rota: --count: '"'"'%s'"'"' must be a positive number\n%s\n" \
			"$bad" "$(usage_line next)" >want &&
		diff -u want err || return 1
	done
'

test_expect_success 'next --count 1 shows one shift' '
	team &&
	rota schedule generate h1 >/dev/null &&
	expect_status 0 rota --json next ana --count 1 &&
	test "$(json "len(j)")" = 1 &&
	expect_status 0 rota --json next ana --count 2 &&
	test "$(json "len(j)")" = 2
'

test_expect_success 'term add --weeks and rotation add --shift-days: positive, within their limit' '
	team &&
	for bad in 0 -3 x 521; do
		expect_unchanged 64 rota term add h2 --rotation ops --start 2027-03-01 --weeks "$bad" || return 1
		printf "rota: --weeks: '"'"'%s'"'"' must be a positive number, at most 520\n%s\n" \
			"$bad" "$(usage_line term add)" >want &&
		diff -u want err || return 1
	done &&
	for bad in 0 29 seven; do
		expect_unchanged 64 rota rotation add x --tier primary --tz UTC --shift-days "$bad" || return 1
		printf "rota: --shift-days: '"'"'%s'"'"' must be a positive number, at most 28\n%s\n" \
			"$bad" "$(usage_line rotation add)" >want &&
		diff -u want err || return 1
	done &&
	expect_status 0 rota term add h2 --rotation ops --start 2027-03-01 --weeks 520 &&
	expect_status 0 rota rotation add x --tier primary --tz UTC --shift-days 28
'

test_done
