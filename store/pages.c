/* Pages: alerts that reached a person, imported or pulled from PagerDuty,
 * Opsgenie or a generic CSV, keyed by (source, source_id). */
#include "config.h"

#include <string.h>

#include "common/err.h"
#include "store/store-private.h"

static const char *const class_names[] = {
	[PAGE_UNCLASSIFIED] = NULL,
	[PAGE_IN_HOURS] = "in_hours",
	[PAGE_OUT_OF_HOURS] = "out_of_hours",
	[PAGE_SLEEP] = "sleep",
};

const char *
page_class_name(enum page_class c)
{
	if ((unsigned)c >= sizeof class_names / sizeof class_names[0])
		return NULL;
	return class_names[c];
}

int
page_class_parse(const char *s, enum page_class *out)
{
	for (size_t i = 1; i < sizeof class_names / sizeof class_names[0]; i++)
		if (s != NULL && strcmp(s, class_names[i]) == 0) {
			*out = (enum page_class)i;
			return 0;
		}
	return -1;
}

/* Binds text that outlives the step, without a copy. */
static void
bind_static(sqlite3_stmt *st, int i, const char *v)
{
	sqlite3_bind_text(st, i, v, -1, SQLITE_STATIC);
}

int
store_page_insert_many(struct store *s, struct page *v, size_t n, int64_t now,
		       size_t *inserted)
{
	/* One prepared statement stepped per row: sqlite's own bulk path
	 * (what the sqlite3 shell's .import does), and each row says whether
	 * it was new. */
	static const char sql[] =
		"INSERT INTO pages (source, source_id, created_at, acknowledged_at, "
		"resolved_at, responder_id, responder_name, rotation_id, service, alert, "
		"urgency, escalated, escalation_person_id, runbook_url, acted, class, "
		"imported_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) "
		"ON CONFLICT (source, source_id) DO NOTHING";
	sqlite3_stmt *st = db_stmt(s, sql);
	size_t added = 0;

	if (inserted != NULL)
		*inserted = 0;
	if (st == NULL)
		return EX_SOFTWARE;
	for (size_t i = 0; i < n; i++) {
		struct page *p = &v[i];
		int r;

		bind_static(st, 1, p->source);
		bind_static(st, 2, p->source_id);
		db_bind_int(st, 3, p->created);
		db_bind_id(st, 4, p->acknowledged);
		db_bind_id(st, 5, p->resolved);
		db_bind_id(st, 6, p->responder_id);
		if (p->responder_name[0] != '\0')
			bind_static(st, 7, p->responder_name);
		else
			sqlite3_bind_null(st, 7);
		db_bind_id(st, 8, p->rotation_id);
		bind_static(st, 9, p->service);
		bind_static(st, 10, p->alert);
		bind_static(st, 11, p->urgency);
		db_bind_int(st, 12, p->escalated);
		db_bind_id(st, 13, p->escalation_person_id);
		bind_static(st, 14, p->runbook_url);
		db_bind_int(st, 15, p->acted);
		if (page_class_name(p->class) != NULL)
			bind_static(st, 16, page_class_name(p->class));
		else
			sqlite3_bind_null(st, 16);
		db_bind_int(st, 17, now);
		r = sqlite3_step(st);
		sqlite3_reset(st);
		if (r != SQLITE_DONE) {
			sqlite3_clear_bindings(st);
			return db_error(s);
		}
		if (sqlite3_changes(s->db) > 0) {
			p->id = sqlite3_last_insert_rowid(s->db);
			p->imported_at = now;
			added++;
		} else {
			p->id = 0;
		}
	}
	/* Nothing bound may point at the caller's memory once it returns. */
	sqlite3_clear_bindings(st);
	if (inserted != NULL)
		*inserted = added;
	return 0;
}

static void
read_page(sqlite3_stmt *st, void *out)
{
	struct page *p = out;
	const char *c;

	p->id = db_int(st, 0, 0);
	db_text(st, 1, p->source, sizeof p->source);
	db_text(st, 2, p->source_id, sizeof p->source_id);
	p->created = db_int(st, 3, 0);
	p->acknowledged = db_int(st, 4, 0);
	p->resolved = db_int(st, 5, 0);
	p->responder_id = db_int(st, 6, 0);
	db_text(st, 7, p->responder_name, sizeof p->responder_name);
	p->rotation_id = db_int(st, 8, 0);
	db_text(st, 9, p->service, sizeof p->service);
	db_text(st, 10, p->alert, sizeof p->alert);
	db_text(st, 11, p->urgency, sizeof p->urgency);
	p->escalated = db_int(st, 12, 0) != 0;
	p->escalation_person_id = db_int(st, 13, 0);
	db_text(st, 14, p->runbook_url, sizeof p->runbook_url);
	p->acted = db_int(st, 15, 1) != 0;
	c = (const char *)sqlite3_column_text(st, 16);
	if (c == NULL || page_class_parse(c, &p->class) < 0)
		p->class = PAGE_UNCLASSIFIED;
	p->imported_at = db_int(st, 17, 0);
}

int
store_page_list(struct store *s, int64_t from, int64_t to, struct page **v, size_t *n)
{
	static const char sql[] =
		"SELECT id, source, source_id, created_at, acknowledged_at, resolved_at, "
		"responder_id, responder_name, rotation_id, service, alert, urgency, "
		"escalated, escalation_person_id, runbook_url, acted, class, imported_at "
		"FROM pages WHERE created_at >= ?1 AND created_at < ?2 "
		"ORDER BY created_at, id";
	sqlite3_stmt *st = db_stmt(s, sql);

	if (st != NULL) {
		db_bind_int(st, 1, from);
		db_bind_int(st, 2, to);
	}
	return db_list(s, st, read_page, sizeof **v, (void **)v, n);
}

static void
read_count(sqlite3_stmt *st, void *out)
{
	*(int64_t *)out = db_int(st, 0, 0);
}

int
store_page_count(struct store *s, int64_t *n)
{
	static const char sql[] = "SELECT count(*) FROM pages";

	*n = 0;
	return db_one(s, db_stmt(s, sql), read_count, n);
}
