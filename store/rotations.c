/* Rotations, terms and term memberships. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/err.h"
#include "store/store-private.h"

static int
read_rotation(sqlite3_stmt *st, void *out)
{
	struct rotation *r = out;
	char tier[16];

	r->id = db_int(st, 0, 0);
	db_text(st, 1, r->name, sizeof r->name);
	db_text(st, 2, tier, sizeof tier);
	if (tier_parse(tier, &r->tier) < 0)
		return db_bad_value(st, "rotation", r->id, "tier", tier);
	db_text(st, 3, r->tz, sizeof r->tz);
	r->handoff_dow = (int)db_int(st, 4, 1);
	r->handoff_minute = (int)db_int(st, 5, 600);
	r->shift_days = (int)db_int(st, 6, 7);
	r->out_of_hours = db_int(st, 7, 0) != 0;
	return 0;
}

#define ROTATION_COLS \
	"SELECT id, name, tier, tz, handoff_dow, handoff_minute, shift_days, " \
	"id IN (SELECT rotation_id FROM rotation_cover) FROM rotations "

int
store_rotation_add(struct store *s, struct rotation *r, int64_t now)
{
	static const char sql[] =
		"INSERT INTO rotations (name, tier, tz, handoff_dow, handoff_minute, "
		"shift_days, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)";
	sqlite3_stmt *st = db_stmt(s, sql);
	char what[NAME_MAX_ + 16];

	if (st == NULL)
		return db_failed(s);
	db_bind_text(st, 1, r->name);
	db_bind_text(st, 2, tier_name(r->tier));
	db_bind_text(st, 3, r->tz);
	db_bind_int(st, 4, r->handoff_dow);
	db_bind_int(st, 5, r->handoff_minute);
	db_bind_int(st, 6, r->shift_days);
	db_bind_int(st, 7, now);
	snprintf(what, sizeof what, "rotation '%s'", r->name);
	return db_insert(s, st, what, &r->id);
}

int
store_rotation_set_cover(struct store *s, int64_t rotation_id, bool out_of_hours,
			 const int64_t *offices, size_t n)
{
	static const char clear_offices[] = "DELETE FROM rotation_offices WHERE rotation_id = ?";
	static const char clear_cover[] = "DELETE FROM rotation_cover WHERE rotation_id = ?";
	static const char add_cover[] =
		"INSERT INTO rotation_cover (rotation_id, covers) VALUES (?, 'out_of_hours')";
	static const char add_office[] =
		"INSERT OR IGNORE INTO rotation_offices (rotation_id, office_id) VALUES (?, ?)";
	const char *steps[] = { clear_offices, clear_cover, out_of_hours ? add_cover : NULL };
	sqlite3_stmt *st;
	int r;

	for (size_t i = 0; i < 3 && steps[i] != NULL; i++) {
		if ((st = db_stmt(s, steps[i])) == NULL)
			return db_failed(s);
		db_bind_int(st, 1, rotation_id);
		if ((r = db_step_done(s, st)) != 0)
			return r;
	}
	for (size_t i = 0; out_of_hours && i < n; i++) {
		if ((st = db_stmt(s, add_office)) == NULL)
			return db_failed(s);
		db_bind_int(st, 1, rotation_id);
		db_bind_int(st, 2, offices[i]);
		if ((r = db_step_done(s, st)) != 0)
			return r;
	}
	return 0;
}

int
store_rotation_chosen_offices(struct store *s, int64_t rotation_id, struct office **v,
			      size_t *n)
{
	static const char sql[] =
		OFFICE_COLS "WHERE o.id IN (SELECT office_id FROM rotation_offices "
		"WHERE rotation_id = ?1) ORDER BY o.name";
	sqlite3_stmt *st = db_stmt(s, sql);

	if (st != NULL)
		db_bind_int(st, 1, rotation_id);
	return db_list(s, st, read_office, sizeof **v, (void **)v, n);
}

int
store_rotation_get(struct store *s, const char *name, struct rotation *out)
{
	static const char sql[] = ROTATION_COLS "WHERE name = ?";
	sqlite3_stmt *st = db_stmt(s, sql);

	if (st != NULL)
		db_bind_text(st, 1, name);
	return db_one(s, st, read_rotation, out);
}

int
store_rotation_get_id(struct store *s, int64_t id, struct rotation *out)
{
	static const char sql[] = ROTATION_COLS "WHERE id = ?";
	sqlite3_stmt *st = db_stmt(s, sql);

	if (st != NULL)
		db_bind_int(st, 1, id);
	return db_one(s, st, read_rotation, out);
}

int
store_rotation_list(struct store *s, struct rotation **v, size_t *n)
{
	static const char sql[] = ROTATION_COLS "ORDER BY tier = 'escalation', name";

	return db_list(s, db_stmt(s, sql), read_rotation, sizeof **v, (void **)v, n);
}

#define TERM_COLS \
	"SELECT t.id, t.name, t.rotation_id, r.name, t.start_at, t.end_at, t.weeks " \
	"FROM terms t JOIN rotations r ON r.id = t.rotation_id "

static int
read_term(sqlite3_stmt *st, void *out)
{
	struct term *t = out;

	t->id = db_int(st, 0, 0);
	db_text(st, 1, t->name, sizeof t->name);
	t->rotation_id = db_int(st, 2, 0);
	db_text(st, 3, t->rotation, sizeof t->rotation);
	t->start = db_int(st, 4, 0);
	t->end = db_int(st, 5, 0);
	t->weeks = (int)db_int(st, 6, 0);
	return 0;
}

int
store_term_add(struct store *s, struct term *t, int64_t now)
{
	static const char sql[] =
		"INSERT INTO terms (name, rotation_id, start_at, end_at, weeks, created_at) "
		"VALUES (?, ?, ?, ?, ?, ?)";
	sqlite3_stmt *st = db_stmt(s, sql);
	char what[NAME_MAX_ + 16];

	if (st == NULL)
		return db_failed(s);
	db_bind_text(st, 1, t->name);
	db_bind_int(st, 2, t->rotation_id);
	db_bind_int(st, 3, t->start);
	db_bind_int(st, 4, t->end);
	db_bind_int(st, 5, t->weeks);
	db_bind_int(st, 6, now);
	snprintf(what, sizeof what, "term '%s'", t->name);
	return db_insert(s, st, what, &t->id);
}

int
store_term_get(struct store *s, const char *name, struct term *out)
{
	static const char sql[] = TERM_COLS "WHERE t.name = ?";
	sqlite3_stmt *st = db_stmt(s, sql);

	if (st != NULL)
		db_bind_text(st, 1, name);
	return db_one(s, st, read_term, out);
}

int
store_term_get_id(struct store *s, int64_t id, struct term *out)
{
	static const char sql[] = TERM_COLS "WHERE t.id = ?";
	sqlite3_stmt *st = db_stmt(s, sql);

	if (st != NULL)
		db_bind_int(st, 1, id);
	return db_one(s, st, read_term, out);
}

int
store_term_list(struct store *s, int64_t rotation_id, struct term **v, size_t *n)
{
	/* Two statements: "?1 = 0 OR ..." would hide the index on rotation_id. */
	static const char all[] = TERM_COLS "ORDER BY r.name, t.start_at";
	static const char one[] = TERM_COLS "WHERE t.rotation_id = ?1 ORDER BY t.start_at";
	sqlite3_stmt *st = db_stmt(s, rotation_id ? one : all);

	if (st != NULL && rotation_id)
		db_bind_int(st, 1, rotation_id);
	return db_list(s, st, read_term, sizeof **v, (void **)v, n);
}

