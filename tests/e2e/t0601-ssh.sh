#!/bin/sh
# rota served over SSH through a real OpenSSH sshd (tests/e2e/lib-ssh.sh):
# a volunteer's and a manager's keys, each with the forced command rota
# serve HANDLE, and rota in client mode on their side (ROTA_REMOTE or
# [remote] host). What passes through must be byte for byte what the same
# command prints here; what would step outside is refused; hostile
# command lines change nothing.
#
# The check that a volunteer cannot open the database file itself, as
# another OS user, needs root (CI runs the suite as root): run as anyone
# else that test reports SKIP with the reason; every other test runs the
# service account as the user running the tests.
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib-swap.sh"
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib-ssh.sh"

test_expect_success_ssh() {
	if [ -n "$ssh_skip" ]; then
		test_count=$((test_count + 1))
		echo "ok $test_count - $1 # SKIP $ssh_skip"
		return 0
	fi
	test_expect_success "$@"
}

# same HANDLE ARGS...: rota ARGS through HANDLE's key and here (--as
# HANDLE) give the same exit status, standard output and error, byte for
# byte.
same() {
	local h=$1 got want
	shift
	remote $h rota "$@" >r.out 2>r.err && got=0 || got=$?
	rota --as $h "$@" >l.out 2>l.err && want=0 || want=$?
	[ "$got" = "$want" ] || { echo "rota $*: exit $got over ssh, $want here"; cat r.err; return 1; }
	cmp r.out l.out && cmp r.err l.err
}

test_expect_success_ssh 'a volunteer swaps over SSH; the manager accepts for the taker; audited as the keys'"'"' owners' '
	team && lay h1 ana bo cy dee ana bo && ssh_server ana mo &&
	expect_status 0 remote ana rota swap request 1 --with dee &&
	grep -qx "State: *open" out &&
	test ! -s err &&
	expect_status 0 remote mo rota --as dee swap accept 1 &&
	test "$(owner 1 | cut -d"|" -f1)" = dee &&
	test "$(audit_of swap.request | cut -d"|" -f1)" = ana &&
	test "$(audit_of swap.accept | cut -d"|" -f1)" = "mo as dee"
'

test_expect_success_ssh 'output, errors and exit status pass through byte for byte, --json too' '
	team && lay h1 ana bo cy dee ana bo && ssh_server ana mo &&
	same ana next &&
	same ana --json next &&
	same ana schedule show --person ana &&
	same ana --json swap list &&
	same ana pay 2027-01 &&
	same ana pay 2027-01 --format csv &&
	same ana now --at 2027-01-05 &&
	same ana swap request &&
	same ana person show nobody &&
	same ana frobnicate &&
	same ana next --count 0 &&
	same mo --json person list &&
	same mo report monthly 2027-01
'

test_expect_success_ssh 'a volunteer cannot override, generate, or step outside with --db, --config or --as' '
	team && lay h1 ana bo cy dee ana bo && ssh_server ana mo &&
	expect_unchanged 77 remote ana rota override 2 dee &&
	expect_file "rota: override: managers only (you are ana)" err &&
	expect_unchanged 77 remote ana rota schedule generate h1 &&
	expect_err "managers only (you are ana)" &&
	expect_unchanged 77 remote ana rota --db /tmp/mine.db next &&
	expect_file "rota: serve: --db is not allowed here: the database is the server'"'"'s" err &&
	expect_unchanged 77 remote ana rota --as mo person set ana --manager &&
	expect_file "rota: serve: --as is not allowed here: only managers act for someone else (you are ana)" err &&
	expect_unchanged 77 ssh_raw ana "rota --config /etc/passwd next" &&
	expect_file "rota: serve: --config is not allowed here: the configuration is the server'"'"'s" err &&
	expect_unchanged 77 ssh_raw ana "rota init" &&
	expect_file "rota: serve: init is not allowed here: it runs on the server only" err &&
	expect_unchanged 77 ssh_raw ana "rota report monthly -o /tmp/x" &&
	expect_err "--output is not allowed here" &&
	test ! -s out
'

test_expect_success_ssh 'the manager overrides, generates and acts for others over SSH' '
	team && lay h1 ana bo cy dee ana bo && ssh_server ana mo &&
	expect_status 0 remote mo rota override 2 dee &&
	test "$(owner 2 | cut -d"|" -f1)" = dee &&
	test "$(audit_of shift.override | cut -d"|" -f1)" = mo &&
	expect_status 0 remote mo rota --as ana leave add 2027-03-01 2027-03-02 &&
	test "$(audit_of leave.add | cut -d"|" -f1)" = "mo as ana" &&
	expect_status 0 remote mo rota --json person list &&
	test "$(json "len(j)")" = 6
