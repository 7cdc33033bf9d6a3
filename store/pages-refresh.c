/* Bringing a stored page up to date from a later pull of its source. */
#include "config.h"

#include "common/err.h"
#include "store/store-private.h"

int
store_page_refresh(struct store *s, const struct page *p, bool *changed)
{
	/* Only what a service learns after the page was created moves; the
	 * page's identity, time and texts stay as first stored. */
	static const char sql[] =
		"UPDATE pages SET acknowledged_at = ?3, resolved_at = ?4, responder_id = ?5, "
		"responder_name = ?6, escalated = ?7, escalation_person_id = ?8, acted = ?9, "
		"class = ?10 WHERE source = ?1 AND source_id = ?2 AND NOT ("
		"acknowledged_at IS ?3 AND resolved_at IS ?4 AND responder_id IS ?5 AND "
		"responder_name IS ?6 AND escalated = ?7 AND escalation_person_id IS ?8 AND "
		"acted = ?9 AND class IS ?10)";
	sqlite3_stmt *st = db_stmt(s, sql);
	int r;

	*changed = false;
	if (st == NULL)
		return db_failed(s);
	db_bind_text(st, 1, p->source);
	db_bind_text(st, 2, p->source_id);
	db_bind_id(st, 3, p->acknowledged);
	db_bind_id(st, 4, p->resolved);
	db_bind_id(st, 5, p->responder_id);
	db_bind_text(st, 6, p->responder_name[0] ? p->responder_name : NULL);
	db_bind_int(st, 7, p->escalated);
	db_bind_id(st, 8, p->escalation_person_id);
	db_bind_int(st, 9, p->acted);
	db_bind_text(st, 10, page_class_name(p->class));
	r = db_changed(s, st);
	if (r == STORE_NOT_FOUND)
		return 0;
	*changed = r == 0;
	return r;
}
