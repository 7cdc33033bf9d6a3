/* People's zone, office, sleep hours and manager flag as history; see
 * store.h. Each person's entries are read once and kept (sorted by
 * person id) until they change or the store closes. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/err.h"
#include "common/xalloc.h"
#include "store/store-private.h"

struct history_entry {
	int64_t person_id;
	struct person_attrs *v;
	size_t n;
};

struct person_history_cache {
	struct history_entry *e;        /* by person id */
	size_t n;
};

void
person_history_forget(struct store *s)
{
	if (s->history == NULL)
		return;
	for (size_t i = 0; i < s->history->n; i++)
		free(s->history->e[i].v);
	free(s->history->e);
	free(s->history);
	s->history = NULL;
}

int
store_person_history_begin(struct store *s, int64_t person_id)
{
	static const char sql[] =
		"INSERT INTO person_history (person_id, valid_from, tz, office_id, is_manager, "
		"sleep_start, sleep_end) SELECT id, 0, tz, office_id, is_manager, sleep_start, "
		"sleep_end FROM persons WHERE id = ?1 AND NOT EXISTS "
		"(SELECT 1 FROM person_history WHERE person_id = ?1)";
	sqlite3_stmt *st = db_stmt(s, sql);

	person_history_forget(s);
	if (st == NULL)
		return db_failed(s);
	db_bind_int(st, 1, person_id);
	return db_step_done(s, st);
}

int
store_person_history_add(struct store *s, int64_t from, const struct person *p)
{
	static const char sql[] =
		"INSERT OR REPLACE INTO person_history (person_id, valid_from, tz, office_id, "
		"is_manager, sleep_start, sleep_end) VALUES (?, ?, ?, ?, ?, ?, ?)";
	sqlite3_stmt *st = db_stmt(s, sql);

	person_history_forget(s);
	if (st == NULL)
		return db_failed(s);
	db_bind_int(st, 1, p->id);
	db_bind_int(st, 2, from);
	db_bind_text(st, 3, p->tz);
	db_bind_id(st, 4, p->office_id);
	db_bind_int(st, 5, p->is_manager);
	db_bind_int(st, 6, p->sleep_start);
	db_bind_int(st, 7, p->sleep_end);
	return db_step_done(s, st);
}

static int
read_attrs(sqlite3_stmt *st, void *out)
{
	struct person_attrs *a = out;

	a->from = db_int(st, 0, 0);
	db_text(st, 1, a->tz, sizeof a->tz);
	a->office_id = db_int(st, 2, 0);
	db_text(st, 3, a->office, sizeof a->office);
	a->is_manager = db_int(st, 4, 0) != 0;
	a->sleep_start = (int)db_int(st, 5, 1320);
	a->sleep_end = (int)db_int(st, 6, 420);
	db_text(st, 7, a->by, sizeof a->by);
	return 0;
}

/* Reads person PERSON_ID's entries, oldest first: their rows of
 * person_history, or when they have none (nothing of theirs has changed
 * since they were added, or they were added by hand) their persons row,
 * from the beginning. Who made each is the actor of the person's latest
 * person.set audited at that instant (person.add for the first). */
static int
history_read(struct store *s, int64_t person_id, struct person_attrs **v, size_t *n)
{
#define BY(from) \
	"COALESCE((SELECT a.actor FROM audit_events a WHERE a.object = p.handle AND " \
	"((" from " = 0 AND a.action = 'person.add') OR (" from " <> 0 AND " \
	"a.action = 'person.set' AND a.at = " from ")) ORDER BY a.id DESC LIMIT 1), '')"
	static const char sql[] =
		"SELECT h.valid_from, h.tz, h.office_id, COALESCE(o.name, ''), h.is_manager, "
		"h.sleep_start, h.sleep_end, " BY("h.valid_from") " "
		"FROM person_history h JOIN persons p ON p.id = h.person_id "
		"LEFT JOIN offices o ON o.id = h.office_id WHERE h.person_id = ?1 "
		"UNION ALL "
		"SELECT 0, p.tz, p.office_id, COALESCE(o.name, ''), p.is_manager, "
		"p.sleep_start, p.sleep_end, " BY("0") " "
		"FROM persons p LEFT JOIN offices o ON o.id = p.office_id WHERE p.id = ?1 "
		"AND NOT EXISTS (SELECT 1 FROM person_history WHERE person_id = ?1) "
		"ORDER BY 1";
#undef BY
	sqlite3_stmt *st = db_stmt(s, sql);
	int r;

	if (st != NULL)
		db_bind_int(st, 1, person_id);
	if ((r = db_list(s, st, read_attrs, sizeof **v, (void **)v, n)) != 0)
		return r;
	if (*n == 0) {
		free(*v);
		*v = NULL;
		return STORE_NOT_FOUND;
	}
	return 0;
}

/* The cached entries of PERSON_ID, read when not yet kept. */
static int
history_entry(struct store *s, int64_t person_id, const struct history_entry **out)
{
	struct person_history_cache *c;
	struct history_entry e = { person_id, NULL, 0 };
	size_t lo = 0, hi;
	int r;

	if (s->history == NULL)
		s->history = xcalloc(1, sizeof *s->history);
	c = s->history;
	hi = c->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (c->e[mid].person_id == person_id) {
			*out = &c->e[mid];
			return 0;
		}
		if (c->e[mid].person_id < person_id)
			lo = mid + 1;
		else
			hi = mid;
	}
	if ((r = history_read(s, person_id, &e.v, &e.n)) != 0)
		return r;
	c->e = xreallocarray(c->e, c->n + 1, sizeof *c->e);
	memmove(&c->e[lo + 1], &c->e[lo], (c->n - lo) * sizeof *c->e);
	c->e[lo] = e;
	c->n++;
	*out = &c->e[lo];
	return 0;
}

int
store_person_history(struct store *s, int64_t person_id, struct person_attrs **v, size_t *n)
{
	const struct history_entry *e;
	int r;

	*v = NULL;
	*n = 0;
	if ((r = history_entry(s, person_id, &e)) != 0)
		return r;
	*v = xreallocarray(NULL, e->n, sizeof **v);
	memcpy(*v, e->v, e->n * sizeof **v);
	*n = e->n;
	return 0;
}

size_t
person_attrs_index(const struct person_attrs *v, size_t n, int64_t t)
{
	size_t lo = 0, hi = n;

	/* The first entry that starts after T; the one before it is in force. */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (v[mid].from <= t)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo > 0 ? lo - 1 : 0;
}

int
store_person_attrs_at(struct store *s, int64_t person_id, int64_t t, struct person_attrs *out)
{
	const struct history_entry *e;
	int r;

	if ((r = history_entry(s, person_id, &e)) != 0)
		return r;
	*out = e->v[person_attrs_index(e->v, e->n, t)];
	return 0;
}
