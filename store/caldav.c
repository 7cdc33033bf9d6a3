/* CalDAV publishing state: which event resources rota put into which
 * collection, with the ETag and SEQUENCE the server confirmed. */
#include "config.h"

#include "common/err.h"
#include "store/store-private.h"

static int
read_caldav_event(sqlite3_stmt *st, void *out)
{
	struct caldav_event *e = out;

	db_text(st, 0, e->uid, sizeof e->uid);
	db_text(st, 1, e->href, sizeof e->href);
	db_text(st, 2, e->etag, sizeof e->etag);
	e->sequence = (int)db_int(st, 3, 0);
	return 0;
}

int
store_caldav_list(struct store *s, const char *collection,
		  struct caldav_event **v, size_t *n)
{
	static const char sql[] =
		"SELECT uid, href, etag, sequence FROM caldav_events "
		"WHERE collection = ? ORDER BY uid";
	sqlite3_stmt *st = db_stmt(s, sql);

	if (st != NULL)
		db_bind_text(st, 1, collection);
	return db_list(s, st, read_caldav_event, sizeof **v, (void **)v, n);
}

int
store_caldav_put(struct store *s, const char *collection, const struct caldav_event *e)
{
	static const char sql[] =
		"INSERT OR REPLACE INTO caldav_events (collection, uid, href, etag, sequence) "
		"VALUES (?, ?, ?, ?, ?)";
	sqlite3_stmt *st = db_stmt(s, sql);

	if (st == NULL)
		return db_failed(s);
	db_bind_text(st, 1, collection);
	db_bind_text(st, 2, e->uid);
	db_bind_text(st, 3, e->href);
	db_bind_text(st, 4, e->etag[0] ? e->etag : NULL);
	db_bind_int(st, 5, e->sequence);
	return db_step_done(s, st);
}

int
store_caldav_remove(struct store *s, const char *collection, const char *uid)
{
	static const char sql[] =
		"DELETE FROM caldav_events WHERE collection = ? AND uid = ?";
	sqlite3_stmt *st = db_stmt(s, sql);

	if (st == NULL)
		return db_failed(s);
	db_bind_text(st, 1, collection);
	db_bind_text(st, 2, uid);
	return db_changed(s, st);
}

static int
read_cancelled(sqlite3_stmt *st, void *out)
{
	*(bool *)out = db_int(st, 0, 0) != 0;
	return 0;
}

int
store_shift_uid_state(struct store *s, const char *uid, bool *cancelled)
{
	static const char sql[] =
		"SELECT cancelled_at IS NOT NULL FROM shifts WHERE uid = ?";
	sqlite3_stmt *st = db_stmt(s, sql);

	if (st != NULL)
		db_bind_text(st, 1, uid);
	return db_one(s, st, read_cancelled, cancelled);
}
