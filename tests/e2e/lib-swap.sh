# Shared set-up of the swap, override, audit and fairness tests (t02xx):
# the team and schedule of lib-team.sh, and what the tests ask of them.
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib-team.sh"

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
