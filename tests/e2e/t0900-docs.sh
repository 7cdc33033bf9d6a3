#!/bin/sh
# The documentation and what is installed with rota: the man pages, the
# example configuration and the bash completion agree with the program.
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"

MAN1="$ROTA_SRCDIR/man/rota.1"
MAN5="$ROTA_SRCDIR/man/rota.conf.5"
EXAMPLE="$ROTA_SRCDIR/etc/rota.conf"
CONFIG_C="$ROTA_SRCDIR/common/config.c"
COMP_SCRIPT="$ROTA_BUILDDIR/etc/rota.bash"

# commands: the names of the commands `rota --help` lists, one a line.
# A listed line starts with one or two words of a command; the usage line
# of `rota W1 W2 --help` tells which.
commands() {
	rota --help | sed -n '/^Commands:/,/^$/p' | sed '1d;/^$/d' |
	while read -r w1 w2 rest; do
		if rota "$w1" "$w2" --help 2>/dev/null | grep -q "^usage: rota $w1 $w2\( \|$\)"; then
			echo "$w1 $w2"
		else
			echo "$w1"
		fi
	done
}

# complete WORD...: the sorted words the completion offers for the last
# WORD (the words typed so far, after the program), on one line.
complete_words() {
	bash -c '. "$1" || exit 1; shift
		COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMPREPLY=()
		_rota || exit 1
		if [ ${#COMPREPLY[@]} -gt 0 ]; then
			printf "%s\n" "${COMPREPLY[@]}" | sort | tr "\n" " "
		fi
		echo' \
		complete "$COMP_SCRIPT" "$ROTA_BIN" "$@"
}

# config_keys: the keys and sections of common/config.c's table, one a line.
config_keys() {
	sed -n '/^} known\[\] = {/,/^};/p' "$CONFIG_C" | grep -o '"[a-z_]*"' | tr -d '"' | sort -u
}

# examples: the command lines of rota.1's EXAMPLES, continuations joined.
examples() {
	sed -n '/^\.Sh EXAMPLES/,/^\.Sh SEE ALSO/p' "$MAN1" |
	sed -n '/^\.Bd -literal/,/^\.Ed/p' | grep -v '^\.Bd\|^\.Ed' |
	sed 's/\\e$/\\/' |
	awk '/\\$/ { sub(/\\$/, ""); buf = buf $0; next } { print buf $0; buf = "" }'
}

# example_command LINE: the command an example line runs ("swap request"),
# given the list of commands in ./cmds; fails unless the line runs rota.
example_command() {
	eval "set -- $1"
	while [ $# -gt 0 ] && case $1 in *=*) true ;; *) false ;; esac; do
		shift
	done
	[ "${1:-}" = rota ] || return 1
	shift
	while [ $# -gt 0 ]; do
		case $1 in
		--db|--config|--as) shift; [ $# -gt 0 ] && shift ;;
		-*) shift ;;
		*) break ;;
		esac
	done
	if grep -qx "${1:-} ${2:-}" cmds; then echo "$1 $2"; else echo "${1:-}"; fi
}

test_expect_success 'both man pages are clean for mandoc -Tlint -W warning' '
	{
		{ mandoc -Tlint -W warning "$MAN1" && mandoc -Tlint -W warning "$MAN5"; } >lint 2>&1 &&
		test ! -s lint || { cat lint; false; }
	}
'

test_expect_success 'the man pages render with every section rota.1 promises' '
	mandoc -Tascii "$MAN1" | col -b >rota.1.txt &&
	for s in NAME SYNOPSIS DESCRIPTION "GLOBAL OPTIONS" COMMANDS ENVIRONMENT \
		FILES "EXIT STATUS" EXAMPLES "SEE ALSO"; do
		grep -qx "$s" rota.1.txt || { echo "rota.1 lacks $s"; exit 1; }
	done &&
	for v in ROTA_DB ROTA_CONFIG ROTA_NOW XDG_DATA_HOME XDG_CONFIG_HOME NO_COLOR; do
		grep -q "^\.It Ev $v$" "$MAN1" || { echo "ENVIRONMENT lacks $v"; exit 1; }
	done &&
	sed -n "/^EXIT STATUS/,/^EXAMPLES/p" rota.1.txt | grep -o "^     [0-9][0-9]*" |
		tr -d " " >codes &&
	for c in 0 64 65 66 69 73 74 75 77 78; do
		grep -qx "$c" codes || { echo "EXIT STATUS lacks $c"; exit 1; }
	done &&
	sort -n codes | uniq >sorted && cmp codes sorted &&
	mandoc -Tascii "$MAN5" | col -b >rota.conf.5.txt &&
	for s in "[core]" "[schedule]" "[rotation \"NAME\"]" "[feed]" "[report]" "[policy \"NAME\"]"; do
		grep -qxF "   $s" rota.conf.5.txt || { echo "rota.conf.5 lacks $s"; exit 1; }
	done
'

test_expect_success 'every command in rota --help is documented in rota.1' '
	commands >cmds && test -s cmds && grep -qx "person add" cmds &&
	grep -qx completion cmds &&
	while read -r c; do
		grep -Eq "^\.(It )?Cm $c( |$)" "$MAN1" || { echo "rota.1 lacks the command $c"; exit 1; }
	done <cmds
'

# documented OPTION: whether rota.1 names OPTION (--name or -o) as a flag.
documented() {
	case $1 in
	--*) grep -Eq "Fl \\\\-${1#--}( |$)" "$MAN1" ;;
	-?) grep -Eq "Fl ${1#-}( |$)" "$MAN1" ;;
	*) false ;;
	esac
}

