/* The monthly report's queries: the times of out-of-hours pages, for the
 * trend (a month's pages come from store_page_list). */
#include "config.h"

#include "common/err.h"
#include "store/store-private.h"

static void
read_time(sqlite3_stmt *st, void *out)
{
	struct page_time *t = out;

	t->responder_id = db_int(st, 0, 0);
	t->created = db_int(st, 1, 0);
}

int
store_report_ooh_times(struct store *s, int64_t from, int64_t to,
		       struct page_time **v, size_t *n)
{
	static const char sql[] =
		"SELECT coalesce(responder_id, 0) AS r, created_at FROM pages "
		"WHERE created_at >= ?1 AND created_at < ?2 "
		"AND class IN ('out_of_hours', 'sleep') ORDER BY r, created_at";
	sqlite3_stmt *st = db_stmt(s, sql);

	if (st != NULL) {
		db_bind_int(st, 1, from);
		db_bind_int(st, 2, to);
	}
	return db_list(s, st, read_time, sizeof **v, (void **)v, n);
}
