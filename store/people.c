/* Offices, public holidays and people. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "common/err.h"
#include "store/store-private.h"

int
read_office(sqlite3_stmt *st, void *out)
{
	struct office *o = out;

	o->id = db_int(st, 0, 0);
	db_text(st, 1, o->name, sizeof o->name);
	db_text(st, 2, o->tz, sizeof o->tz);
	db_text(st, 3, o->hours, sizeof o->hours);
	return 0;
}

int
store_office_add(struct store *s, struct office *o, int64_t now)
{
	static const char sql[] =
		"INSERT INTO offices (name, tz, hours, created_at) VALUES (?, ?, ?, ?)";
	sqlite3_stmt *st = db_stmt(s, sql);
	char what[NAME_MAX_ + 16];

	if (st == NULL)
		return db_failed(s);
	db_bind_text(st, 1, o->name);
	db_bind_text(st, 2, o->tz);
	db_bind_text(st, 3, o->hours);
	db_bind_int(st, 4, now);
	snprintf(what, sizeof what, "office '%s'", o->name);
	return db_insert(s, st, what, &o->id);
}

int
store_office_get(struct store *s, const char *name, struct office *out)
{
	static const char sql[] = OFFICE_COLS "WHERE o.name = ?";
	sqlite3_stmt *st = db_stmt(s, sql);

	if (st != NULL)
		db_bind_text(st, 1, name);
	return db_one(s, st, read_office, out);
}

int
store_office_get_id(struct store *s, int64_t id, struct office *out)
{
	static const char sql[] = OFFICE_COLS "WHERE o.id = ?";
	sqlite3_stmt *st = db_stmt(s, sql);

	if (st != NULL)
		db_bind_int(st, 1, id);
	return db_one(s, st, read_office, out);
}

int
store_office_list(struct store *s, struct office **v, size_t *n)
{
	static const char sql[] = OFFICE_COLS "ORDER BY o.name";
	return db_list(s, db_stmt(s, sql), read_office, sizeof **v, (void **)v, n);
}

int
store_holiday_add(struct store *s, struct holiday *h, const char *source,
		  const char *source_uid, const char *recurrence_id)
{
	static const char sql[] =
		"INSERT INTO holidays (office_id, day, name, source, source_uid, recurrence_id) "
		"VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING";
	sqlite3_stmt *st = db_stmt(s, sql);

	if (st == NULL)
		return db_failed(s);
	db_bind_int(st, 1, h->office_id);
	db_bind_text(st, 2, h->day);
	db_bind_text(st, 3, h->name);
	db_bind_text(st, 4, source ? source : "manual");
	/* NULLs never clash in a UNIQUE index: store '' so manual holidays
	 * on the same day dedupe too. */
	db_bind_text(st, 5, source_uid ? source_uid : "");
	db_bind_text(st, 6, recurrence_id ? recurrence_id : "");
	return db_insert(s, st, "holiday", &h->id);
}

int
read_holiday(sqlite3_stmt *st, void *out)
{
	struct holiday *h = out;

	h->id = db_int(st, 0, 0);
	h->office_id = db_int(st, 1, 0);
	db_text(st, 2, h->office, sizeof h->office);
	db_text(st, 3, h->day, sizeof h->day);
	db_text(st, 4, h->name, sizeof h->name);
	return 0;
}

/* The statement of store_holiday_list and store_holiday_each. */
static sqlite3_stmt *
holiday_query(struct store *s, int64_t office_id, const char *from_day, const char *to_day)
{
	static const char sql[] =
		HOLIDAY_COLS "WHERE (?1 = 0 OR h.office_id = ?1) AND (?2 IS NULL OR h.day >= ?2) "
		"AND (?3 IS NULL OR h.day <= ?3) ORDER BY h.day, o.name, h.name";
	sqlite3_stmt *st = db_stmt(s, sql);

	if (st != NULL) {
		db_bind_int(st, 1, office_id);
		db_bind_text(st, 2, from_day);
		db_bind_text(st, 3, to_day);
	}
	return st;
}

int
store_holiday_list(struct store *s, int64_t office_id, const char *from_day,
		   const char *to_day, struct holiday **v, size_t *n)
{
	return db_list(s, holiday_query(s, office_id, from_day, to_day), read_holiday,
		       sizeof **v, (void **)v, n);
}

int
store_holiday_each(struct store *s, int64_t office_id, const char *from_day,
		   const char *to_day, store_row_fn *fn, void *arg)
{
	struct holiday h;

	return db_each(s, holiday_query(s, office_id, from_day, to_day), read_holiday, NULL,
		       &h, sizeof h, fn, arg);
}

int
store_holiday_get(struct store *s, int64_t id, struct holiday *out)
{
	static const char sql[] = HOLIDAY_COLS "WHERE h.id = ?";
	sqlite3_stmt *st = db_stmt(s, sql);

	if (st != NULL)
		db_bind_int(st, 1, id);
	return db_one(s, st, read_holiday, out);
}

int
store_holiday_remove(struct store *s, int64_t id)
{
	static const char sql[] = "DELETE FROM holidays WHERE id = ?";
	sqlite3_stmt *st = db_stmt(s, sql);

	if (st == NULL)
		return db_failed(s);
	db_bind_int(st, 1, id);
	return db_changed(s, st);
}

