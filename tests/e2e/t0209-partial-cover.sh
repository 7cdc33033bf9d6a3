#!/bin/sh
# Shifts are time ranges: part of a shift changes hands (a night, the rest
# of a week), a shift in progress is split at now, and the past is never
# rewritten.
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib-swap.sh"

# parts SLOT: the parts in force of week SLOT of ops (person, start, end
# in UTC, origin), in time order.
parts() {
	sqlite3 rota.db "SELECT p.handle, strftime('%Y-%m-%dT%H:%M', s.start_at, 'unixepoch'),
		strftime('%Y-%m-%dT%H:%M', s.end_at, 'unixepoch'), s.origin FROM shifts s
		JOIN persons p ON p.id = s.person_id JOIN rotations r ON r.id = s.rotation_id
		WHERE r.name = 'ops' AND s.slot = $1 AND s.cancelled_at IS NULL ORDER BY s.start_at"
}

test_expect_success 'an override of a shift in progress splits it at now: the days worked stay' '
	schedule &&
	ROTA_NOW=2027-01-07T12:00:00Z expect_status 0 rota --as mo override 1 cy &&
	expect_file "Shift:                   13
Rotation:                ops
Tier:                    primary
Person:                  cy
Start:                   Thu 2027-01-07 12:00 Europe/Dublin
End:                     Mon 2027-01-11 10:00 Europe/Dublin
Origin:                  override" out &&
	test "$(parts 0)" = "ana|2027-01-04T10:00|2027-01-07T12:00|generated
cy|2027-01-07T12:00|2027-01-11T10:00|override" &&
	ROTA_NOW=2027-01-05T23:00:00Z rota --json now >out &&
	test "$(json "j[0][\"person\"]")" = ana &&
	ROTA_NOW=2027-01-07T12:00:00Z rota --json now >out &&
	test "$(json "j[0][\"person\"]")" = cy &&
	test "$(audit_of shift.override | cut -d"|" -f1,2)" = "root as mo|shift 13" &&
	sqlite3 rota.db "SELECT uid FROM shifts WHERE id = 13" |
		grep -qxE "shift-[0-9a-f]{16}-0-20270107T120000Z@rota"
'

test_expect_success 'now is taken to the next whole minute: no instant before it changes hands' '
	schedule &&
	ROTA_NOW=2027-01-07T12:00:20Z expect_status 0 rota --as mo override 1 cy &&
	test "$(parts 0)" = "ana|2027-01-04T10:00|2027-01-07T12:01|generated
cy|2027-01-07T12:01|2027-01-11T10:00|override"
'

test_expect_success 'a night covered: the week splits in three, and giving it back merges them' '
	schedule &&
	expect_status 0 rota --as ana swap request 2027-02-01 --from 2027-02-02T18:00 \
		--to 2027-02-03T08:00 --with cy &&
	expect_out "Start:                   Tue 2027-02-02 18:00 Europe/Dublin" &&
	expect_out "End:                     Wed 2027-02-03 08:00 Europe/Dublin" &&
	expect_status 0 rota --as cy swap accept 1 &&
	test "$(parts 4)" = "ana|2027-02-01T10:00|2027-02-02T18:00|generated
cy|2027-02-02T18:00|2027-02-03T08:00|swap
ana|2027-02-03T08:00|2027-02-08T10:00|generated" &&
	rota schedule show --from 2027-02-02 --to 2027-02-04 >out &&
	expect_out "cy      Tue 2027-02-02 18:00  Wed 2027-02-03 08:00" &&
	expect_status 0 rota --as mo override --from 2027-02-02T18:00 --to 2027-02-03T08:00 ana &&
	test "$(parts 4)" = "ana|2027-02-01T10:00|2027-02-08T10:00|override" &&
	test "$(sqlite3 rota.db "SELECT count(*) FROM shifts WHERE slot = 4 AND rotation_id = 1
		AND cancelled_at IS NOT NULL")" = 2
'

test_expect_success 'the rest of my week from now, asked while it is in progress' '
	schedule &&
	ROTA_NOW=2027-01-05T09:30:00Z expect_status 0 rota --as ana swap request 2027-01-05 \
		--from now --with dee &&
	expect_out "Start:                   Tue 2027-01-05 09:30 Europe/Dublin" &&
	ROTA_NOW=2027-01-05T10:00:00Z expect_status 0 rota --as dee swap accept 1 &&
	test "$(parts 0)" = "ana|2027-01-04T10:00|2027-01-05T10:00|generated
dee|2027-01-05T10:00|2027-01-11T10:00|swap"
'

test_expect_success 'override --from now without --to: the rest of the shift in force' '
	schedule &&
	ROTA_NOW=2027-01-08T17:00:00Z expect_status 0 rota --as mo override --from now dee &&
	test "$(parts 0)" = "ana|2027-01-04T10:00|2027-01-08T17:00|generated
