#!/bin/sh
# rota notify's table on a narrow terminal (issue 22): who gets what
# stays, the subject wrapped under itself (never inside a word that fits
# a line), a long recipient cut last; the id, channel, kind and state are
# left out first; the summary line wraps too. --wide and a pipe print
# every column; nothing is sent or recorded by a dry run at any width.
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib-team.sh"
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib-notify.sh"
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib-fit.sh"

# due: wide_world, e-mail on, 30 minutes before the handoff from ana to
# christopher (10:00 in Buenos Aires).
due() {
	wide_world && notify_conf n.conf email=yes &&
	export ROTA_CONFIG="$PWD/n.conf" ROTA_NOW=2027-01-11T12:30:00Z
}

test_expect_success 'notify --dry-run at 80: recipient and subject, the subject wrapped' '
	due &&
	expect_unchanged 0 rota --width 80 notify --dry-run &&
	expect_file "TO                                                SUBJECT
Christopher Vanderbilt-Okonkwo <christopher.van…  On call in
                                                  payments-platform-primary from
                                                  Mon 2027-01-11 10:00
                                                  America/Argentina/Buenos_Aires
Ana Alves <ana@example.com>                       Handoff in
                                                  payments-platform-primary at
                                                  Mon 2027-01-11 10:00
                                                  America/Argentina/Buenos_Aires
(Left out to fit: ID, KIND, CHANNEL, STATE; --wide shows them.)
2 to send (dry run: nothing sent, nothing recorded)." out &&
	fits 80 out && test "$(notes)" = ""
'

test_expect_success 'notify --dry-run at 60 and 40: the recipient cut, the lines wrapped' '
	due &&
	expect_unchanged 0 rota --width 60 notify --dry-run &&
	fits 60 out &&
	head -n 2 out >head &&
	expect_file "TO                            SUBJECT
Christopher Vanderbilt-Okon…  On call in" head &&
	tail -n 3 out >tail &&
	expect_file "(Left out to fit: ID, KIND, CHANNEL, STATE; --wide shows
 them.)
2 to send (dry run: nothing sent, nothing recorded)." tail &&
	expect_unchanged 0 rota --width 40 notify --dry-run &&
	tail -n 2 out >tail &&
	expect_file "2 to send (dry run: nothing sent,
  nothing recorded)." tail
'

test_expect_success '--wide and a pipe: every column, the subjects whole' '
	due &&
	wide_is_pipe notify --dry-run &&
	expect_file "ID  KIND     CHANNEL  TO                                                                                    STATE    SUBJECT
1   handoff  email    Christopher Vanderbilt-Okonkwo <christopher.vanderbilt-okonkwo@payments.example.com>  pending  On call in payments-platform-primary from Mon 2027-01-11 10:00 America/Argentina/Buenos_Aires
2   handoff  email    Ana Alves <ana@example.com>                                                           pending  Handoff in payments-platform-primary at Mon 2027-01-11 10:00 America/Argentina/Buenos_Aires
2 to send (dry run: nothing sent, nothing recorded)." pipe.txt &&
	rota --json notify --dry-run >json &&
	rota --json --width 40 notify --dry-run | cmp - json
'

test_expect_success 'no channel on: 78 at any width, nothing printed, nothing recorded' '
	due && notify_conf n.conf email=no &&
	expect_unchanged 78 rota --width 60 notify --dry-run &&
	test ! -s out
'

test_done
