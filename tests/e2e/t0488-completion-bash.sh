#!/bin/sh
# rota completion bash, in a real interactive bash (in a pseudo-terminal,
# driven by tests/e2e/bash-complete.zsh): readline splits the line as it
# does for a person (--color=al is "--color" "=" "al") and calls the
# function; what it offers is what zsh offers (t0487), case by case: the
# commands and groups, a group's commands, rota help's words, global
# options and their values, a command's options (long and short) and
# their values, names from the database the line names; an option given
# is not offered again.
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"

BASH_SCRIPT="$ROTA_BUILDDIR/etc/rota.bash"

# bcomplete LINE: the sorted words bash offers for a tab after LINE, on
# one line ("swap " for "rota sw").
bcomplete() {
	PATH="$(dirname "$ROTA_BIN"):$PATH" zsh -f "$ROTA_SRCDIR/tests/e2e/bash-complete.zsh" \
		"$BASH_SCRIPT" "$PWD/offered" "$1" &&
	tr "\n" " " <offered && echo
}

test_expect_success 'the script is the one rota prints, and the driver sees what it offers' '
	expect_status 0 rota completion bash && cmp out "$BASH_SCRIPT" &&
	bcomplete "rota sw" >got && expect_file "swap " got &&
	bcomplete "rota zzz" >got && expect_file "" got
'

test_expect_success 'rota help offers the commands and groups, then a group'"'"'s commands' '
	bcomplete "rota " >all &&
	tr " " "\n" <all >words &&
	grep -qx person words && grep -qx swap words && grep -qx help words &&
	test "$(wc -l <words)" -gt 20 &&
	bcomplete "rota help " >got && cmp all got &&
	bcomplete "rota help sw" >got && expect_file "swap " got &&
	bcomplete "rota swap " >group &&
	expect_file "accept cancel decline list request suggest " group &&
	bcomplete "rota help swap " >got && cmp group got &&
	bcomplete "rota help swap re" >got && expect_file "request " got &&
	bcomplete "rota help report " >got && expect_file "fairness monthly " got &&
	bcomplete "rota help swap request " >got && expect_file "" got &&
	bcomplete "rota help now " >got && expect_file "" got
'

test_expect_success 'global options and their values, with a space or an =' '
	bcomplete "rota --j" >got && expect_file "--json " got &&
	bcomplete "rota --w" >got && expect_file "--wide --width " got &&
	bcomplete "rota -" >got && tr " " "\n" <got >opts &&
	for o in --db --config --json --as --color --width --wide --help -h --version; do
		grep -qx -- "$o" opts || { echo "rota - lacks $o"; return 1; }
	done &&
	bcomplete "rota --color " >got && expect_file "always auto never " got &&
	bcomplete "rota --color=" >got && expect_file "always auto never " got &&
	bcomplete "rota --color=n" >got && expect_file "never " got &&
	bcomplete "rota --width " >got && expect_file "" got &&
	bcomplete "rota --color never --wide sw" >got && expect_file "swap " got &&
	bcomplete "rota --width 60 swap " >got &&
	expect_file "accept cancel decline list request suggest " got
'

test_expect_success 'a command'"'"'s options, long and short, and their choices' '
	bcomplete "rota swap request --" >got &&
	expect_file "--from --help --to --with " got &&
	bcomplete "rota report monthly --format " >got && expect_file "csv html json text " got &&
	bcomplete "rota report monthly --format=" >got && expect_file "csv html json text " got &&
	bcomplete "rota pay --format=c" >got && expect_file "csv " got &&
	bcomplete "rota feed export -" >got && tr " " "\n" <got >opts &&
	grep -qx -- -o opts && grep -qx -- --output opts && grep -qx -- --person opts &&
	bcomplete "rota schedule generate -" >got && tr " " "\n" <got >opts &&
	grep -qx -- -n opts && grep -qx -- --dry-run opts &&
	bcomplete "rota swap request --with ana --" >got &&
	expect_file "--from --help --to " got &&
	bcomplete "rota feed export -o x.ics -" >got && expect_file "--help --person --rotation " got &&
	bcomplete "rota --color never -" >got && tr " " "\n" <got >opts &&
	! grep -qx -- --color opts && grep -qx -- --wide opts &&
	bcomplete "rota completion " >got && expect_file "bash zsh " got &&
	bcomplete "rota person add ana --tz Asia/Kolk" >got && expect_file "Asia/Kolkata " got
'

test_expect_success 'a file value, after the long option or its letter' '
	mkdir feeds && : >feeds.txt &&
	bcomplete "rota feed export --rotation ops --output fe" >got &&
	expect_file "feeds feeds.txt " got &&
	bcomplete "rota feed export --rotation ops -o fe" >got &&
	expect_file "feeds feeds.txt " got &&
	bcomplete "rota publish --dir fe" >got && expect_file "feeds " got
'

test_expect_success 'every command offers the options its table declares, and --help' '
	rota completion options | grep -v "^-" >table &&
	cut -d " " -f 1-2 table | sed "s/ -.*//" | sort -u >cmds &&
	test "$(wc -l <cmds)" -gt 20 &&
	while read -r c; do
		bcomplete "rota $c -" | tr " " "\n" | sed "/^$/d" | sort >got &&
		{ grep "^$c -" table | sed "s/^.* //"; echo --help; } | sort >want &&
		diff -u want got || { echo "rota $c -"; return 1; }
	done <cmds
'

test_expect_success 'names come from the database the line names, never creating one' '
	bcomplete "rota person show " >got && expect_file "" got &&
	test ! -e rota.db &&
	rota person add ana --name Ana --email ana@example.com --tz UTC >/dev/null &&
	rota person add bo --name Bo --email bo@example.com --tz UTC >/dev/null &&
	bcomplete "rota person show " >got && expect_file "ana bo " got &&
	bcomplete "rota --as a" >got && expect_file "ana " got &&
	mv rota.db other.db &&
	bcomplete "rota --db other.db person remove b" >got && expect_file "bo " got &&
	bcomplete "rota --db=other.db --as " >got && expect_file "ana bo " got &&
	test ! -e rota.db
'

test_done
