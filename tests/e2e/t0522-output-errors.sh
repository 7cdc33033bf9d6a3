#!/bin/sh
# Issue 21: standard output that cannot be written (/dev/full) is exit 74
# with a message; a closed output pipe ends rota quietly, by SIGPIPE, as
# it ends other tools (status 141), even when SIGPIPE was ignored by
# whoever started it; text that is not UTF-8 shows in HTML as U+FFFD,
# never half a page; a killed publish leaves nothing others can read, and
# SIGTERM leaves nothing at all.
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"
. "$ROTA_SRCDIR/tests/e2e/lib-feed.sh"

# closed_pipe ARG...: runs `rota ARG...` with its standard output a pipe
# whose reader has already gone (it closes its end, then lets rota start
# through the FIFO ./go); rota's status in ./status, its stderr in ./err.
closed_pipe() {
	rm -f go && mkfifo go &&
	{ read -r _ <go; rota "$@" 2>err; echo $? >status; } | { exec 0<&-; echo >go; }
}

test_expect_success 'standard output on a full device: exit 74 and a message, for every writer' '
	feed_team &&
	for args in "pay 2027-03" "pay 2027-03 --format csv" "pay 2027-03 --format json" \
		"report monthly 2027-03" "report monthly 2027-03 --format csv" \
		"report monthly 2027-03 --format json" "report monthly 2027-03 --format html" \
		"feed export --rotation ops" "feed export --person ana" "audit" \
		"--json page list" "schedule show --rotation ops"; do
		expect_unchanged 74 sh -c "exec \"\$0\" $args >/dev/full" "$ROTA_BIN" &&
		expect_err "rota: cannot write" &&
		test $(wc -l <err) = 1 || return 1
	done
'

test_expect_success 'a closed pipe ends rota quietly, by SIGPIPE (141), as it ends cat' '
	feed_team &&
	for args in "audit" "--json page list" "report monthly 2027-03 --format html" \
		"pay 2027-03 --format csv" "feed export --rotation ops"; do
		closed_pipe $args &&
		test "$(cat status)" = 141 &&
		test ! -s err || { echo "rota $args: exit $(cat status)"; cat err; return 1; }
	done &&
	rm -f go && mkfifo go &&
	{ read -r _ <go; seq 100000; echo $? >status; } | { exec 0<&-; echo >go; } &&
	test "$(cat status)" = 141
'

test_expect_success 'a closed pipe is quiet even when SIGPIPE was ignored by the caller' '
	feed_team &&
	trap "" PIPE &&
	closed_pipe audit &&
	test "$(cat status)" = 141 &&
	test ! -s err
'

# Text that is not UTF-8 (a database edited by hand) made libxml2's encoder
# fail in the middle of the page ("I/O error : encoder error"): half a page
# on standard output. HTML now shows such text with U+FFFD, as JSON does
# (common/html-save.c repairs the document), and the page is made whole in
# memory before its first byte is written.
test_expect_success 'text that is not UTF-8: report --format html is a whole page with U+FFFD, to a file and to stdout' '
	feed_team &&
	sqlite3 rota.db "UPDATE persons SET name = '"'"'Cy'"'"' || X'"'"'FFFE'"'"' || '"'"'<b>'"'"' WHERE handle = '"'"'cy'"'"'" &&
	echo "last month" >r.html &&
	expect_unchanged 0 rota report monthly 2027-03 --format html -o r.html &&
	test ! -s err &&
	test "$(tail -n 1 r.html)" = "</html>" &&
	grep -q "Cy&#65533;&#65533;&lt;b&gt;" r.html &&
	test -z "$(ls -A | grep rota-tmp)" &&
	expect_unchanged 0 rota report monthly 2027-03 --format html &&
	test ! -s err &&
	cmp out r.html &&
	/usr/bin/python3 -c "import html.parser, sys; p = html.parser.HTMLParser(); p.feed(open(\"r.html\", encoding=\"ascii\").read()); p.close()"
'

test_expect_success 'text that is not UTF-8: publish writes a whole index.html with U+FFFD' '
	feed_team &&
	rota publish --dir pub >/dev/null &&
	sqlite3 rota.db "UPDATE persons SET name = '"'"'Cy'"'"' || X'"'"'FFFE'"'"' WHERE handle = '"'"'cy'"'"'" &&
	expect_unchanged 0 rota publish --dir pub &&
	test ! -s err &&
	test "$(tail -n 1 pub/index.html)" = "</html>" &&
	grep -q "Cy&#65533;&#65533;" pub/index.html
'

