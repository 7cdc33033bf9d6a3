#!/bin/sh
# A person's office (follow the sun: whose business hours apply) and
# manager flag apply from the time they change (issue 23).
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib-history.sh"

PAY_HEADER="month,person,name,email,currency,shifts,stipend,weekday,weekend,holiday,active_minutes,active,sleep_interruptions,sleep_bonus,toil_hours,capped,total"

# me lives in Dublin (asleep 22:00-07:00 there) and works for the Dublin
# office until 12:00Z on Wed 10 Feb, then for San Francisco's (09:00-18:00
# Pacific, UTC-8 in February):
#  o1 Tue 9 Feb 16:00-17:00Z: Dublin is open (in_hours), nothing paid
#     (in San Francisco's hours it would be 08:00-09:00: 60 minutes);
#  o2 Tue 16 Feb 16:00-17:00Z: 08:00-09:00 in San Francisco, closed
#     (out_of_hours): 60 minutes, 60.00;
#  o3 Tue 16 Feb 18:00-19:00Z: 10:00-11:00 in San Francisco, open
#     (in_hours), though Dublin has closed: nothing.
offices() {
	histteam &&
	export ROTA_NOW=2026-12-01T10:00:00Z &&
	rota office add Dublin --tz Europe/Dublin >/dev/null &&
	rota office add SF --tz America/Los_Angeles >/dev/null &&
	rota person set me --office Dublin >/dev/null
}

test_expect_success 'a new office applies from its change: earlier pages keep the old office hours' '
	offices &&
	import_pages 2027-02-10T00:00:00Z \
		"o1,2027-02-09T16:00:00Z,2027-02-09T16:00:00Z,2027-02-09T17:00:00Z,me" &&
	ROTA_NOW=2027-02-10T12:00:00Z rota --as me person set me --office SF >/dev/null &&
	import_pages 2027-02-17T00:00:00Z \
		"o2,2027-02-16T16:00:00Z,2027-02-16T16:00:00Z,2027-02-16T17:00:00Z,me" \
		"o3,2027-02-16T18:00:00Z,2027-02-16T18:00:00Z,2027-02-16T19:00:00Z,me" &&
	export ROTA_NOW=2027-02-17T00:00:00Z &&
	classes 2027-02 >got &&
	expect_file "o1 in_hours
o2 out_of_hours
o3 in_hours" got &&
	expect_status 0 rota pay 2027-02 --format csv &&
	expect_file "$PAY_HEADER
2027-02,me,Me Self,me@example.com,EUR,0,0.00,0.00,0.00,0.00,60,60.00,0,0.00,0,0.00,60.00" out
'

test_expect_success 'pages imported after the change are still judged by the office of their time' '
	offices &&
	ROTA_NOW=2027-02-10T12:00:00Z rota --as me person set me --office SF >/dev/null &&
	import_pages 2027-02-17T00:00:00Z \
		"o1,2027-02-09T16:00:00Z,2027-02-09T16:00:00Z,2027-02-09T17:00:00Z,me" \
		"o2,2027-02-16T16:00:00Z,2027-02-16T16:00:00Z,2027-02-16T17:00:00Z,me" &&
	export ROTA_NOW=2027-02-17T00:00:00Z &&
	classes 2027-02 >got &&
	expect_file "o1 in_hours
o2 out_of_hours" got &&
	test "$(pay_of 2027-02)" = 60.00
'

test_expect_success 'no office any more: their own zone'"'"'s default hours from then on' '
	offices &&
	ROTA_NOW=2027-02-10T12:00:00Z rota --as me person set me --office SF >/dev/null &&
	ROTA_NOW=2027-02-12T00:00:00Z rota --as me person set me --no-office >/dev/null &&
	import_pages 2027-02-17T00:00:00Z \
		"o2,2027-02-16T16:00:00Z,2027-02-16T16:00:00Z,2027-02-16T17:00:00Z,me" \
		"o3,2027-02-16T18:00:00Z,2027-02-16T18:00:00Z,2027-02-16T19:00:00Z,me" \
		"o4,2027-02-11T16:00:00Z,2027-02-11T16:00:00Z,2027-02-11T17:00:00Z,me" &&
	export ROTA_NOW=2027-02-17T00:00:00Z &&
	classes 2027-02 >got &&
	expect_file "o4 out_of_hours
o2 in_hours
o3 out_of_hours" got &&
	test "$(pay_of 2027-02)" = 120.00
'

# mo, a manager until 12:00Z on 10 Feb, took an escalation on 20 Jan;
# me becomes a manager then, and mo does not stay one.
test_expect_success 'the manager flag of a month is the one in force then; escalations stay counted' '
	histteam && january &&
	sqlite3 rota.db "INSERT INTO pages (source, source_id, created_at, responder_id,
		rotation_id, escalated, escalation_person_id, class, imported_at)
		SELECT '\''generic'\'', '\''e1'\'', strftime('\''%s'\'', '\''2027-01-20T10:00:00Z'\''),
		(SELECT id FROM persons WHERE handle = '\''me'\''), 1, 1, id, '\''in_hours'\'', 0
		FROM persons WHERE handle = '\''mo'\''" &&
	export ROTA_NOW=2027-02-10T12:00:00Z &&
	rota report monthly 2027-01 --format json >out &&
	json "[(p[\"handle\"], p[\"manager\"], p[\"escalations\"]) for p in j[\"people\"]]" >before &&
	expect_file "[('"'"'me'"'"', False, 0), ('"'"'mo'"'"', True, 1)]" before &&
	expect_status 0 rota --as mo person set me --manager &&
	expect_status 0 rota --as me person set mo --no-manager &&
	rota report monthly 2027-01 --format json >out &&
	json "[(p[\"handle\"], p[\"manager\"], p[\"escalations\"]) for p in j[\"people\"]]" >after &&
	diff -u before after &&
	expect_status 0 rota --as me person show mo &&
	expect_file "Handle:                  mo
Name:                    Mo Reyes
Email:                   mo@example.com
Time zone:               Europe/Dublin
Office:                  -
Manager:                 no
Sleep hours:             22:00-07:00
History (times UTC):
FROM                  ZONE           OFFICE  SLEEP        MANAGER  BY
the beginning         Europe/Dublin  -       22:00-07:00  yes      root
2027-02-10T12:00:00Z  Europe/Dublin  -       22:00-07:00  no       root as me" out
'

test_expect_success 'a month after the change shows the new flag' '
	histteam &&
	ROTA_NOW=2027-02-10T12:00:00Z rota --as mo person set me --manager >/dev/null &&
	sqlite3 rota.db "INSERT INTO pages (source, source_id, created_at, responder_id,
		rotation_id, class, imported_at) SELECT '\''generic'\'', '\''m1'\'',
		strftime('\''%s'\'', '\''2027-03-02T10:00:00Z'\''), id, 1, '\''in_hours'\'', 0
		FROM persons WHERE handle = '\''me'\''" &&
	ROTA_NOW=2027-04-10T00:00:00Z rota report monthly 2027-03 --format json >out &&
	test "$(json "[p[\"manager\"] for p in j[\"people\"] if p[\"handle\"] == \"me\"]")" = "[True]"
'

test_done