'

test_expect_success_ssh 'the database is the service account'"'"'s alone: another OS user cannot open it' '
	team && ssh_server ana &&
	if [ "$(id -u)" != 0 ]; then
		echo "needs root: run make check as root, as CI does" && return 1
	fi &&
	test "$(stat -c "%U %a" rota.db)" = "$SSH_SVC 600" &&
	test "$(stat -c "%U %a" .)" = "$SSH_SVC 700" &&
	! setpriv --reuid=nobody --regid="$(id -g nobody)" --clear-groups \
		sqlite3 "$PWD/rota.db" "SELECT count(*) FROM persons" >out 2>err &&
	expect_err "unable to open database file" &&
	! setpriv --reuid=nobody --regid="$(id -g nobody)" --clear-groups \
		cat "$PWD/rota.db" >out 2>err &&
	expect_err "Permission denied" &&
	expect_status 0 remote ana rota next
'

test_expect_success_ssh 'the service account, owner of the database and no person, acts as a manager' '
	team && ssh_server ana &&
	expect_status 0 as_svc env ROTA_DB="$PWD/rota.db" "$ROTA_BIN" person add eve \
		--name Eve --email eve@example.com --tz UTC &&
	test "$(audit_of person.add | tail -n 1 | cut -d"|" -f1,2)" = "$SSH_SVC|eve"
'

test_expect_success_ssh 'client mode from the laptop'"'"'s rota.conf: [remote] host and port; ROTA_REMOTE wins' '
	team && lay h1 ana bo cy dee ana bo && ssh_server ana mo &&
	printf "[remote]\nhost = %s@127.0.0.1\nport = %s\nssh = %s\n" $SSH_SVC $SSH_PORT \
		"$PWD/keys/ssh-ana" >laptop.conf &&
	expect_status 0 env ROTA_DB=/nonexistent/x.db "$ROTA_BIN" --config laptop.conf next &&
	mv out r.out &&
	expect_status 0 rota --as ana next &&
	cmp out r.out &&
	expect_status 69 env ROTA_REMOTE=$SSH_SVC@127.0.0.1:1 "$ROTA_BIN" --config laptop.conf next &&
	expect_err "port 1: Connection refused" &&
	expect_err "rota: ssh to $SSH_SVC@127.0.0.1 failed (ssh'"'"'s message is above): nothing was run" &&
	expect_status 0 env ROTA_REMOTE= "$ROTA_BIN" --config laptop.conf --as ana next &&
	cmp out r.out
'

test_expect_success_ssh 'help, --version and completion work offline in client mode' '
	team &&
	printf "[remote]\nhost = nobody@127.0.0.1:1\nssh = /nonexistent/ssh\n" >laptop.conf &&
	expect_status 0 rota --config laptop.conf --help && expect_out "Commands:" &&
	expect_status 0 rota --config laptop.conf swap request --help &&
	expect_out "usage: rota swap request" &&
	expect_status 0 rota --config laptop.conf help swap && expect_out "swap request" &&
	expect_status 0 rota --config laptop.conf completion bash && expect_out "_rota" &&
	expect_status 0 rota --config laptop.conf --version &&
	expect_status 69 rota --config laptop.conf next &&
	expect_file "rota: cannot run /nonexistent/ssh: No such file or directory (set [remote] ssh in rota.conf)" err
'

test_expect_success_ssh '-o FILE is written on the client, atomically, and only when the command succeeds' '
	team && lay h1 ana bo cy dee ana bo && ssh_server mo &&
	expect_status 0 remote mo rota report monthly 2027-01 -o report.txt &&
	test ! -s out &&
	rota report monthly 2027-01 >want.txt &&
	cmp want.txt report.txt &&
	expect_status 0 remote mo rota feed export --person ana --output=ana.ics &&
	rota feed export --person ana >want.ics &&
	cmp want.ics ana.ics &&
	expect_status 0 remote mo rota pay 2027-01 --format csv -o pay.csv &&
	rota pay 2027-01 --format csv >want.csv &&
	cmp want.csv pay.csv &&
	echo old >kept.txt &&
	expect_status 64 remote mo rota report monthly 2027-13 -o kept.txt &&
	expect_err "2027-13" &&
	test "$(cat kept.txt)" = old &&
	expect_status 64 remote mo rota report monthly 2027-13 -o new.txt &&
	test ! -e new.txt &&
	test -z "$(ls -A | grep "^\.rota-tmp")"
