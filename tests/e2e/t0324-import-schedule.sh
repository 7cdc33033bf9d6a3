#!/bin/sh
# After an import, rota schedule generate respects the new leave and
# holidays: a shift overlapping new leave is moved where the generator may
# move it, and otherwise reported as a conflict (never kept silently).
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"

# A term of 8 weeks from Monday 4 January 2027 (now is 1 January, so the
# first two weeks are inside the 14-day freeze horizon): cy, ana, dee, bo,
# cy, ana, dee, bo.
team() {
	rota office add Dublin --tz Europe/Dublin >/dev/null &&
	for p in ana bo cy dee; do
		rota person add $p --name $p --email $p@example.com --tz Europe/Dublin \
			--office Dublin >/dev/null || return 1
	done &&
	rota rotation add ops --tier primary --tz Europe/Dublin >/dev/null &&
	rota term add t1 --rotation ops --start 2027-01-04 --weeks 8 >/dev/null &&
	for p in ana bo cy dee; do rota volunteer join t1 $p >/dev/null || return 1; done &&
	rota schedule generate t1 >/dev/null &&
	test "$(week_people)" = "cy ana dee bo cy ana dee bo "
}

week_people() {
	sqlite3 rota.db "SELECT p.handle FROM shifts s JOIN persons p ON p.id = s.person_id ORDER BY s.slot" | tr "\n" " "
}

# away FILE UID DATE SUMMARY: a calendar of one all-day event.
away() {
	printf "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nUID:%s\r\nDTSTART;VALUE=DATE:%s\r\nSUMMARY:%s\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n" \
		"$2" "$3" "$4" >"$1"
}

test_expect_success 'imported leave moves a shift the generator may move' '
	team &&
	away cy.ics wedding 20270203 Wedding &&
	expect_status 0 rota leave import cy.ics cy &&
	expect_err "rota: warning: cy'"'"'s shift 5 (ops, from Mon 2027-02-01 10:00 Europe/Dublin) overlaps this leave: rota schedule generate t1 moves it" &&
	expect_status 65 rota schedule check t1 && expect_out "leave" &&
	expect_status 0 rota schedule generate t1 &&
	test ! -s err && ! grep -q "Kept though on leave" out &&
	test "$(week_people)" = "cy ana cy bo dee ana dee bo " &&
	expect_status 0 rota schedule check t1
'

test_expect_success 'shifts it may not move are reported with the override that would fix each' '
	team &&
	rota override 7 bo --force >/dev/null &&
	away ana.ics dentist 20270112 Dentist && rota leave import ana.ics ana 2>warn >/dev/null &&
	grep -F "ana'"'"'s shift 2 (ops, from Mon 2027-01-11 10:00 Europe/Dublin) overlaps this leave and is inside the freeze horizon: swap it (rota swap request 2) or override it (rota override 2 HANDLE)" warn &&
	away bo.ics moving 20270216 Moving && rota leave import bo.ics bo 2>warn >/dev/null &&
	grep -F "bo'"'"'s shift 7 (ops, from Mon 2027-02-15 10:00 Europe/Dublin) overlaps this leave and is overridden" warn &&
	expect_status 0 rota schedule generate t1 &&
	expect_file "rota: warning: 2 problems in term t1 left as they were: the generator may not change their weeks; the command that would fix each is listed" err &&
	sed -n "/^Not fixed/,\$p" out >unfixed &&
	expect_file "Not fixed (in weeks the generator may not change); the command that would fix each:
PROBLEM  SHIFT  PERSON  FROM                  KEPT        DETAIL                                   FIX
leave    2      ana     Mon 2027-01-11 10:00  frozen      ana is on leave Tue 2027-01-12: Dentist  rota override 2 bo
leave    7      bo      Mon 2027-02-15 10:00  overridden  bo is on leave Tue 2027-02-16: Moving    rota override 7 cy" unfixed &&
	expect_status 0 rota --json schedule generate t1 --dry-run &&
	test "$(json "[(c[\"shift\"], c[\"person\"], c[\"kept\"], c[\"start\"]) for c in j[\"unfixed\"]]")" = \
		"[(2, '"'"'ana'"'"', '"'"'frozen'"'"', '"'"'2027-01-11T10:00:00Z'"'"'), (7, '"'"'bo'"'"', '"'"'overridden'"'"', '"'"'2027-02-15T10:00:00Z'"'"')]" &&
	rota override 2 dee --force >/dev/null && rota override 7 cy --force >/dev/null &&
	expect_status 0 rota schedule generate t1 && test ! -s err &&
	expect_status 0 rota --json schedule generate t1 && test "$(json "j[\"unfixed\"]")" = "[]"
'

test_expect_success 'a dry run reports the problems it would leave, not those it would fix' '
	team &&
	away cy.ics wedding 20270203 Wedding && rota leave import cy.ics cy 2>/dev/null >/dev/null &&
	away ana.ics dentist 20270112 Dentist && rota leave import ana.ics ana 2>/dev/null >/dev/null &&
	expect_status 0 rota --json schedule generate t1 --dry-run &&
	test "$(json "[c[\"shift\"] for c in j[\"unfixed\"]], [c[\"slot\"] for c in j[\"changes\"]]")" = "[2] [2, 4]"
'

test_expect_success 'imported public holidays weigh in the next generation' '
	team &&
	printf "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nUID:h\r\nDTSTART;VALUE=DATE:20270301\r\nDTEND;VALUE=DATE:20270306\r\nSUMMARY:Festival\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n" >hol.ics &&
	rota term add t2 --rotation ops --start 2027-03-01 --weeks 4 >/dev/null &&
	for p in ana bo cy dee; do rota volunteer join t2 $p >/dev/null || exit 1; done &&
	expect_status 0 rota holiday import Dublin hol.ics &&
	expect_out "added 5" &&
	expect_status 0 rota --json report fairness t2 >/dev/null &&
	expect_status 0 rota schedule generate t2 &&
	expect_status 0 rota --json report fairness t2 &&
	test "$(json "sorted(m[\"load_weeks\"] for m in j[\"members\"])")" = "[1.0, 1.0, 1.0, 3.5]"
'

test_done
