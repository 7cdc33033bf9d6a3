#!/bin/sh
# rota now and rota next: who is on call now in every tier, and someone's
# coming shifts with how long until each.
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"

# ops (primary, Europe/Dublin): term t1, 8 weeks from Monday 2027-01-04,
# generated cy ana dee bo cy ana dee bo. managers (escalation,
# America/New_York, Mon 10:00): term e1, 2 weeks with max and mia (who
# lives in New York), generated.
team() {
	rota person add max --name Max --email max@example.com --tz Europe/Dublin --manager >/dev/null &&
	rota person add mia --name Mia --email mia@example.com --tz America/New_York --manager >/dev/null &&
	for h in ana bo cy dee; do
		rota person add $h --name "$h" --email $h@example.com --tz Europe/Dublin >/dev/null || return 1
	done &&
	rota rotation add ops --tier primary --tz Europe/Dublin >/dev/null &&
	rota term add t1 --rotation ops --start 2027-01-04 --weeks 8 >/dev/null &&
	for h in ana bo cy dee; do rota volunteer join t1 $h >/dev/null || return 1; done &&
	rota schedule generate t1 >/dev/null &&
	rota rotation add managers --tier escalation --tz America/New_York >/dev/null &&
	rota term add e1 --rotation managers --start 2027-01-04 --weeks 2 >/dev/null &&
	rota volunteer join e1 max >/dev/null &&
	rota volunteer join e1 mia >/dev/null &&
	rota schedule generate e1 >/dev/null &&
	test "$(sqlite3 rota.db "SELECT group_concat(handle, \" \") FROM (SELECT p.handle FROM shifts s JOIN persons p ON p.id = s.person_id WHERE s.rotation_id = 2 ORDER BY s.start_at)")" = "mia max"
}

test_expect_success 'now says who is on call in each tier and until when' '
	team &&
	ROTA_NOW=2027-01-12T15:30:00Z expect_status 0 rota now &&
	expect_file "ROTATION  TIER        ON CALL  UNTIL
ops       primary     ana      Mon 2027-01-18 10:00 Europe/Dublin
managers  escalation  max      Mon 2027-01-18 10:00 America/New_York" out
'

test_expect_success 'now --at asks about another time' '
	team &&
	ROTA_NOW=2027-01-12T15:30:00Z expect_status 0 rota now --at 2027-02-03T12:00:00Z &&
	expect_file "ROTATION  TIER     ON CALL  UNTIL
ops       primary  cy       Mon 2027-02-08 10:00 Europe/Dublin
nobody is on call in escalation rotation managers" out &&
	expect_status 0 rota --as mia now --at 2027-01-11 &&
	expect_out "mia      Mon 2027-01-11 10:00 America/New_York" &&
	expect_unchanged 64 rota now --at 2027-13-01 && expect_err "--at: bad date" &&
	expect_unchanged 64 rota now --at && expect_err "needs a value"
'

