#!/bin/sh
# Who may do what, as it is used: rota run by ordinary OS users, each
# login mapped to the person whose handle it is (cli/actor.c), never root:
# the OS users and the team of tests/e2e/lib-users.sh.
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib-swap.sh"
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib-users.sh"

test_expect_success_users 'a volunteer changes their own details, audited as themselves' '
	perm_team &&
	expect_status 0 as_vol rota person set $VOL --name "Val Lopez" --tz Asia/Kolkata --sleep 23:00-06:00 &&
	expect_out "Val Lopez" && expect_out "Asia/Kolkata" && expect_out "23:00-06:00" &&
	test ! -s err &&
	test "$(audit_of person.set | cut -d"|" -f1,2)" = "$VOL|$VOL"
'

test_expect_success_users 'a volunteer may not change someone else, nor make or unmake a manager' '
	perm_team &&
	expect_unchanged 77 as_vol rota person set ana --name "Not Ana" &&
	expect_file "rota: person set for someone else: managers only (you are $VOL)" err &&
	expect_unchanged 77 as_vol rota person set $MGR --no-manager &&
	expect_file "rota: person set for someone else: managers only (you are $VOL)" err &&
	expect_unchanged 77 as_vol rota person set $VOL --manager &&
	expect_file "rota: person set --manager: managers only (you are $VOL)" err &&
	expect_unchanged 77 as_vol rota person set $VOL --no-manager &&
	expect_file "rota: person set --no-manager: managers only (you are $VOL)" err &&
	expect_unchanged 77 as_vol rota person set $VOL --name "Val Boss" --manager &&
	expect_file "rota: person set --manager: managers only (you are $VOL)" err
'

test_expect_success_users 'a manager changes anyone, and makes and unmakes managers' '
	perm_team &&
	expect_status 0 as_mgr rota person set ana --email ana@corp.example.com --manager &&
	expect_out "ana@corp.example.com" &&
	test "$(sqlite3 rota.db "SELECT is_manager FROM persons WHERE handle = '"'"'ana'"'"'")" = 1 &&
	expect_status 0 as_mgr rota person set ana --no-manager &&
	test "$(sqlite3 rota.db "SELECT is_manager FROM persons WHERE handle = '"'"'ana'"'"'")" = 0 &&
	test "$(audit_of person.set | cut -d"|" -f1,2)" = "$MGR|ana
$MGR|ana"
'

test_expect_success_users 'a volunteer may not act for someone else with --as' '
	perm_team &&
	expect_unchanged 77 as_vol rota --as ana leave add 2027-03-01 2027-03-02 &&
	expect_file "rota: --as: only managers and root may act for someone else (you are $VOL)" err &&
	test ! -s out &&
	expect_unchanged 77 as_vol rota --as $MGR person add cy --name Cy --email cy@example.com --tz UTC &&
	expect_file "rota: --as: only managers and root may act for someone else (you are $VOL)" err &&
	expect_unchanged 77 as_vol rota --as ana leave list &&
	expect_err "--as: only managers and root may act for someone else (you are $VOL)" &&
	expect_unchanged 77 as_vol rota --as $VOL next &&
	expect_err "--as: only managers and root may act for someone else (you are $VOL)"
'

test_expect_success_users 'a manager acts for a volunteer with --as, with the volunteer'"'"'s rights only' '
	perm_team &&
	expect_status 0 as_mgr rota --as ana leave add 2027-03-01 2027-03-02 --reason Skiing &&
	test "$(audit_of leave.add | cut -d"|" -f1,2)" = "$MGR as ana|leave 1" &&
	expect_unchanged 77 as_mgr rota --as ana override 1 bo &&
	expect_file "rota: override: managers only (you are $MGR as ana)" err &&
	expect_unchanged 77 as_mgr rota --as ana person set bo --name "Not Bo" &&
	expect_file "rota: person set for someone else: managers only (you are $MGR as ana)" err