test_expect_success 'every option of every command is documented in rota.1' '
	commands >cmds &&
	rota completion options >opts &&
	grep -qx "person add --name" opts && grep -qx "feed export -o" opts &&
	! grep -q "^completion " opts &&
	while read -r c; do
		grep "^$c -" opts >these || continue
		while read -r line; do
			o=${line##* }
			documented "$o" || { echo "rota.1 lacks $o of $c"; exit 1; }
		done <these
	done <cmds &&
	grep -v "^-" opts | while read -r line; do
		grep -qx "${line% -*}" cmds || { echo "not in rota --help: $line"; exit 1; }
	done
'

test_expect_success 'the global options are documented in rota.1' '
	rota completion options | grep "^-" >opts &&
	grep -qx -- --db opts && grep -qx -- --version opts && grep -qx -- -h opts &&
	while read -r o; do
		documented "$o" || { echo "rota.1 lacks $o"; exit 1; }
		case $o in --*) grep -q "^\.It Fl \\\\${o#-}" "$MAN1" || { echo "GLOBAL OPTIONS lacks $o"; exit 1; } ;; esac
	done <opts
'

test_expect_success 'the example configuration loads without error' '
	expect_status 0 rota --config "$EXAMPLE" init && { test ! -s err || { cat err; false; }; } &&
	ROTA_CONFIG=$EXAMPLE expect_status 0 rota person list && { test ! -s err || { cat err; false; }; }
'

test_expect_success 'every key rota knows is in the example and in rota.conf.5' '
	config_keys >keys && grep -qx holiday_weight keys && grep -qx policy keys &&
	grep -Eo "^#?[a-z_]+ =" "$EXAMPLE" | tr -d "#=" | tr -d " " | sort -u >example-keys &&
	grep -Eo "^\[[a-z]+" "$EXAMPLE" | tr -d "[" | sort -u >example-sections &&
	sort -u example-keys example-sections >example-all &&
	diff -u keys example-all &&
	while read -r k; do
		grep -qw "$k" "$MAN5" || { echo "rota.conf.5 lacks $k"; exit 1; }
	done <keys
'

test_expect_success 'every key of the example is set to the default rota.conf.5 gives' '
	awk "/^\.It Cm [a-z_]+ Ns/ { key = \$3 }
	     /^Default: [0-9]+\.\$/ && key != \"\" { sub(/\.\$/, \"\", \$2); print key, \$2; key = \"\" }" \
		"$MAN5" >defaults &&
	test "$(wc -l <defaults)" -ge 15 &&
	while read -r k v; do
		grep -Eq "^$k = $v\$" "$EXAMPLE" || { echo "example: $k is not $v"; exit 1; }
	done <defaults &&
	for k in currency policy timezone; do
		grep -A8 "^\.It Cm $k Ns" "$MAN5" | grep -A1 "^Default:\$" |
			sed -n "s/^\.Cm \([^ ]*\) .*/\1/p" | head -1 >want &&
		test -s want &&
		grep -q "^$k = $(cat want)\$" "$EXAMPLE" || { echo "example: $k is not $(cat want)"; exit 1; }
	done
'

test_expect_success 'a configuration with a typo is refused at its line' '
	sed "s/^freeze_days = 14/freeze_dayz = 14/" "$EXAMPLE" >typo.conf &&
	line=$(grep -n "^freeze_dayz" typo.conf | head -1 | cut -d: -f1) &&
	expect_status 78 rota --config typo.conf init &&
	expect_err "typo.conf:$line: unknown key '"'"'freeze_dayz'"'"' in [schedule]"
'

test_expect_success 'the completion script is built from the command table, valid bash' '
	test -f "$COMP_SCRIPT" &&
	bash -n "$COMP_SCRIPT" &&
	expect_status 0 rota completion bash &&
	cmp out "$COMP_SCRIPT" &&
	grep -q "^complete -F _rota rota$" out &&
	rota --help >help && grep -qx "Commands:" help &&
	grep -qx "\`rota completion bash\` or \`zsh\` prints a completion script." help &&
	grep -q "^  completion " help
'

test_expect_success 'completing the first word offers the commands' '
	complete_words pe >got && expect_file "person " got &&
	complete_words "" >got && tr " " "\n" <got >words &&
	grep -qx init words && grep -qx person words && grep -qx completion words &&
	complete_words --j >got && expect_file "--json " got &&
	complete_words --db x.db in >got && expect_file "init " got
'

