#!/bin/sh
# rota volunteer: join and leave terms.
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"

team() {
	rota person add ana --name Ana --email ana@example.com --tz Europe/Dublin >/dev/null &&
	rota person add bo --name Bo --email bo@example.com --tz UTC >/dev/null &&
	rota person add mo --name Mo --email mo@example.com --tz UTC --manager >/dev/null &&
	rota rotation add ops --tier primary --tz Europe/Dublin >/dev/null &&
	rota rotation add esc --tier escalation --tz Europe/Dublin >/dev/null &&
	rota term add h1 --rotation ops --start 2027-03-22 >/dev/null &&
	rota term add e1 --rotation esc --start 2027-03-22 >/dev/null &&
	rota term add old --rotation ops --start 2026-10-01 --weeks 4 >/dev/null
}

members() {
	sqlite3 rota.db "SELECT t.name, p.handle, m.joined_at, coalesce(m.left_at, '-')
		FROM memberships m JOIN terms t ON t.id = m.term_id JOIN persons p ON p.id = m.person_id
		ORDER BY t.name, p.handle"
}

test_expect_success 'a volunteer joins a term themselves' '
	team &&
	expect_status 0 rota --as ana volunteer join h1 &&
	expect_file "Term:                    h1
Rotation:                ops
Joined:                  ana
From:                    Mon 2027-03-22 10:00" out &&
	test "$(members)" = "h1|ana|1798804800|-" &&
	test "$(sqlite3 rota.db "SELECT actor, action, object, after FROM audit_events WHERE action LIKE '"'"'volunteer.%'"'"'")" = \
		"root as ana|volunteer.join|h1/ana|{\"term\":\"h1\",\"person\":\"ana\"}"
'

test_expect_success 'a manager signs someone else up, and --json' '
	team &&
	expect_status 0 rota --as mo --json volunteer join h1 bo &&
	test "$(json "j[\"term\"], j[\"person\"], j[\"joined\"]")" = "h1 bo 2027-03-22T10:00:00Z" &&
	expect_status 0 rota volunteer join h1 ana &&
	test "$(sqlite3 rota.db "SELECT actor FROM audit_events WHERE action = '"'"'volunteer.join'"'"' ORDER BY id")" = "root as mo
root"
'

test_expect_success 'joining a current term counts from now' '
	team &&
	rota term add now --rotation esc --start 2026-12-01 --weeks 8 >/dev/null &&
	expect_status 0 rota --json volunteer join now mo &&
	test "$(json "j[\"joined\"]")" = "2027-01-01T12:00:00Z"
'

test_expect_success 'leave a term, then join it again' '
	team &&
	rota volunteer join h1 ana >/dev/null &&
	ROTA_NOW=2027-02-01T08:00:00Z expect_status 0 rota --as ana volunteer leave h1 &&
	expect_file "Term:                    h1
Rotation:                ops
Left:                    ana
From:                    Mon 2027-02-01 08:00" out &&
	test "$(members)" = "h1|ana|1798804800|1801468800" &&
	test "$(sqlite3 rota.db "SELECT action, object, before, after IS NULL FROM audit_events WHERE action = '"'"'volunteer.leave'"'"'")" = \
		"volunteer.leave|h1/ana|{\"term\":\"h1\",\"person\":\"ana\"}|1" &&
	ROTA_NOW=2027-02-02T08:00:00Z expect_status 0 rota volunteer join h1 ana &&
	test "$(members)" = "h1|ana|1801555200|-"
'

test_expect_success 'the escalation tier takes managers only' '
	team &&
	expect_unchanged 65 rota volunteer join e1 ana &&
	expect_err "ana cannot join term '"'"'e1'"'"': the escalation tier is managers only" &&
	expect_unchanged 65 rota --as ana volunteer join e1 &&
	expect_err "escalation tier is managers only" &&
	expect_status 0 rota volunteer join e1 mo
'

test_expect_success 'joining twice and leaving when not a member are refused' '
	team &&
	rota volunteer join h1 ana >/dev/null &&
	expect_unchanged 65 rota volunteer join h1 ana &&
	expect_err "ana is already a member of term '"'"'h1'"'"'" &&
	expect_unchanged 65 rota volunteer leave h1 bo &&
	expect_err "bo is not a member of term '"'"'h1'"'"' (see rota term show h1)" &&
	rota volunteer leave h1 ana >/dev/null &&
	expect_unchanged 65 rota volunteer leave h1 ana &&
	expect_err "ana is not a member"
'

test_expect_success 'a term that already ended cannot be joined or left' '
	team &&
	ROTA_NOW=2026-10-01T00:00:00Z rota volunteer join old bo >/dev/null &&
	expect_unchanged 65 rota volunteer join old ana &&
	expect_err "term '"'"'old'"'"' already ended (Mon 2026-11-02 10:00 Europe/Dublin)" &&
	expect_unchanged 65 rota volunteer leave old bo &&
	expect_err "term '"'"'old'"'"' already ended"
'

test_expect_success 'acting for someone else needs a manager' '
	team &&
	expect_unchanged 77 rota --as ana volunteer join h1 bo &&
	expect_err "volunteer join for someone else: managers only (you are root as ana)" &&
	rota volunteer join h1 bo >/dev/null &&
	expect_unchanged 77 rota --as ana volunteer leave h1 bo &&
	expect_err "volunteer leave for someone else: managers only" &&
	expect_status 0 rota --as mo volunteer leave h1 bo
'

test_expect_success 'someone who is not a person must name one' '
	team &&
	expect_unchanged 77 rota volunteer join h1 &&
	expect_err "you (root) are not a person in rota"
'

test_expect_success 'bad input is refused and changes nothing' '
	team &&
	expect_unchanged 65 rota volunteer join nope ana &&
	expect_err "unknown term '"'"'nope'"'"' (see rota term list)" &&
	expect_unchanged 65 rota volunteer join h1 zed &&
	expect_err "unknown person '"'"'zed'"'"' (see rota person list)" &&
	expect_unchanged 65 rota volunteer leave h1 zed &&
	expect_unchanged 64 rota volunteer join &&
	expect_err "volunteer join takes TERM and an optional HANDLE" &&
	expect_unchanged 64 rota volunteer join h1 ana bo &&
	expect_unchanged 64 rota volunteer leave
'

test_expect_success 'volunteer commands have --help' '
	expect_status 0 rota volunteer join --help && expect_out "usage: rota volunteer join TERM [HANDLE]" &&
	expect_status 0 rota volunteer leave --help && expect_out "usage: rota volunteer leave TERM [HANDLE]"
'

test_done
