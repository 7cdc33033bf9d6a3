#!/bin/sh
# The README's tour runs as written, command after command, and each
# command prints what a reader of the README expects of it.
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"

# kv KEY VALUE: ./out has the field KEY with VALUE ("Key:    value", or
# "Key    value" as feed export and publish print it).
kv() {
	sed -n "s/^$1:\{0,1\}  *//p" out | grep -qxF -- "$2" ||
	{ echo "no field \"$1\" = \"$2\" in what it printed"; return 1; }
}

# row TEXT: a line of ./out is TEXT once runs of blanks are squeezed.
row() {
	tr -s " " <out | grep -qxF -- "$1" || { echo "no line \"$1\" in what it printed"; return 1; }
}

# opt NAME ARG...: the value of option NAME among the ARGs ("-" if none).
opt() {
	local name=$1
	shift
	while [ $# -gt 1 ]; do
		[ "$1" = "$name" ] && { echo "$2"; return; }
		shift
	done
	echo -
}

# shifts: how many shifts the database holds.
shifts() {
	sqlite3 rota.db "SELECT count(*) FROM shifts"
}

# parts SLOT: the parts of week SLOT (0: the first) of the tour's term,
# in time order: handle|start|end|origin (UTC).
parts() {
	sqlite3 rota.db "SELECT p.handle, datetime(s.start_at, 'unixepoch'),
		datetime(s.end_at, 'unixepoch'), s.origin FROM shifts s
		JOIN persons p ON p.id = s.person_id
		WHERE s.slot = $1 AND s.cancelled_at IS NULL ORDER BY s.start_at"
}

# check LINE: what the README command LINE printed (./out, ./err) is
# what the README says it does. A command with no check here fails: a new
# line in the tour needs one.
check() {
	eval "set -- $1"
	case "$*" in
	"rota init")
		kv Database "$ROTA_DB" && kv "Schema version" "$(sqlite3 rota.db "PRAGMA user_version")" ;;
	"rota office add Dublin "*)
		kv Office Dublin && kv "Time zone" Europe/Dublin && kv "Business hours" "Mon-Fri 09:00-17:30" ;;
	"rota person add "*)
		kv Handle "$4" && kv Name "$(opt --name "$@")" && kv Email "$(opt --email "$@")" &&
		kv "Time zone" "$(opt --tz "$@")" && kv Office "$(opt --office "$@")" &&
		case " $* " in
		*" --manager "*) kv Manager yes ;;
		*) kv Manager no ;;
		esac ;;
	"rota holiday add Dublin 2027-03-17 "*)
		kv Office Dublin && kv Date 2027-03-17 && kv Name "Saint Patrick's Day" ;;
	"rota rotation add ops "*)
		kv Rotation ops && kv Tier primary && kv "Time zone" Europe/Dublin && kv Handoff "Mon 10:00" ;;
	"rota term add 2027-h1 "*)
		kv Term 2027-h1 && kv Rotation ops && kv Start "Mon 2027-01-04 10:00" &&
		kv End "Mon 2027-07-05 10:00" && kv Shifts 26 ;;
	"rota volunteer join 2027-h1 "*)
		kv Term 2027-h1 && kv Joined "$5" ;;
	"rota leave add ana 2027-05-01 2027-05-31")
		kv Person ana && kv From "Sat 2027-05-01" && kv To "Mon 2027-05-31" &&
		kv "Time zone" Europe/Dublin ;;
	"rota schedule generate 2027-h1 --dry-run")
		# the diff of every week, nothing written
		test "$(grep -c "^Mon 2027-.*  - -> [a-z]*  *uncovered$" out)" = 26 && test "$(shifts)" = 0 ;;
	"rota schedule generate 2027-h1")
		# every week has someone; ana none while on leave (May)
		test "$(grep -c "^Mon 2027-.*  - -> [a-z]*  *uncovered$" out)" = 26 && test "$(shifts)" = 26 &&
		test "$(grep -c "^Mon 2027-05-" out)" = 5 &&
		test "$(grep -c "^Mon 2027-05-.*-> ana " out)" = 0 ;;
	"rota schedule check 2027-h1")
		expect_file "no problems" out ;;
	"rota report fairness 2027-h1")
		kv Term 2027-h1 && kv "Coverage (%)" 100.0 && kv "Uncovered hours" 0.0 &&
		test "$(awk '$1 ~ /^(ana|bo|cy|dee)$/ { n++; s += $2 } END { print n, s }' out)" = "4 26" ;;
	"rota report monthly 2027-01")
		# the month's status, the team's indicators against the goal, a row per person
		head -n 1 out | grep -qx "Monthly report 2027-01 (UTC)" &&
		grep -Eq "^Overall: (green|amber|red)$" out &&
		grep -q "^Out-of-hours interruptions  " out &&
		row "Goal: fewer than 10 out-of-hours interruptions a month" &&
		for h in ana bo cy dee; do
			grep -Eq "^$h +1 " out || { echo "no row of $h"; return 1; }
		done ;;
	"rota report monthly 2027-01 --format html -o report-2027-01.html")
		test ! -s out && head -n 1 report-2027-01.html | grep -qx "<!DOCTYPE html>" &&
		grep -q "<title>On-call report 2027-01</title>" report-2027-01.html ;;
	"rota schedule show --from 2027-05-01 --to 2027-06-01")
		# the shifts over ana's leave: none of them hers
		grep -q "^ID  ROTATION  TIER  *PERSON " out &&
		test "$(grep -c "^[0-9]" out)" = 6 && ! grep -q " ana " out ;;
	"rota swap suggest 2027-02-23")
		# bo's week: someone else first, bo never
		grep -Eq "^1 +(ana|cy|dee) " out && ! grep -Eq "^[0-9]+ +bo " out ;;
	"rota --as bo swap request 2027-02-23 --with dee")
		kv "Swap request" 1 && kv Start "Mon 2027-02-22 10:00 Europe/Dublin" && kv From bo &&
		kv To dee && kv State open && kv "Now held by" bo ;;
	"rota --as dee swap accept 1")
		kv "Swap request" 1 && kv State accepted && kv "Now held by" dee && kv "Decided by" dee ;;
	"rota --as cy swap request 2027-03-16 --from 2027-03-16T18:00 --to 2027-03-17T08:00 --with dee")
		# a day names cy's own shift that day; only the night is asked for
		kv "Swap request" 2 && kv Shift 11 && kv Start "Tue 2027-03-16 18:00 Europe/Dublin" &&
		kv End "Wed 2027-03-17 08:00 Europe/Dublin" && kv From cy && kv To dee &&
		kv State open && kv "Now held by" cy ;;
	"rota --as dee swap accept 2")
		# the week splits in three: cy, dee for the night, cy again
		kv "Swap request" 2 && kv State accepted && kv "Now held by" dee &&
		test "$(parts 10)" = "cy|2027-03-15 10:00:00|2027-03-16 18:00:00|generated
