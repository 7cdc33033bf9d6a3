# The end-to-end test library: git's test_expect_success, printing TAP.
#
# Every test runs in a subshell in a fresh folder with a fresh database
# ($ROTA_DB), a scratch HOME, LANG=C, TZ=UTC and a pinned clock (ROTA_NOW).
# Shared set-ups are shell functions a test calls first.

set -u
: "${ROTA_BUILDDIR:=$(cd "$(dirname "$0")/../.." && pwd)}"
: "${ROTA_SRCDIR:=$ROTA_BUILDDIR}"
ROTA_BIN="$ROTA_BUILDDIR/rota"
export LANG=C LC_ALL=C TZ=UTC NO_COLOR=1
unset ROTA_CONFIG XDG_CONFIG_HOME XDG_DATA_HOME COLUMNS
TEST_NAME=$(basename "$0" .sh)
TEST_ROOT=$(mktemp -d "${TMPDIR:-/tmp}/rota-$TEST_NAME.XXXXXX")
# The EXIT trap stops every background process the tests recorded (see
# "Background processes" below) before removing TEST_ROOT; a signal exits
# through it too. A test file sets no EXIT trap of its own.
TEST_PIDS="$TEST_ROOT/pids"
trap 'test_cleanup' EXIT
trap 'exit 129' HUP
trap 'exit 130' INT
trap 'exit 143' TERM
test_count=0
test_failed=0
test_chain_broken=0

# rota, under valgrind when the build asks for it.
rota() {
	${ROTA_VALGRIND:-} "$ROTA_BIN" "$@"
}

test_expect_success() {
	local desc=$1 body=$2
	test_count=$((test_count + 1))
	local dir="$TEST_ROOT/$test_count"
	mkdir -p "$dir/home"
	if ! test_chain_lint "$body" "$dir" >"$dir/log" 2>&1; then
		test_stop_pids "$dir/pids" >>"$dir/log" 2>&1
		test_chain_broken=$((test_chain_broken + 1))
		echo "not ok $test_count - $desc"
		sed 's/^/# /' "$dir/log"
		test_failed=$((test_failed + 1))
	elif (
		test_body_env "$dir" &&
		test_eval_body "$body"
	) >"$dir/log" 2>&1; then
		test_stop_pids "$dir/pids" >>"$dir/log" 2>&1
		echo "ok $test_count - $desc"
	else
		test_stop_pids "$dir/pids" >>"$dir/log" 2>&1
		echo "not ok $test_count - $desc"
		sed 's/^/# /' "$dir/log"
		test_failed=$((test_failed + 1))
	fi
}

test_done() {
	echo "1..$test_count"
	if [ "$test_chain_broken" -gt 0 ]; then
		# an error of the script, whatever a wrapper made of the test (TODO)
		echo "# $test_chain_broken test bodies with a broken &&-chain"
		return 1
	fi
	[ "$test_failed" -eq 0 ]
}

# -- Background processes ------------------------------------------------
# Every process a test leaves running in the background (a server, a
# reader) is started with test_bg, which records its pid in the file
# $TEST_PIDS under TEST_ROOT (a shell variable would be lost with the test
# body's subshell). Those started in a test body are stopped when the body
# ends, however it ends (its subshell's EXIT trap, then test_expect_success
# again); those started at the top of a test file when the file's shell
# exits (test_cleanup). Stopping is SIGTERM, SIGKILL after 5 s, then a wait
# until each is gone. Its children get SIGTERM too (a function run in the
# background, nginx's workers); deeper descendants do not: start the
# server itself, not a shell around a shell around it.

# test_bg CMD [ARG...]: CMD in the background (redirect the call as CMD's
# output should go), recorded to be stopped; sets TEST_BG_PID.
test_bg() {
	"$@" &
	TEST_BG_PID=$!
	test_record_pid "$TEST_BG_PID"
}

# test_record_pid PID: records a process started otherwise (a daemon's
# pid file), with its start time: a pid the system has since given to
# another process is left alone.
test_record_pid() {
	echo "$1 $(test_pid_field "$1" 20)" >>"$TEST_PIDS"
}