dee|2027-01-08T17:00|2027-01-11T10:00|override"
'

test_expect_success 'bad ranges are refused with the rule broken, and change nothing' '
	schedule &&
	expect_unchanged 65 rota --as ana swap request 1 --from 2027-01-06T08:00 --to 2027-01-05T18:00 &&
	expect_err "rota: swap request: the range Wed 2027-01-06 08:00 Europe/Dublin to Tue 2027-01-05 18:00 Europe/Dublin ends before it starts" &&
	expect_unchanged 65 rota --as ana swap request 1 --from 2027-01-06T08:00 --to 2027-01-06T08:00 &&
	expect_err "is empty" &&
	expect_unchanged 65 rota --as ana swap request 1 --from 2027-01-10T18:00 --to 2027-01-12T08:00 &&
	expect_err "rota: swap request: Sun 2027-01-10 18:00 Europe/Dublin to Tue 2027-01-12 08:00 Europe/Dublin is not inside shift 1 (Mon 2027-01-04 10:00 Europe/Dublin to Mon 2027-01-11 10:00 Europe/Dublin)" &&
	ROTA_NOW=2027-01-05T12:00:00Z expect_unchanged 65 rota --as ana swap request 1 --from 2027-01-05T08:00 &&
	expect_err "rota: swap request: Tue 2027-01-05 08:00 Europe/Dublin is in the past: the past is not rewritten (start at now: --from now)" &&
	expect_unchanged 64 rota --as ana swap request 1 --from tuesday &&
	expect_err "rota: --from: bad time '\''tuesday'\'' (expected now, YYYY-MM-DDTHH:MM in Europe/Dublin, or with Z or +HH:MM)" &&
	expect_unchanged 77 rota --as ana swap request 2 --from 2027-01-12T18:00 &&
	expect_err "shift 2 is bo'\''s, not yours (ana)" &&
	expect_unchanged 65 rota --as mo override --from 2027-01-10T00:00 --to 2027-01-12T00:00 cy &&
	expect_err "rota: override: Sun 2027-01-10 00:00 Europe/Dublin to Tue 2027-01-12 00:00 Europe/Dublin covers shifts of ana and bo: give each holder'\''s part its own override" &&
	expect_unchanged 65 rota --as mo override --from 2027-03-01T00:00 --to 2027-03-02T00:00 cy &&
	expect_err "rota: override: rotation ops has no term from Mon 2027-03-01 00:00 Europe/Dublin to Tue 2027-03-02 00:00 Europe/Dublin (see rota term list)" &&
	expect_unchanged 65 rota --as mo override --from 2027-01-05T18:00 --to 2027-01-06T08:00 ana &&
	expect_err "rota: override: Tue 2027-01-05 18:00 Europe/Dublin to Wed 2027-01-06 08:00 Europe/Dublin is already ana'\''s" &&
	expect_unchanged 65 rota --as mo override --rotation nope --from 2027-01-05T18:00 cy &&
	expect_err "unknown rotation '\''nope'\''" &&
	expect_unchanged 64 rota --as mo override 1 cy --to 2027-01-06T08:00 &&
	expect_err "usage: rota override" &&
	expect_unchanged 77 rota --as ana override --from 2027-01-05T18:00 cy &&
	rota rotation add web --tier primary --tz UTC >/dev/null &&
	expect_unchanged 64 rota --as mo override --from 2027-01-05T18:00 cy &&
	expect_err "rota: the primary tier has 2 rotations (ops, web): name one with --rotation"
'

test_expect_success 'the hard rules hold over the range: leave refuses a night, --force is audited' '
	schedule &&
	rota leave add dee 2027-02-02T12:00:00Z 2027-02-03T12:00:00Z --reason dentist >/dev/null &&
	expect_unchanged 65 rota --as ana swap request 5 --from 2027-02-02T18:00 --to 2027-02-03T08:00 --with dee &&
	expect_err "rota: dee cannot take Tue 2027-02-02 18:00 Europe/Dublin to Wed 2027-02-03 08:00 Europe/Dublin: on leave" &&
	expect_unchanged 65 rota --as mo override --from 2027-02-02T18:00 --to 2027-02-03T08:00 dee &&
	expect_err "(use --force to override anyway)" &&
	expect_status 0 rota --as mo override --from 2027-02-02T18:00 --to 2027-02-03T08:00 --force dee &&
	expect_err "rota: warning: dee takes Tue 2027-02-02 18:00 Europe/Dublin to Wed 2027-02-03 08:00 Europe/Dublin although on leave" &&
	audit_of shift.override >out && expect_out "\"forced\":\"on leave" &&
	expect_out "\"from\":\"2027-02-02T18:00:00Z\",\"to\":\"2027-02-03T08:00:00Z\"" &&
	test "$(parts 4)" = "ana|2027-02-01T10:00|2027-02-02T18:00|generated
