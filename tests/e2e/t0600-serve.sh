#!/bin/sh
# rota serve HANDLE, the forced command of a key in authorized_keys: the
# caller's command comes in SSH_ORIGINAL_COMMAND, is split into words
# without a shell and runs as HANDLE, with HANDLE's rights; what would
# step outside is refused before anything runs. Here serve is run as
# sshd runs it (the variable set, HANDLE given); t0601 goes through a
# real sshd.
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib-swap.sh"

# served HANDLE LINE: rota serve HANDLE with LINE as SSH_ORIGINAL_COMMAND.
served() {
	SSH_ORIGINAL_COMMAND=$2 rota serve "$1"
}

# refused STATUS HANDLE LINE MESSAGE: served exits STATUS saying MESSAGE
# (the whole of stderr), prints nothing, changes nothing, makes no file.
refused() {
	files >files.before &&
	expect_unchanged "$1" served "$2" "$3" &&
	expect_file "$4" err &&
	test ! -s out &&
	files | diff files.before -
}

# files: the test folder's files, less the database's and the tests' own.
files() {
	ls -A | grep -v -E "^(rota\.db.*|files\..*|before\.sql|after\.sql|out|err|expected)$"
}

test_expect_success 'without SSH_ORIGINAL_COMMAND (a login): a short usage, exit 64' '
	team &&
	(unset SSH_ORIGINAL_COMMAND && USER=rota && export USER &&
	 expect_unchanged 64 rota serve ana) &&
	expect_file "rota: serve: this account runs rota commands only, as in: ssh rota@HOST rota now (or rota with [remote] host in your rota.conf); no shell" err &&
	test ! -s out
'

