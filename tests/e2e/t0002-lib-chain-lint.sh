#!/bin/sh
# lib.sh itself: its chain lint fails a test body with a broken &&-chain
# (and passes a whole one), `return 1` in a body's loop fails the test, and
# a background process a test starts is stopped when the test ends,
# whatever the body did. Each case runs lib.sh in a nested shell (sh, and
# bash when there is one) on a test file written here.
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"

SHELLS="sh"
command -v bash >/dev/null && SHELLS="sh bash"

# nested SHELL FILE: runs the test file FILE (which sources lib.sh) under
# SHELL, its TAP in ./tap; its own TEST_ROOT under ./tmp.
nested() {
	mkdir -p tmp &&
	{ TMPDIR="$PWD/tmp" "$1" "$2" >tap 2>&1; echo $? >status; } &&
	cat tap
}

# test_gone PID: no process PID runs (a zombie not yet reaped by init
# counts as gone).
test_gone() {
	! kill -0 "$1" 2>/dev/null || [ "$(test_pid_field "$1" 1)" = Z ]
}

test_expect_success 'a body with a missing && fails, naming the command after the break' '
	cat >bad.sh <<-\EOF &&
	. "$ROTA_SRCDIR/tests/e2e/lib.sh"
	test_expect_success "a dropped check" "
		echo first >first &&
		false
		echo second >second &&
		true
	"
	test_done
	EOF
	for sh in $SHELLS; do
		nested $sh bad.sh &&
		grep -qx "not ok 1 - a dropped check" tap &&
		grep -q "^# broken &&-chain in the test body" tap &&
		grep -qx "#     the first command run after the break: echo second" tap &&
		test "$(cat status)" != 0 || return 1
	done
'

test_expect_success 'a body whose chain is whole passes: { }, ( ), loops, if, a function, a here-document, a grouped fallback' '
	cat >good.sh <<-\EOF &&
	. "$ROTA_SRCDIR/tests/e2e/lib.sh"
	test_expect_success "a whole chain" "
		echo a >a &&
		{ echo b; echo c; } >bc &&
		( cd / && true; true ) &&
		check () { test -s \"\$1\"; } &&
		for f in a bc; do check \$f || return 1; done &&
		if test -s a; then echo yes >yes; fi &&
		cat >doc <<-EOT &&
		text
		EOT
		{ grep -q nothing a || true; } &&
		! grep -q nothing a &&
		check doc
	"
	test_done
	EOF
	for sh in $SHELLS; do
		nested $sh good.sh &&
		grep -qx "ok 1 - a whole chain" tap &&
		test "$(cat status)" = 0 || return 1
	done
'

test_expect_success 'an ungrouped fallback at the top level, and an unchained function definition, are flagged' '
	cat >fallback.sh <<-\EOF &&
	. "$ROTA_SRCDIR/tests/e2e/lib.sh"
	test_expect_success "a fallback" "
		test -e nothing || echo made >it &&
		true
	"
	test_expect_success "a function" "
		f () { true; }
		f
	"
	test_done
	EOF
	for sh in $SHELLS; do
		nested $sh fallback.sh &&
		grep -qx "not ok 1 - a fallback" tap &&
		grep -qx "#     the first command run after the break: echo made" tap &&
		grep -qx "not ok 2 - a function" tap &&
		grep -qx "#     the first command run after the break: f" tap &&
		grep -qx "# 2 test bodies with a broken &&-chain" tap || return 1
	done
'

test_expect_success 'a broken chain fails the file even when a wrapper makes the test a TODO' '
	cat >todo.sh <<-\EOF &&
	. "$ROTA_SRCDIR/tests/e2e/lib.sh"
	# a wrapper that makes the test a TODO: "not ok # TODO" is no failure
	test_expect_success "a dropped check" "
		false
		true
	" >todo.tap
	test_failed=$((test_failed - 1))
	sed "1s/\$/ # TODO/" todo.tap
	test_done
	EOF
	for sh in $SHELLS; do
		nested $sh todo.sh &&
		grep -qx "not ok 1 - a dropped check # TODO" tap &&
		test "$(cat status)" != 0 || return 1
	done
'

test_expect_success 'return 1 in a loop of a body fails the test (bash too)' '
	cat >ret.sh <<-\EOF &&
	. "$ROTA_SRCDIR/tests/e2e/lib.sh"
	test_expect_success "a loop that fails early" "
		for i in 1 2 3; do test \$i != 1 || return 1; done &&
		true
	"
	test_done
	EOF
	for sh in $SHELLS; do
		nested $sh ret.sh &&
		grep -qx "not ok 1 - a loop that fails early" tap || return 1
	done
'

test_expect_success 'test_bg: what a test starts is stopped when it ends, whatever the body did' '
	cat >bg.sh <<-\EOF &&
	. "$ROTA_SRCDIR/tests/e2e/lib.sh"
	test_bg sleep 601
	echo "$TEST_BG_PID" >"$PIDS/file"
	test_expect_success "a failing body" "
		test_bg sleep 602 && echo \$TEST_BG_PID >\"\$PIDS/fail\" && false
	"
	test_expect_success "a body that exits" "
		test_bg sleep 603 && echo \$TEST_BG_PID >\"\$PIDS/exit\" && exit 3
	"
	test_expect_success "a body with its own EXIT trap" "
		test_bg sleep 604 && echo \$TEST_BG_PID >\"\$PIDS/trap\" && trap true EXIT
	"
	test_expect_success "one stopped half-way" "
		test_bg sleep 605 && p=\$TEST_BG_PID && test_bg_stop \$p &&
		! kill -0 \$p 2>/dev/null
	"
	test_expect_success "still running after the ones before" "
		kill -0 \$(cat \"\$PIDS/file\")
	"
	test_done
	EOF
	mkdir -p pids &&
	for sh in $SHELLS; do
		PIDS="$PWD/pids" && export PIDS &&
		nested $sh bg.sh &&
		grep -qx "not ok 1 - a failing body" tap &&
		grep -qx "not ok 2 - a body that exits" tap &&
		grep -qx "ok 3 - a body with its own EXIT trap" tap &&
		grep -qx "ok 4 - one stopped half-way" tap &&
		grep -qx "ok 5 - still running after the ones before" tap &&
		for f in file fail exit trap; do
			p=$(cat pids/$f) &&
			test_wait_for 5 "sleep $p to be gone" test_gone $p || return 1
		done &&
		test -z "$(ls tmp)" || return 1
	done
'

test_done
