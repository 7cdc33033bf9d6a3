#!/bin/sh
# Progress bars through SSH (tests/e2e/lib-ssh.sh's real sshd): whether
# the caller's standard error is a terminal travels as --progress=always,
# so a manager's page import from a terminal draws its bar there as it
# would here, and one whose standard error is a file or pipe gets none;
# standard output and the exit status are the same either way. --progress
# decides for publish too (common/progress.c, the one rule), and rota
# serve still refuses what it refused. --color=auto given on the client
# means the client's terminal too.
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib-report.sh"
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib-ssh.sh"
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib-tty.sh"

# served HANDLE: lib-report.sh's team, a copy of it as ./here.db for the
# same commands run here, big.csv, and the database served over SSH to
# HANDLE's key (mo is the manager, ana a volunteer); ./laptop.conf is
# HANDLE's client configuration. The clock is then after January, whose
# pages big.csv holds (a page import wants them in the past). Fails,
# saying why, without OpenSSH.
served() {
	if [ -n "$ssh_skip" ]; then
		echo "$ssh_skip" && return 1
	fi &&
	team && big 10000 >big.csv && cp rota.db here.db &&
	export ROTA_NOW=2027-02-20T00:00:00Z &&
	ssh_server "$1" &&
	printf "[remote]\nhost = %s@127.0.0.1:%s\nssh = %s\n" $SSH_SVC $SSH_PORT \
		"$PWD/keys/ssh-$1" >laptop.conf
}

# pages DB: how many pages DB holds.
pages() {
	sqlite3 "$1" "SELECT count(*) FROM pages"
}

test_expect_success 'page import through SSH from a terminal: the bar is drawn there, byte for byte as here' '
	served mo &&
	on_tty "ROTA_CONFIG=$PWD/laptop.conf rota page import big.csv >out" &&
	mv tty remote.tty && mv out remote.out &&
	on_tty "ROTA_DB=$PWD/here.db rota --as mo page import big.csv >out" &&
	printf "imported 10000 pages (0 already known)\n" >expected &&
	cmp expected out &&
	cmp expected remote.out &&
	grep -q "importing \[#*  *\]  *[1-9][0-9]*%" tty &&
	grep -q "importing \[#########################\] 100%" tty &&
	cmp tty remote.tty &&
	test "$(pages rota.db)" = 10000
'

test_expect_success 'page import through SSH with standard error in a file or a pipe: no bar; output and status as here' '
	served mo &&
	expect_status 0 env ROTA_CONFIG="$PWD/laptop.conf" "$ROTA_BIN" page import big.csv &&
	test ! -s err &&
	printf "imported 10000 pages (0 already known)\n" >expected &&
	cmp expected out &&
	expect_status 0 env ROTA_CONFIG="$PWD/laptop.conf" "$ROTA_BIN" page import big.csv &&
	test ! -s err &&
	expect_file "imported 0 pages (10000 already known)" out &&
	{ env ROTA_CONFIG="$PWD/laptop.conf" "$ROTA_BIN" --json page import big.csv 2>&1 >out 3>&- |
		cat >err; } 3>&1 &&
	test ! -s err &&
	test "$(json "j[\"known\"]")" = 10000 &&
	on_tty "ROTA_CONFIG=$PWD/laptop.conf rota page import big.csv 2>err" &&
	test ! -s err &&
	printf "imported 0 pages (10000 already known)\n" >expected &&
	cmp expected tty
'

test_expect_success 'a failed import through SSH: the error under the bar on the terminal, exit 65, nothing imported, as here, naming the caller'"'"'s file' '
	served mo &&
	big 10000 | awk "NR == 9000 { print \"T9000,bad\"; next } { print }" >bad.csv &&
	{ on_tty "ROTA_CONFIG=$PWD/laptop.conf rota page import bad.csv"; test $? = 65; } &&
	mv tty remote.tty &&
	{ on_tty "ROTA_DB=$PWD/here.db rota --as mo page import bad.csv"; test $? = 65; } &&
	grep -q "importing \[#*  *\]  *[1-9][0-9]%" tty &&
	sed "\$d" tty >bar && sed "\$d" remote.tty >remote.bar &&
	cmp bar remote.bar &&
	tail -n 1 tty >last && expect_file "rota: bad.csv:9000: 2 fields where the header has 10" last &&
	tail -n 1 remote.tty >last && expect_file "rota: bad.csv:9000: 2 fields where the header has 10" last &&
	test "$(pages rota.db)" = 0 &&
	expect_status 65 env ROTA_CONFIG="$PWD/laptop.conf" "$ROTA_BIN" page import bad.csv &&
	test ! -s out &&
	expect_file "rota: bad.csv:9000: 2 fields where the header has 10" err &&
	test "$(pages rota.db)" = 0 &&
	expect_status 65 env ROTA_DB="$PWD/here.db" "$ROTA_BIN" --as mo page import - <bad.csv &&
	expect_file "rota: -:9000: 2 fields where the header has 10" err &&
	expect_status 65 env ROTA_DB="$PWD/here.db" "$ROTA_BIN" --as mo --input-name "my file.csv" \
		page import - <bad.csv &&
	expect_file "rota: my file.csv:9000: 2 fields where the header has 10" err &&
	test "$(pages here.db)" = 0
