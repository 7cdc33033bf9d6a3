#!/bin/sh
# rota now and rota next for a rotation covering out of hours (issue 20):
# in business hours the service owners answer, and the volunteer is never
# named; out of hours the volunteer is, until their window ends.
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"

# Offices dublin (Europe/Dublin) and sf (America/Los_Angeles), both Mon-Fri
# 09:00-18:00. volunteers (primary, Europe/Dublin, Mon 10:00, covers out
# of hours, its members' offices): term t1, 6 weeks from Monday
# 2027-03-01, generated cy ana bo cy ana bo. managers (escalation, every
# hour): max for the same weeks. In winter Dublin is open 09:00-18:00 UTC
# and San Francisco 17:00-02:00 UTC: the volunteers are on call from
# 02:00 to 09:00 UTC on weekdays. America moves its clocks on 14 March
# 2027 (San Francisco 16:00-01:00 UTC), Europe on 28 March (Dublin
# 08:00-17:00 UTC).
team() {
	rota office add dublin --tz Europe/Dublin >/dev/null &&
	rota office add sf --tz America/Los_Angeles >/dev/null &&
	rota person add max --name Max --email max@example.com --tz Europe/Dublin \
		--office dublin --manager >/dev/null &&
	for h in ana bo; do
		rota person add $h --name "$h" --email $h@example.com --tz Europe/Dublin \
			--office dublin >/dev/null || return 1
	done &&
	rota person add cy --name cy --email cy@example.com --tz America/Los_Angeles \
		--office sf >/dev/null &&
	rota rotation add volunteers --tier primary --tz Europe/Dublin \
		--covers out-of-hours >/dev/null &&
	rota term add t1 --rotation volunteers --start 2027-03-01 --weeks 6 >/dev/null &&
	for h in ana bo cy; do rota volunteer join t1 $h >/dev/null || return 1; done &&
	rota schedule generate t1 >/dev/null &&
	rota rotation add managers --tier escalation --tz Europe/Dublin >/dev/null &&
	rota term add e1 --rotation managers --start 2027-03-01 --weeks 6 >/dev/null &&
	rota volunteer join e1 max >/dev/null &&
	rota schedule generate e1 >/dev/null &&
	test "$(sqlite3 rota.db "SELECT group_concat(handle, \" \") FROM (SELECT p.handle FROM shifts s JOIN persons p ON p.id = s.person_id WHERE s.rotation_id = 1 ORDER BY s.start_at)")" = "cy ana bo cy ana bo"
}

# The volunteers' row of rota now at $1, its spaces squeezed.
now_at() {
	ROTA_NOW=$1 expect_status 0 rota now && grep '^volunteers' out | tr -s " "
}

test_expect_success 'in Dublin business hours now says service owners, and when the volunteer takes over' '
	team &&
	ROTA_NOW=2027-03-02T11:00:00Z expect_status 0 rota now &&
	expect_file "ROTATION    TIER        ON CALL                   UNTIL
volunteers  primary     in hours: service owners  Wed 2027-03-03 02:00 Europe/Dublin
managers    escalation  max                       Mon 2027-03-08 10:00 Europe/Dublin" out &&
	! grep -q cy out
'

test_expect_success 'around both offices opening and closing: the volunteer only while neither is open' '
	team &&
	test "$(now_at 2027-03-02T08:59:00Z)" = "volunteers primary cy Tue 2027-03-02 09:00 Europe/Dublin" &&
	test "$(now_at 2027-03-02T09:00:00Z)" = "volunteers primary in hours: service owners Wed 2027-03-03 02:00 Europe/Dublin" &&
	test "$(now_at 2027-03-02T17:30:00Z)" = "volunteers primary in hours: service owners Wed 2027-03-03 02:00 Europe/Dublin" &&
	test "$(now_at 2027-03-02T18:30:00Z)" = "volunteers primary in hours: service owners Wed 2027-03-03 02:00 Europe/Dublin" &&
	test "$(now_at 2027-03-03T01:59:00Z)" = "volunteers primary in hours: service owners Wed 2027-03-03 02:00 Europe/Dublin" &&
	test "$(now_at 2027-03-03T02:00:00Z)" = "volunteers primary cy Wed 2027-03-03 09:00 Europe/Dublin"