#define PERSON_COLS \
	"SELECT p.id, p.handle, p.name, p.email, p.tz, p.office_id, " \
	"COALESCE(o.name, ''), p.is_manager, p.sleep_start, p.sleep_end, " \
	"COALESCE(p.feed_token, '') FROM persons p LEFT JOIN offices o ON o.id = p.office_id "

static int
read_person(sqlite3_stmt *st, void *out)
{
	struct person *p = out;

	p->id = db_int(st, 0, 0);
	db_text(st, 1, p->handle, sizeof p->handle);
	db_text(st, 2, p->name, sizeof p->name);
	db_text(st, 3, p->email, sizeof p->email);
	db_text(st, 4, p->tz, sizeof p->tz);
	p->office_id = db_int(st, 5, 0);
	db_text(st, 6, p->office, sizeof p->office);
	p->is_manager = db_int(st, 7, 0) != 0;
	p->sleep_start = (int)db_int(st, 8, 1320);
	p->sleep_end = (int)db_int(st, 9, 420);
	db_text(st, 10, p->feed_token, sizeof p->feed_token);
	return 0;
}

int
store_person_add(struct store *s, struct person *p, int64_t now)
{
	static const char sql[] =
		"INSERT INTO persons (handle, name, email, tz, office_id, is_manager, "
		"sleep_start, sleep_end, feed_token, created_at) "
		"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
	sqlite3_stmt *st = db_stmt(s, sql);
	char what[HANDLE_MAX + 16];

	if (st == NULL)
		return db_failed(s);
	db_bind_text(st, 1, p->handle);
	db_bind_text(st, 2, p->name);
	db_bind_text(st, 3, p->email);
	db_bind_text(st, 4, p->tz);
	db_bind_id(st, 5, p->office_id);
	db_bind_int(st, 6, p->is_manager);
	db_bind_int(st, 7, p->sleep_start);
	db_bind_int(st, 8, p->sleep_end);
	db_bind_text(st, 9, p->feed_token[0] ? p->feed_token : NULL);
	db_bind_int(st, 10, now);
	snprintf(what, sizeof what, "person '%s'", p->handle);
	return db_insert(s, st, what, &p->id);
}

int
store_person_get(struct store *s, const char *handle, struct person *out)
{
	static const char sql[] = PERSON_COLS "WHERE p.handle = ? AND p.removed_at IS NULL";
	sqlite3_stmt *st = db_stmt(s, sql);

	if (st != NULL)
		db_bind_text(st, 1, handle);
	return db_one(s, st, read_person, out);
}

int
store_person_get_id(struct store *s, int64_t id, struct person *out)
{
	/* Removed people are found by id: their history still names them. */
	static const char sql[] = PERSON_COLS "WHERE p.id = ?";
	sqlite3_stmt *st = db_stmt(s, sql);

	if (st != NULL)
		db_bind_int(st, 1, id);
	return db_one(s, st, read_person, out);
}

static const char person_list_sql[] =
	PERSON_COLS "WHERE p.removed_at IS NULL ORDER BY p.handle";

int
store_person_list(struct store *s, struct person **v, size_t *n)
{
	return db_list(s, db_stmt(s, person_list_sql), read_person, sizeof **v, (void **)v, n);
}

int
store_person_each(struct store *s, store_row_fn *fn, void *arg)
{
	struct person p;

	return db_each(s, db_stmt(s, person_list_sql), read_person, NULL, &p, sizeof p, fn,
		       arg);
}

int
store_person_update(struct store *s, const struct person *p)
{
	static const char sql[] =
		"UPDATE persons SET name = ?, email = ?, tz = ?, office_id = ?, "
		"is_manager = ?, sleep_start = ?, sleep_end = ?, feed_token = ? WHERE id = ?";
	sqlite3_stmt *st = db_stmt(s, sql);

	if (st == NULL)
		return db_failed(s);
	db_bind_text(st, 1, p->name);
	db_bind_text(st, 2, p->email);
	db_bind_text(st, 3, p->tz);
	db_bind_id(st, 4, p->office_id);
	db_bind_int(st, 5, p->is_manager);
	db_bind_int(st, 6, p->sleep_start);
	db_bind_int(st, 7, p->sleep_end);
	db_bind_text(st, 8, p->feed_token[0] ? p->feed_token : NULL);
	db_bind_int(st, 9, p->id);
	return db_changed(s, st);
}

int
store_person_remove(struct store *s, int64_t id, int64_t now)
{
	/* The handle is freed for reuse; the row stays for history. */
	static const char sql[] =
		"UPDATE persons SET removed_at = ?1, handle = handle || '~' || id, "
		"feed_token = NULL WHERE id = ?2 AND removed_at IS NULL";
	sqlite3_stmt *st = db_stmt(s, sql);

	if (st == NULL)
		return db_failed(s);
	db_bind_int(st, 1, now);
	db_bind_int(st, 2, id);
	return db_changed(s, st);
}

static int
read_count(sqlite3_stmt *st, void *out)
{
	*(int64_t *)out = db_int(st, 0, 0);
	return 0;
}

int
store_manager_count(struct store *s, int64_t *n)
{
	static const char sql[] =
		"SELECT count(*) FROM persons WHERE is_manager AND removed_at IS NULL";

	return db_one(s, db_stmt(s, sql), read_count, n);
}
