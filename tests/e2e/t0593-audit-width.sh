#!/bin/sh
# rota audit on a narrow terminal (issue 22): when, who and the change
# stay, the change wrapped under itself; the action is left out first
# (CHANGE says new, removed or before -> after), then the object. Every
# word of each change is still there; --wide and a pipe are unchanged.
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib-report.sh"
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib-fit.sh"

# events: lib-report's team and rene on 1 January; on the 2nd at 09:00 a
# swap asked and accepted, an override, rene's long new name and e-mail,
# and rene's leave with a reason.
events() {
	team &&
	rota person add rene --name "Renée François-Dupont" --email rene@example.com \
		--tz America/Argentina/Buenos_Aires >/dev/null &&
	rota volunteer join h1 rene >/dev/null &&
	export ROTA_NOW=2027-01-02T09:00:00Z &&
	rota --as ana swap request 2 --with rene >/dev/null &&
	rota --as rene swap accept 1 >/dev/null &&
	rota --as mo override 6 rene >/dev/null &&
	rota --as rene person set rene --name "Renée Françoise-Dupont de la Tour d'Auvergne" \
		--email renee.francoise-dupont@example.com >/dev/null &&
	rota --as rene leave add rene 2027-02-22 2027-02-26 \
		--reason "a week at the seaside with the family, back on Monday" >/dev/null
}

# change_column [FILE]: the CHANGE column of audit's table (the header's
# column on; the line about times left out), its ASCII cells before it.
change_column() {
	sed "\$d" "$@" | awk "NR == 1 { at = index(\$0, \"CHANGE\") } { print substr(\$0, at) }"
}

test_expect_success 'audit at 80: time, actor, object and the change, the action left out' '
	events &&
	rota --as mo --width 80 audit --since 2027-01-02 >out &&
	expect_file "TIME                  ACTOR         OBJECT   CHANGE
Sat 2027-01-02 09:00  root as ana   swap 1   new: id: 1, shift: 2, from: ana,
                                             to: rene, state: open, decided_by:
                                             -, start: Mon 2027-01-11...
Sat 2027-01-02 09:00  root as rene  shift 2  person: ana -> rene, origin:
                                             generated -> swap, swap: - -> 1
Sat 2027-01-02 09:00  root as mo    shift 6  person: bo -> rene, origin:
                                             generated -> override
Sat 2027-01-02 09:00  root as rene  rene     name: Renée François-Dupont ->
                                             Renée Françoise-Dupont de la Tour
                                             d'"'"'Auvergne, email: rene...
Sat 2027-01-02 09:00  root as rene  leave 1  new: id: 1, person: rene,
                                             first_day: 2027-02-22, last_day:
                                             2027-02-26, start: Mon
                                             2027-02-22...
(Left out to fit: ACTION; --wide shows it.)
Times in Europe/Dublin." out &&
	fits 80 out
'

test_expect_success 'audit at 60: the object goes too; when, who and the change stay' '
	events &&
	rota --as mo --width 60 audit --since 2027-01-02 >out &&
	fits 60 out &&
	sed -n "1p; 2,5p; \$p" out >head &&
	expect_file "TIME                  ACTOR         CHANGE
Sat 2027-01-02 09:00  root as ana   new: id: 1, shift: 2,
                                    from: ana, to: rene,
                                    state: open, decided_by:
                                    -, start: Mon
Times in Europe/Dublin." head &&
	grep -x -F "(Left out to fit: ACTION, OBJECT; --wide shows them.)" out
'

test_expect_success 'every word of each change is kept at 80 and 60' '
	events &&
	rota --as mo audit --since 2027-01-02 >pipe.txt &&
	change_column pipe.txt >changes &&
	test "$(wc -l <changes)" = 6 &&
	grep -x -F "new: id: 1, person: rene, first_day: 2027-02-22, last_day: 2027-02-26, start: Mon 2027-02-22..." changes &&
	for w in 80 60; do
		rota --as mo --width $w audit --since 2027-01-02 >out &&
		sed "/^(Left out/d" out | change_column >fitted &&
		same_words changes fitted || return 1
	done
'

test_expect_success '--wide, a pipe and --json show every column as before' '
	events &&
	wide_is_pipe --as mo audit --since 2027-01-02 &&
	head -n 1 pipe.txt >head &&
	expect_file "TIME                  ACTOR         ACTION          OBJECT   CHANGE" head &&
	grep -F "shift.override  shift 6  person: bo -> rene, origin: generated -> override" pipe.txt &&
	rota --as mo --json audit --since 2027-01-02 >json &&
	rota --as mo --json --width 40 audit --since 2027-01-02 | cmp - json
'

test_done
