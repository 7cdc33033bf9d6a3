#!/bin/bash
# tests/mutation-check.sh [SRCDIR]: proves that the permission tests can
# fail. For each of three checks it disables the check in a copy of the
# tree, builds it and runs the tests that guard the check; at least one
# must fail ("killed"). A check whose removal leaves every test green
# "SURVIVED": its tests prove nothing.
#
#   (a) the --as gate in cli/actor.c (only managers and root act for
#       someone else);
#   (b) person remove's refusal of someone who still holds current or
#       future shifts (service/team.c, person_remove);
#   (c) the manager check of person set --manager / --no-manager
#       (service/team.c, person_set).
#
# Usage, from the repository's root, as root (the tests make OS users and
# run rota as them; run as anyone else they SKIP, and a skip kills
# nothing, so the script fails):
#
#   bash tests/mutation-check.sh            # the commit checked out (HEAD)
#   bash tests/mutation-check.sh /path/to/rota
#
# The copy is `git archive HEAD` of SRCDIR (a plain copy if SRCDIR is no
# git work tree): what is committed, never a build or uncommitted edits,
# so a clean clone that was never built will do. It needs autoconf,
# automake and the build's libraries (.ci/packages). The unmutated copy
# is built and tested first: the tests must pass there, or a broken test
# would pass for a kill. Each mutation is then made in that copy, built
# again (make recompiles the file changed) and tested, and undone before
# the next. Prints one line a mutation; exits 0 when every
# mutation is killed, 1 otherwise (a survivor, a failed build, a sed that
# no longer finds its line after the code moved). About 1-2 minutes on
# two cores. MUTATION_TESTS overrides the tests run (paths in the tree).
set -euo pipefail

src=$(cd "${1:-$(dirname "$0")/..}" && pwd)
tests=${MUTATION_TESTS:-tests/e2e/t0030-permissions.sh tests/e2e/t0010-person.sh}
jobs=${MAKE_JOBS:-2}

work=$(mktemp -d "${TMPDIR:-/tmp}/rota-mutation.XXXXXX")
trap 'rm -rf "$work"' EXIT
# The tests run the built rota as other OS users: they must reach it.
chmod 755 "$work"

die() {
	echo "mutation-check: $*" >&2
	exit 1
}

# The copy of the tree, and its configure.
tree=$work/tree
mkdir "$tree"
if git -C "$src" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
	git -C "$src" archive --format=tar HEAD | tar -x -C "$tree"
	echo "mutation-check: $(git -C "$src" log -1 --format='%h %s' | cut -c1-72)"
else
	cp -a "$src/." "$tree"
fi
(cd "$tree" && ./autogen.sh) >"$work/autogen.log" 2>&1 ||
	{ cat "$work/autogen.log" >&2; die "autogen.sh failed"; }

# build: (re)builds the tree in $tree/build; its output goes to $work/build.log.
build() {
	(cd "$tree/build" && make -j"$jobs") >"$work/build.log" 2>&1
}

# run_tests: runs the tests against the build; their TAP goes to
# $work/tests.log. Fails when a test fails.
run_tests() {
	local t rc=0
	: >"$work/tests.log"
	for t in $tests; do
		echo "## $t" >>"$work/tests.log"
		ROTA_BUILDDIR="$tree/build" ROTA_SRCDIR="$tree" timeout 600 sh "$tree/$t" \
			>>"$work/tests.log" 2>&1 || rc=1
	done
	return $rc
}

# failures: the tests that failed, as "t0030-permissions 4 12".
failures() {
	awk '/^## /{ t = $2; sub(".*/", "", t); sub("[.]sh$", "", t) }
	     /^not ok [0-9]+/{ f[t] = f[t] " " $3 }
	     END { for (t in f) printf "%s%s; ", t, f[t] }' "$work/tests.log" | sed 's/; $//'
}

# Unmutated: builds, and every test passes, none skipped.
mkdir "$tree/build"
(cd "$tree/build" && ../configure -q) >"$work/configure.log" 2>&1 ||
	{ tail -20 "$work/configure.log" >&2; die "configure failed"; }
build || { tail -20 "$work/build.log" >&2; die "the unmutated tree does not build"; }
if ! run_tests; then
	grep -v '^ok' "$work/tests.log" | head -40 >&2
	die "the tests fail on the unmutated tree: fix them first"
fi
if grep -q '# SKIP' "$work/tests.log"; then
	grep -m1 '# SKIP' "$work/tests.log" >&2
	die "the tests skip (not root?): a skipped test kills nothing"
fi
echo "mutation-check: the unmutated tree passes $(grep -c '^ok' "$work/tests.log") tests"

survived=0

# mutate FILE SED-SCRIPT DESCRIPTION: one mutation, built, tested and
# undone (the original copied back, newer, so that make rebuilds it).
mutate() {
	local file=$1 script=$2 what=$3
	cp "$tree/$file" "$work/original"
	sed -i -e "$script" "$tree/$file"
	if cmp -s "$work/original" "$tree/$file"; then
		echo "SURVIVED: $what: the sed changed nothing in $file (the code moved? update $0)"
		survived=$((survived + 1))
	elif ! build; then
		echo "SURVIVED: $what: the mutated tree does not build"
		tail -20 "$work/build.log" | sed 's/^/    /'
		survived=$((survived + 1))
	elif run_tests; then
		echo "SURVIVED: $what: every test passed without it"
		survived=$((survived + 1))
	elif ! grep -q '^not ok' "$work/tests.log"; then
		echo "SURVIVED: $what: the tests stopped without a failing case"
		tail -20 "$work/tests.log" | sed 's/^/    /'
		survived=$((survived + 1))
	else
		echo "killed: $what ($(failures))"
	fi
	cp "$work/original" "$tree/$file"
	touch "$tree/$file"
}

# (a) The gate: `if (!a->privileged)` right before the --as refusal.
mutate cli/actor.c \
	'/^\s*if (!a->privileged)$/{N;s/if (!a->privileged)\(\n[^\n]*"--as: only managers and root\)/if (0 \&\& !a->privileged)\1/}' \
	"the --as gate (cli/actor.c)"

# (b) `if (n > 0)` right before "still holds ... shifts".
mutate service/team.c \
	'/^\s*if (n > 0)$/{N;s/if (n > 0)\(\n[^\n]*still holds\)/if (0 \&\& n > 0)\1/}' \
	"the person remove shift check (service/team.c)"

# (c) `else if ((r = svc_require_manager(s, p->is_manager ? "person set --manager" ...`.
mutate service/team.c \
	's/else if ((r = svc_require_manager(s, p->is_manager ? "person set --manager"/else if (0 \&\& (r = svc_require_manager(s, p->is_manager ? "person set --manager"/' \
	"the manager check of person set --manager (service/team.c)"

[ "$survived" -eq 0 ] || die "$survived of 3 mutations survived"
echo "mutation-check: 3 of 3 mutations killed"