int
store_term_at(struct store *s, int64_t rotation_id, int64_t t, struct term *out)
{
	static const char sql[] =
		TERM_COLS "WHERE t.rotation_id = ?1 AND t.start_at <= ?2 AND t.end_at > ?2 "
		"ORDER BY t.start_at DESC LIMIT 1";
	sqlite3_stmt *st = db_stmt(s, sql);

	if (st != NULL) {
		db_bind_int(st, 1, rotation_id);
		db_bind_int(st, 2, t);
	}
	return db_one(s, st, read_term, out);
}

int
store_member_join(struct store *s, int64_t term_id, int64_t person_id, int64_t at)
{
	/* Re-joining after leaving reopens the membership from AT. */
	static const char sql[] =
		"INSERT INTO memberships (term_id, person_id, joined_at) VALUES (?1, ?2, ?3) "
		"ON CONFLICT (term_id, person_id) DO UPDATE SET joined_at = ?3, left_at = NULL "
		"WHERE left_at IS NOT NULL";
	sqlite3_stmt *st = db_stmt(s, sql);
	int r;

	if (st == NULL)
		return db_failed(s);
	db_bind_int(st, 1, term_id);
	db_bind_int(st, 2, person_id);
	db_bind_int(st, 3, at);
	/* No row changed: a current membership, which the upsert's WHERE
	 * leaves alone. Any other error is the database's. */
	r = db_changed(s, st);
	return r == STORE_NOT_FOUND ? STORE_EXISTS : r;
}

