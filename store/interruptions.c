/* Out-of-hours interruptions per person, for the fairness report. */
#include "config.h"

#include "common/err.h"
#include "store/store-private.h"

static int
read_count(sqlite3_stmt *st, void *out)
{
	struct person_count *c = out;

	c->person_id = db_int(st, 0, 0);
	c->count = db_int(st, 1, 0);
	return 0;
}

int
store_interruptions(struct store *s, int64_t rotation_id, int64_t from, int64_t to,
		    struct person_count **v, size_t *n)
{
	static const char sql[] =
		"SELECT responder_id, count(*) FROM pages WHERE created_at >= ?2 "
		"AND created_at < ?3 AND class IN ('out_of_hours', 'sleep') "
		"AND responder_id IS NOT NULL "
		"AND (?1 = 0 OR rotation_id IS NULL OR rotation_id = ?1) "
		"GROUP BY responder_id ORDER BY responder_id";
	sqlite3_stmt *st = db_stmt(s, sql);

	if (st != NULL) {
		db_bind_int(st, 1, rotation_id);
		db_bind_int(st, 2, from);
		db_bind_int(st, 3, to);
	}
	return db_list(s, st, read_count, sizeof **v, (void **)v, n);
}
