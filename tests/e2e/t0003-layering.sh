#!/bin/sh
# Dependencies point down only (README.md, "Layout"): tests/layering.sh
# reads the #include lines of every folder and names each one that points
# up. It passes on rota's own tree, and fails on a tree that breaks a rule.
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"

LAYERING="$ROTA_SRCDIR/tests/layering.sh"

# tree FOLDER...: a small tree whose Makefile.am includes FOLDER/local.mk
# for each FOLDER, each with an empty local.mk.
tree() {
	mkdir -p t && : >t/Makefile.am &&
	for d in "$@"; do
		mkdir -p "t/$d" && : >"t/$d/local.mk" &&
		echo "include $d/local.mk" >>t/Makefile.am || return 1
	done
}

# src FILE LINE...: writes the lines to t/FILE.
src() {
	local f=$1
	shift
	mkdir -p "$(dirname "t/$f")" && printf '%s\n' "$@" >"t/$f"
}

test_expect_success 'rota keeps its layers: no #include points up' '
	if sh "$LAYERING" "$ROTA_SRCDIR" >out 2>&1; then
		test ! -s out || { cat out && false; }
	else
		cat out && false
	fi
'

test_expect_success 'its own headers, those of lower folders and config.h pass' '
	tree common model store scheduler http calendars reports notify service cli bench sample &&
	src common/a.c "#include \"config.h\"" "#include <stdio.h>" "#include \"common/err.h\"" &&
	src model/model.h "#include <stdint.h>" &&
	src store/store.h "#include \"model/model.h\"" "#include \"common/err.h\"" &&
	src store/db.c "#include <sqlite3.h>" "#include \"store/store.h\"" &&
	src scheduler/g.c "#include \"model/model.h\"" &&
	src http/cache.c "#include \"store/import.h\"" &&
	src notify/n.c "#include \"calendars/feed.h\"" "#include \"reports/monthly.h\"" &&
	src service/s.c "#include \"notify/notify.h\"" "#include \"scheduler/generate.h\"" &&
	src cli/demo.c "#include \"service/swap.h\"" "#include \"sample/pages-gen.h\"" &&
	src bench/b.c "#include \"sample/pages-gen.h\"" "#include \"service/plan.h\"" &&
	src sample/pages-gen.c "#include \"common/tz.h\"" &&
	expect_status 0 sh "$LAYERING" t &&
	test ! -s out && test ! -s err
'

test_expect_success 'an include that points up fails, naming the file, line and rule' '
	tree common model store scheduler calendars reports service cli bench &&
	src store/store.h "#include <stdint.h>" "#include \"scheduler/model.h\"" &&
	src scheduler/generate.c "#include \"store/store.h\"" &&
	src common/tz.c "#include \"model/model.h\"" &&
	src calendars/feed.c "#  include \"notify/notify.h\"" &&
	src reports/pay.c "#include \"service/service.h\"" &&
	src service/swap.c "#include \"cli/util.h\"" &&
	src cli/demo.c "#include \"bench/bench-pages-gen.h\"" &&
	src bench/bench-pages.c "#include \"cli/demo.h\"" &&
	expect_status 1 sh "$LAYERING" t &&
	cat >expected <<-\EOF &&
	bench/bench-pages.c:1: #include "cli/demo.h": bench/ may include only bench/, common/, model/, store/, scheduler/, http/, calendars/, reports/, notify/, service/, sample/
	calendars/feed.c:1: #include "notify/notify.h": calendars/ may include only calendars/, common/, model/, store/, scheduler/, http/
	cli/demo.c:1: #include "bench/bench-pages-gen.h": cli/ may include only cli/, common/, model/, store/, scheduler/, http/, calendars/, reports/, notify/, service/, sample/
	common/tz.c:1: #include "model/model.h": common/ may include only common/
	reports/pay.c:1: #include "service/service.h": reports/ may include only reports/, common/, model/, store/, scheduler/, http/
	scheduler/generate.c:1: #include "store/store.h": scheduler/ may include only scheduler/, common/, model/
	service/swap.c:1: #include "cli/util.h": service/ may include only service/, common/, model/, store/, scheduler/, http/, calendars/, reports/, notify/
	store/store.h:2: #include "scheduler/model.h": store/ may include only store/, common/, model/
	EOF
	diff -u expected out
'

test_expect_success 'only store/ includes sqlite3.h' '
	tree store reports &&
	src store/db.c "#include <sqlite3.h>" &&
	src reports/stats.c "#include <stdio.h>" "#include <sqlite3.h>" &&
	expect_status 1 sh "$LAYERING" t &&
	expect_file "reports/stats.c:2: #include <sqlite3.h>: only store/ speaks SQL" out
'

test_expect_success 'a folder of C the build includes must have a rule' '
	tree common plugins &&
	src common/err.h "#include <stdio.h>" &&
	src plugins/p.c "#include \"common/err.h\"" &&
	expect_status 1 sh "$LAYERING" t &&
	expect_out "plugins/ has no rule: add one"
'

test_done
