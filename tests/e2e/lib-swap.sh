# Shared set-up of the swap, override, audit and fairness tests (t02xx).
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
# (shift ids follow the order the shifts are laid in).
lay() {
	local term=$1 slot=0 h
	shift
	for h in "$@"; do
		sqlite3 rota.db "INSERT INTO shifts (uid, rotation_id, term_id, slot, person_id,
			start_at, end_at, updated_at)
			SELECT r.name || '-' || t.name || '-' || $slot, r.id, t.id, $slot, p.id,
			t.start_at + $slot * 604800, t.start_at + ($slot + 1) * 604800, 0
			FROM terms t JOIN rotations r ON r.id = t.rotation_id, persons p
			WHERE t.name = '$term' AND p.handle = '$h'" || return 1
		slot=$((slot + 1))
	done
}

# schedule: team, then ops weeks 0-5 to ana bo cy dee ana bo (shifts 1-6),
# and the escalation term generated: every week to mo, its only member
# (shifts 7-12). The tests must know who holds which ops week, and the
# generator's choice among equals rests on a hash of handle and term, so
# they lay those weeks out themselves; t0208 runs on a generated schedule.
schedule() {
	team &&
	lay h1 ana bo cy dee ana bo &&
	rota schedule generate e1 >/dev/null
}

# owner SHIFT: the handle holding the shift, its origin and sequence.
owner() {
	sqlite3 rota.db "SELECT p.handle, s.origin, s.sequence FROM shifts s
		JOIN persons p ON p.id = s.person_id WHERE s.id = $1"
}

# swap_state ID: the request's state and who decided it.
swap_state() {
	sqlite3 rota.db "SELECT w.state, coalesce(p.handle, '-') FROM swaps w
		LEFT JOIN persons p ON p.id = w.decided_by WHERE w.id = $1"
}

# audit_of ACTION: actor|object|before|after of the events with ACTION.
audit_of() {
	sqlite3 rota.db "SELECT actor, object, coalesce(before, '-'), coalesce(after, '-')
		FROM audit_events WHERE action = '$1' ORDER BY id"
}
