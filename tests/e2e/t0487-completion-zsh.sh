#!/bin/sh
# rota completion zsh: a #compdef function built from the command table,
# valid zsh, that a real interactive zsh (in a pseudo-terminal, driven by
# tests/e2e/zsh-complete.zsh) loads from $fpath and completes with:
# commands, groups, options, choices and names from the database; and
# make install puts it, and the bash one, where zsh and bash-completion
# look.
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"

ZSH_SCRIPT="$ROTA_BUILDDIR/etc/_rota"

# zcomplete LINE: the sorted words zsh offers for a tab after LINE, one
# line ("swap " for "rota sw").
zcomplete() {
	mkdir -p fpath && cp "$ZSH_SCRIPT" fpath/_rota &&
	PATH="$(dirname "$ROTA_BIN"):$PATH" zsh -f "$ROTA_SRCDIR/tests/e2e/zsh-complete.zsh" \
		"$PWD/fpath" "$PWD/offered" "$1" &&
	tr "\n" " " <offered && echo
}

test_expect_success 'the script is the one rota prints, valid zsh, a #compdef function' '
	test -f "$ZSH_SCRIPT" &&
	zsh -n "$ZSH_SCRIPT" &&
	expect_status 0 rota completion zsh &&
	cmp out "$ZSH_SCRIPT" &&
	head -n 1 out >first && expect_file "#compdef rota" first &&
	grep -q "^_rota \"\$@\"$" out &&
	test ! -e rota.db
'

test_expect_success 'every option of every command is in its command'"'"'s specs' '
	rota completion options | grep -v "^-" >opts &&
	test "$(wc -l <opts)" -gt 50 &&
	while read -r line; do
		cmd=${line% *} opt=${line##* } &&
		awk -v c="	'"'"'$cmd'"'"') reply=(" -v o="$opt" "
			\$0 == c { on = 1; next }
			on && /^	\) ;;/ { exit }
			on && index(\$0, o \"[\") || on && index(\$0, o \"=[\") || on && index(\$0, o \"+[\") { found = 1 }
			END { exit !found }" "$ZSH_SCRIPT" || { echo "no $opt in $cmd"; return 1; }
	done <opts
'

test_expect_success 'zsh completes rota sw to swap, a group'"'"'s commands, and rota help'"'"'s' '
	zcomplete "rota sw" >got && expect_file "swap " got &&
	zcomplete "rota swap " >got &&
	expect_file "accept cancel decline list request suggest " got &&
	zcomplete "rota rep" >got && expect_file "report " got &&
	zcomplete "rota " >got && tr " " "\n" <got >words &&
	grep -qx person words && grep -qx completion words && grep -qx pay words &&
	test "$(wc -l <words)" -gt 20 &&
	zcomplete "rota help sw" >got && expect_file "swap " got &&
	zcomplete "rota help swap re" >got && expect_file "request " got &&
	zcomplete "rota help now " >got && expect_file "" got
'

test_expect_success 'zsh completes a command'"'"'s options and their choices' '
	zcomplete "rota swap request --" >got &&
	expect_file "--from --help --to --with " got &&
	zcomplete "rota report monthly --format " >got && expect_file "csv html json text " got &&
	zcomplete "rota pay --format=c" >got && expect_file "csv " got &&
	zcomplete "rota --j" >got && expect_file "--json " got &&
	zcomplete "rota completion " >got && expect_file "bash zsh " got &&
	zcomplete "rota person add ana --tz Asia/Kolk" >got && expect_file "Kolkata " got
'

test_expect_success 'zsh offers the handles of the database the line names, never creating one' '
	zcomplete "rota person show " >got && expect_file "" got &&
	test ! -e rota.db &&
	rota person add ana --name Ana --email ana@example.com --tz UTC >/dev/null &&
	rota person add bo --name Bo --email bo@example.com --tz UTC >/dev/null &&
	zcomplete "rota person show " >got && expect_file "ana bo " got &&
	zcomplete "rota --as a" >got && expect_file "ana " got &&
	mv rota.db other.db &&
	zcomplete "rota --db other.db person remove b" >got && expect_file "bo " got &&
	zcomplete "rota --db=other.db --as " >got && expect_file "ana bo " got &&
	test ! -e rota.db
'

test_expect_success 'make install puts the bash and zsh completions where each shell looks' '
	unset MAKEFLAGS MFLAGS MAKELEVEL &&
	make -s -C "$ROTA_BUILDDIR" install DESTDIR="$PWD/inst" prefix=/usr >make.out 2>&1 &&
	cmp inst/usr/share/bash-completion/completions/rota "$ROTA_BUILDDIR/etc/rota.bash" &&
	cmp inst/usr/share/zsh/vendor-completions/_rota "$ZSH_SCRIPT" &&
	make -s -C "$ROTA_BUILDDIR" uninstall DESTDIR="$PWD/inst" prefix=/usr >make.out 2>&1 &&
	test ! -e inst/usr/share/zsh/vendor-completions/_rota &&
	test ! -e inst/usr/share/bash-completion/completions/rota
'

test_done
