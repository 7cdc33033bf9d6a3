#!/bin/sh
# now and next on a narrow terminal (issue 22), with a long rotation
# name, a long handle and a long zone. now keeps who is on call and until
# when: the zone of UNTIL wraps under its time (never inside the zone's
# name), the tier goes, then the rotation and the handle are cut. next keeps the shift, its start and
# how long until it: the rotation is cut before anything goes, then the
# zone, the tier and the end are left out.
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib-team.sh"
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib-fit.sh"

C=christopher.vanderbilt-okonkwo

test_expect_success 'now at 80 and 60: who and until when stay' '
	wide_world &&
	export ROTA_NOW=2027-01-12T12:00:00Z &&
	rota --width 80 now >out &&
	expect_file "ROTATION          ON CALL                         UNTIL
payments-platfo…  christopher.vanderbilt-okonkwo  Mon 2027-01-18 10:00
                                                  America/Argentina/Buenos_Aires
(Left out to fit: TIER; --wide shows it.)" out &&
	fits 80 out &&
	rota --width 60 now >out &&
	expect_file "ROTATION    ON CALL           UNTIL
payments-…  christopher.van…  Mon 2027-01-18 10:00
                              America/Argentina/Buenos_Aires
(Left out to fit: TIER; --wide shows it.)" out &&
	fits 60 out
'

test_expect_success 'next at 80 and 60: the shift, its start and how long until it stay' '
	wide_world &&
	export ROTA_NOW=2027-01-12T12:00:00Z &&
	rota --width 80 next $C >out &&
	expect_file "ID  ROTATION         START                 END                   IN
2   payments-platf…  Mon 2027-01-11 10:00  Mon 2027-01-18 10:00  now, 6d 1h left
6   payments-platf…  Mon 2027-02-08 10:00  Mon 2027-02-15 10:00  27d 1h
(Left out to fit: TIER, ZONE; --wide shows them.)" out &&
	fits 80 out &&
	rota --width 60 next $C >out &&
	expect_file "ID  ROTATION           START                 IN
2   payments-platfor…  Mon 2027-01-11 10:00  now, 6d 1h left
6   payments-platfor…  Mon 2027-02-08 10:00  27d 1h
(Left out to fit: TIER, END, ZONE; --wide shows them.)" out &&
	fits 60 out
'

test_expect_success '--wide and a pipe: every column whole; JSON is not fitted' '
	wide_world &&
	export ROTA_NOW=2027-01-12T12:00:00Z &&
	wide_is_pipe now &&
	expect_file "ROTATION                   TIER     ON CALL                         UNTIL
payments-platform-primary  primary  $C  Mon 2027-01-18 10:00 America/Argentina/Buenos_Aires" pipe.txt &&
	wide_is_pipe next $C &&
	head -n 2 pipe.txt >head &&
	expect_file "ID  ROTATION                   TIER     START                 END                   ZONE                            IN
2   payments-platform-primary  primary  Mon 2027-01-11 10:00  Mon 2027-01-18 10:00  America/Argentina/Buenos_Aires  now, 6d 1h left" head &&
	rota --json next $C >json &&
	rota --json --width 40 next $C | cmp - json &&
	rota --json now >json &&
	rota --json --width 40 now | cmp - json
'

test_expect_success 'next of an unknown person at --width 60: 65, nothing on stdout' '
	wide_world &&
	expect_status 65 rota --width 60 next nobody &&
	test ! -s out
'

test_done
