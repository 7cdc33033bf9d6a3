# Shared set-up of the page tests (t04xx): the team and schedule of
# lib-swap.sh (ops, Europe/Dublin, weeks from Mon 2027-01-04 10:00Z to
# ana bo cy dee ana bo; esc: mo every week), and helpers.
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib-swap.sh"

# csv FILE: writes stdin to FILE with CRLF line ends and a UTF-8 BOM.
csv() {
	printf '\357\273\277' >"$1" &&
	sed 's/$/\r/' >>"$1"
}

# pages: every page as "source_id responder class escalation_person acted".
pages() {
	sqlite3 -separator ' ' "$ROTA_DB" "SELECT g.source_id, coalesce(p.handle, '-'),
		coalesce(g.class, '-'), coalesce(e.handle, '-'), g.acted FROM pages g
		LEFT JOIN persons p ON p.id = g.responder_id
		LEFT JOIN persons e ON e.id = g.escalation_person_id ORDER BY g.created_at, g.id"
}
