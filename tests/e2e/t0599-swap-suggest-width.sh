#!/bin/sh
# swap suggest on a narrow terminal (issue 22): the rank, who (a long
# handle, cut) and how many days from their own shift stay; the time of
# that shift is left out first; why the others cannot take it wraps.
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib-team.sh"
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib-fit.sh"

test_expect_success 'swap suggest at 60: every column, the handle cut, the reasons wrapped' '
	wide_world &&
	rota --width 60 swap suggest 4 >out &&
	expect_file "RANK  PERSON                 NEAREST SHIFT         DAYS AWAY
1     christopher.vanderbi…  Mon 2027-01-11 10:00  7.0
Not ana: breaks the minimum gap of 1 shift(s) off: already
  on call from Mon 2027-02-01 10:00
  America/Argentina/Buenos_Aires (shift 5).
Not taro: breaks the minimum gap of 1 shift(s) off: already
  on call from Mon 2027-01-18 10:00
  America/Argentina/Buenos_Aires (shift 3)." out &&
	fits 60 out
'

test_expect_success 'swap suggest at 40: the time of the nearest shift goes' '
	wide_world &&
	rota --width 40 swap suggest 4 >out &&
	head -n 4 out >head &&
	expect_file "RANK  PERSON                   DAYS AWAY
1     christopher.vanderbilt…  7.0
(Left out to fit: NEAREST SHIFT; --wide
 shows it.)" head &&
	fits 40 out
'

test_expect_success 'swap suggest at 80, --wide and a pipe: whole' '
	wide_world &&
	wide_is_pipe swap suggest 4 &&
	rota --width 80 swap suggest 4 >out &&
	grep -x -F "1     christopher.vanderbilt-okonkwo  Mon 2027-01-11 10:00  7.0" out &&
	grep -x -F "Not ana: breaks the minimum gap of 1 shift(s) off: already on call from Mon" out &&
	fits 80 out &&
	grep -x -F "Not ana: breaks the minimum gap of 1 shift(s) off: already on call from Mon 2027-02-01 10:00 America/Argentina/Buenos_Aires (shift 5)." pipe.txt
'

test_expect_success 'a shift that does not exist: 65 at any width, nothing on stdout' '
	wide_world &&
	expect_status 65 rota --width 60 swap suggest 99 &&
	test ! -s out
'

test_done