'

test_expect_success 'the weekend is one window, to Monday morning in Dublin, before the handoff' '
	team &&
	test "$(now_at 2027-03-05T20:00:00Z)" = "volunteers primary in hours: service owners Sat 2027-03-06 02:00 Europe/Dublin" &&
	test "$(now_at 2027-03-06T12:00:00Z)" = "volunteers primary cy Mon 2027-03-08 09:00 Europe/Dublin"
'

test_expect_success 'in hours at the end of a week: the volunteer back is the next week'"'"'s holder' '
	team &&
	test "$(now_at 2027-03-08T09:30:00Z)" = "volunteers primary in hours: service owners Tue 2027-03-09 02:00 Europe/Dublin" &&
	ROTA_NOW=2027-03-08T09:30:00Z expect_status 0 rota --json now &&
	test "$(json "(j[0][\"id\"], j[0][\"person\"], j[0][\"next_person\"])")" = "(1, None, '"'"'ana'"'"')"
'

test_expect_success 'a part held in business hours: the volunteer back is the holder of the part after it' '
	team &&
	ROTA_NOW=2027-03-02T10:00:00Z rota --as max override ana --rotation volunteers \
		--from 2027-03-02T11:00 --to 2027-03-02T15:00 >/dev/null &&
	ROTA_NOW=2027-03-02T12:00:00Z expect_status 0 rota --json now &&
	test "$(json "(j[0][\"person\"], j[0][\"in_hours\"], j[0][\"service_owners_until\"], j[0][\"next_person\"])")" = "(None, True, '"'"'2027-03-03T02:00:00Z'"'"', '"'"'cy'"'"')" &&
	ROTA_NOW=2027-03-02T12:00:00Z expect_status 0 rota next ana --count 1 &&
	expect_out "in hours throughout"
'

test_expect_success 'a week nobody covers: the service owners in hours all the same, nobody named out of hours' '
	team &&
	sqlite3 rota.db "UPDATE shifts SET cancelled_at = 1 WHERE id = 1" &&
	test "$(now_at 2027-03-02T11:00:00Z)" = "volunteers primary in hours: service owners Tue 2027-03-09 02:00 Europe/Dublin" &&
	ROTA_NOW=2027-03-02T11:00:00Z expect_status 0 rota --json now &&
	test "$(json "(j[0][\"id\"], j[0][\"person\"], j[0][\"start\"], j[0][\"next_person\"])")" = "(None, None, None, '"'"'ana'"'"')" &&
	ROTA_NOW=2027-03-03T03:00:00Z expect_status 0 rota now &&
	expect_out "nobody is on call in primary rotation volunteers"
'

test_expect_success 'the weeks America and Europe change clocks on different dates' '
	team &&
	test "$(now_at 2027-03-16T00:30:00Z)" = "volunteers primary in hours: service owners Tue 2027-03-16 01:00 Europe/Dublin" &&
	test "$(now_at 2027-03-16T01:30:00Z)" = "volunteers primary bo Tue 2027-03-16 09:00 Europe/Dublin" &&
	test "$(now_at 2027-03-30T07:30:00Z)" = "volunteers primary ana Tue 2027-03-30 09:00 Europe/Dublin" &&
	test "$(now_at 2027-03-30T08:30:00Z)" = "volunteers primary in hours: service owners Wed 2027-03-31 02:00 Europe/Dublin"
'

test_expect_success 'a public holiday of Dublin is the volunteer'"'"'s until San Francisco opens' '
	team &&
	rota holiday add dublin 2027-03-17 >/dev/null &&
	test "$(now_at 2027-03-17T12:00:00Z)" = "volunteers primary bo Wed 2027-03-17 16:00 Europe/Dublin" &&
	test "$(now_at 2027-03-18T12:00:00Z)" = "volunteers primary in hours: service owners Fri 2027-03-19 01:00 Europe/Dublin"
'

test_expect_success 'now --json: person null in hours with when and to whom it goes back; the window'"'"'s end out of hours' '
	team &&
	ROTA_NOW=2027-03-02T11:00:00Z expect_status 0 rota --json now &&
	test "$(json "j[0]")" = "{'"'"'id'"'"': 1, '"'"'rotation'"'"': '"'"'volunteers'"'"', '"'"'tier'"'"': '"'"'primary'"'"', '"'"'person'"'"': None, '"'"'start'"'"': '"'"'2027-03-01T10:00:00Z'"'"', '"'"'end'"'"': '"'"'2027-03-08T10:00:00Z'"'"', '"'"'origin'"'"': '"'"'generated'"'"', '"'"'in_hours'"'"': True, '"'"'service_owners_until'"'"': '"'"'2027-03-03T02:00:00Z'"'"', '"'"'next_person'"'"': '"'"'cy'"'"'}" &&
	test "$(json "j[1][\"in_hours\"]")" = False &&
	ROTA_NOW=2027-03-03T03:00:00Z expect_status 0 rota --json now &&
	test "$(json "(j[0][\"person\"], j[0][\"in_hours\"], j[0][\"on_call_until\"])")" = "('"'"'cy'"'"', False, '"'"'2027-03-03T09:00:00Z'"'"')"
'

test_expect_success 'next says when in each shift the volunteer is first on call, in their zone' '
	team &&
	ROTA_NOW=2027-03-01T12:00:00Z expect_status 0 rota next cy &&
	expect_file "ID  ROTATION    TIER     START                 END                   ZONE                 ON CALL FROM          IN
1   volunteers  primary  Mon 2027-03-01 02:00  Mon 2027-03-08 02:00  America/Los_Angeles  Mon 2027-03-01 18:00  in hours, on call in 14h 0m
4   volunteers  primary  Mon 2027-03-22 03:00  Mon 2027-03-29 02:00  America/Los_Angeles  Mon 2027-03-22 18:00  21d 13h" out &&
	ROTA_NOW=2027-03-02T03:00:00Z expect_status 0 rota next cy --count 1 &&
	expect_out "Mon 2027-03-01 18:00  now, 6h 0m left" &&
	ROTA_NOW=2027-03-01T12:00:00Z expect_status 0 rota next bo --count 1 &&
	expect_out "Mon 2027-03-15 10:00  Mon 2027-03-22 10:00  Europe/Dublin  Tue 2027-03-16 01:00" &&
	ROTA_NOW=2027-03-01T12:00:00Z expect_status 0 rota next ana &&
	expect_out "Mon 2027-03-29 10:00  Mon 2027-04-05 10:00  Europe/Dublin  Tue 2027-03-30 02:00"
'

test_expect_success 'next --json: the first window not over, and the seconds until it' '
	team &&
	ROTA_NOW=2027-03-01T12:00:00Z expect_status 0 rota --json next cy --count 1 &&
	test "$(json "(j[0][\"covers\"], j[0][\"starts_in_seconds\"], j[0][\"on_call_from\"], j[0][\"on_call_until\"], j[0][\"on_call_in_seconds\"])")" = "('"'"'out-of-hours'"'"', 0, '"'"'2027-03-02T02:00:00Z'"'"', '"'"'2027-03-02T09:00:00Z'"'"', 50400)" &&
	ROTA_NOW=2027-03-01T12:00:00Z expect_status 0 rota --json next max --count 1 &&
	test "$(json "(j[0][\"covers\"], j[0][\"on_call_from\"], j[0][\"on_call_until\"])")" = "('"'"'always'"'"', '"'"'2027-03-01T10:00:00Z'"'"', '"'"'2027-03-08T10:00:00Z'"'"')"
'

test_done