int
store_member_leave(struct store *s, int64_t term_id, int64_t person_id, int64_t at)
{
	static const char sql[] =
		"UPDATE memberships SET left_at = ?3 WHERE term_id = ?1 AND person_id = ?2 "
		"AND left_at IS NULL";
	sqlite3_stmt *st = db_stmt(s, sql);

	if (st == NULL)
		return db_failed(s);
	db_bind_int(st, 1, term_id);
	db_bind_int(st, 2, person_id);
	db_bind_int(st, 3, at);
	return db_changed(s, st);
}

#define MEMBER_COLS \
	"SELECT m.term_id, m.person_id, p.handle, p.is_manager, m.joined_at, m.left_at " \
	"FROM memberships m JOIN persons p ON p.id = m.person_id "

static int
read_member(sqlite3_stmt *st, void *out)
{
	struct membership *m = out;

	m->term_id = db_int(st, 0, 0);
	m->person_id = db_int(st, 1, 0);
	db_text(st, 2, m->handle, sizeof m->handle);
	m->is_manager = db_int(st, 3, 0) != 0;
	m->joined = db_int(st, 4, 0);
	m->left = db_int(st, 5, INT64_MAX);
	return 0;
}

int
store_member_list(struct store *s, int64_t term_id, struct membership **v, size_t *n)
{
	static const char sql[] = MEMBER_COLS "WHERE m.term_id = ? ORDER BY p.handle";
	sqlite3_stmt *st = db_stmt(s, sql);

	if (st != NULL)
		db_bind_int(st, 1, term_id);
	return db_list(s, st, read_member, sizeof **v, (void **)v, n);
}

int
store_member_get(struct store *s, int64_t term_id, int64_t person_id, struct membership *out)
{
	static const char sql[] = MEMBER_COLS "WHERE m.term_id = ? AND m.person_id = ?";
	sqlite3_stmt *st = db_stmt(s, sql);

	if (st != NULL) {
		db_bind_int(st, 1, term_id);
		db_bind_int(st, 2, person_id);
	}
	return db_one(s, st, read_member, out);
}

int
store_rotation_members(struct store *s, int64_t rotation_id, int64_t from, int64_t to,
		       struct membership **v, size_t *n)
{
	/* A person removed without leaving the term is a member until then. */
	static const char sql[] =
		"SELECT m.term_id, m.person_id, p.handle, p.is_manager, m.joined_at, "
		"COALESCE(min(m.left_at, p.removed_at), m.left_at, p.removed_at) AS until "
		"FROM memberships m JOIN persons p ON p.id = m.person_id "
		"JOIN terms t ON t.id = m.term_id WHERE t.rotation_id = ?1 "
		"AND t.start_at < ?3 AND t.end_at > ?2 AND m.joined_at < ?3 "
		"AND (until IS NULL OR until > ?2) ORDER BY m.person_id, m.joined_at";
	sqlite3_stmt *st = db_stmt(s, sql);

	if (st != NULL) {
		db_bind_int(st, 1, rotation_id);
		db_bind_int(st, 2, from);
		db_bind_int(st, 3, to);
	}
	return db_list(s, st, read_member, sizeof **v, (void **)v, n);
}
