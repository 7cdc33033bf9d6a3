/* A stored page's class, set again after its responder's history changed
 * (reports/responder.h, responder_reclassify). */
#include "config.h"

#include "common/err.h"
#include "store/store-private.h"

int
store_page_set_class(struct store *s, int64_t page_id, enum page_class c)
{
	static const char sql[] = "UPDATE pages SET class = ? WHERE id = ?";
	sqlite3_stmt *st = db_stmt(s, sql);

	if (st == NULL)
		return db_failed(s);
	db_bind_text(st, 1, page_class_name(c));
	db_bind_int(st, 2, page_id);
	return db_changed(s, st);
}