test_expect_success 'completing rota person offers its subcommands and options' '
	complete_words person "" >got && expect_file "add list remove set show " got &&
	complete_words person add ana --ma >got && expect_file "--manager " got &&
	complete_words person set ana --no >got && expect_file "--no-manager --no-office " got &&
	complete_words person add ana --tz Europe/Dubl >got && expect_file "Europe/Dublin " got
'

test_expect_success 'completing rota sw offers swap, and rota swap its subcommands' '
	if rota --help | grep -q "^  swap "; then
		complete_words sw >got && expect_file "swap " got &&
		complete_words swap "" >got &&
		expect_file "accept cancel decline list request suggest " got
	else
		complete_words sw >got && expect_file "" got
	fi
'

test_expect_success 'handles come from the database, which completion never creates' '
	complete_words person show "" >got && expect_file "" got &&
	test ! -e rota.db &&
	expect_status 0 rota completion names handle && test ! -s out &&
	test ! -e rota.db &&
	rota person add ana --name Ana --email ana@example.com --tz UTC >/dev/null &&
	rota person add bo --name Bo --email bo@example.com --tz UTC >/dev/null &&
	complete_words person show "" >got && expect_file "ana bo " got &&
	complete_words --as a >got && expect_file "ana " got &&
	complete_words person show ana "" >got && expect_file "" got &&
	mv rota.db other.db &&
	complete_words --db other.db person remove b >got && expect_file "bo " got &&
	expect_status 64 rota completion names colours && expect_err "unknown kind" &&
	expect_status 64 rota completion fish && expect_err "usage: rota completion"
'

test_expect_success 'make install puts rota, the pages, the completion and the example in place' '
	unset MAKEFLAGS MFLAGS MAKELEVEL &&
	make -s -C "$ROTA_BUILDDIR" install DESTDIR="$PWD/inst" prefix=/usr >make.out 2>&1 &&
	(cd inst && find . -type f | sort) >installed &&
	expect_file "./usr/bin/rota
./usr/lib/systemd/system/rota-notify.service
./usr/lib/systemd/system/rota-notify.timer
./usr/lib/systemd/system/rota-publish.service
./usr/lib/systemd/system/rota-publish.timer
./usr/libexec/rota/rota-full
./usr/share/bash-completion/completions/rota
./usr/share/doc/rota/rota.conf.example
./usr/share/man/man1/rota.1
./usr/share/man/man5/rota.conf.5
./usr/share/zsh/vendor-completions/_rota" installed &&
	cmp inst/usr/share/bash-completion/completions/rota "$COMP_SCRIPT" &&
	cmp inst/usr/share/doc/rota/rota.conf.example "$EXAMPLE" &&
	cmp inst/usr/share/man/man1/rota.1 "$MAN1" &&
	cmp inst/usr/share/man/man5/rota.conf.5 "$MAN5" &&
	grep -qx "ExecStart=/usr/bin/rota notify" inst/usr/lib/systemd/system/rota-notify.service &&
	cmp inst/usr/lib/systemd/system/rota-notify.timer "$ROTA_SRCDIR/etc/rota-notify.timer" &&
	grep -qx "ExecStart=/usr/bin/rota publish --dir /var/lib/rota/feeds" \
		inst/usr/lib/systemd/system/rota-publish.service &&
	cmp inst/usr/lib/systemd/system/rota-publish.timer "$ROTA_SRCDIR/etc/rota-publish.timer" &&
	make -s -C "$ROTA_BUILDDIR" uninstall DESTDIR="$PWD/inst" prefix=/usr >make.out 2>&1 &&
	test -z "$(cd inst && find . -type f)"
'

test_expect_success 'the EXAMPLES of rota.1 run as written' '
	commands >cmds &&
	examples | sed "s|/tmp/rota-demo|$PWD/rota-demo|" >examples.txt &&
	test "$(wc -l <examples.txt)" -ge 25 &&
	ran=0 &&
	while IFS= read -r line; do
		c=$(example_command "$line") || { echo "not a rota command: $line"; exit 1; }
		grep -qx "$c" cmds || { echo "rota --help has no command $c: $line"; exit 1; }
		printf "$ %s\n" "$line"
		eval "$line" </dev/null || { echo "failed: $line"; exit 1; }
		ran=$((ran + 1))
	done <examples.txt &&
	test "$ran" = "$(wc -l <examples.txt)" &&
	test -f rota-demo/rota.db &&
	rota --json schedule show --from 2027-02-23 --to 2027-02-24 >out &&
	test "$(json "len(j), j[0][\"person\"], j[0][\"origin\"]")" = "1 dee swap" &&
	rota --json schedule show --from 2027-03-09 --to 2027-03-22 >out &&
	test "$(json "\" \".join(s[\"person\"] + \"@\" + s[\"start\"] for s in j)")" = \
		"dee@2027-03-08T10:00:00Z bo@2027-03-10T13:00:00Z cy@2027-03-15T10:00:00Z dee@2027-03-16T18:00:00Z cy@2027-03-17T08:00:00Z"
'

test_done