test_expect_success 'now --json gives the shifts in force in the schedule show shape, never in hours in a rotation covering every hour' '
	team &&
	ROTA_NOW=2027-01-12T15:30:00Z expect_status 0 rota --json now &&
	test "$(json "[(s[\"rotation\"], s[\"person\"]) for s in j]")" = "[('"'"'ops'"'"', '"'"'ana'"'"'), ('"'"'managers'"'"', '"'"'max'"'"')]" &&
	test "$(json "j[1]")" = "{'"'"'id'"'"': 10, '"'"'rotation'"'"': '"'"'managers'"'"', '"'"'tier'"'"': '"'"'escalation'"'"', '"'"'person'"'"': '"'"'max'"'"', '"'"'start'"'"': '"'"'2027-01-11T15:00:00Z'"'"', '"'"'end'"'"': '"'"'2027-01-18T15:00:00Z'"'"', '"'"'origin'"'"': '"'"'generated'"'"', '"'"'in_hours'"'"': False}"
'

test_expect_success 'now names the rotations nobody covers' '
	team &&
	ROTA_NOW=2027-01-20T12:00:00Z expect_status 0 rota now &&
	expect_file "ROTATION  TIER     ON CALL  UNTIL
ops       primary  dee      Mon 2027-01-25 10:00 Europe/Dublin
nobody is on call in escalation rotation managers" out &&
	ROTA_NOW=2027-01-20T12:00:00Z expect_status 0 rota --json now &&
	test "$(json "len(j)")" = 1 &&
	sqlite3 rota.db "UPDATE shifts SET cancelled_at = 1 WHERE id = 3" &&
	ROTA_NOW=2027-01-20T12:00:00Z expect_status 0 rota now &&
	expect_file "nobody is on call in primary rotation ops
nobody is on call in escalation rotation managers" out &&
	ROTA_NOW=2027-01-20T12:00:00Z expect_status 0 rota --json now &&
	test "$(json "j")" = "[]"
'

test_expect_success 'next lists a person'"'"'s coming shifts in their zone with the time to go' '
	team &&
	ROTA_NOW=2027-01-12T15:30:00Z expect_status 0 rota next ana &&
	expect_file "ID  ROTATION  TIER     START                 END                   ZONE           IN
2   ops       primary  Mon 2027-01-11 10:00  Mon 2027-01-18 10:00  Europe/Dublin  now, 5d 18h left
6   ops       primary  Mon 2027-02-08 10:00  Mon 2027-02-15 10:00  Europe/Dublin  26d 18h" out &&
	ROTA_NOW=2027-01-12T15:30:00Z expect_status 0 rota --as ana next &&
	expect_out "26d 18h" &&
	ROTA_NOW=2027-01-12T15:30:00Z expect_status 0 rota next ana --count 1 &&
	expect_file "ID  ROTATION  TIER     START                 END                   ZONE           IN
2   ops       primary  Mon 2027-01-11 10:00  Mon 2027-01-18 10:00  Europe/Dublin  now, 5d 18h left" out &&
	ROTA_NOW=2027-01-04T09:15:00Z expect_status 0 rota next mia &&
	expect_file "ID  ROTATION  TIER        START                 END                   ZONE              IN
9   managers  escalation  Mon 2027-01-04 10:00  Mon 2027-01-11 10:00  America/New_York  5h 45m" out &&
	ROTA_NOW=2027-01-04T14:59:30Z expect_status 0 rota next mia &&
	expect_out "  1m"
'

test_expect_success 'next --json adds the seconds until each shift starts' '
	team &&
	ROTA_NOW=2027-01-12T15:30:00Z expect_status 0 rota --json next ana &&
	test "$(json "[(s[\"id\"], s[\"start\"], s[\"starts_in_seconds\"]) for s in j]")" = "[(2, '"'"'2027-01-11T10:00:00Z'"'"', 0), (6, '"'"'2027-02-08T10:00:00Z'"'"', 2313000)]" &&
	ROTA_NOW=2027-03-01T12:00:00Z expect_status 0 rota --json next ana &&
	test "$(json "j")" = "[]" &&
	ROTA_NOW=2027-03-01T12:00:00Z expect_status 0 rota next ana &&
	expect_file "ana has no shifts to come" out
'

test_expect_success 'a week started with nobody on call: after generate, now and next name who covers its rest' '
	team &&
	sqlite3 rota.db "UPDATE shifts SET cancelled_at = 1 WHERE id = 3" &&
	export ROTA_NOW=2027-01-20T12:00:00Z &&
	rota schedule generate t1 >/dev/null &&
	expect_status 0 rota now &&
	expect_out "ops       primary  dee      Mon 2027-01-25 10:00 Europe/Dublin" &&
	expect_status 0 rota next dee --count 1 &&
	expect_out "ops       primary  Wed 2027-01-20 12:00  Mon 2027-01-25 10:00  Europe/Dublin  now, 4d 22h left"
'

test_expect_success 'next refuses unknown people, strangers and bad counts' '
	team &&
	expect_status 65 rota next zed &&
	expect_err "unknown person '"'"'zed'"'"' (see rota person list)" &&
	expect_status 77 rota next &&
	expect_err "are not a person in rota" &&
	expect_status 64 rota next ana bo &&
	expect_status 64 rota next ana --count 0 &&
	expect_err "--count" &&
	expect_status 64 rota now extra
'

test_done
