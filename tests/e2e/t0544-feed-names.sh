#!/bin/sh
# File names from data (issue 21): publish --dir names each personal feed
# by its person's token and each rotation's by its name. A token read back
# from the database is checked before it names a file (65 naming the row;
# a tampered "../../x" wrote outside the folder), and no two rotations
# share a feed file (rotation a/b, id 3, and rotation a-b-3 both wrote
# a-b-3.ics): a name two would share stays the earlier rotation's and the
# later one gets its id, so adding a rotation never renames another's feed.
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"

# rotations NAME...: adds the rotations in order (ids 1, 2, ...).
rotations() {
	for r in "$@"; do
		rota rotation add "$r" --tier primary --tz UTC >/dev/null || return 1
	done
}

# calname FILE: the calendar name a feed file gives.
calname() {
	grep "^X-WR-CALNAME:" "$1" | tr -d "\r" | sed "s/^X-WR-CALNAME:On call \xe2\x80\x94 //"
}

# feeds DIR: each rotation feed file of DIR and the rotation it is for.
feeds() {
	for f in "$1"/*.ics; do
		echo "$(basename "$f") $(calname "$f")" || return 1
	done
}

test_expect_success 'a/b (id 3) and a-b-3 get two files, and each its own feed' '
	rotations ops esc "a/b" "a-b-3" &&
	expect_status 0 rota publish --dir pub &&
	feeds pub >got &&
	expect_file "a-b-3-4.ics a-b-3
a-b-3.ics a/b
esc.ics esc
ops.ics ops" got &&
	grep -o "href=\"[^\"]*\"" pub/index.html | sort >links &&
	expect_file "href=\"a-b-3-4.ics\"
href=\"a-b-3.ics\"
href=\"esc.ics\"
href=\"ops.ics\"" links
'

test_expect_success 'the earlier rotation keeps its file when a later one would take it' '
	rotations "a-b-2" &&
	expect_status 0 rota publish --dir pub &&
	rotations "a/b" &&
	expect_status 0 rota publish --dir pub &&
	feeds pub >got &&
	expect_file "a-b-2-2.ics a/b
a-b-2.ics a-b-2" got
'

test_expect_success 'names stay across publishes when rotations are added later' '
	rotations "a/b" &&
	expect_status 0 rota publish --dir pub &&
	feeds pub >first &&
	expect_file "a-b-1.ics a/b" first &&
	rotations "a-b-1" "a-b-1-3" "a b" &&
	expect_status 0 rota publish --dir pub &&
	feeds pub >got &&
	expect_file "a-b-1-2.ics a-b-1
a-b-1-3.ics a-b-1-3
a-b-1.ics a/b
a-b-4.ics a b" got
'

test_expect_success 'a name taken twice over still gets a file of its own' '
	rotations "a-b-3-3" "a-b-3" "a/b" &&
	expect_status 0 rota publish --dir pub &&
	feeds pub >got &&
	expect_file "a-b-3-3-3.ics a/b
a-b-3-3.ics a-b-3-3
a-b-3.ics a-b-3" got
'

test_expect_success 'a tampered feed token: publish exits 65 naming the person, writes nothing' '
	rotations ops &&
	rota person add ana --name Ana --email ana@example.com --tz UTC >/dev/null &&
	rota person add bo --name Bo --email bo@example.com --tz UTC >/dev/null &&
	expect_status 0 rota publish --dir pub &&
	mkdir -p there/pub &&
	sqlite3 rota.db "UPDATE persons SET feed_token = '"'"'../../x'"'"' WHERE handle = '"'"'bo'"'"'" &&
	ls -A pub >files.before &&
	cp -r pub pub.before &&
	expect_unchanged 65 rota publish --dir there/pub &&
	expect_file "rota: $ROTA_DB: person 2 (bo) has a feed token rota never makes ('"'"'../../x'"'"'), which cannot name a file: the database is damaged or was edited by hand; give them a new one with rota feed rotate-token bo" err &&
	test ! -e x.ics &&
	test ! -e there/x.ics &&
	ls -A there/pub >files &&
	test ! -s files &&
	expect_unchanged 65 rota publish --dir pub &&
	diff -r pub.before pub &&
	for t in 0123456789ABCDEF0123456789ABCDEF 0123456789abcdef0123456789abcde \
		0123456789abcdef0123456789abcdef0 "0123456789abcdef/123456789abcdef"; do
		sqlite3 rota.db "UPDATE persons SET feed_token = '"'"'$t'"'"' WHERE handle = '"'"'bo'"'"'" &&
		expect_unchanged 65 rota publish --dir pub &&
		expect_err "has a feed token rota never makes" || return 1
	done &&
	diff -r pub.before pub &&
	expect_status 0 rota feed rotate-token bo &&
	expect_status 0 rota publish --dir pub
'

test_done
