#!/bin/sh
# --color=always|never|auto and a terminal's width (issue 23: a command
# run through SSH, whose stdout is not the caller's terminal, is told the
# caller's terminal state): --color=always colours a pipe, even with
# NO_COLOR; --color=never leaves a terminal plain; auto is the rule of
# t0920. On a terminal tables fit its width (stty cols, else COLUMNS;
# --width first), and a pipe is never fitted unless --width says so.
#
# rota runs on a pseudo-terminal made by script(1) (util-linux).
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib-report.sh"
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib-tty.sh"

E=$(printf '\033')

# widest FILE: its longest line in characters (ASCII here).
widest() {
	awk '{ if (length($0) > m) m = length($0) } END { print m + 0 }' "$1"
}

test_expect_success '--color=always colours a pipe, NO_COLOR or not; the text is the same' '
	team &&
	rota person list >plain &&
	! grep -q "$E" plain &&
	rota --color=always person list >out &&
	head -n 1 out | grep -q "^$E\[1mHANDLE  NAME" &&
	sed "s/$E\[[0-9;]*m//g" out | cmp - plain &&
	NO_COLOR= rota --color=always person list | cmp - out &&
	rota --color always person list | cmp - out
'

test_expect_success '--color=always colours the monthly report on a pipe' '
	team && pages &&
	ROTA_NOW=2027-02-20T00:00:00Z rota --color=always report monthly 2027-01 >out &&
	grep -q "$E\[1;31mred" out &&
	ROTA_NOW=2027-02-20T00:00:00Z rota report monthly 2027-01 >plain &&
	! grep -q "$E" plain &&
	ROTA_NOW=2027-02-20T00:00:00Z rota --color=never report monthly 2027-01 | cmp - plain
'

test_expect_success '--color=never: no colour on a terminal; auto and NO_COLOR as before' '
	unset NO_COLOR &&
	team &&
	rota person list >plain &&
	on_tty "rota --color=never person list" &&
	cmp tty plain &&
	on_tty "rota person list" &&
	grep -q "$E\[1m" tty &&
	on_tty "rota --color=auto person list" &&
	grep -q "$E\[1m" tty &&
	NO_COLOR=1 on_tty "rota person list" &&
	cmp tty plain &&
	NO_COLOR=1 on_tty "rota --color=always person list" &&
	grep -q "$E\[1m" tty &&
	on_tty "rota --json --color=always person list" &&
	! grep -q "$E" tty
'

test_expect_success '--color takes always, never or auto: else 64, nothing printed' '
	team &&
	for v in yes ALWAYS "" 1; do
		expect_status 64 rota --color="$v" person list &&
		expect_file "rota: --color: '"'"'$v'"'"' is not always, never or auto (see rota --help)" err &&
		test ! -s out || return 1
	done
'

test_expect_success 'a terminal 60 columns wide gets tables fitted to 60; a pipe does not' '
	team &&
	rota person list >plain &&
	test "$(widest plain)" -gt 60 &&
	on_tty "stty cols 60 && rota person list" &&
	test "$(widest tty)" -le 60 &&
	grep -x -F "(Left out to fit: EMAIL; --wide shows it.)" tty &&
	rota --width 60 person list | cmp - tty &&
	on_tty "stty cols 60 && rota --wide person list" &&
	cmp tty plain &&
	on_tty "stty cols 60 && rota person list | cat" &&
	cmp tty plain &&
	COLUMNS=40 rota person list | cmp - plain
'

test_expect_success 'COLUMNS before the terminal size, --width before both' '
	team &&
	on_tty "stty cols 200 && COLUMNS=50 rota person list" &&
	rota --width 50 person list | cmp - tty &&
	on_tty "stty cols 200 && COLUMNS=50 rota --width 70 person list" &&
	rota --width 70 person list | cmp - tty &&
	on_tty "stty cols 200 && rota person list" &&
	rota person list | cmp - tty
'

test_done