'

test_expect_success_users 'person remove: a manager removes someone without shifts, a volunteer nobody' '
	perm_team &&
	expect_unchanged 77 as_vol rota person remove zed &&
	expect_file "rota: person remove: managers only (you are $VOL)" err &&
	expect_unchanged 77 as_vol rota person remove $VOL &&
	expect_file "rota: person remove: managers only (you are $VOL)" err &&
	expect_status 0 as_mgr rota person remove zed &&
	test "$(audit_of person.remove | cut -d"|" -f1,2)" = "$MGR|zed" &&
	expect_status 0 as_mgr rota person list &&
	! grep zed out
'

test_expect_success_users 'person remove refuses someone who still holds current or future shifts' '
	perm_team &&
	expect_unchanged 65 as_mgr rota person remove ana &&
	expect_file "rota: ana still holds 2 current or future shifts: override them (rota override) or regenerate after they leave their terms (rota volunteer leave)" err &&
	export ROTA_NOW=2027-02-03T12:00:00Z &&
	expect_unchanged 65 as_mgr rota person remove bo &&
	expect_file "rota: bo still holds 1 current or future shift: override them (rota override) or regenerate after they leave their terms (rota volunteer leave)" err &&
	export ROTA_NOW=2027-02-08T10:00:00Z &&
	expect_status 0 as_mgr rota person remove bo &&
	test "$(owner 5 | cut -d"|" -f1)" = "bo~4" &&
	test "$(audit_of person.remove | cut -d"|" -f1,2)" = "$MGR|bo"
'

test_expect_success_users 'a volunteer may run none of the managers'"'"' commands' '
	perm_team &&
	ooo holidays.ics "Bank holiday" &&
	echo "alert,id,service,created_at" >pages.csv &&
	expect_unchanged 77 as_vol rota person add cy --name Cy --email cy@example.com --tz UTC &&
	expect_file "rota: person add: managers only (you are $VOL)" err &&
	expect_unchanged 77 as_vol rota office add Paris --tz Europe/Paris &&
	expect_file "rota: office add: managers only (you are $VOL)" err &&
	expect_unchanged 77 as_vol rota holiday add Dublin 2027-04-05 --name Easter &&
	expect_file "rota: holiday add: managers only (you are $VOL)" err &&
	expect_unchanged 77 as_vol rota holiday remove 1 &&
	expect_file "rota: holiday remove: managers only (you are $VOL)" err &&
	expect_unchanged 77 as_vol rota holiday import Dublin holidays.ics &&
	expect_file "rota: holiday import: managers only (you are $VOL)" err &&
	expect_unchanged 77 as_vol rota rotation add dev --tier primary --tz UTC &&
	expect_file "rota: rotation add: managers only (you are $VOL)" err &&
	expect_unchanged 77 as_vol rota term add h3 --rotation ops --start 2027-03-29 &&
	expect_file "rota: term add: managers only (you are $VOL)" err &&
	expect_unchanged 77 as_vol rota schedule generate h1 &&
	expect_file "rota: schedule generate: managers only (you are $VOL)" err &&
	expect_unchanged 77 as_vol rota override 2 $VOL &&
	expect_file "rota: override: managers only (you are $VOL)" err &&
	expect_unchanged 77 as_vol rota page import pages.csv --format generic &&
	expect_file "rota: page import: managers only (you are $VOL)" err &&
	expect_unchanged 77 as_vol rota page pull pagerduty &&
	expect_file "rota: page pull: managers only (you are $VOL)" err &&
	expect_unchanged 77 as_vol rota publish --dir feeds &&
	expect_file "rota: publish: managers only (you are $VOL)" err &&
	test ! -e feeds &&
	expect_unchanged 77 as_vol rota publish --caldav http://127.0.0.1:9/calendars/ops/ &&
	expect_file "rota: publish: managers only (you are $VOL)" err
'

