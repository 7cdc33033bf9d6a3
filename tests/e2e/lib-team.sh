# The team the shell stories share (lib-swap.sh, lib-pay.sh, lib-pages.sh,
# lib-caldav.sh and the tests that source them), made with rota commands,
# and lay, the one way a story gives chosen weeks to chosen people.
#
# team: ana, bo, cy and dee volunteer in term h1 of rotation ops (primary,
# Europe/Dublin, handoff Mon 10:00 = 10:00Z in winter), 6 weeks from Mon
# 2027-01-04; mo, a manager, is the escalation tier's term e1; zed is in
# no term. The clock is 2027-01-01T12:00:00Z.
team() {
	for h in ana bo cy dee zed; do
		rota person add $h --name "Person $h" --email $h@example.com --tz Europe/Dublin >/dev/null || return 1
	done &&
	rota person add mo --name Mo --email mo@example.com --tz Europe/Dublin --manager >/dev/null &&
	team_terms
}

# team_terms: the rotations, terms and members of team, for people added
# already (ana, bo, cy, dee and mo, however a library describes them).
team_terms() {
	rota rotation add ops --tier primary --tz Europe/Dublin >/dev/null &&
	rota rotation add esc --tier escalation --tz Europe/Dublin >/dev/null &&
	rota term add h1 --rotation ops --start 2027-01-04 --weeks 6 >/dev/null &&
	rota term add e1 --rotation esc --start 2027-01-04 --weeks 6 >/dev/null &&
	for h in ana bo cy dee; do
		rota volunteer join h1 $h >/dev/null || return 1
	done &&
	rota volunteer join e1 mo >/dev/null
}

# lay TERM HANDLE...: gives the term's weeks, in order, to the handles
# (shift ids follow the order the shifts are laid in). The generator's
# choice among equals rests on a hash of handle and term, so a story that
# must know who holds which week lays the weeks out with this, never with
# SQL of its own.
lay() {
	local term=$1 slot=0 h
	shift
	for h in "$@"; do
		sqlite3 rota.db "INSERT INTO shifts (uid, rotation_id, term_id, slot, person_id,
			start_at, end_at, slot_start, slot_end, updated_at)
			SELECT r.name || '-' || t.name || '-' || $slot, r.id, t.id, $slot, p.id,
			t.start_at + $slot * 604800, t.start_at + ($slot + 1) * 604800,
			t.start_at + $slot * 604800, t.start_at + ($slot + 1) * 604800, 0
			FROM terms t JOIN rotations r ON r.id = t.rotation_id, persons p
			WHERE t.name = '$term' AND p.handle = '$h'" || return 1
		slot=$((slot + 1))
	done
}

# team_schedule: ops weeks 0-5 to ana bo cy dee ana bo (shifts 1-6), and
# the escalation term generated: every week to mo, its only member
# (shifts 7-12).
team_schedule() {
	lay h1 ana bo cy dee ana bo &&
	rota schedule generate e1 >/dev/null
}

# schedule: team, then team_schedule. t0208 runs on a generated schedule.
schedule() {
	team &&
	team_schedule
}
