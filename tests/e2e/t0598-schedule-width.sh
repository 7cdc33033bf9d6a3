#!/bin/sh
# schedule check and schedule generate on a narrow terminal (issue 22):
# the problem, the shift, whose and the detail (wrapped) stay; the term
# goes first, then the end and the start (the detail says when); a long
# handle is cut last. generate's plan keeps its changes whole (wrapped),
# and what it could not fix keeps the command that fixes it whole.
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib-team.sh"
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib-fit.sh"

C=christopher.vanderbilt-okonkwo

# leaves: wide_world, taro on leave in his week 3 (with a reason), and
# christopher in his frozen week 2.
leaves() {
	wide_world &&
	rota leave add taro 2027-01-19 2027-01-21 --reason "family wedding in Osaka" >/dev/null &&
	rota leave add $C 2027-01-12 2027-01-13 --reason dentist >/dev/null
}

test_expect_success 'schedule check at 80 and 60: problem, shift, person, detail' '
	leaves &&
	expect_unchanged 65 rota --width 80 schedule check &&
	expect_file "PROBLEM  SHIFT  PERSON                          DETAIL
leave    2      $C  $C
                                                is on leave from Tue 2027-01-12
                                                to Wed 2027-01-13: dentist
leave    3      taro                            taro is on leave from Mon
                                                2027-01-18 12:00 to Thu
                                                2027-01-21 12:00: family wedding
                                                in Osaka
(Left out to fit: TERM, FROM, TO; --wide shows them.)" out &&
	fits 80 out &&
	expect_file "rota: 2 problems found" err &&
	expect_unchanged 65 rota --width 60 schedule check &&
	expect_file "PROBLEM  SHIFT  PERSON        DETAIL
leave    2      christopher…  $C
                              is on leave from Tue
                              2027-01-12 to Wed 2027-01-13:
                              dentist
leave    3      taro          taro is on leave from Mon
                              2027-01-18 12:00 to Thu
                              2027-01-21 12:00: family
                              wedding in Osaka
(Left out to fit: TERM, FROM, TO; --wide shows them.)" out &&
	fits 60 out
'

test_expect_success 'schedule generate --dry-run at 80: the plan, and the fix never cut' '
	leaves &&
	expect_unchanged 0 rota --width 80 schedule generate h1 --dry-run &&
	expect_file "FROM                  CHANGE       WHY
Mon 2027-01-18 10:00  taro -> ana  leave
Mon 2027-02-01 10:00  ana -> taro  balance
term h1: 6 weeks, 2 changed, 2 kept as they were (2 frozen); times in
  America/Argentina/Buenos_Aires
dry run: nothing was changed
Not fixed (in weeks the generator may not change); the command that would fix
  each:
PROBLEM  SHIFT  PERSON      DETAIL                          FIX
leave    2      christoph…  $C  rota override 2 rene
                            is on leave from Tue
                            2027-01-12 to Wed 2027-01-13:
                            dentist
(Left out to fit: FROM, KEPT; --wide shows them.)" out &&
	fits 80 out
'

test_expect_success 'schedule generate at 60: a change between long handles wraps' '
	wide_world &&
	rota leave add taro 2027-01-19 2027-01-21 >/dev/null &&
	rota leave add $C 2027-02-09 2027-02-10 >/dev/null &&
	expect_unchanged 0 rota --width 60 schedule generate h1 --dry-run &&
	fits 60 out &&
	head -n 3 out >head &&
	expect_file "FROM                  CHANGE                         WHY
Mon 2027-01-18 10:00  taro -> ana                    leave
Mon 2027-02-01 10:00  ana ->                         balance" head &&
	rota schedule generate h1 --dry-run >pipe.txt &&
	grep -x -F "Mon 2027-02-08 10:00  $C -> taro  leave" pipe.txt &&
	sed -n "2,7p" out | cut -c 23-52 >fitted &&
	sed -n "2,4p" pipe.txt | cut -c 23-60 >whole &&
	same_words whole fitted
'

test_expect_success '--wide and a pipe: every column whole' '
	leaves &&
	wide_is_pipe schedule check &&
	head -n 1 pipe.txt >head &&
	expect_file "TERM  PROBLEM  SHIFT  PERSON                          FROM                  TO                    DETAIL" head &&
	wide_is_pipe schedule generate h1 --dry-run &&
	grep -x -F "PROBLEM  SHIFT  PERSON                          FROM                  KEPT    DETAIL                                                                                     FIX" pipe.txt &&
	expect_status 65 rota --json schedule check &&
	mv out json &&
	expect_status 65 rota --json --width 40 schedule check &&
	cmp out json
'

test_done
