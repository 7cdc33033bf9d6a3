#!/bin/sh
# A busy database (issue 21): while a large page import holds the
# database (a file of 2 MB or more goes in in the rollback journal's mode,
# store_bulk_begin), every other command, reads included, waits for it as
# rota(1) promises (up to 5 s) instead of failing at once with 75: a new
# connection no longer asks for WAL mode, which needs the database to
# itself and which sqlite refuses without waiting, when the file is in
# that mode already, and carries on in the journal's mode when it cannot
# switch.
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib-pages.sh"

# big N: N pages of ana's from 2027-01-05, 97 s apart.
big() {
	awk -v n="$1" 'BEGIN {
		print "id,created_at,acknowledged_at,resolved_at,responder,service,alert,urgency,escalated,runbook_url"
		t0 = 1799107200
		for (i = 1; i <= n; i++) {
			t = t0 + i * 97
			printf "B%d,%s,,%s,ana,svc%d,alert %d,high,false,https://rb/x\n", i,
				strftime("%Y-%m-%dT%H:%M:%SZ", t, 1),
				strftime("%Y-%m-%dT%H:%M:%SZ", t + 600, 1), i % 3, i % 13
		}
	}'
}

# import_in_background: imports big.csv, its status into import.status,
# then touches import.done.
import_in_background() {
	rota page import big.csv >import.out 2>import.err && st=0 || st=$?
	echo $st >import.status
	touch import.done
}

# ms: milliseconds since the epoch.
ms() {
	echo $(($(date +%s%N) / 1000000))
}

# hammer: runs rota now and a write (person set) in turn until the file
# import.done appears, logging each command's status and milliseconds to
# hammer.log ("now 0 12"); at most 2000 rounds.
hammer() {
	i=0
	while [ ! -e import.done ] && [ $i -lt 2000 ]; do
		i=$((i + 1))
		t=$(ms)
		rota now >/dev/null 2>>hammer.err && st=0 || st=$?
		echo "now $st $(($(ms) - t))" >>hammer.log
		t=$(ms)
		rota person set bo --name "Bo $i" >/dev/null 2>>hammer.err && st=0 || st=$?
		echo "set $st $(($(ms) - t))" >>hammer.log
	done
}

test_expect_success 'reads and writes wait for a large page import instead of failing with 75' '
	schedule &&
	big 100000 >big.csv &&
	test "$(wc -c <big.csv)" -ge 3000000 &&
	: >hammer.log &&
	: >hammer.err &&
	test_bg import_in_background &&
	import=$TEST_BG_PID &&
	test_wait_for 30 "the import to begin" eval "test -e rota.db-journal || test -e import.done" &&
	hammer &&
	wait $import &&
	test "$(cat import.status)" = 0 &&
	expect_file "imported 100000 pages (0 already known)" import.out &&
	cat hammer.log &&
	test "$(grep -c "" hammer.log)" -ge 2 &&
	awk "\$2 != 0 && !(\$2 == 75 && \$3 >= 5000) { bad = 1; print \"failed:\", \$0 }
		END { exit bad }" hammer.log &&
	test "$(sqlite3 rota.db "SELECT count(*) FROM pages")" = 100000 &&
	# The import switches back to WAL as it ends, unless a command of the
	# hammer had the database open at that very moment (sqlite answers
	# BUSY to the switch without waiting): then the next command does.
	rota now >/dev/null &&
	test "$(sqlite3 rota.db "PRAGMA journal_mode")" = wal
'

test_expect_success 'after an import in the journal mode, the next command puts the database back in WAL mode' '
	schedule &&
	sqlite3 rota.db "PRAGMA journal_mode = DELETE" >/dev/null &&
	test "$(sqlite3 rota.db "PRAGMA journal_mode")" = delete &&
	expect_status 0 rota now &&
	test "$(sqlite3 rota.db "PRAGMA journal_mode")" = wal
'

test_done
