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
unset ROTA_CONFIG XDG_CONFIG_HOME XDG_DATA_HOME
TEST_NAME=$(basename "$0" .sh)
TEST_ROOT=$(mktemp -d "${TMPDIR:-/tmp}/rota-$TEST_NAME.XXXXXX")
trap 'rm -rf "$TEST_ROOT"' EXIT
test_count=0
test_failed=0

# rota, under valgrind when the build asks for it.
rota() {
	${ROTA_VALGRIND:-} "$ROTA_BIN" "$@"
}

test_expect_success() {
	local desc=$1 body=$2
	test_count=$((test_count + 1))
	local dir="$TEST_ROOT/$test_count"
	mkdir -p "$dir/home"
	if (
		cd "$dir" &&
		export HOME="$dir/home" ROTA_DB="$dir/rota.db" \
			ROTA_NOW="${ROTA_NOW:-2027-01-01T12:00:00Z}" &&
		eval "$body"
	) >"$dir/log" 2>&1; then
		echo "ok $test_count - $desc"
	else
		echo "not ok $test_count - $desc"
		sed 's/^/# /' "$dir/log"
		test_failed=$((test_failed + 1))
	fi
}

test_done() {
	echo "1..$test_count"
	[ "$test_failed" -eq 0 ]
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