# Before, rota pay --format json left such a person out of the array and
# report monthly --format json dropped the keys, with exit 0. Text that is
# not UTF-8 (a database edited by hand) shows U+FFFD, as in every --json.
test_expect_success 'text jansson refuses: pay and report JSON show U+FFFD, never an array without the person' '
	feed_team &&
	sqlite3 rota.db "UPDATE persons SET name = '"'"'Cy'"'"' || X'"'"'FFFE'"'"' WHERE handle = '"'"'cy'"'"'" &&
	cat >rota.conf <<-\CONF &&
	[rotation "ops"]
	policy = standard
	[policy "standard"]
	currency = EUR
	stipend_per_week = 500.00
	CONF
	export ROTA_CONFIG=$PWD/rota.conf &&
	expect_status 0 rota pay 2027-03 --format csv &&
	grep -q "^2027-03,cy," out &&
	expect_unchanged 0 rota pay 2027-03 --format json &&
	test ! -s err &&
	python3 -c "import json,sys; a=json.load(open(\"out\")); c=[p for p in a if p[\"person\"]==\"cy\"]; assert len(c)==1 and c[0][\"name\"]==\"Cy\ufffd\ufffd\" and c[0][\"total_minor\"]>0, c" &&
	expect_unchanged 0 rota report monthly 2027-03 --format json &&
	test ! -s err &&
	python3 -c "import json; r=json.load(open(\"out\")); c=[p for p in r[\"people\"] if p[\"handle\"]==\"cy\"]; assert len(c)==1 and c[0][\"name\"]==\"Cy\ufffd\ufffd\", c" &&
	echo "last month" >r.json &&
	expect_unchanged 0 rota report monthly 2027-03 --format json -o r.json &&
	python3 -c "import json; r=json.load(open(\"r.json\")); assert [p[\"name\"] for p in r[\"people\"] if p[\"handle\"]==\"cy\"] == [\"Cy\ufffd\ufffd\"]" &&
	test -z "$(ls -A | grep rota-tmp)"
'

# many_people N: N more people (sqlite, for speed), each with a personal
# feed to publish: a publish long enough to be caught writing.
many_people() {
	sqlite3 rota.db "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $1)
		INSERT INTO persons (handle, name, email, tz, created_at)
		SELECT 'p' || i, 'P ' || i, 'p' || i || '@example.com', 'Europe/Dublin', 0 FROM n"
}

# published_team: feed_team, 300 more people, published into ./pub (a
# copy in ./pub.before), then one more person, whose token the next
# publish makes.
published_team() {
	feed_team &&
	many_people 300 &&
	rota publish --dir pub >/dev/null &&
	rota person add zed --name "Zed" --email zed@example.com --tz Europe/Dublin >/dev/null &&
	cp -a pub pub.before
}

# publish_caught SIGNAL: starts publish --dir pub, stops it (SIGSTOP) as
# soon as its temporary files appear, lists their modes in ./modes, then
# sends SIGNAL and waits for it.
publish_caught() {
	local sig=$1 pid n
	(exec ${ROTA_VALGRIND:-} "$ROTA_BIN" publish --dir pub >/dev/null 2>publish.err) &
	pid=$! n=0 &&
	until set -- pub/.rota-tmp.* && [ -e "$1" ]; do
		n=$((n + 1))
		[ $n -lt 2000000 ] || { echo "publish never wrote a temporary"; kill $pid; return 1; }
		kill -0 $pid 2>/dev/null || { echo "publish ended first"; return 1; }
	done &&
	kill -STOP $pid &&
	stat -c %a pub/.rota-tmp.* | sort -u >modes &&
	kill -$sig $pid && { kill -CONT $pid 2>/dev/null || :; } &&
	{ wait $pid; echo $? >status; }
}

test_expect_success 'a publish killed half-way leaves only files nobody else can read; the next removes them' '
	published_team &&
	publish_caught KILL &&
	test "$(cat status)" = 137 &&
	expect_file 600 modes &&
	ls -A pub | grep -c "^\.rota-tmp\." >left &&
	test "$(cat left)" -gt 0 &&
	test -z "$(stat -c %a pub/.rota-tmp.* | grep -v 600)" &&
	expect_status 0 rota publish --dir pub &&
	test -z "$(ls -A pub | grep rota-tmp)" &&
	test "$(stat -c %a pub/* | sort -u)" = 644
'

test_expect_success 'SIGTERM half-way through publish leaves every old file and no temporary' '
	published_team &&
	db_dump >before.sql &&
	publish_caught TERM &&
	test "$(cat status)" = 143 &&
	expect_file 600 modes &&
	diff -r pub.before pub &&
	db_dump >after.sql &&
	diff before.sql after.sql
'

test_done