dee|2027-02-02T18:00|2027-02-03T08:00|override
ana|2027-02-03T08:00|2027-02-08T10:00|generated"
'

test_expect_success 'covering a colleague'\''s night is not a week of one'\''s own: no minimum gap' '
	schedule &&
	expect_status 0 rota --as ana swap request 1 --from 2027-01-09T00:00 --to 2027-01-10T00:00 --with bo &&
	expect_status 0 rota --as bo swap accept 1 &&
	test "$(parts 0)" = "ana|2027-01-04T10:00|2027-01-09T00:00|generated
bo|2027-01-09T00:00|2027-01-10T00:00|swap
ana|2027-01-10T00:00|2027-01-11T10:00|generated"
'

test_expect_success 'a whole week given with the days before it keeps the minimum gap, as two overrides would' '
	team &&
	lay h1 ana ana bo cy dee bo &&
	expect_unchanged 65 rota --as mo override --from 2027-01-07T10:00 --to 2027-01-18T10:00 dee &&
	expect_err "rota: dee cannot take Thu 2027-01-07 10:00 Europe/Dublin to Mon 2027-01-18 10:00 Europe/Dublin: breaks the minimum gap of 1 shift(s) off" &&
	expect_status 0 rota --as mo override --from 2027-01-07T10:00 --to 2027-01-11T10:00 dee &&
	expect_unchanged 65 rota --as mo override --from 2027-01-11T10:00 --to 2027-01-18T10:00 dee &&
	expect_err "breaks the minimum gap" &&
	expect_status 0 rota --as mo override --force --from 2027-01-11T10:00 --to 2027-01-18T10:00 dee &&
	expect_err "rota: warning: dee takes Mon 2027-01-11 10:00 Europe/Dublin to Mon 2027-01-18 10:00 Europe/Dublin although breaks the minimum gap" &&
	test "$(parts 0)" = "ana|2027-01-04T10:00|2027-01-07T10:00|generated
dee|2027-01-07T10:00|2027-01-11T10:00|override" &&
	test "$(parts 1)" = "dee|2027-01-11T10:00|2027-01-18T10:00|override"
'

test_expect_success 'two members accept a night at once: exactly one wins, the week splits once' '
	schedule &&
	rota --as ana swap request 1 --from 2027-01-05T18:00 --to 2027-01-06T08:00 >/dev/null &&
	accept() {
		rota --as $1 swap accept 1 >$1.out 2>$1.err
		echo $? >$1.rc
	} &&
	test_bg accept cy && test_bg accept dee &&
	test_wait_for 60 "both accepts to finish" test -s cy.rc -a -s dee.rc &&
	test "$(cat cy.rc dee.rc | sort | tr "\n" " ")" = "0 65 " &&
	if test "$(cat cy.rc)" = 0; then winner=cy; else winner=dee; fi &&
	test "$(parts 0)" = "ana|2027-01-04T10:00|2027-01-05T18:00|generated
$winner|2027-01-05T18:00|2027-01-06T08:00|swap
ana|2027-01-06T08:00|2027-01-11T10:00|generated"
'

test_expect_success 'a day names one'\''s own shift that day; holding two, both are listed' '
	team &&
	lay h1 ana ana bo &&
	expect_status 0 rota --json --as bo swap request 2027-01-18 &&
	test "$(json "j[\"shift\"], j[\"start\"]")" = "3 2027-01-18T10:00:00Z" &&
	expect_unchanged 65 rota --as ana swap request 2027-01-11 &&
	expect_err "rota: you (ana) hold 2 shifts on 2027-01-11: shift 1 (ops, Mon 2027-01-04 10:00 to Mon 2027-01-11 10:00 Europe/Dublin), shift 2 (ops, Mon 2027-01-11 10:00 to Mon 2027-01-18 10:00 Europe/Dublin); name one by its id" &&
	expect_unchanged 65 rota --as dee swap request 2027-01-11 &&
	expect_err "rota: you (dee) hold no shift on 2027-01-11 (see rota next)"
'

test_expect_success 'an override fills time nobody covers, as a part of its week' '
	team &&
	lay h1 ana &&
	expect_status 0 rota --as mo override --from 2027-01-12T00:00 --to 2027-01-13T00:00 dee &&
	test "$(parts 1)" = "dee|2027-01-12T00:00|2027-01-13T00:00|override" &&
	test "$(sqlite3 rota.db "SELECT strftime('\''%Y-%m-%dT%H:%M'\'', slot_start, '\''unixepoch'\''),
		strftime('\''%Y-%m-%dT%H:%M'\'', slot_end, '\''unixepoch'\'') FROM shifts
		WHERE person_id = (SELECT id FROM persons WHERE handle = '\''dee'\'')")" = \
		"2027-01-11T10:00|2027-01-18T10:00"
'

test_done
