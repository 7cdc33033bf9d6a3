/* The audit trail: who changed what, when, with the before and after. */
#include "config.h"

#include <stdlib.h>

#include "common/err.h"
#include "common/xalloc.h"
#include "store/store-private.h"

int
store_audit_add(struct store *s, int64_t at, const char *actor, const char *action,
		const char *object, const char *before, const char *after)
{
	static const char sql[] =
		"INSERT INTO audit_events (at, actor, action, object, before, after) "
		"VALUES (?, ?, ?, ?, ?, ?)";
	sqlite3_stmt *st = db_stmt(s, sql);

	if (st == NULL)
		return db_failed(s);
	db_bind_int(st, 1, at);
	db_bind_text(st, 2, actor);
	db_bind_text(st, 3, action);
	db_bind_text(st, 4, object);
	db_bind_text(st, 5, before);
	db_bind_text(st, 6, after);
	return db_insert(s, st, "audit event", NULL);
}

static char *
dup_column(sqlite3_stmt *st, int col)
{
	const unsigned char *t = sqlite3_column_text(st, col);

	return t ? xstrdup((const char *)t) : NULL;
}

static int
read_event(sqlite3_stmt *st, void *out)
{
	struct audit_event *e = out;

	e->id = db_int(st, 0, 0);
	e->at = db_int(st, 1, 0);
	db_text(st, 2, e->actor, sizeof e->actor);
	db_text(st, 3, e->action, sizeof e->action);
	db_text(st, 4, e->object, sizeof e->object);
	e->before = dup_column(st, 5);
	e->after = dup_column(st, 6);
	return 0;
}

/* Frees what an event read by read_event owns. */
static void
drop_event(void *elem)
{
	struct audit_event *e = elem;

	free(e->before);
	free(e->after);
}

static const char list_sql[] =
	"SELECT id, at, actor, action, object, before, after FROM audit_events "
	"WHERE at >= ? ORDER BY at, id";

int
store_audit_each(struct store *s, int64_t since, store_row_fn *fn, void *arg)
{
	sqlite3_stmt *st = db_stmt(s, list_sql);
	struct audit_event e;

	if (st != NULL)
		db_bind_int(st, 1, since);
	return db_each(s, st, read_event, drop_event, &e, sizeof e, fn, arg);
}

int
store_audit_list(struct store *s, int64_t since, struct audit_event **v, size_t *n)
{
	sqlite3_stmt *st = db_stmt(s, list_sql);

	if (st != NULL)
		db_bind_int(st, 1, since);
	return db_list_owning(s, st, read_event, drop_event, sizeof **v, (void **)v, n);
}

void
store_audit_free(struct audit_event *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		drop_event(&v[i]);
	free(v);
}
