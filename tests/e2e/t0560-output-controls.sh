#!/bin/sh
# Output never carries raw controls (issue 21): text that came from outside
# (a CSV, an API, a calendar, or the database edited by hand) is shown with
# its control characters and bad bytes escaped as \xHH in text, so it can
# neither drive the terminal nor forge rows; JSON keeps every key, with
# U+FFFD for bytes that are not UTF-8. The pages are stored directly
# (lib-report.sh's page), as an import that let them through once did.
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib-report.sh"

AFTER=2027-02-20T00:00:00Z
ESC=$(printf '\033')
BEL=$(printf '\007')
CR=$(printf '\r')

# no_raw FILE: FILE holds no C0 control but newline (no ESC, CR, BEL...),
# no DEL, and is valid UTF-8 without C1 controls.
no_raw() {
	test "$(tr -d '\n' <"$1" | tr -d -c '\000-\037\177' | wc -c)" = 0 || {
		echo "raw control bytes in $1:"; od -c "$1" | head -20; return 1; }
	iconv -f UTF-8 -t UTF-8 "$1" >/dev/null || { echo "$1 is not UTF-8"; return 1; }
	! LC_ALL=C.UTF-8 grep -q -P "[\x{80}-\x{9f}]" "$1" || {
		echo "a C1 control in $1"; return 1; }
}

test_expect_success 'an ESC in an alert title is shown escaped by page list and report monthly' '
	team &&
	page 1 ana 2027-01-12T03:00:00 120 1800 sleep db "a${ESC}[31mRED" &&
	page 2 ana 2027-01-13T02:00:00 60 600 sleep "${ESC}]0;HACKED${BEL}${ESC}[2J" "disk" &&
	expect_status 0 rota page list --month 2027-01 &&
	no_raw out &&
	expect_file "ID  CREATED               RESPONDER  SERVICE                   ALERT         CLASS  ESCALATED TO