'

test_expect_success '--progress on the client decides: never hides the bar on a terminal, always draws it into a file' '
	served mo &&
	on_tty "ROTA_CONFIG=$PWD/laptop.conf rota --progress=never page import big.csv >out" &&
	test ! -s tty &&
	expect_file "imported 10000 pages (0 already known)" out &&
	cp here.db again.db &&
	expect_status 0 env ROTA_CONFIG="$PWD/laptop.conf" "$ROTA_BIN" --progress=always \
		page import big.csv &&
	expect_file "imported 0 pages (10000 already known)" out &&
	grep -q "importing \[#########################\] 100%" err &&
	mv err remote.err &&
	expect_status 0 env ROTA_DB="$PWD/again.db" "$ROTA_BIN" --as mo --progress=always \
		page import big.csv &&
	cmp err remote.err
'

test_expect_success 'through rota serve, --progress is allowed; what serve refuses stays refused' '
	served ana &&
	expect_status 0 ssh_raw ana "rota --progress=always next" &&
	mv out remote.out &&
	expect_status 0 rota --db here.db --as ana next &&
	cmp out remote.out &&
	expect_unchanged 77 ssh_raw ana "rota --progress=always page import -" <big.csv &&
	expect_file "rota: page import: managers only (you are ana)" err &&
	expect_unchanged 77 ssh_raw ana "rota --progress=always --db /tmp/x.db next" &&
	expect_file "rota: serve: --db is not allowed here: the database is the server'"'"'s" err &&
	expect_unchanged 77 ssh_raw ana "rota --progress always publish --dir /tmp/x" &&
	expect_file "rota: serve: publish is not allowed here: it runs on the server only, from the service account'"'"'s timer" err &&
	expect_unchanged 64 ssh_raw ana "rota --progress=sometimes next" &&
	expect_file "rota: --progress: '"'"'sometimes'"'"' is not always, never or auto (see rota --help)" err &&
	test ! -e /tmp/x.db && test ! -e /tmp/x
'

test_expect_success '--color=auto on the client means its own terminal, as --progress=auto does' '
	served mo &&
	on_tty "unset NO_COLOR; ROTA_CONFIG=$PWD/laptop.conf rota --color=auto person list" &&
	mv tty remote.tty &&
	on_tty "unset NO_COLOR; ROTA_DB=$PWD/here.db rota --as mo --color=auto person list" &&
	grep -q "$(printf "\033\\[")" tty &&
	cmp tty remote.tty &&
	expect_status 0 env -u NO_COLOR ROTA_CONFIG="$PWD/laptop.conf" "$ROTA_BIN" --color=auto person list &&
	! grep -q "$(printf "\033")" out &&
	mv out remote.out &&
	expect_status 0 rota --db here.db --as mo person list &&
	cmp out remote.out
'

test_expect_success 'publish follows the same rule here: --progress=never on a terminal, always into a file; a bad value is 64' '
	team &&
	on_tty "rota --progress=never publish --dir pub >out" &&
	test ! -s tty &&
	grep -qx "Personal feeds  *4" out &&
	expect_status 0 rota --progress=always publish --dir pub &&
	grep -q "publishing \[##############################\] 100% 6/6" err &&
	expect_status 0 rota --progress=auto publish --dir pub &&
	test ! -s err &&
	expect_unchanged 64 rota --progress= publish --dir pub &&
	expect_file "rota: --progress: '"'"''"'"' is not always, never or auto (see rota --help)" err &&
	test ! -s out
'

test_done
