#!/bin/sh
# Issue 21, failures are loud and leave nothing half-done: every file rota
# writes (report monthly -o, pay -o, feed export -o, each file of publish
# --dir) goes through one writer (common/atomic.h). On a file system filled to
# the brim (a small tmpfs, lib.sh's rota_on_full_fs) the command exits 74
# saying which file and why, the previous file is byte-identical, keeps
# its mode, no temporary is left, and the database is unchanged.
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"
. "$ROTA_SRCDIR/tests/e2e/lib-feed.sh"

# expect_full_fs DIR MESSAGE ARG...: `rota ARG...` run with DIR full exits
# 74 with MESSAGE alone on stderr and nothing on stdout, and leaves DIR as
# it was (the same files, bytes and modes) and the database unchanged.
expect_full_fs() {
	local dir=$1 msg=$2 st
	shift 2
	db_dump >before.sql &&
	(cd "$dir" && find . -mindepth 1 -printf "%p %m\n" | sort) >modes.before &&
	{ rota_on_full_fs "$dir" "$@" && st=0 || st=$?; } &&
	{ [ "$st" = 74 ] || { echo "exit $st, not 74, from rota $*"; cat out err; return 1; }; } &&
	expect_file "$msg" err &&
	test ! -s out &&
	diff -r "$dir" "$dir.after" &&
	(cd "$dir.after" && find . -mindepth 1 -printf "%p %m\n" | sort) >modes.after &&
	diff modes.before modes.after &&
	db_dump >after.sql &&
	diff before.sql after.sql
}

test_expect_success 'the full file system of these tests is full, and rota_on_full_fs returns the status' '
	mkdir fs && echo previous >fs/old && seq 2000 >src &&
	{ ROTA_BIN=/bin/cp rota_on_full_fs fs src fs/new && st=0 || st=$?; } &&
	test "$st" = 1 &&
	grep -q "No space left on device" err &&
	test -f fs.after/new && ! test -s fs.after/new &&
	cmp fs/old fs.after/old && ! test -e fs/new && ! test -e fs.after/.fill
'

test_expect_success 'report monthly -o, in each format, on a full disk: exit 74, the old report as it was' '
	feed_team &&
	mkdir fs &&
	for fmt in text csv json html; do
		printf "last month, %s\n" $fmt >fs/r.$fmt && chmod 640 fs/r.$fmt || return 1
	done &&
	for fmt in text csv json html; do
		expect_full_fs fs "rota: cannot write fs/r.$fmt: No space left on device" \
			report monthly 2027-03 --format $fmt -o fs/r.$fmt || return 1
	done &&
	expect_full_fs fs "rota: cannot write fs/new.csv: No space left on device" \
		report monthly 2027-03 --format csv -o fs/new.csv
'

test_expect_success 'pay -o, in each format, on a full disk: exit 74, the old pay file as it was' '
	feed_team &&
	mkdir fs &&
	for fmt in text csv json; do
		printf "last month, %s\n" $fmt >fs/pay.$fmt && chmod 640 fs/pay.$fmt || return 1
	done &&
	for fmt in text csv json; do
		expect_full_fs fs "rota: cannot write fs/pay.$fmt: No space left on device" \
			pay 2027-03 --format $fmt -o fs/pay.$fmt || return 1
	done &&
	expect_full_fs fs "rota: cannot write fs/new.csv: No space left on device" \
		pay 2027-03 --format csv -o fs/new.csv
'

test_expect_success 'feed export -o on a full disk: exit 74, the old feed as it was' '
	feed_team &&
	mkdir fs &&
	printf "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n" >fs/ops.ics &&
	expect_full_fs fs "rota: cannot write fs/ops.ics: No space left on device" \
		feed export --rotation ops -o fs/ops.ics &&
	expect_full_fs fs "rota: cannot write fs/ana.ics: No space left on device" \
		feed export --person ana -o fs/ana.ics
'

test_expect_success 'publish --dir on a full disk: exit 74, every feed and the index as they were' '
	feed_team &&
	rota publish --dir pub >/dev/null &&
	rota person add zed --name "Zed" --email zed@example.com --tz Europe/Dublin >/dev/null &&
	expect_full_fs pub "rota: cannot write the personal feed of ana in pub: No space left on device" \
		publish --dir pub &&
	test -z "$(token zed)" &&
	test $(ls pub | wc -l) = 12
'

test_expect_success 'with room on the disk: the file replaced, its mode kept; a new file gets 0666 less the umask' '
	feed_team &&
	umask 022 &&
	printf "old\n" >r.csv && chmod 640 r.csv &&
	expect_status 0 rota report monthly 2027-03 --format csv -o r.csv &&
	test "$(stat -c %a r.csv)" = 640 &&
	head -n 1 r.csv | grep -q "^month,handle,name," &&
	expect_status 0 rota report monthly 2027-03 --format html -o new.html &&
	test "$(stat -c %a new.html)" = 644 &&
	umask 077 &&
	expect_status 0 rota feed export --rotation ops -o ops.ics &&
	test "$(stat -c %a ops.ics)" = 600 &&
	test -z "$(ls -A | grep rota-tmp)"
'

test_done
