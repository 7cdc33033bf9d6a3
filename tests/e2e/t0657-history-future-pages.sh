#!/bin/sh
# A page imported before a change of its responder's zone, office or
# sleep hours but created after it (its time ahead of the import, or a
# test clock) takes the class of its own time (issue 23): the change
# sets again the class of their pages from its instant on, as an import
# after the change would give it; pages before it are never touched.
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib-history.sh"

PAY_HEADER="month,person,name,email,currency,shifts,stipend,weekday,weekend,holiday,active_minutes,active,sleep_interruptions,sleep_bonus,toil_hours,capped,total"

# t0650's February pages, imported on 1 February, before me's move to
# Pacific/Kiritimati (UTC+14) at 12:00Z on Wed 10 Feb:
#  q4 Tue 9 Feb 13:00-14:00Z, before the change: Dublin's business
#     hours, in_hours, nothing paid;
#  q5 Wed 10 Feb 11:30-12:30Z, created before the change: in_hours; its
#     last 30 minutes are 02:00-02:30 in Kiritimati, asleep: 30.00;
#  q3 Tue 16 Feb 13:00-14:00Z: 03:00-04:00 on Wednesday in Kiritimati,
#     asleep: sleep, 60 minutes and an interruption: 160.00.
ahead() {
	import_pages 2027-02-01T00:00:00Z \
		"q4,2027-02-09T13:00:00Z,2027-02-09T13:00:00Z,2027-02-09T14:00:00Z,me" \
		"q5,2027-02-10T11:30:00Z,2027-02-10T11:30:00Z,2027-02-10T12:30:00Z,me" \
		"q3,2027-02-16T13:00:00Z,2027-02-16T13:00:00Z,2027-02-16T14:00:00Z,me"
}

test_expect_success 'pages ahead of a new zone take the class of their time; earlier ones stay' '
	histteam && ahead &&
	ROTA_NOW=2027-02-01T00:00:00Z classes 2027-02 >got &&
	expect_file "q4 in_hours
q5 in_hours
q3 in_hours" got &&
	sqlite3 rota.db "SELECT * FROM pages WHERE source_id <> '\''q3'\'' ORDER BY id" >before &&
	ROTA_NOW=2027-02-10T12:00:00Z rota --as me person set me --tz Pacific/Kiritimati >/dev/null &&
	export ROTA_NOW=2027-02-17T00:00:00Z &&
	classes 2027-02 >got &&
	expect_file "q4 in_hours
q5 in_hours
q3 sleep" got &&
	sqlite3 rota.db "SELECT * FROM pages WHERE source_id <> '\''q3'\'' ORDER BY id" >after &&
	diff -u before after &&
	expect_status 0 rota pay 2027-02 --format csv &&
	expect_file "$PAY_HEADER
2027-02,me,Me Self,me@example.com,EUR,0,0.00,0.00,0.00,0.00,90,90.00,1,100.00,0,0.00,190.00" out &&
	expect_status 0 rota report monthly 2027-02 --format json &&
	test "$(json "[(p[\"handle\"], p[\"ooh_interruptions\"], p[\"sleep_interruptions\"]) for p in j[\"people\"]]")" = "[('"'"'me'"'"', 1, 1)]"
'

test_expect_success 'the same as importing them after the change' '
	histteam && ahead &&
	ROTA_NOW=2027-02-10T12:00:00Z rota --as me person set me --tz Pacific/Kiritimati >/dev/null &&
	ROTA_NOW=2027-02-17T00:00:00Z classes 2027-02 >ahead.classes &&
	rm -f rota.db rota.db-wal rota.db-shm &&
	histteam &&
	ROTA_NOW=2027-02-10T12:00:00Z rota --as me person set me --tz Pacific/Kiritimati >/dev/null &&
	ahead &&
	ROTA_NOW=2027-02-17T00:00:00Z classes 2027-02 >after.classes &&
	diff -u after.classes ahead.classes
'

# New sleep hours 12:00-15:00 Dublin from 10 Feb 12:00Z, then back to
# 22:00-07:00 from 15 Feb: q3 (16 Feb) is judged by the last, in_hours.
test_expect_success 'new sleep hours, then the old ones again: each page by the entry of its time' '
	histteam && ahead &&
	ROTA_NOW=2027-02-10T12:00:00Z rota --as me person set me --sleep 12:00-15:00 >/dev/null &&
	ROTA_NOW=2027-02-12T00:00:00Z classes 2027-02 >got &&
	expect_file "q4 in_hours
q5 in_hours
q3 sleep" got &&
	ROTA_NOW=2027-02-15T00:00:00Z rota --as me person set me --sleep 22:00-07:00 >/dev/null &&
	ROTA_NOW=2027-02-17T00:00:00Z classes 2027-02 >got &&
	expect_file "q4 in_hours
q5 in_hours
q3 in_hours" got
'

# t0651's offices: me moves from Dublin's office to San Francisco's
# (09:00-18:00 Pacific, 17:00-02:00Z) at 12:00Z on 10 Feb; o2, Tue 16 Feb
# 16:00-17:00Z, imported on 1 Feb when Dublin was open then, is 08:00 in
# San Francisco: out_of_hours, 60.00. mo's pages are not theirs to move.
test_expect_success 'a new office: the pages ahead of it are judged by its hours, nobody else'"'"'s' '
	histteam &&
	export ROTA_NOW=2026-12-01T10:00:00Z &&
	rota office add Dublin --tz Europe/Dublin >/dev/null &&
	rota office add SF --tz America/Los_Angeles >/dev/null &&
	rota person set me --office Dublin >/dev/null &&
	rota person set mo --office Dublin >/dev/null &&
	import_pages 2027-02-01T00:00:00Z \
		"o2,2027-02-16T16:00:00Z,2027-02-16T16:00:00Z,2027-02-16T17:00:00Z,me" \
		"m2,2027-02-16T16:00:00Z,2027-02-16T16:00:00Z,2027-02-16T17:00:00Z,mo" &&
	ROTA_NOW=2027-02-10T12:00:00Z rota --as me person set me --office SF >/dev/null &&
	export ROTA_NOW=2027-02-17T00:00:00Z &&
	classes 2027-02 >got &&
	expect_file "o2 out_of_hours
m2 in_hours" got &&
	test "$(pay_of 2027-02)" = 60.00
'

test_expect_success 'a change of name or manager flag only leaves every class as it was' '
	histteam && ahead &&
	sqlite3 rota.db "SELECT * FROM pages ORDER BY id" >before &&
	ROTA_NOW=2027-02-10T12:00:00Z rota --as me person set me --name "Me Again" >/dev/null &&
	ROTA_NOW=2027-02-10T12:00:00Z rota --as mo person set me --manager >/dev/null &&
	sqlite3 rota.db "SELECT * FROM pages ORDER BY id" >after &&
	diff -u before after
'

test_done
