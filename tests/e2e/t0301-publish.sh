#!/bin/sh
# rota publish --dir, feed url and feed rotate-token: every feed written
# whole, personal feeds under secret tokens, stale ones removed.
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"
. "$ROTA_SRCDIR/tests/e2e/lib-feed.sh"

test_expect_success 'publish writes a feed per person and per rotation, and the index' '
	feed_team &&
	expect_status 0 rota publish --dir pub &&
	expect_file "Folder                   pub
Personal feeds           8
Rotation feeds           3
Rotation events          18
New tokens               8
Stale feeds removed      0
Index                    index.html" out &&
	test ! -s err &&
	ls pub >files &&
	test $(grep -cE "^[0-9a-f]{32}\.ics$" files) = 8 &&
	test $(wc -l <files) = 12 &&
	for r in ops sf esc; do
		same_as_schedule pub/$r.ics --rotation $r || exit 1
	done &&
	for h in ana bo cy dan eve fay mo max; do
		t=$(token $h) && test ${#t} = 32 &&
		same_as_schedule pub/$t.ics --person $h || exit 1
	done &&
	test "$(stat -c %a pub/ops.ics pub/$(token ana).ics pub/index.html | sort -u)" = 644
'

test_expect_success 'tokens are made once, 128 random bits each, and kept' '
	feed_team &&
	rota publish --dir pub >/dev/null &&
	sqlite3 rota.db "SELECT feed_token FROM persons" >tokens1 &&
	test $(sort -u tokens1 | grep -cE "^[0-9a-f]{32}$") = 8 &&
	expect_status 0 rota --json publish --dir pub &&
	test "$(json "j[\"personal\"], j[\"rotations\"], j[\"tokens_created\"], j[\"removed\"]")" = "8 3 0 0" &&
	sqlite3 rota.db "SELECT feed_token FROM persons" >tokens2 &&
	cmp tokens1 tokens2
'

test_expect_success 'feed url: base_url and the token; the person or a manager' '
	feed_team &&
	printf "[feed]\nbase_url = https://oncall.example.com/feeds/\n" >rota.conf &&
	expect_status 0 rota --config rota.conf --as ana feed url &&
	t=$(token ana) && test ${#t} = 32 &&
	expect_file "https://oncall.example.com/feeds/$t.ics" out &&
	expect_status 0 rota --config rota.conf --as mo feed url ana &&
	expect_file "https://oncall.example.com/feeds/$t.ics" out &&
	expect_status 0 rota --config rota.conf --json feed url ana &&
	test "$(json "j[\"person\"], j[\"url\"]")" = "ana https://oncall.example.com/feeds/$t.ics" &&
	rota --config rota.conf publish --dir pub >/dev/null &&
	test "$(token ana)" = "$t" && test -f pub/$t.ics &&
	expect_unchanged 77 rota --config rota.conf --as bo feed url ana &&
	expect_err "rota: feed url: only ana or a manager may (you are root as bo)" &&
	expect_unchanged 65 rota --config rota.conf feed url nobody &&
	expect_err "rota: unknown person '"'"'nobody'"'"' (see rota person list)" &&
	expect_unchanged 78 rota --as bo feed url &&
	expect_err "rota: feed url: [feed] base_url is not set" &&
	expect_unchanged 64 rota feed url ana bo &&
	expect_err "rota: feed url takes at most one HANDLE"
'

test_expect_success 'rotate-token: a new address, audited without the token; the old file goes' '
	feed_team &&
	rota publish --dir pub >/dev/null &&
	old=$(token ana) && test -f pub/$old.ics &&
	printf "[feed]\nbase_url = https://oncall.example.com/f\n" >rota.conf &&
	expect_status 0 rota --config rota.conf --as ana feed rotate-token &&
	new=$(token ana) && test ${#new} = 32 && test "$new" != "$old" &&
	expect_out "https://oncall.example.com/f/$new.ics" &&
	rota audit >audit &&
	grep -q "feed.rotate-token" audit && ! grep -q "$new" audit && ! grep -q "$old" audit &&
	sqlite3 rota.db "SELECT * FROM audit_events" >rows && ! grep -q "$new\|$old" rows &&
	expect_status 0 rota publish --dir pub &&
	grep -q "^Stale feeds removed      1$" out &&
	test ! -e pub/$old.ics && same_as_schedule pub/$new.ics --person ana &&
	expect_status 0 rota --as mo --json feed rotate-token ana &&
	test "$(json "j[\"person\"], j[\"url\"]")" = "ana None" &&
	expect_unchanged 77 rota --as bo feed rotate-token ana &&
	expect_err "rota: feed rotate-token: only ana or a manager may (you are root as bo)" &&
	expect_unchanged 65 rota feed rotate-token nobody &&
	expect_err "rota: unknown person '"'"'nobody'"'"' (see rota person list)"
'

test_expect_success 'a removed person'"'"'s feed is removed' '
	feed_team &&
	rota person add zed --name Zed --email zed@example.com --tz UTC >/dev/null &&
	rota publish --dir pub >/dev/null &&
	t=$(token zed) && test -f pub/$t.ics &&
	rota person remove zed >/dev/null &&
	touch pub/.rota-tmp.abc123 pub/notes.txt &&
	expect_status 0 rota --json publish --dir pub &&
	test "$(json "j[\"personal\"], j[\"removed\"]")" = "8 1" &&
	test ! -e pub/$t.ics && test ! -e pub/.rota-tmp.abc123 && test -f pub/notes.txt
'

test_expect_success 'the index: on call now, rotations, people; escaped; no personal address' '
	feed_team &&
	rota person add zed --name "<script>alert(1)</script> & co" --email x@example.com --tz UTC >/dev/null &&
	ROTA_NOW=2027-03-10T12:00:00Z rota publish --dir pub >/dev/null &&
	xmllint --html --noout pub/index.html &&
	/usr/bin/python3 -c "
import html.parser
class P(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(); self.cell = None; self.rows = []; self.row = None; self.links = []
    def handle_starttag(self, tag, attrs):
        if tag == \"tr\": self.row = []
        if tag in (\"td\", \"th\"): self.cell = \"\"
        if tag == \"a\": self.links.append(dict(attrs)[\"href\"])
        if tag == \"script\": raise SystemExit(\"a script element\")
    def handle_endtag(self, tag):
        if tag in (\"td\", \"th\"): self.row.append(self.cell); self.cell = None
        if tag == \"tr\": self.rows.append(\" | \".join(self.row))
    def handle_data(self, d):
        if self.cell is not None: self.cell += d
p = P(); p.feed(open(\"pub/index.html\").read())
print(\"\n\".join(p.rows)); print(\"links:\", \" \".join(p.links))
" >index.txt &&
	grep -qx "ops | primary | ana | Mon 2027-03-08 10:00 | Mon 2027-03-15 10:00 | Europe/Dublin" index.txt &&
	grep -qx "esc | escalation | max | Mon 2027-03-08 09:00 | Mon 2027-03-15 09:00 | Australia/Sydney" index.txt &&
	grep -qx "sf | primary | America/Los_Angeles | Mon 2027-03-15 10:00 | eve | Mon 2027-04-12 10:00 | sf.ics" index.txt &&
	grep -qx "ana | Person ana | Mon 2027-03-08 10:00 (Europe/Dublin) | ops | 2" index.txt &&
	grep -qxF "zed | <script>alert(1)</script> & co | - | - | 0" index.txt &&
	grep -qx "links: ops.ics sf.ics esc.ics" index.txt &&
	grep -q "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co" pub/index.html &&
	sqlite3 rota.db "SELECT feed_token FROM persons" >tokens && test $(wc -l <tokens) = 9 &&
	! grep -qFf tokens pub/index.html pub/ops.ics pub/sf.ics pub/esc.ics
'

test_expect_success 'rotation file names are safe and distinct' '
	rota rotation add "night/ops" --tier primary --tz UTC >/dev/null &&
	rota rotation add index --tier primary --tz UTC >/dev/null &&
	rota rotation add ".hidden" --tier primary --tz UTC >/dev/null &&
	expect_status 0 rota publish --dir pub &&
	ls pub >files &&
	expect_file "-hidden-3.ics
index-2.ics
index.html
night-ops-1.ics" files
'

test_expect_success 'a progress bar on a terminal, nothing on a pipe' '
	feed_team &&
	rota publish --dir pub >/dev/null 2>err && test ! -s err &&
	script -qec "$ROTA_BIN publish --dir pub2 >/dev/null" /dev/null >tty.out &&
	grep -q "publishing \[#*" tty.out && grep -q "12/12" tty.out
'

test_expect_success 'an unwritable folder: exit 73, nothing changed, no file left' '
	feed_team &&
	touch afile &&
	expect_unchanged 73 rota publish --dir afile &&
	expect_err "rota: afile is not a folder" &&
	expect_unchanged 73 rota publish --dir afile/sub &&
	expect_err "rota: cannot create afile/sub: Not a directory" &&
	expect_unchanged 73 rota publish --dir missing/sub &&
	expect_err "rota: cannot create missing/sub: No such file or directory" &&
	expect_unchanged 73 rota publish --dir /proc &&
	expect_err "rota: cannot create the personal feed of ana in /proc: " &&
	test -z "$(token ana)"
'

test_expect_success 'bad usage: no --dir, an argument, an unknown option' '
	rota init >/dev/null &&
	expect_unchanged 64 rota publish &&
	expect_err "rota: publish takes one of --dir DIR or --caldav URL" &&
	expect_unchanged 64 rota publish --dir pub extra &&
	expect_err "rota: publish takes no arguments besides its options" &&
	expect_unchanged 64 rota publish --dir "" &&
	expect_err "rota: --dir: empty folder name" &&
	expect_unchanged 64 rota publish --caldva x &&
	expect_err "--caldva"
'

test_expect_success 'publish, feed url and feed rotate-token have --help' '
	for c in publish "feed url" "feed rotate-token"; do
		expect_status 0 rota $c --help && expect_out "usage: rota $c" || exit 1
	done
'

test_done
