/* Leave: time a person is unavailable. */
#include "config.h"

#include "common/err.h"
#include "store/store-private.h"

#define LEAVE_SELECT \
	"SELECT l.id, l.person_id, p.handle, l.start_at, l.end_at, l.reason, l.source"
#define LEAVE_FROM "FROM leave l JOIN persons p ON p.id = l.person_id "
#define LEAVE_COLS LEAVE_SELECT " " LEAVE_FROM
#define LEAVE_LISTED "WHERE (?1 = 0 OR l.person_id = ?1) AND l.end_at > ?2 AND l.start_at < ?3 " \
	"ORDER BY l.start_at, p.handle"

static int
read_leave(sqlite3_stmt *st, void *out)
{
	struct leave *l = out;

	l->id = db_int(st, 0, 0);
	l->person_id = db_int(st, 1, 0);
	db_text(st, 2, l->handle, sizeof l->handle);
	l->start = db_int(st, 3, 0);
	l->end = db_int(st, 4, 0);
	db_text(st, 5, l->reason, sizeof l->reason);
	db_text(st, 6, l->source, sizeof l->source);
	return 0;
}

/* A leave with its person's zone (column 7). */
static int
read_leave_item(sqlite3_stmt *st, void *out)
{
	struct leave_item *it = out;

	db_text(st, 7, it->tz, sizeof it->tz);
	return read_leave(st, &it->leave);
}

int
store_leave_add(struct store *s, struct leave *l, int64_t now)
{
	static const char sql[] =
		"INSERT INTO leave (person_id, start_at, end_at, reason, source, created_at) "
		"VALUES (?, ?, ?, ?, ?, ?)";
	sqlite3_stmt *st = db_stmt(s, sql);

	if (st == NULL)
		return db_failed(s);
	db_bind_int(st, 1, l->person_id);
	db_bind_int(st, 2, l->start);
	db_bind_int(st, 3, l->end);
	db_bind_text(st, 4, l->reason);
	db_bind_text(st, 5, l->source[0] ? l->source : "manual");
	db_bind_int(st, 6, now);
	return db_insert(s, st, "leave", &l->id);
}

int
store_leave_get(struct store *s, int64_t id, struct leave *out)
{
	static const char sql[] = LEAVE_COLS "WHERE l.id = ?";
	sqlite3_stmt *st = db_stmt(s, sql);

	if (st != NULL)
		db_bind_int(st, 1, id);
	return db_one(s, st, read_leave, out);
}

int
store_leave_list(struct store *s, int64_t person_id, int64_t from, int64_t to,
		 struct leave **v, size_t *n)
{
	static const char sql[] = LEAVE_COLS LEAVE_LISTED;
	sqlite3_stmt *st = db_stmt(s, sql);

	if (st != NULL) {
		db_bind_int(st, 1, person_id);
		db_bind_int(st, 2, from);
		db_bind_int(st, 3, to);
	}
	return db_list(s, st, read_leave, sizeof **v, (void **)v, n);
}

int
store_leave_each(struct store *s, int64_t person_id, int64_t from, int64_t to,
		 store_row_fn *fn, void *arg)
{
	static const char sql[] = LEAVE_SELECT ", p.tz " LEAVE_FROM LEAVE_LISTED;
	sqlite3_stmt *st = db_stmt(s, sql);
	struct leave_item it;

	if (st != NULL) {
		db_bind_int(st, 1, person_id);
		db_bind_int(st, 2, from);
		db_bind_int(st, 3, to);
	}
	return db_each(s, st, read_leave_item, NULL, &it, sizeof it, fn, arg);
}

int
store_leave_remove(struct store *s, int64_t id)
{
	static const char sql[] = "DELETE FROM leave WHERE id = ?";
	sqlite3_stmt *st = db_stmt(s, sql);

	if (st == NULL)
		return db_failed(s);
	db_bind_int(st, 1, id);
	return db_changed(s, st);
}

int
store_term_leave(struct store *s, int64_t term_id, int64_t from, int64_t to,
		 struct leave **v, size_t *n)
{
	static const char sql[] =
		LEAVE_COLS "JOIN memberships m ON m.person_id = l.person_id AND m.term_id = ?1 "
		"WHERE l.end_at > ?2 AND l.start_at < ?3 ORDER BY l.person_id, l.start_at";
	sqlite3_stmt *st = db_stmt(s, sql);

	if (st != NULL) {
		db_bind_int(st, 1, term_id);
		db_bind_int(st, 2, from);
		db_bind_int(st, 3, to);
	}
	return db_list(s, st, read_leave, sizeof **v, (void **)v, n);
}
