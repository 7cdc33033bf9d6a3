#!/bin/sh
# pay and report monthly default to the current month in [report]
# timezone (the rule page list uses), report fairness to the one current
# term; with none or several current it exits 64 listing the terms.
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"
. "$ROTA_SRCDIR/tests/e2e/lib-pay.sh"

test_expect_success 'pay and report monthly without a month: the current one' '
	payteam &&
	for cmd in pay "report monthly"; do
		for f in text csv json; do
			ROTA_NOW=2027-01-20T12:00:00Z rota $cmd 2027-01 --format $f >want || return 1
			ROTA_NOW=2027-01-20T12:00:00Z expect_status 0 rota $cmd --format $f || return 1
			cmp want out || { echo "$cmd --format $f"; return 1; }
		done
	done &&
	ROTA_NOW=2027-01-20T12:00:00Z rota pay --format csv >out &&
	sed 1d out | cut -d, -f1 | sort -u >months && expect_file "2027-01" months
'

test_expect_success 'the current month is the one in [report] timezone, as page list counts it' '
	payteam &&
	printf "[report]\ntimezone = Pacific/Auckland\n" >auckland.conf &&
	export ROTA_CONFIG=$PWD/auckland.conf ROTA_NOW=2027-01-31T12:00:00Z &&
	rota pay 2027-02 --format csv >want &&
	expect_status 0 rota pay --format csv && cmp want out &&
	rota report monthly 2027-02 --format json >want &&
	expect_status 0 rota report monthly --format json && cmp want out &&
	export ROTA_CONFIG=$PWD/rota.conf &&
	rota pay 2027-01 --format csv >want &&
	expect_status 0 rota pay --format csv && cmp want out
'

test_expect_success 'report fairness without a term: the one current term' '
	rota person add ana --name Ana --email ana@example.com --tz UTC >/dev/null &&
	rota person add bo --name Bo --email bo@example.com --tz UTC --manager >/dev/null &&
	rota rotation add ops --tier primary --tz UTC >/dev/null &&
	rota term add h1 --rotation ops --start 2027-01-04 --weeks 4 >/dev/null &&
	rota volunteer join h1 ana >/dev/null && rota volunteer join h1 bo >/dev/null &&
	rota schedule generate h1 >/dev/null &&
	ROTA_NOW=2027-01-10T12:00:00Z rota report fairness h1 >want &&
	ROTA_NOW=2027-01-10T12:00:00Z expect_status 0 rota report fairness &&
	cmp want out && test ! -s err
'

test_expect_success 'report fairness without a term: none or several current is 64 listing them' '
	rota init >/dev/null &&
	expect_unchanged 64 rota report fairness &&
	expect_file "rota: no terms yet: give a TERM (see rota term add)
usage: rota report fairness [TERM]" err &&
	rota person add bo --name Bo --email bo@example.com --tz UTC --manager >/dev/null &&
	rota rotation add ops --tier primary --tz UTC >/dev/null &&
	rota rotation add esc --tier escalation --tz UTC >/dev/null &&
	rota term add h1 --rotation ops --start 2027-01-04 --weeks 4 >/dev/null &&
	rota term add e1 --rotation esc --start 2027-01-04 --weeks 4 >/dev/null &&
	ROTA_NOW=2027-01-02T00:00:00Z expect_unchanged 64 rota report fairness &&
	test ! -s out &&
	expect_file "rota: no term is current: give a TERM, one of e1 (upcoming), h1 (upcoming)
usage: rota report fairness [TERM]" err &&
	ROTA_NOW=2027-01-10T00:00:00Z expect_unchanged 64 rota report fairness &&
	expect_file "rota: 2 terms are current: give a TERM, one of e1 (current), h1 (current)
usage: rota report fairness [TERM]" err &&
	ROTA_NOW=2027-03-10T00:00:00Z expect_unchanged 64 rota report fairness &&
	expect_file "rota: no term is current: give a TERM, one of e1 (ended), h1 (ended)
usage: rota report fairness [TERM]" err &&
	expect_unchanged 64 rota report fairness h1 e1 &&
	expect_file "rota: report fairness takes at most one TERM
usage: rota report fairness [TERM]" err
'

test_done