# test_pid_field PID N: the Nth field of /proc/PID/stat after the command
# name (1: the state, 20: the start time); nothing when PID has gone.
test_pid_field() {
	local line
	{ read -r line <"/proc/$1/stat"; } 2>/dev/null || return 0
	line=${line##*) }
	set -- "$2" $line
	eval "echo \${$(($1 + 1))}"
}

# test_alive PID START: PID runs (is no zombie) and is the process recorded.
test_alive() {
	local line
	{ read -r line <"/proc/$1/stat"; } 2>/dev/null || return 1
	line=${line##*) }
	set -- "$2" $line
	[ "$2" != Z ] && [ "$2" != X ] && [ "${21}" = "$1" ]
}

# test_stop_pids FILE [PID...]: stops the processes FILE records (only
# these PIDs when given) and waits until they are gone (reaping those that
# are this shell's children); with no PID, empties FILE.
test_stop_pids() {
	local file=$1 pid start left i=0
	shift
	[ -s "$file" ] || return 0
	while read -r pid start; do
		test_pid_wanted "$pid" "$@" && test_alive "$pid" "$start" &&
			{ pkill -TERM -P "$pid"; kill -TERM "$pid"; } 2>/dev/null
	done <"$file"
	while :; do
		left=
		while read -r pid start; do
			test_pid_wanted "$pid" "$@" && test_alive "$pid" "$start" &&
				left="$left $pid"
		done <"$file"
		[ -n "$left" ] || break
		if [ $i -eq 50 ]; then
			echo "lib.sh: SIGTERM did not stop$left in 5 s: SIGKILL"
			kill -KILL $left 2>/dev/null
		elif [ $i -ge 100 ]; then
			echo "lib.sh: could not stop$left"
			return 1
		fi
		sleep 0.1
		i=$((i + 1))
	done
	while read -r pid start; do
		test_pid_wanted "$pid" "$@" && wait "$pid" 2>/dev/null
	done <"$file"
	[ $# -gt 0 ] || : >"$file"
	return 0
}

# test_pid_wanted PID [PID...]: PID is among the others, or there are none.
test_pid_wanted() {
	local p=$1 w
	shift
	[ $# -eq 0 ] && return 0
	for w in "$@"; do [ "$w" = "$p" ] && return 0; done
	return 1
}

# test_bg_stop PID...: stops these background processes now (a test that
# takes a server away half-way).
test_bg_stop() {
	test_stop_pids "$TEST_PIDS" "$@"
}

# test_cleanup: the EXIT trap: every recorded process stopped, TEST_ROOT
# removed.
test_cleanup() {
	local f
	for f in "$TEST_ROOT"/*/pids "$TEST_ROOT/pids"; do
		[ -f "$f" ] && test_stop_pids "$f" >&2
	done
	rm -rf "$TEST_ROOT"
}

# -- Running a test body ---------------------------------------------------

# test_body_env DIR: the test's folder, environment and EXIT trap (its
# background processes stopped), in the subshell that runs its body.
test_body_env() {
	cd "$1" &&
	export HOME="$1/home" ROTA_DB="$1/rota.db" \
		ROTA_NOW="${ROTA_NOW:-2027-01-01T12:00:00Z}" &&
	TEST_PIDS="$1/pids" &&
	trap 'test_stop_pids "$TEST_PIDS"' EXIT
}

# test_eval_body BODY: runs BODY inside a function, so that `return 1` (in
# a loop, say) fails the test in bash too (outside a function bash only
# complains and goes on).
test_eval_body() {
	eval "$1
"
}

# -- Chain lint --------------------------------------------------------------
# A test body is one chain of commands joined by &&: a command on a line
# that does not end in && (or ||, |, a do, then...) has its status dropped
# unless it is the last. As git's test suite once did, every body is first
# run as "(exit 117) && BODY": when the top-level chain is whole, the first
# && skips everything and the status is 117; a break lets the commands
# after it run (in a subshell, in the test's folder, traced) and the status
# is another. Such a test fails, naming the first command that ran.
#
# It sees the top-level chain: what is inside { }, ( ), an if, a loop or a
# function is not run, so not checked (end those lines with && too, or
# "|| return 1" in a loop). A body that defines a function chains the
# definition like any command: "f () { ...; } &&". A fallback at the top
# level runs in the lint too ("(exit 117) && a || b" runs b) and fails it:
# group it, "{ a || b; } &&".

# test_chain_lint BODY DIR: succeeds when BODY's top-level &&-chain is whole.
test_chain_lint() {
	local st
	(
		test_body_env "$2" >/dev/null 2>&1 || exit 1
		PS4='+ chain-lint ran: '
		set -x
		test_eval_body "(exit 117) && $1"
	) >"$2/chain-lint.log" 2>&1
	st=$?
	[ $st -eq 117 ] && return 0
	echo "broken &&-chain in the test body (lib.sh's chain lint: it exited $st, not 117):"
	grep '^+* chain-lint ran: ' "$2/chain-lint.log" |
		sed 's/^+* chain-lint ran: //' |
		grep -v '^\(exit 117\|test_eval_body .*\|eval .*\|test_stop_pids .*\)$' >"$2/chain-lint.ran"
	if [ -s "$2/chain-lint.ran" ]; then
		head -n 1 "$2/chain-lint.ran" | sed 's/^/    the first command run after the break: /'
	else
		echo "    no command ran: the body does not parse?"
		grep -v '^+* chain-lint ran: ' "$2/chain-lint.log" | head -n 5 | sed 's/^/    /'
	fi
	echo "(end each line of the chain with &&; group a fallback as { a || b; } &&)"
	return 1
}

# -- Bounded waits ---------------------------------------------------------
# A test never waits without a limit: every poll goes through test_wait_for.

# test_wait_for SECONDS WHAT CMD [ARG...]: runs CMD (quietly) every 0.1 s
# until it succeeds; after SECONDS fails, saying what it waited for.
test_wait_for() {
	local secs=$1 what=$2 n=0
	shift 2
	until "$@" >/dev/null 2>&1; do
		n=$((n + 1))
		if [ $n -gt $((secs * 10)) ]; then
			echo "timed out after $secs s waiting for $what"
			return 1
		fi
		sleep 0.1
	done
}

# free_port: a TCP port nobody listens on at the moment, on loopback (for
# a server a test starts: sshd, nginx, Radicale, a stub).
free_port() {
	/usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# expect_status N CMD...: runs CMD, keeping stdout in ./out and stderr in
# ./err, and fails unless it exits with N.
expect_status() {
	local want=$1 got
	shift
	"$@" >out 2>err && got=0 || got=$?
	if [ "$got" != "$want" ]; then
		echo "expected exit $want, got $got from: $*"
		echo "--- stdout"; cat out
		echo "--- stderr"; cat err
		return 1
	fi
}

# expect_err TEXT: ./err contains TEXT.
expect_err() {
	grep -F -- "$1" err >/dev/null || { echo "stderr lacks: $1"; cat err; return 1; }
}

# expect_out TEXT: ./out contains TEXT.
expect_out() {
	grep -F -- "$1" out >/dev/null || { echo "stdout lacks: $1"; cat out; return 1; }
}

# db_dump: the whole database as SQL, for before/after comparisons.
db_dump() {
	sqlite3 "$ROTA_DB" .dump
}

# expect_unchanged N CMD...: CMD fails with N and the database is unchanged.
expect_unchanged() {
	db_dump >before.sql
	expect_status "$@" || return 1
	db_dump >after.sql
	diff -u before.sql after.sql || { echo "the failed command changed the database"; return 1; }
}

# expect_equal EXPECTED ACTUAL-FILE: compares a file with the text.
expect_file() {
	printf '%s\n' "$1" >expected
	diff -u expected "$2"
}

# json QUERY: runs a Python expression on ./out parsed as JSON (as j).
json() {
	/usr/bin/python3 -c "import json,sys; j=json.load(open('out')); print($1)"
}

# -- A full file system ------------------------------------------------------
# rota_on_full_fs DIR ARG...: runs `rota ARG...` (stdout in ./out, stderr
# in ./err) with DIR on a file system filled to the brim: a small tmpfs
# mounted on DIR in a private mount namespace, holding a copy of what DIR
# held, then a file .fill taking every byte left. Afterwards DIR.after is
# what DIR then held (without .fill): the tmpfs goes with the namespace.
# Returns rota's status. As root (CI, in a chroot) the namespace is
# `unshare -m`; an ordinary user needs a user namespace too, `unshare -rm`.
rota_on_full_fs() {
	local dir=$1 ns
	shift
	if [ "$(id -u)" = 0 ]; then ns="unshare -m"; else ns="unshare -rm"; fi
	rm -rf "$dir.seed" "$dir.after" &&
	cp -a "$dir" "$dir.seed" &&
	mkdir "$dir.after" &&
	$ns sh -c '
		dir=$1; shift
		mount -t tmpfs -o size=512k,mode=0755 rota-full "$dir" || exit 125
		cp -a "$dir.seed/." "$dir/" || exit 125
		# Every byte: dd stops at ENOSPC (its own failure is expected).
		dd if=/dev/zero of="$dir/.fill" bs=4096 2>/dev/null
		[ "$(df -P "$dir" | awk "NR == 2 { print \$4 }")" = 0 ] || exit 125
		"$@" >out 2>err
		st=$?
		rm -f "$dir/.fill"
		cp -a "$dir/." "$dir.after/" || exit 125
		exit $st
	' sh "$dir" ${ROTA_VALGRIND:-} "$ROTA_BIN" "$@"
}
