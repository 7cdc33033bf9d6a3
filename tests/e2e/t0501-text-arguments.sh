#!/bin/sh
# The one rule for text on the command line: every argument, option values
# and positional ones, is valid UTF-8 without control characters (tab
# allowed). One check where the command line is parsed covers every
# command: exit 64 naming the option, nothing stored, no raw control
# character echoed.
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib-team.sh"
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib-text.sh"

# usage_refused LINE CMD...: CMD exits 64 and changes nothing; the first
# line of stderr is LINE, and stderr holds no raw control character.
usage_refused() {
	local line=$1
	shift
	expect_unchanged 64 "$@" &&
	head -n 1 err >first &&
	expect_file "$line" first &&
	no_raw_controls err
}

test_expect_success 'person set --name $'"'"'Cy\xff\xfe'"'"' is refused and the name kept' '
	team &&
	usage_refused "rota: --name: not UTF-8 at byte 3 (0xff)" \
		rota person set cy --name "$(printf "Cy\377\376")" &&
	expect_err "usage: rota person set" &&
	test "$(sqlite3 rota.db "SELECT name FROM persons WHERE handle = '\''cy'\''")" = "Person cy"
'

test_expect_success '--name with DEL or a C1 control (CSI, \xc2\x9b) is refused' '
	team &&
	usage_refused "rota: --name: a control character at byte 2 (0x7f)" \
		rota person add ed --name "$(printf "E\177d")" --email ed@example.com --tz UTC &&
	usage_refused "rota: --name: a control character at byte 2 (U+009B)" \
		rota person set cy --name "$(printf "C\302\2332J")" &&
	usage_refused "rota: --name: a control character at byte 2 (0x1b)" \
		rota person set cy "--name=$(printf "C\033[31my")" &&
	usage_refused "rota: --email: a line break at byte 3 (one line only)" \
		rota person set cy --email "$(printf "cy\nBcc: x@example.com")" &&
	test "$(sqlite3 rota.db "SELECT count(*) FROM persons WHERE handle = '\''ed'\''")" = 0
'

test_expect_success 'a positional argument is checked too, and named by its place' '
	team &&
	usage_refused "rota: argument 1: a control character at byte 2 (0x1b)" \
		rota person show "$(printf "x\033[31my")" &&
	usage_refused "rota: argument 2: not UTF-8 at byte 1 (0xfe)" \
		rota volunteer join h1 "$(printf "\376")"
'

test_expect_success 'a global option is checked before anything is opened' '
	team &&
	usage_refused "rota: --db: a control character at byte 2 (0x1b) (see rota --help)" \
		rota --db "$(printf "x\033]0;t\007")" person list &&
	test ! -e "$(printf "x\033]0;t\007")" &&
	usage_refused "rota: --as: a control character at byte 1 (U+0085) (see rota --help)" \
		rota --as "$(printf "\302\205")" person list
'

test_expect_success 'an unknown option with a control character is echoed escaped' '
	team &&
	usage_refused "rota: unknown option '"'"'--\\x1b[2J'"'"'" \
		rota person show "$(printf -- "--\033[2J")"
'

test_expect_success 'valid UTF-8 and a tab are taken as they are' '
	team &&
	expect_status 0 rota person set cy --name "$(printf "Cy \303\221\303\272\303\261ez\t\360\237\214\264")" &&
	printf "Cy \303\221\303\272\303\261ez\t\360\237\214\264\n" >want &&
	sqlite3 rota.db "SELECT name FROM persons WHERE handle = '\''cy'\''" >got &&
	cmp want got
'

test_done