dee|2027-03-16 18:00:00|2027-03-17 08:00:00|swap
cy|2027-03-17 08:00:00|2027-03-22 10:00:00|generated" ;;
	"rota override 2027-03-10 bo")
		kv Person bo && kv Start "Mon 2027-03-08 10:00 Europe/Dublin" && kv Origin override ;;
	"ROTA_NOW=2027-03-10T13:00:00Z rota override --from now ana")
		# from now on only: the days bo worked stay his
		kv Person ana && kv Start "Wed 2027-03-10 13:00 Europe/Dublin" &&
		kv End "Mon 2027-03-15 10:00 Europe/Dublin" && kv Origin override &&
		test "$(parts 9)" = "bo|2027-03-08 10:00:00|2027-03-10 13:00:00|override
ana|2027-03-10 13:00:00|2027-03-15 10:00:00|override" ;;
	"rota schedule show --from 2027-03-09 --to 2027-03-22")
		# the parts of both weeks, in time order
		test "$(grep -c "^[0-9]" out)" = 5 &&
		row "10 ops primary bo Mon 2027-03-08 10:00 Wed 2027-03-10 13:00 Europe/Dublin override" &&
		row "29 ops primary ana Wed 2027-03-10 13:00 Mon 2027-03-15 10:00 Europe/Dublin override" &&
		row "11 ops primary cy Mon 2027-03-15 10:00 Tue 2027-03-16 18:00 Europe/Dublin generated" &&
		row "27 ops primary dee Tue 2027-03-16 18:00 Wed 2027-03-17 08:00 Europe/Dublin swap" &&
		row "28 ops primary cy Wed 2027-03-17 08:00 Mon 2027-03-22 10:00 Europe/Dublin generated" ;;
	"rota now")
		# the pinned clock (2027-01-01) is before the term starts
		expect_file "nobody is on call in primary rotation ops" out ;;
	"rota next dee")
		# dee's shifts to come: the one taken over from bo, not the one overridden to bo
		grep -Eq "^2 +ops +primary +Mon 2027-01-11 10:00 " out &&
		grep -Eq "^8 +ops +primary +Mon 2027-02-22 10:00 " out &&
		grep -Eq "^27 +ops +primary +Tue 2027-03-16 18:00 +Wed 2027-03-17 08:00 " out &&
		! grep -Eq "^10 +ops " out ;;
	"rota feed export --person ana -o ana.ics")
		n=$(sqlite3 rota.db "SELECT count(*) FROM shifts s JOIN persons p ON p.id = s.person_id
			WHERE p.handle = 'ana'") &&
		kv File ana.ics && kv Events "$n" && test "$(grep -c "^BEGIN:VEVENT" ana.ics)" = "$n" ;;
	"rota publish --dir feeds")
		# every part of a split week is an event of its own
		kv Folder feeds && kv "Personal feeds" 4 && kv "Rotation feeds" 1 && kv Index index.html &&
		test -s feeds/index.html && test "$(grep -c "^BEGIN:VEVENT" feeds/ops.ics)" = 29 ;;
	"rota audit --since 2027-01-01")
		# every change of the tour, who made it, and for whom
		test "$(grep -c " person.add  " out)" = 4 &&
		grep -Eq " root as bo +swap.request +swap 1 " out &&
		grep -Eq " root as dee +swap.accept +shift 8 +person: bo -> dee" out &&
		grep -Eq " root +shift.override +shift 10 +person: dee -> bo" out &&
		grep -Eq " root as cy +swap.request +swap 2 " out &&
		grep -Eq "^Wed 2027-03-10 13:00 +root +shift.override +shift 29 .*person: bo -> ana" out &&
		tail -n 1 out | grep -qx "Times in UTC." ;;
	"rota pay 2027-01 --format csv")
		# the payroll CSV's header (the tour sets no [policy], so no row)
		head -n 1 out | grep -q "^month,person,name,email,currency,shifts," ;;
	*)
		echo "t0910 has no check of what this README command prints: $*"
		false ;;
	esac
}

test_expect_success 'every command of the README tour succeeds and prints what the README says' '
	awk "/^## A short tour/ { f = 1 } f && /^\`\`\`sh/ { g = 1; next } g && /^\`\`\`/ { exit } g" \
		"$ROTA_SRCDIR/README.md" | sed "s/  *#.*//" >tour &&
	test "$(wc -l <tour)" -gt 20 &&
	while read -r line; do
		eval "$line" >out 2>err || { echo "failed: $line"; cat out err; exit 1; }
		test ! -s err || { echo "printed on stderr: $line"; cat err; exit 1; }
		check "$line" || { echo "unexpected output of: $line"; cat out; exit 1; }
	done <tour &&
	test "$(sqlite3 rota.db "SELECT p.handle, s.origin FROM shifts s JOIN persons p ON p.id = s.person_id WHERE s.start_at <= strftime('"'"'%s'"'"', '"'"'2027-03-10'"'"') ORDER BY s.start_at DESC LIMIT 1")" = "bo|override"
'

test_done