test_expect_success 'the caller'"'"'s command runs as HANDLE: output and status as run locally' '
	team && lay h1 ana bo cy dee ana bo &&
	for line in "next" "rota next" "swap list" "schedule show --person ana" \
		"--json next" "rota --json person show ana" "pay 2027-01" "now --at 2027-01-05"; do
		expect_status 0 served ana "$line" &&
		mv out served.out && mv err served.err &&
		expect_status 0 rota --as ana ${line#rota } &&
		cmp out served.out && cmp err served.err || return 1
	done &&
	expect_status 64 served ana "swap request" &&
	mv out served.out && mv err served.err &&
	expect_status 64 rota --as ana swap request &&
	cmp out served.out && cmp err served.err &&
	expect_status 65 served ana "person show nobody" &&
	expect_file "rota: unknown person '"'"'nobody'"'"' (see rota person list)" err
'

test_expect_success 'a volunteer swaps their own shift through serve, audited as themselves' '
	team && lay h1 ana bo cy dee ana bo &&
	expect_status 0 served ana "swap request 1 --with dee" &&
	expect_status 0 served dee "swap accept 1" &&
	test "$(owner 1 | cut -d"|" -f1)" = dee &&
	test "$(audit_of swap.request | cut -d"|" -f1)" = ana &&
	test "$(audit_of swap.accept | cut -d"|" -f1)" = dee
'

test_expect_success 'a volunteer keeps a volunteer'"'"'s rights: no override, no generate, nobody else' '
	team && lay h1 ana bo cy dee ana bo &&
	expect_unchanged 77 served ana "override 2 ana" &&
	expect_file "rota: override: managers only (you are ana)" err &&
	expect_unchanged 77 served ana "schedule generate h1" &&
	expect_err "managers only (you are ana)" &&
	expect_unchanged 77 served ana "person set bo --name Bob" &&
	expect_file "rota: person set for someone else: managers only (you are ana)" err
'

test_expect_success 'serve refuses --db, --config and a volunteer'"'"'s --as, however spelt' '
	team &&
	refused 77 ana "--db /etc/passwd next" "rota: serve: --db is not allowed here: the database is the server'"'"'s" &&
	refused 77 ana "--db=other.db next" "rota: serve: --db is not allowed here: the database is the server'"'"'s" &&
	refused 77 ana "--d other.db next" "rota: serve: --db is not allowed here: the database is the server'"'"'s" &&
	refused 77 ana "--config /etc/shadow next" "rota: serve: --config is not allowed here: the configuration is the server'"'"'s" &&
	refused 77 mo "rota --conf=x.conf next" "rota: serve: --config is not allowed here: the configuration is the server'"'"'s" &&
	refused 77 ana "--as mo person set ana --manager" "rota: serve: --as is not allowed here: only managers act for someone else (you are ana)" &&
	refused 77 ana "--a=bo leave add 2027-03-01 2027-03-02" "rota: serve: --as is not allowed here: only managers act for someone else (you are ana)"
'

test_expect_success 'a manager acts for a volunteer with --as, audited as such, with their rights' '
	team && lay h1 ana bo cy dee ana bo &&
	expect_status 0 served mo "--as ana leave add 2027-03-01 2027-03-02" &&
	test "$(audit_of leave.add | cut -d"|" -f1)" = "mo as ana" &&
	expect_unchanged 77 served mo "--as ana override 2 ana" &&
	expect_file "rota: override: managers only (you are mo as ana)" err &&
	expect_status 0 served mo "override 2 dee" &&
	test "$(owner 2 | cut -d"|" -f1)" = dee
'

test_expect_success 'serve refuses the server'"'"'s own commands and options naming its files' '
	team &&
	refused 77 mo "init" "rota: serve: init is not allowed here: it runs on the server only" &&
	refused 77 mo "demo" "rota: serve: demo is not allowed here: it runs on the server only" &&
	refused 77 mo "serve ana" "rota: serve: serve is not allowed here: it runs on the server only" &&
	refused 77 mo "publish --dir feeds" "rota: serve: publish is not allowed here: it runs on the server only, from the service account'"'"'s timer" &&
	refused 77 mo "notify --dry-run" "rota: serve: notify is not allowed here: it runs on the server only, from the service account'"'"'s timer" &&
	refused 77 mo "report monthly 2027-01 -o report.txt" "rota: serve: --output is not allowed here: it names a file on the server (rota on your side takes -o and writes the file there)" &&
	refused 77 mo "feed export --person ana --output=ana.ics" "rota: serve: --output is not allowed here: it names a file on the server (rota on your side takes -o and writes the file there)" &&
	refused 77 ana "pay 2027-01 -o pay.txt" "rota: serve: --output is not allowed here: it names a file on the server (rota on your side takes -o and writes the file there)" &&
	refused 77 mo "page import $ROTA_DB" "rota: serve: page import '"'"'$ROTA_DB'"'"' is not allowed here: give - and send the file on standard input (rota on your side does)" &&
	refused 77 ana "leave import /etc/hostname" "rota: serve: leave import '"'"'/etc/hostname'"'"' is not allowed here: give - and send the file on standard input, or a URL (rota on your side does)" &&
	refused 77 mo "holiday import Dublin x.ics" "rota: serve: holiday import '"'"'x.ics'"'"' is not allowed here: give - and send the file on standard input, or a URL (rota on your side does)" &&
	refused 77 mo "key add ana /root/.ssh/id_ed25519.pub" "rota: serve: key add '"'"'/root/.ssh/id_ed25519.pub'"'"' is not allowed here: give - and send the file on standard input (rota on your side does)" &&
	refused 64 mo "frobnicate" "rota: unknown command '"'"'frobnicate'"'"' (see rota help)"
'

test_expect_success 'HANDLE must be a person: else 77 and nothing runs' '
	team &&
	refused 77 nobody "person add x --name X --email x@example.com --tz UTC" "rota: serve: '"'"'nobody'"'"' is no person in rota: the key'"'"'s command=\"rota serve nobody\" in authorized_keys names nobody; ask a manager" &&
	refused 77 nobody "help" "rota: serve: '"'"'nobody'"'"' is no person in rota: the key'"'"'s command=\"rota serve nobody\" in authorized_keys names nobody; ask a manager"
'

test_expect_success 'hostile command lines run no shell and change nothing' '
	team &&
	refused 64 ana "next; touch pwned" "rota: unknown command '"'"'next;'"'"'; did you mean '"'"'next'"'"'? (see rota help)" &&
	refused 64 ana "\$(touch pwned)" "rota: unknown command '"'"'\$(touch'"'"' (see rota help)" &&
	refused 64 ana "\`touch pwned\`" "rota: unknown command '"'"'\`touch'"'"' (see rota help)" &&
	refused 64 ana "next | touch pwned" "rota: next takes at most one HANDLE
usage: rota next [HANDLE] [--count N]" &&
	refused 64 ana "next '"'"'x" "rota: serve: the command was refused, nothing was run: the single quote at byte 6 is not closed" &&
	refused 64 ana "next \"x" "rota: serve: the command was refused, nothing was run: the double quote at byte 6 is not closed" &&
	refused 64 ana "next \\" "rota: serve: the command was refused, nothing was run: a backslash ends the line (byte 6)" &&
	refused 64 ana "next
touch pwned" "rota: serve: the command was refused, nothing was run: a control character at byte 5" &&
	refused 64 ana "$(printf "next\rx")" "rota: serve: the command was refused, nothing was run: a control character at byte 5" &&
	big=$(head -c 100000 /dev/zero | tr "\\0" a) &&
	refused 64 ana "person set ana --name $big" "rota: serve: the command was refused, nothing was run: longer than 65536 bytes"
'

test_expect_success 'quoted words arrive whole and literal: $(...) is a name, not a command' '
	team &&
	expect_status 0 served ana "person set ana --name '"'"'\$(touch pwned) \`id\`; x'"'"'" &&
	test ! -e pwned &&
	test "$(sqlite3 rota.db "SELECT name FROM persons WHERE handle = '"'"'ana'"'"'")" = "\$(touch pwned) \`id\`; x" &&
	expect_status 0 served ana "person set ana --name \"Ana \\\"the\\\" O'"'"'Neil\"" &&
	test "$(sqlite3 rota.db "SELECT name FROM persons WHERE handle = '"'"'ana'"'"'")" = "Ana \"the\" O'"'"'Neil"
'

test_expect_success 'page import - reads the file on standard input through serve' '
	team &&
	printf "%s\n" "id,created_at,service,urgency,responder,acknowledged_at,resolved_at" \
		"P1,2027-01-05T03:00:00Z,api,high,ana,2027-01-05T03:05:00Z,2027-01-05T03:40:00Z" >pages.csv &&
	expect_status 0 served mo "page import -" <pages.csv &&
	expect_file "imported 1 page (0 already known)" out &&
	test "$(sqlite3 rota.db "SELECT count(*) FROM pages")" = 1 &&
	expect_unchanged 77 served ana "page import -" <pages.csv &&
	expect_file "rota: page import: managers only (you are ana)" err
'

test_expect_success 'leave import - reads the calendar on standard input; the next one replaces it' '
	team &&
	ooo() {
		printf "%s\r\n" BEGIN:VCALENDAR VERSION:2.0 PRODID:-//t//EN BEGIN:VEVENT \
			UID:$1@example.com DTSTAMP:20261201T000000Z "DTSTART;VALUE=DATE:$2" \
			"DTEND;VALUE=DATE:$3" SUMMARY:away END:VEVENT END:VCALENDAR
	} &&
	ooo a 20270301 20270303 >a.ics && ooo b 20270401 20270402 >b.ics &&
	expect_status 0 served ana "leave import -" <a.ics &&
	expect_file "-: leave of ana: added 1, updated 0, removed 0, unchanged 0" out &&
	expect_status 0 served ana "leave import -" <b.ics &&
	expect_file "-: leave of ana: added 1, updated 0, removed 1, unchanged 0" out &&
	test "$(sqlite3 rota.db "SELECT count(*) FROM leave")" = 1
'

test_done
