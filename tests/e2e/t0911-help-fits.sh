#!/bin/sh
# Every help text fits an 80-column terminal and starts with its usage
# line: rota --help, rota help, each group's list (rota GROUP, rota GROUP
# --help, rota help GROUP) and each command's help (rota CMD --help, rota
# help CMD), for every command rota help lists, so a new command is
# covered without touching this test. A command's help names every option
# its table declares (rota completion options), and the usage line a
# mistake prints is the help's, wrapped the same way.
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"

# commands: the names rota help lists, one a line ("swap request", "now"):
# a listed line starts with one word of a command or two; the usage line
# of rota W1 W2 --help tells which.
commands() {
	rota help | sed -n '/^Commands:/,/^$/p' | sed '1d;/^$/d' >listed &&
	while read -r w1 w2 rest; do
		if rota "$w1" "$w2" --help 2>/dev/null | grep -q "^usage: rota $w1 $w2\( \|$\)"; then
			echo "$w1 $w2"
		else
			echo "$w1"
		fi
	done <listed
}

# fits FILE WHAT: no line of FILE is wider than 80 terminal columns (tabs
# and wide characters counted as a terminal shows them).
fits() {
	[ "$(LC_ALL=C.UTF-8 wc -L <"$1")" -le 80 ] && return 0
	echo "$2: a line wider than 80 columns:"
	LC_ALL=C.UTF-8 grep -n '.\{81\}' "$1"
	return 1
}

# help_ok NAME ARG...: rota ARG... exits 0, prints on stdout only, a text
# that starts with "usage: rota NAME" (NAME empty: the program's) and fits.
help_ok() {
	local name=$1
	shift
	expect_status 0 rota "$@" || return 1
	test -s out || { echo "rota $*: printed nothing"; return 1; }
	test ! -s err || { echo "rota $*: printed on stderr:"; cat err; return 1; }
	head -n 1 out | grep -q "^usage: rota${name:+ $name}\( \|$\)" ||
		{ echo "rota $*: the first line is no usage line for $name:"; head -n 1 out; return 1; }
	fits out "rota $*"
}

# usage_block FILE: the lines of FILE from its usage line to the first
# empty one or the end.
usage_block() {
	sed -n '/^usage: /,/^$/p' "$1" | sed '/^$/d'
}

test_expect_success 'the checks see a line of 81 columns, and count columns, not bytes' '
	printf "%80s\n" x >80 && fits 80 eighty &&
	printf "%81s\n" x >81 && ! fits 81 eighty-one >/dev/null &&
	printf "%78s\342\202\254\342\202\254\n" "" >euro && fits euro euros
'

test_expect_success 'rota --help, rota -h and rota help fit and start with the usage line' '
	help_ok "" --help && cp out want &&
	help_ok "" -h && cmp want out &&
	help_ok "" help && cmp want out &&
	grep -qx "Commands:" out &&
	test ! -e rota.db
'

test_expect_success 'every group'"'"'s list fits, in each of its forms' '
	commands >cmds &&
	grep " " cmds | cut -d " " -f 1 | sort -u >groups &&
	grep -qx swap groups && grep -qx report groups && grep -qx volunteer groups &&
	while read -r g; do
		help_ok "$g" "$g" && help_ok "$g" "$g" --help &&
		help_ok "$g" help "$g" || return 1
		grep -q "^  $g " out || { echo "rota $g lists none of its commands"; return 1; }
	done <groups &&
	test ! -e rota.db
'

test_expect_success 'every command'"'"'s help fits, starts with its usage line, and rota help CMD is the same' '
	commands >cmds &&
	test "$(wc -l <cmds)" -gt 40 &&
	grep -qx "swap request" cmds && grep -qx now cmds && grep -qx help cmds &&
	while read -r c; do
		help_ok "$c" $c --help && cp out want &&
		help_ok "$c" help $c && cmp want out ||
		{ echo "rota help $c differs from rota $c --help"; return 1; }
	done <cmds &&
	test ! -e rota.db
'

test_expect_success 'a command'"'"'s help names every option its table declares' '
	commands >cmds &&
	rota completion options >opts &&
	grep -q "^feed export -o$" opts && grep -q "^swap request --with$" opts &&
	grep -v "^-" opts >command-opts &&
	sed "s/ -[^ ]*$//" command-opts | sort -u >with-options &&
	test "$(wc -l <with-options)" -gt 20 &&
	sort cmds | comm -13 - with-options >unlisted &&
	{ test ! -s unlisted || { echo "commands with options rota help does not list:"; cat unlisted; false; }; } &&
	while read -r line; do
		c=${line% *} o=${line##* } &&
		rota $c --help >help || return 1
		case $o in
		--*) pattern="^  \(-[[:alnum:]], \)\{0,1\}$o\( \|$\)" ;;
		*) pattern="^  $o, --" ;;
		esac
		grep -q -- "$pattern" help || { echo "rota $c --help does not list $o"; return 1; }
	done <command-opts &&
	rota --help >help &&
	for o in $(grep "^-" opts); do
		case $o in
		--*) pattern="^  \(-[[:alnum:]], \)\{0,1\}$o\( \|$\)" ;;
		*) pattern="^  $o, --" ;;
		esac
		grep -q -- "$pattern" help || { echo "rota --help does not list $o"; return 1; }
	done
'

test_expect_success 'the usage line a mistake prints fits too, and is the help'"'"'s' '
	commands >cmds &&
	rota init >/dev/null &&
	db_dump >before.sql &&
	while read -r c; do
		expect_status 64 rota $c --no-such-option || return 1
		test ! -s out || { echo "rota $c: printed on stdout"; return 1; }
		head -n 1 err >first &&
		expect_file "rota: unknown option '"'"'--no-such-option'"'"'" first &&
		fits err "rota $c --no-such-option" &&
		usage_block err >got &&
		rota $c --help >help && usage_block help >want &&
		diff -u want got || { echo "rota $c: the usage line differs"; return 1; }
	done <cmds &&
	db_dump >after.sql && cmp before.sql after.sql
'

test_done
