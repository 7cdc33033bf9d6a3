/* Leave and public holidays imported from calendars: see store/import.h. */
#include "config.h"

#include <string.h>

#include "common/err.h"
#include "store/import.h"
#include "store/store-private.h"

static int
read_leave_row(sqlite3_stmt *st, void *out)
{
	struct imported_row *r = out;

	r->id = db_int(st, 0, 0);
	db_text(st, 1, r->uid, sizeof r->uid);
	db_text(st, 2, r->recurrence_id, sizeof r->recurrence_id);
	r->start = db_int(st, 3, 0);
	r->end = db_int(st, 4, 0);
	db_text(st, 5, r->text, sizeof r->text);
	return 0;
}

int
store_leave_imported(struct store *s, int64_t person_id, const char *source,
		     struct imported_row **v, size_t *n)
{
	static const char sql[] =
		"SELECT id, COALESCE(source_uid, ''), recurrence_id, start_at, end_at, reason "
		"FROM leave WHERE person_id = ? AND source = ? "
		"ORDER BY source_uid, recurrence_id, id";
	sqlite3_stmt *st = db_stmt(s, sql);

	if (st != NULL) {
		db_bind_int(st, 1, person_id);
		db_bind_text(st, 2, source);
	}
	return db_list(s, st, read_leave_row, sizeof **v, (void **)v, n);
}

int
store_leave_import_add(struct store *s, int64_t person_id, const char *source,
		       struct imported_row *r, int64_t now)
{
	static const char sql[] =
		"INSERT INTO leave (person_id, start_at, end_at, reason, source, source_uid, "
		"recurrence_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
	sqlite3_stmt *st = db_stmt(s, sql);

	if (st == NULL)
		return db_failed(s);
	db_bind_int(st, 1, person_id);
	db_bind_int(st, 2, r->start);
	db_bind_int(st, 3, r->end);
	db_bind_text(st, 4, r->text);
	db_bind_text(st, 5, source);
	db_bind_text(st, 6, r->uid);
	db_bind_text(st, 7, r->recurrence_id);
	db_bind_int(st, 8, now);
	return db_insert(s, st, "leave", &r->id);
}

int
store_leave_import_update(struct store *s, const struct imported_row *r)
{
	static const char sql[] =
		"UPDATE leave SET start_at = ?, end_at = ?, reason = ? WHERE id = ?";
	sqlite3_stmt *st = db_stmt(s, sql);

	if (st == NULL)
		return db_failed(s);
	db_bind_int(st, 1, r->start);
	db_bind_int(st, 2, r->end);
	db_bind_text(st, 3, r->text);
	db_bind_int(st, 4, r->id);
	return db_changed(s, st);
}

static int
read_holiday_row(sqlite3_stmt *st, void *out)
{
	struct imported_row *r = out;

	r->id = db_int(st, 0, 0);
	db_text(st, 1, r->uid, sizeof r->uid);
	db_text(st, 2, r->recurrence_id, sizeof r->recurrence_id);
	db_text(st, 3, r->day, sizeof r->day);
	db_text(st, 4, r->text, sizeof r->text);
	return 0;
}

int
store_holiday_imported(struct store *s, int64_t office_id, const char *source,
		       struct imported_row **v, size_t *n)
{
	static const char sql[] =
		"SELECT id, COALESCE(source_uid, ''), recurrence_id, day, name "
		"FROM holidays WHERE office_id = ? AND source = ? "
		"ORDER BY source_uid, recurrence_id, day, id";
	sqlite3_stmt *st = db_stmt(s, sql);

	if (st != NULL) {
		db_bind_int(st, 1, office_id);
		db_bind_text(st, 2, source);
	}
	return db_list(s, st, read_holiday_row, sizeof **v, (void **)v, n);
}

int
store_holiday_import_add(struct store *s, int64_t office_id, const char *source,
			 struct imported_row *r)
{
	static const char sql[] =
		"INSERT INTO holidays (office_id, day, name, source, source_uid, recurrence_id) "
		"VALUES (?, ?, ?, ?, ?, ?)";
	sqlite3_stmt *st = db_stmt(s, sql);

	if (st == NULL)
		return db_failed(s);
	db_bind_int(st, 1, office_id);
	db_bind_text(st, 2, r->day);
	db_bind_text(st, 3, r->text);
	db_bind_text(st, 4, source);
	db_bind_text(st, 5, r->uid);
	db_bind_text(st, 6, r->recurrence_id);
	return db_insert(s, st, "holiday", &r->id);
}

int
store_holiday_import_update(struct store *s, const struct imported_row *r)
{
	static const char sql[] = "UPDATE holidays SET name = ? WHERE id = ?";
	sqlite3_stmt *st = db_stmt(s, sql);

	if (st == NULL)
		return db_failed(s);
	db_bind_text(st, 1, r->text);
	db_bind_int(st, 2, r->id);
	return db_changed(s, st);
}