test_expect_success_users 'a manager runs the managers'"'"' commands as themselves' '
	perm_team &&
	expect_status 0 as_mgr rota person add dee --name Dee --email dee@example.com --tz UTC &&
	expect_status 0 as_mgr rota holiday add Dublin 2027-04-05 --name Easter &&
	expect_status 0 as_mgr rota holiday remove 1 &&
	expect_status 0 as_mgr rota override 1 bo &&
	test "$(owner 1)" = "bo|override|1" &&
	expect_status 0 as_mgr rota volunteer join h2 ana &&
	expect_status 0 as_mgr rota volunteer join h2 bo &&
	expect_status 0 as_mgr rota schedule generate h2 &&
	expect_status 0 as_mgr rota publish --dir feeds &&
	test -s feeds/ops.ics &&
	test "$(sqlite3 rota.db "SELECT DISTINCT actor FROM audit_events WHERE actor <> '"'"'root'"'"'")" = "$MGR"
'

test_expect_success_users 'a volunteer may not do for someone else what they may for themselves' '
	perm_team &&
	ooo ooo.ics Skiing &&
	rota leave add ana 2027-04-01 2027-04-02 --reason Surgery >/dev/null &&
	rota --as ana swap request 2 --with cy >/dev/null &&
	printf "[feed]\nbase_url = https://oncall.example.com/feeds/\n" >rota.conf &&
	expect_unchanged 77 as_vol rota volunteer join h2 ana &&
	expect_file "rota: volunteer join for someone else: managers only (you are $VOL)" err &&
	expect_unchanged 77 as_vol rota volunteer leave h1 ana &&
	expect_file "rota: volunteer leave for someone else: managers only (you are $VOL)" err &&
	expect_unchanged 77 as_vol rota leave add ana 2027-03-01 2027-03-02 &&
	expect_file "rota: leave add for someone else: managers only (you are $VOL)" err &&
	expect_unchanged 77 as_vol rota leave import ooo.ics ana &&
	expect_file "rota: leave import for someone else: managers only (you are $VOL)" err &&
	expect_unchanged 77 as_vol rota leave list ana &&
	expect_file "rota: leave list for someone else: managers only (you are $VOL)" err &&
	! grep Surgery out &&
	expect_unchanged 77 as_vol rota leave remove 1 &&
	expect_err "rota: leave remove: leave 1 is ana'"'"'s: only they or a" && expect_err "(you are $VOL)" &&
	expect_unchanged 77 as_vol rota --config rota.conf feed url ana &&
	expect_file "rota: feed url: only ana or a manager may (you are $VOL)" err &&
	test ! -s out &&
	expect_unchanged 77 as_vol rota feed rotate-token ana &&
	expect_file "rota: feed rotate-token: only ana or a manager may (you are $VOL)" err &&
	expect_unchanged 77 as_vol rota swap request 2 --with bo &&
	expect_err "rota: shift 2 is ana'"'"'s, not yours ($VOL)" &&
	expect_unchanged 77 as_vol rota swap accept 1 &&
	expect_err "rota: swap request 1 asks cy, not you ($VOL)" &&
	expect_unchanged 77 as_vol rota swap decline 1 &&
	expect_err "rota: swap request 1 asks cy, not you ($VOL)" &&
	expect_unchanged 77 as_vol rota swap cancel 1 &&
	expect_err "rota: swap request 1 is ana'"'"'s, not yours ($VOL)"
'