'

test_expect_success_ssh 'page import reads a file on the client and sends it; a missing one sends nothing' '
	team && ssh_server mo ana &&
	printf "%s\n" "id,created_at,service,urgency,responder,acknowledged_at,resolved_at" \
		"P1,2027-01-05T03:00:00Z,api,high,ana,2027-01-05T03:05:00Z,2027-01-05T03:40:00Z" >pages.csv &&
	expect_status 0 remote mo rota page import pages.csv &&
	expect_file "imported 1 page (0 already known)" out &&
	test "$(sqlite3 rota.db "SELECT count(*) FROM pages")" = 1 &&
	expect_unchanged 66 remote mo rota page import missing.csv &&
	expect_file "rota: missing.csv: cannot read: No such file or directory" err &&
	expect_unchanged 77 remote ana rota page import pages.csv &&
	expect_file "rota: page import: managers only (you are ana)" err &&
	! grep -q "page import" srv/sshd.log.missing 2>/dev/null
'

test_expect_success_ssh 'hostile command lines over SSH run no shell and change nothing' '
	team && ssh_server ana &&
	db_dump >before.sql &&
	for line in "next; touch $PWD/pwned" "\$(touch $PWD/pwned)" "\`touch $PWD/pwned\`" \
		"next '"'"'x" "next \"x" "next | touch $PWD/pwned" "next && touch $PWD/pwned" \
		"next
touch $PWD/pwned" "person set ana --name \"\$(touch $PWD/pwned)
x\""; do
		! ssh_raw ana "$line" >out 2>err &&
		test ! -s out && test ! -e pwned || return 1
	done &&
	{ head -c 1048576 /dev/zero | tr "\\0" a >big; } &&
	! ssh_raw ana "next $(cat big)" >out 2>err &&
	test ! -s out &&
	db_dump >after.sql &&
	diff before.sql after.sql &&
	test ! -e pwned &&
	expect_status 64 ssh_raw ana "next '"'"'x" &&
	expect_file "rota: serve: the command was refused, nothing was run: the single quote at byte 6 is not closed" err &&
	expect_status 64 ssh_raw ana "next
x" &&
	expect_file "rota: serve: the command was refused, nothing was run: a control character at byte 5" err &&
	expect_status 64 ssh_raw ana "$(head -c 70000 big)" &&
	expect_file "rota: serve: the command was refused, nothing was run: longer than 65536 bytes" err
'

test_expect_success_ssh 'a login without a command is told what the account is for' '
	team && ssh_server ana &&
	expect_status 64 keys/ssh-ana -T -p "$SSH_PORT" $SSH_SVC@127.0.0.1 </dev/null &&
	expect_err "rota: serve: this account runs rota commands only"
'

test_expect_success_ssh 'words the client cannot send (a newline) are refused before ssh runs' '
	team && ssh_server ana &&
	expect_status 64 remote ana rota leave add 2027-03-01 2027-03-02 --reason "two
lines" &&
	expect_file "rota: argument 7 holds a control character (a newline?), which cannot be sent" err &&
	! grep -q "Accepted publickey" srv/sshd.log
'

test_expect_success_ssh 'a terminal'"'"'s colour and width travel: a table as on the terminal here' '
	team && ssh_server mo &&
	. "$ROTA_SRCDIR/tests/e2e/lib-tty.sh" &&
	printf "[remote]\nhost = %s@127.0.0.1:%s\nssh = %s\n" $SSH_SVC $SSH_PORT \
		"$PWD/keys/ssh-mo" >laptop.conf &&
	on_tty "stty cols 40; unset NO_COLOR; ROTA_CONFIG=$PWD/laptop.conf rota person list" &&
	mv tty remote.tty &&
	on_tty "stty cols 40; unset NO_COLOR; rota --as mo person list" &&
	cmp tty remote.tty &&
	grep -q "$(printf "\033\\[")" tty &&
	test "$(sed -n 1p tty | tr -d "\033" | wc -c)" -le 60 &&
	on_tty "stty cols 40; ROTA_CONFIG=$PWD/laptop.conf rota person list" &&
	mv tty remote.tty &&
	on_tty "stty cols 40; rota --as mo person list" &&
	cmp tty remote.tty &&
	! grep -q "$(printf "\033")" tty &&
	test "$(awk "{ if (length > m) m = length } END { print m }" tty)" -le 40
'

test_done
