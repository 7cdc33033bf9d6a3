#!/bin/sh
# Tables fit the terminal (issue 22): at --width 80 every table command
# prints no line wider than 80 columns as a terminal counts them (é one,
# a CJK character two), keeps its most useful columns and says under the
# table which it left out; --wide, and a pipe without --width, print
# every column byte for byte as before. --width's bad values (issue 23).
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib-report.sh"

# The widest line of FILE in terminal columns, counted independently of
# rota: East Asian wide and fullwidth characters 2, combining marks 0.
cat >"$TEST_ROOT/cols.py" <<'PY'
import sys, unicodedata
def w(line):
    return sum(0 if unicodedata.combining(c) else
               2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)
print(max([w(l.rstrip("\n")) for l in open(sys.argv[1], encoding="utf-8")] or [0]))
PY
cols() {
	/usr/bin/python3 "$TEST_ROOT/cols.py" "$1"
}

# world: lib-report's team and January pages, a person with an accented
# name, one with a CJK name, leave with a long reason and a swap request.
world() {
	team && pages &&
	rota person add rene --name "Renée François-Dupont de la Tour" \
		--email rene.francois-dupont@example.com \
		--tz America/Argentina/Buenos_Aires >/dev/null &&
	rota person add taro --name "田中太郎さん東京本社運用部" \
		--email taro@example.jp --tz Asia/Tokyo >/dev/null &&
	rota volunteer join h1 rene >/dev/null &&
	rota leave add rene 2027-02-15 2027-02-20 --reason \
		"a week at the seaside with the family, back on Monday" >/dev/null &&
	holder=$(sqlite3 rota.db "SELECT handle FROM persons p JOIN shifts s
		ON s.person_id = p.id WHERE s.id = 2") &&
	rota --as "$holder" swap request 2 --with rene >/dev/null
}

# check CMD HEADER NOTE: `rota --width 80 CMD` has no line over 80
# columns, the table's header line HEADER and the note NOTE ("" for none);
# --wide and a plain pipe give the same bytes, and the bytes differ from
# the fitted ones exactly when a note says something was left out.
check() {
	rota $1 >pipe.txt &&
	rota --wide $1 >wide.txt &&
	rota --wide --width 80 $1 >wide80.txt &&
	cmp pipe.txt wide.txt && cmp pipe.txt wide80.txt &&
	rota --width 80 $1 >w80.txt &&
	test "$(cols w80.txt)" -le 80 &&
	grep -x -F -- "$2" w80.txt >/dev/null || {
		echo "--- $1 at 80 (header '$2' wanted)"; cat w80.txt; return 1; }
	if [ -n "$3" ]; then
		grep -x -F -- "$3" w80.txt >/dev/null &&
		test "$(cols pipe.txt)" -gt 80 || {
			echo "--- $1: note '$3' wanted"; cat w80.txt; return 1; }
	else
		! grep -F "Left out" w80.txt && cmp pipe.txt w80.txt
	fi
}

test_expect_success 'schedule show at 80: ID, rotation, person and times stay' '
	world &&
	check "schedule show --from 2027-01-01" \
		"ID  ROTATION  PERSON  START                 END                   ORIGIN" \
		"(Left out to fit: TIER, ZONE; --wide shows them.)"
'

test_expect_success 'page list at 80: when, who, what; class and escalation left out' '
	world &&
	check "page list --month 2027-01" \
		"ID  CREATED               RESPONDER  SERVICE               ALERT" \
		"(Left out to fit: CLASS, ESCALATED TO; --wide shows them.)" &&
	grep -F "cert '"'"'expiry'"'"'" pipe.txt >/dev/null
'

test_expect_success 'person list at 80: the e-mail goes, wide names cut and aligned' '
	world &&
	check "person list" \
		"HANDLE  NAME                     ZONE                            OFFICE  MANAGER" \
		"(Left out to fit: EMAIL; --wide shows it.)" &&
	grep -x -F "rene    Renée François-Dupont …  America/Argentina/Buenos_Aires  -       no" w80.txt &&
	grep -x -F "taro    田中太郎さん東京本社運…  Asia/Tokyo                      -       no" w80.txt &&
	grep "^taro    田中太郎さん東京本社運用部  *taro@example.jp  *Asia/Tokyo  " pipe.txt
'

test_expect_success 'person list at 50: names are cut at a whole character with an ellipsis' '
	world &&
	rota --width 50 person list >out &&
	expect_file "HANDLE  NAME                       OFFICE  MANAGER
ana     Ana Alves                  -       no
bo      Bo Berg                    -       no
cy      Cy Chen                    -       no
mo      Mo Maas                    -       yes
rene    Renée François-Dupont de…  -       no
taro    田中太郎さん東京本社運用…  -       no
(Left out to fit: EMAIL, ZONE; --wide shows them.)" out
'

test_expect_success 'term list and rotation list at 80' '
	world &&
	check "term list" \
		"TERM  START                 END                   ZONE           STATE" \
		"(Left out to fit: ROTATION, SHIFTS, MEMBERS; --wide shows them.)" &&
	check "rotation list" \
		"NAME  TIER     ZONE           HANDOFF    DAYS  COVERS  TERMS  CURRENT TERM" ""
'

test_expect_success 'audit: the change wraps under itself at 100, and at 80 without the action' '
	world &&
	check audit "TIME                  ACTOR        OBJECT   CHANGE" \
		"(Left out to fit: ACTION; --wide shows it.)" &&
	rota --width 100 audit >w100.txt &&
	test "$(cols w100.txt)" -le 100 &&
	! grep -F "Left out" w100.txt &&
	grep -x -F "TIME                  ACTOR        ACTION             OBJECT   CHANGE" w100.txt &&
	grep -x -F "Fri 2027-01-01 12:00  root         leave.add          leave 1  new: id: 1, person: rene, first_day:" w100.txt &&
	grep -x -F "                                                               2027-02-15, last_day: 2027-02-20," w100.txt
'

test_expect_success 'report monthly at 80: who, out of hours, woken, share, pay, status' '
	world &&
	check "report monthly 2027-01" \
		"PERSON  SHIFTS  HOURS  OOH  SLEEP  NIGHTS  SHARE  WEEKS SINCE  PAY  STATUS" \
		" them.)" &&
	grep -x -F "(Left out to fit: RUN, MAX/SHIFT, DAILY, WEEKLY, CLOSE, ESCALATED; --wide shows" w80.txt &&
	grep -x -F "SERVICE               ALERT          PAGES  OOH  NO ACTION  NO RUNBOOK  STATUS" w80.txt &&
	grep -x -F "(Left out to fit: SLEEP; --wide shows it.)" w80.txt
'

test_expect_success 'report fairness (its lines wrapped), leave list and swap list at 80' '
	world &&
	rota --width 80 report fairness h1 >w80.txt &&
	rota report fairness h1 >pipe.txt &&
	rota --wide report fairness h1 | cmp - pipe.txt &&
	grep -x -F "PERSON  WEEKS  LOAD (WEEKS)  SMALLEST GAP (DAYS)  INTERRUPTIONS  VS AVERAGE" w80.txt &&
	grep -x -F "(Left out to fit: ON-CALL HOURS; --wide shows it.)" w80.txt &&
	grep "^PERSON  WEEKS  ON-CALL HOURS  LOAD (WEEKS)" pipe.txt &&
	test "$(cols w80.txt)" -le 80 &&
	grep -x -F "Above the average load:  ana +0.50 weeks (+33.3%), bo +0.50 weeks (+33.3%), cy" w80.txt &&
	grep -x -F "                         +0.50 weeks (+33.3%)" w80.txt &&
	grep -x -F "Above the average load:  ana +0.50 weeks (+33.3%), bo +0.50 weeks (+33.3%), cy +0.50 weeks (+33.3%)" pipe.txt &&
	check "leave list --from 2027-01-01" \
		"ID  PERSON  FROM            TO              REASON" \
		"(Left out to fit: ZONE; --wide shows it.)" &&
	grep -x -F "1   rene    Mon 2027-02-15  Sat 2027-02-20  a week at the seaside with the" w80.txt &&
	grep -x -F "                                            family, back on Monday" w80.txt &&
	check "swap list --all" \
		"ID  SHIFT  ROTATION  START                               FROM  TO    STATE" \
		"(Left out to fit: DECIDED BY; --wide shows it.)"
'

test_expect_success '--width takes 20 to 10000 columns: else 64 and nothing printed' '
	for v in 0 -3 abc 12x "" 10001 99999999999999999999; do
		expect_status 64 rota --width "$v" person list &&
		expect_file "rota: --width: '"'"'$v'"'"' must be a positive number, at most 10000 (see rota --help)" err &&
		test ! -s out || return 1
	done &&
	expect_status 64 rota --width 19 person list &&
	expect_file "rota: --width: '"'"'19'"'"' is too narrow for a table: at least 20 (see rota --help)" err &&
	expect_status 0 rota --width 20 person list
'

test_done
