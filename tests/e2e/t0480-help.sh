#!/bin/sh
# rota help [COMMAND...], rota GROUP --help and a bare rota GROUP: the
# commands of a group, one line each, for every group of the command table
# as rota --help lists it; an unknown group or command is a usage error
# with the nearest name.
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"

# listed: the Commands lines of rota --help. groups: the first words of
# the listed commands of two words (rota W1 W2 --help's usage line says).
listed_and_groups() {
	rota --help | sed -n '/^Commands:/,/^$/p' | sed '1d;/^$/d' >listed &&
	while read -r w1 w2 rest; do
		if rota "$w1" "$w2" --help 2>/dev/null | grep -q "^usage: rota $w1 $w2\( \|$\)"; then
			echo "$w1"
		fi
	done <listed | sort -u >groups
}

test_expect_success 'rota help prints what rota --help prints, exit 0' '
	rota --help >want &&
	expect_status 0 rota help && cmp want out && test ! -s err &&
	grep -q "^  help               list the commands" out &&
	test ! -e rota.db
'

test_expect_success 'every group lists its commands with rota G, rota G --help, -h and rota help G' '
	listed_and_groups &&
	grep -qx swap groups && grep -qx report groups && grep -qx person groups &&
	test "$(wc -l <groups)" -ge 12 &&
	while read -r g; do
		{
			echo "usage: rota $g COMMAND [ARGS]" && echo && echo "Commands:" &&
			grep "^  $g " listed && echo &&
			echo "\`rota help $g COMMAND\` or \`rota $g COMMAND -h\` for one command."
		} >want &&
		for form in "$g" "$g --help" "$g -h" "help $g"; do
			expect_status 0 rota $form || return 1
			test ! -s err || { cat err; return 1; }
			diff -u want out || { echo "rota $form"; return 1; }
		done
	done <groups &&
	test ! -e rota.db
'

test_expect_success 'rota swap lists exactly its six commands' '
	expect_status 0 rota swap &&
	expect_file "usage: rota swap COMMAND [ARGS]

Commands:
  swap request       ask someone to take one of your shifts, or part of it
  swap list          list open swap requests to and from you
  swap accept        take the shift of a swap request made to you
  swap decline       turn down a swap request made to you
  swap cancel        withdraw a swap request you made
  swap suggest       who could take a shift, best first

\`rota help swap COMMAND\` or \`rota swap COMMAND -h\` for one command." out
'

test_expect_success 'rota help COMMAND is rota COMMAND --help for every listed command' '
	listed_and_groups &&
	while read -r w1 w2 rest; do
		if grep -qx "$w1" groups; then set -- "$w1" "$w2"; else set -- "$w1"; fi
		rota "$@" --help >want || return 1
		expect_status 0 rota help "$@" || return 1
		cmp want out || { echo "rota help $*"; return 1; }
	done <listed &&
	rota help swap request >out && grep -q "^usage: rota swap request " out &&
	rota help help >out && grep -q "^usage: rota help \[COMMAND...\]" out
'

test_expect_success 'an unknown command or group is a usage error naming the nearest' '
	expect_status 64 rota swp && test ! -s out &&
	expect_file "rota: unknown command '"'"'swp'"'"'; did you mean '"'"'swap'"'"'? (see rota help)" err &&
	expect_status 64 rota swap reqest && test ! -s out &&
	expect_file "rota: unknown command '"'"'swap reqest'"'"'; did you mean '"'"'swap request'"'"'? (see rota help swap)" err &&
	expect_status 64 rota help swap reqest && test ! -s out &&
	expect_file "rota: unknown command '"'"'swap reqest'"'"'; did you mean '"'"'swap request'"'"'? (see rota help swap)" err &&
	expect_status 64 rota frobnicate &&
	expect_file "rota: unknown command '"'"'frobnicate'"'"' (see rota help)" err &&
	expect_status 64 rota help frobnicate &&
	expect_file "rota: unknown command '"'"'frobnicate'"'"' (see rota help)" err &&
	expect_status 64 rota swap frobnicate &&
	expect_file "rota: unknown command '"'"'swap frobnicate'"'"' (see rota help swap)" err &&
	expect_status 64 rota help now extra &&
	expect_file "rota: unknown command '"'"'now extra'"'"' (see rota help now)" err &&
	expect_status 64 rota swap --bogus &&
	expect_file "rota: swap takes a command before its options (see rota help swap)" err &&
	test ! -e rota.db
'

test_expect_success 'rota alone still prints the help on stderr, exit 64' '
	rota --help >want &&
	expect_status 64 rota && test ! -s out && cmp want err
'

test_done
