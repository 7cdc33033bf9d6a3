#!/bin/sh
# The escalation tier is the managers' (issue 23): a manager still holding
# a current or future shift of it cannot be demoted (65, naming the shifts
# to give away; nothing changes); page import credits an escalation to
# whoever held the tier then only if they were a manager then (the flag as
# it was at the page, never today's), and says so of a holder who was not.
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib-swap.sh"

# managers: lib-team.sh's schedule (mo holds every week of the escalation
# term e1, shifts 7-12, from Mon 4 January 2027 10:00 Dublin) and lu, a
# second manager, in e1 too; zed, no manager, in no term. The clock is
# Wednesday 6 January, in mo's first week.
managers() {
	schedule &&
	rota person add lu --name Lu --email lu@example.com --tz Europe/Dublin --manager >/dev/null &&
	rota volunteer join e1 lu >/dev/null &&
	export ROTA_NOW=2027-01-06T12:00:00Z
}

# paid: both rotations paid a stipend of 500.00 EUR a week.
paid() {
	printf "[rotation \"ops\"]\npolicy = std\n\n[rotation \"esc\"]\npolicy = std\n\n[policy \"std\"]\ncurrency = EUR\nstipend_per_week = 500.00\n" >rota.conf &&
	export ROTA_CONFIG="$PWD/rota.conf"
}

# escalated AT ID...: imports at instant AT one escalated page of ana's
# for each ID (a digit), eID on Thursday 7 January at 0ID:00 UTC, stdout
# and stderr into out and err.
escalated() {
	local at=$1 id
	shift
	{ echo "id,created_at,acknowledged_at,resolved_at,responder,service,alert,urgency,escalated,runbook_url"
	  for id in "$@"; do
		echo "e$id,2027-01-07T0$id:00:00Z,2027-01-07T0$id:05:00Z,2027-01-07T0$id:30:00Z,ana,db,Disk full,high,true,https://rb/disk"
	  done; } >pages.csv &&
	ROTA_NOW=$at rota page import pages.csv >out 2>err
}

# credited: "SOURCE_ID ESCALATION_PERSON" of every page, by id.
credited() {
	sqlite3 rota.db "SELECT p.source_id || ' ' || coalesce(x.handle, '-') FROM pages p
		LEFT JOIN persons x ON x.id = p.escalation_person_id ORDER BY p.source_id"
}

test_expect_success 'demoting a manager who holds escalation shifts: 65, the shifts named, nothing changed' '
	managers &&
	expect_unchanged 65 rota person set mo --no-manager &&
	expect_file "rota: mo still holds 6 current or future shifts of the escalation tier, which is managers only: shift 7 (esc, from Mon 2027-01-04 10:00 Europe/Dublin), shift 8 (esc, from Mon 2027-01-11 10:00 Europe/Dublin), shift 9 (esc, from Mon 2027-01-18 10:00 Europe/Dublin) and 3 more (rota schedule show --person mo); give them to another manager first (rota override SHIFT HANDLE)" err &&
	test ! -s out &&
	expect_unchanged 65 rota --as lu person set mo --no-manager --name "Mo Demoted" &&
	test "$(sqlite3 rota.db "SELECT is_manager || name FROM persons WHERE handle = '"'"'mo'"'"'")" = 1Mo
'

test_expect_success 'one shift left: it is named; given away, the demotion goes through' '
	managers &&
	for s in 8 9 10 11 12; do
		rota override $s lu >/dev/null || return 1
	done &&
	expect_unchanged 65 rota person set mo --no-manager &&
	expect_file "rota: mo still holds 1 current or future shift of the escalation tier, which is managers only: shift 7 (esc, from Mon 2027-01-04 10:00 Europe/Dublin); give it to another manager first (rota override SHIFT HANDLE)" err &&
	rota override lu --from now --rotation esc >/dev/null &&
	expect_status 0 rota person set mo --no-manager &&
	test "$(sqlite3 rota.db "SELECT is_manager FROM persons WHERE handle = '"'"'mo'"'"'")" = 0
'

test_expect_success 'a volunteer'"'"'s details change freely; a shift of the primary tier does not stop a demotion' '
	managers &&
	expect_status 0 rota person set ana --sleep 23:00-07:00 &&
	rota person set ana --manager >/dev/null &&
	expect_status 0 rota person set ana --no-manager
'

test_expect_success 'pages imported after a demotion are credited to the manager of then; pay and report unchanged' '
	managers && paid &&
	escalated 2027-01-08T00:00:00Z 1 && test ! -s err &&
	export ROTA_NOW=2027-02-20T00:00:00Z &&
	rota pay 2027-01 >pay.before && grep -q "^mo " pay.before &&
	rota --json report monthly 2027-01 >report.before &&
	expect_status 0 rota person set mo --no-manager &&
	rota pay 2027-01 >pay.after && diff -u pay.before pay.after &&
	rota --json report monthly 2027-01 >report.after && diff -u report.before report.after &&
	escalated 2027-02-20T00:00:00Z 2 && test ! -s err &&
	credited >got && expect_file "e1 mo
e2 mo" got &&
	rota --json report monthly 2027-01 >out &&
	test "$(json "[(p[\"handle\"], p[\"escalations\"]) for p in j[\"people\"] if p[\"escalations\"]]")" = "[('"'"'mo'"'"', 2)]" &&
	test "$(json "j[\"team\"][\"escalations\"]")" = 2
'

test_expect_success 'a holder who was no manager then is credited nothing, said so, though a manager today' '
	managers &&
	rota override zed --from now --rotation esc --force >/dev/null 2>&1 &&
	ROTA_NOW=2027-02-01T00:00:00Z rota person set zed --manager >/dev/null &&
	escalated 2027-02-20T00:00:00Z 1 2 &&
	expect_file "imported 2 pages (0 already known)" out &&
	expect_file "rota: warning: pages.csv:2: page e1 escalated at Thu 2027-01-07 01:00 Europe/Dublin to zed, on call in rotation '"'"'esc'"'"', who was not a manager then (the escalation tier is managers only): the escalation is credited to nobody
rota: warning: pages.csv:3: page e2 escalated at Thu 2027-01-07 02:00 Europe/Dublin to zed, on call in rotation '"'"'esc'"'"', who was not a manager then (the escalation tier is managers only): the escalation is credited to nobody" err &&
	credited >got && expect_file "e1 -
e2 -" got &&
	ROTA_NOW=2027-02-20T00:00:00Z rota --json report monthly 2027-01 >out &&
	test "$(json "j[\"team\"][\"escalations\"]")" = 2 &&
	test "$(json "[p[\"handle\"] for p in j[\"people\"] if p[\"escalations\"]]")" = "[]"
'

test_done
