#!/bin/sh
# rota is a small launcher that runs rota-full for most commands: `make
# rota` makes both, so that what it gives works and is up to date. Asked
# of make with -n (nothing is built) and -W (as if a source had changed),
# in the build tree the suite runs from.
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"

# make_plan SOURCE TARGET: the commands `make TARGET` would run were
# SOURCE (a path in the source tree) newer than everything.
make_plan() {
	unset MAKEFLAGS MFLAGS MAKELEVEL &&
	make -n -C "$ROTA_BUILDDIR" -W "$1" "$2" >plan 2>make.err
}

test_expect_success 'make rota relinks rota-full when a source only rota-full has changed' '
	grep -q "cmd-pay\.c" "$ROTA_SRCDIR/cli/local.mk" &&
	! sed -n "/^rota_SOURCES/,/^[^	]/p" "$ROTA_SRCDIR/cli/local.mk" | grep -q "cmd-pay\.c" &&
	make_plan cli/cmd-pay.c rota &&
	grep -q "cmd-pay\.c" plan &&
	grep -q -- "-o rota-full " plan &&
	grep -q -- "-o rota " plan
'

test_expect_success 'make rota-full alone still leaves rota out' '
	make_plan cli/cmd-pay.c rota-full &&
	grep -q -- "-o rota-full " plan &&
	! grep -q -- "-o rota " plan
'

test_done