1   Tue 2027-01-12 03:00  ana        db                        a\\x1b[31mRED  sleep  -
2   Wed 2027-01-13 02:00  ana        \\x1b]0;HACKED\\x07\\x1b[2J  disk          sleep  -" out &&
	ROTA_NOW=$AFTER expect_status 0 rota report monthly 2027-01 &&
	no_raw out &&
	expect_out "db                        a\\x1b[31mRED" &&
	expect_out "\\x1b]0;HACKED\\x07\\x1b[2J  disk" &&
	ROTA_NOW=$AFTER expect_status 0 rota report monthly 2027-01 --format json &&
	test "$(json "[(a[\"service\"], a[\"alert\"]) for a in j[\"alerts\"]]")" = \
		"[('"'"'\\x1b]0;HACKED\\x07\\x1b[2J'"'"', '"'"'disk'"'"'), ('"'"'db'"'"', '"'"'a\\x1b[31mRED'"'"')]"
'

test_expect_success 'a line break stored in a field keeps each row on one line' '
	team &&
	page 1 ana 2027-01-12T03:00:00 120 1800 sleep "db${CR}
3   Fri 2027-01-01 00:00  mo  forged" "disk" &&
	sqlite3 rota.db "UPDATE persons SET name = '"'"'Bo'"'"' || char(10) || '"'"'zed  Zed Forged'"'"' || char(13) WHERE handle = '"'"'bo'"'"'" &&
	expect_status 0 rota page list --month 2027-01 &&
	no_raw out &&
	test "$(wc -l <out)" = 2 &&
	! grep -q "^3 " out &&
	expect_out "ana        db\\x0d\\x0a3   Fri 2027-01-01 00:00  mo  forged  disk   sleep" &&
	expect_status 0 rota person list &&
	no_raw out &&
	test "$(wc -l <out)" = 5 &&
	expect_out "Bo\\x0azed  Zed Forged\\x0d" &&
	ROTA_NOW=$AFTER expect_status 0 rota report monthly 2027-01 &&
	no_raw out &&
	! grep -q "^3 " out &&
	expect_out "db\\x0d\\x0a3   Fri 2027-01-01 00:00  mo  forged  disk   1" &&
	expect_out "  amber  db\\x0d\\x0a3   Fri 2027-01-01 00:00  mo  forged / disk arrived"
'

test_expect_success 'C1 controls, DEL and bytes that are not UTF-8 are shown as \xHH' '
	team &&
	sqlite3 rota.db "UPDATE persons SET name = CAST(X'"'"'4379fffec29b7f'"'"' AS TEXT) WHERE handle = '"'"'cy'"'"'" &&
	expect_status 0 rota person list &&
	no_raw out &&
	expect_out "Cy\\xff\\xfe\\xc2\\x9b\\x7f" &&
	expect_status 0 rota person show cy &&
	no_raw out &&
	expect_out "Cy\\xff\\xfe\\xc2\\x9b\\x7f"
'

test_expect_success 'text that is not UTF-8 keeps its key in the JSON of lists, with U+FFFD' '
	team &&
	page 1 ana 2027-01-12T03:00:00 120 1800 sleep db "disk full" &&
	sqlite3 rota.db "UPDATE pages SET service = CAST(X'"'"'fffe'"'"' AS TEXT),
		alert = CAST(X'"'"'737663c33c696d673e'"'"' AS TEXT);
		UPDATE persons SET name = CAST(X'"'"'4379fffe'"'"' AS TEXT) WHERE handle = '"'"'cy'"'"'" &&
	expect_status 0 rota --json page list --month 2027-01 &&
	test "$(json "ascii(j[0][\"service\"]), ascii(j[0][\"alert\"])")" = \
		"'"'"'\\ufffd\\ufffd'"'"' '"'"'svc\\ufffd<img>'"'"'" &&
	expect_status 0 rota --json person list &&
	test "$(json "ascii([p[\"name\"] for p in j])")" = \
		"['"'"'Ana Alves'"'"', '"'"'Bo Berg'"'"', '"'"'Cy\\ufffd\\ufffd'"'"', '"'"'Mo Maas'"'"']"
'

test_expect_success 'audit shows a stored before and after that are not UTF-8, or not JSON' '
	team &&
	sqlite3 rota.db "INSERT INTO audit_events (at, actor, action, object, before, after)
		VALUES (strftime('"'"'%s'"'"', '"'"'2027-01-20'"'"'), '"'"'root'"'"', '"'"'person.set'"'"', '"'"'cy'"'"',
		'"'"'{\"name\":\"Cy\"}'"'"', CAST(X'"'"'7b226e616d65223a224379ff5c75303031625b326a227d'"'"' AS TEXT)),
		(strftime('"'"'%s'"'"', '"'"'2027-01-21'"'"'), '"'"'root'"'"', '"'"'person.set'"'"', '"'"'bo'"'"',
		NULL, '"'"'not json'"'"')" &&
	expect_status 0 rota --json audit --since 2027-01-20 &&
	test "$(json "ascii([(e[\"object\"], e[\"before\"], e[\"after\"]) for e in j])")" = \
		"[('"'"'cy'"'"', {'"'"'name'"'"': '"'"'Cy'"'"'}, {'"'"'name'"'"': '"'"'Cy\\ufffd\\x1b[2j'"'"'}), ('"'"'bo'"'"', None, '"'"'not json'"'"')]" &&
	expect_status 0 rota audit --since 2027-01-20 &&
	no_raw out &&
	head -2 out >head-2 &&
	expect_file "TIME                  ACTOR  ACTION      OBJECT  CHANGE
Wed 2027-01-20 00:00  root   person.set  cy      name: Cy -> Cy�\\x1b[2j" head-2 &&
	test "$(grep -c "^Thu 2027-01-21 00:00  root   person.set  bo" out)" = 1
'

test_done
