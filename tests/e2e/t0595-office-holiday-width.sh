#!/bin/sh
# office list and holiday list on a narrow terminal (issue 22): long and
# Japanese office names, holidays with long names. The office (cut) stays
# in office list, its holidays and people left out first; holiday list
# keeps the date and the name (cut), leaving out the weekday and then
# the office. No line is wider than the width as a terminal counts it;
# --wide and a pipe print every column.
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib-team.sh"
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib-fit.sh"

# holidays: wide_world and a holiday with a long name in each office.
holidays() {
	wide_world &&
	rota holiday add "Dublin Docklands Headquarters (Grand Canal)" 2027-03-17 \
		--name "Saint Patrick's Day (Lá Fhéile Pádraig), bank holiday" >/dev/null &&
	rota holiday add "東京本社 丸の内オフィス運用センター" 2027-01-11 \
		--name "成人の日（せいじんのひ）国民の祝日" >/dev/null
}

test_expect_success 'office list at 80, 60 and 40: the office cut, the rest left out in order' '
	holidays &&
	rota --width 80 office list >out &&
	expect_file "OFFICE            ZONE           HOURS                PEOPLE  HOLIDAYS THIS YEAR
Dublin Dockland…  Europe/Dublin  Mon-Fri 09:00-17:30  1       1
東京本社 丸の内…  Asia/Tokyo     Mon-Fri 09:00-18:00  1       1" out &&
	fits 80 out &&
	rota --width 60 office list >out &&
	expect_file "OFFICE            ZONE           HOURS                PEOPLE
Dublin Dockland…  Europe/Dublin  Mon-Fri 09:00-17:30  1
東京本社 丸の内…  Asia/Tokyo     Mon-Fri 09:00-18:00  1
(Left out to fit: HOLIDAYS THIS YEAR; --wide shows it.)" out &&
	fits 60 out &&
	rota --width 40 office list >out &&
	expect_file "OFFICE                     ZONE
Dublin Docklands Headqua…  Europe/Dublin
東京本社 丸の内オフィス…   Asia/Tokyo
(Left out to fit: HOURS, PEOPLE,
 HOLIDAYS THIS YEAR; --wide shows them.)" out &&
	fits 40 out
'

test_expect_success 'holiday list at 80, 60 and 40: the date and the name stay' '
	holidays &&
	rota --width 80 holiday list >out &&
	expect_file "ID  OFFICE                                       DATE        DAY  NAME
2   東京本社 丸の内オフィス運用センター          2027-01-11  Mon  成人の日（せ…
1   Dublin Docklands Headquarters (Grand Canal)  2027-03-17  Wed  Saint Patrick…" out &&
	fits 80 out &&
	rota --width 60 holiday list >out &&
	expect_file "ID  DATE        NAME
2   2027-01-11  成人の日（せいじんのひ）国民の祝日
1   2027-03-17  Saint Patrick'"'"'s Day (Lá Fhéile Pádraig), ba…
(Left out to fit: OFFICE, DAY; --wide shows them.)" out &&
	fits 60 out &&
	rota --width 40 holiday list >out &&
	fits 40 out &&
	grep -x -F "2   2027-01-11  成人の日（せいじんのひ…" out
'

test_expect_success '--wide and a pipe: every column whole; JSON is not fitted' '
	holidays &&
	wide_is_pipe office list &&
	head -n 1 pipe.txt >head &&
	expect_file "OFFICE                                       ZONE           HOURS                PEOPLE  HOLIDAYS THIS YEAR" head &&
	grep -F "東京本社 丸の内オフィス運用センター          Asia/Tokyo" pipe.txt &&
	wide_is_pipe holiday list &&
	grep -x -F "1   Dublin Docklands Headquarters (Grand Canal)  2027-03-17  Wed  Saint Patrick'"'"'s Day (Lá Fhéile Pádraig), bank holiday" pipe.txt &&
	rota --json office list >json &&
	rota --json --width 40 office list | cmp - json &&
	rota --json holiday list >json &&
	rota --json --width 40 holiday list | cmp - json
'

test_expect_success 'a width too narrow or not a number: 64, nothing printed' '
	holidays &&
	expect_status 64 rota --width 19 office list &&
	test ! -s out &&
	expect_status 64 rota --width 6O holiday list &&
	test ! -s out
'

test_done