test_expect_success_users 'a volunteer joins and leaves terms, and records and imports their own leave' '
	perm_team &&
	ooo ooo.ics Skiing &&
	expect_status 0 as_vol rota volunteer join h2 &&
	expect_status 0 as_vol rota volunteer leave h2 &&
	expect_status 0 as_vol rota volunteer join h2 $VOL &&
	expect_status 0 as_vol rota leave add 2027-04-01 2027-04-02 --reason Dentist &&
	expect_status 0 as_vol rota leave add $VOL 2027-05-03 2027-05-04 &&
	expect_status 0 as_vol rota leave import ooo.ics &&
	expect_out "leave of $VOL: added 1" &&
	expect_status 0 as_vol rota leave list &&
	expect_out Dentist && expect_out Skiing &&
	expect_status 0 as_vol rota leave remove 2 &&
	test "$(audit_of leave.remove | cut -d"|" -f1,2)" = "$VOL|leave 2" &&
	test "$(sqlite3 rota.db "SELECT DISTINCT actor FROM audit_events WHERE actor <> '"'"'root'"'"'")" = "$VOL"
'

test_expect_success_users 'a volunteer sees only their own leave, pay and swaps' '
	perm_team &&
	rota leave add ana 2027-04-01 2027-04-02 --reason Surgery >/dev/null &&
	rota leave add $VOL 2027-04-05 2027-04-06 --reason Dentist >/dev/null &&
	rota --as ana swap request 2 --with cy >/dev/null &&
	printf "[rotation \"ops\"]\npolicy = std\n\n[policy \"std\"]\ncurrency = EUR\nstipend_per_week = 500.00\n" >rota.conf &&
	expect_unchanged 0 as_vol rota leave list &&
	expect_out Dentist && ! grep -e Surgery -e ana out &&
	expect_unchanged 0 as_vol rota --config rota.conf --json pay 2027-01 &&
	test "$(json "sorted(set(r[\"person\"] for r in j))")" = "['"'"'$VOL'"'"']" &&
	expect_unchanged 0 as_vol rota swap list &&
	! grep "ana" out
'

test_expect_success_users 'swaps: a volunteer asks for one of their shifts, and answers requests made to them' '
	perm_team &&
	expect_status 0 as_vol rota swap request 1 --with bo &&
	rota --as bo swap request 3 --with $VOL >/dev/null &&
	rota --as ana swap request 4 --with $VOL >/dev/null &&
	expect_unchanged 0 as_vol rota swap list &&
	expect_out bo && expect_out ana &&
	expect_unchanged 0 as_vol rota swap suggest 2 &&
	expect_status 0 as_vol rota swap accept 2 &&
	test "$(owner 3 | cut -d"|" -f1,2)" = "$VOL|swap" &&
	expect_status 0 as_vol rota swap decline 3 &&
	test "$(swap_state 3)" = "declined|$VOL" &&
	expect_status 0 as_vol rota swap cancel 1 &&
	test "$(swap_state 1)" = "cancelled|$VOL"
'

test_expect_success_users 'a volunteer has their own feed address and may change it' '
	perm_team &&
	printf "[feed]\nbase_url = https://oncall.example.com/feeds/\n" >rota.conf &&
	expect_status 0 as_vol rota --config rota.conf feed url &&
	expect_out "https://oncall.example.com/feeds/" &&
	cp out before-url &&
	expect_status 0 as_vol rota --config rota.conf feed rotate-token $VOL &&
	expect_status 0 as_vol rota --config rota.conf feed url $VOL &&
	! cmp -s before-url out &&
	test "$(audit_of feed.rotate-token | cut -d"|" -f1,2)" = "$VOL|$VOL"
'

test_expect_success_users 'a volunteer reads what everyone may read, and changes nothing' '
	perm_team &&
	printf "[rotation \"ops\"]\npolicy = std\n\n[policy \"std\"]\ncurrency = EUR\nstipend_per_week = 500.00\n\n[notify]\nwebhook = yes\n" >rota.conf &&
	export ROTA_CONFIG="$PWD/rota.conf" &&
	expect_unchanged 0 as_vol rota init &&
	expect_unchanged 0 as_vol rota person list && expect_out $MGR &&
	expect_unchanged 0 as_vol rota person show ana && expect_out "Person ana" &&
	expect_unchanged 0 as_vol rota office list && expect_out Dublin &&
	expect_unchanged 0 as_vol rota holiday list && expect_out Patrick &&
	expect_unchanged 0 as_vol rota rotation list && expect_out ops &&
	expect_unchanged 0 as_vol rota term list && expect_out h2 &&
	expect_unchanged 0 as_vol rota term show h1 && expect_out bo &&
	expect_unchanged 0 as_vol rota schedule show && expect_out $VOL &&
	expect_unchanged 0 as_vol rota schedule check h1 &&
	expect_unchanged 0 as_vol rota next && expect_out "Mon 2027-01-04 10:00" &&
	expect_unchanged 0 as_vol rota next ana && expect_out "Mon 2027-01-11 10:00" &&
	ROTA_NOW=2027-01-05T23:00:00Z expect_unchanged 0 as_vol rota now && expect_out $VOL &&
	expect_unchanged 0 as_vol rota audit && expect_out volunteer.join &&
	expect_unchanged 0 as_vol rota report fairness h1 &&
	expect_unchanged 0 as_vol rota feed export --person $VOL -o mine.ics &&
	grep -q BEGIN:VCALENDAR mine.ics &&
	expect_unchanged 0 as_vol rota feed export --rotation ops &&
	expect_out BEGIN:VCALENDAR &&
	expect_unchanged 0 as_vol rota page list --month 2027-01 &&
	expect_unchanged 0 as_vol rota report monthly 2027-01 &&
	expect_unchanged 0 as_vol rota pay 2027-01 && expect_out $VOL &&
	ROTA_NOW=2027-01-04T09:30:00Z expect_unchanged 0 as_vol rota notify --dry-run &&
	expect_out "$VOL goes on call"
'

test_expect_success_users 'someone who is not a person in rota may read, not act' '
	perm_team &&
	not_person="you ($OUT) are not a person in rota: ask a manager to add you, or act for someone with --as HANDLE" &&
	expect_unchanged 0 as_out rota schedule show && expect_out $VOL &&
	expect_unchanged 77 as_out rota next && expect_file "rota: $not_person" err &&
	expect_unchanged 77 as_out rota leave add 2027-03-01 2027-03-02 && expect_file "rota: $not_person" err &&
	expect_unchanged 77 as_out rota volunteer join h2 && expect_file "rota: $not_person" err &&
	expect_unchanged 77 as_out rota swap request 1 && expect_file "rota: $not_person" err &&
	expect_unchanged 77 as_out rota swap list && expect_file "rota: $not_person" err &&
	expect_unchanged 77 as_out rota feed url && expect_file "rota: $not_person" err &&
	expect_unchanged 77 as_out rota pay 2027-01 && expect_file "rota: $not_person" err &&
	expect_unchanged 77 as_out rota person add $OUT --name Out --email out@example.com --tz UTC &&
	expect_file "rota: person add: managers only (you are $OUT)" err &&
	expect_unchanged 77 as_out rota --as $VOL leave add 2027-03-01 2027-03-02 &&
	expect_file "rota: --as: only managers and root may act for someone else (you are $OUT)" err
'

test_expect_success_users 'while nobody is a manager anyone sets the team up; the first manager ends it' '
	rota init >/dev/null &&
	open_db &&
	expect_status 0 as_vol rota person add $VOL --name Val --email val@example.com --tz UTC &&
	expect_status 0 as_vol rota --as $VOL person add $MGR --name Mia --email mia@example.com --tz UTC --manager &&
	expect_unchanged 77 as_vol rota person add ana --name Ana --email ana@example.com --tz UTC &&
	expect_file "rota: person add: managers only (you are $VOL)" err &&
	expect_status 0 as_mgr rota person add ana --name Ana --email ana@example.com --tz UTC &&
	test "$(sqlite3 rota.db "SELECT actor FROM audit_events ORDER BY id")" = "$VOL
$VOL
$MGR"
'

test_done
