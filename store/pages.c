/* Pages: alerts that reached a person, imported or pulled from PagerDuty,
 * Opsgenie or a generic CSV, keyed by (source, source_id). */
#include "config.h"

#include <stdio.h>
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

/* Multi-row INSERTs of 64, 8 and 1 rows, built once: one statement per
 * chunk spares sqlite the per-statement set-up and halt of row-by-row
 * inserts. RETURNING names the rows that were new. */
#define INSERT_CHUNKS 3
#define PAGE_COLS 17
static const int insert_rows[INSERT_CHUNKS] = { 64, 8, 1 };

static const char *
insert_sql(int k)
{
	static char sql[INSERT_CHUNKS][64 * 40 + 512];

	if (sql[k][0] == '\0') {
		size_t len = (size_t)snprintf(sql[k], sizeof sql[k],
			"INSERT INTO pages (source, source_id, created_at, acknowledged_at, "
			"resolved_at, responder_id, responder_name, rotation_id, service, alert, "
			"urgency, escalated, escalation_person_id, runbook_url, acted, class, "
			"imported_at) VALUES ");
		for (int i = 0; i < insert_rows[k]; i++)
			len += (size_t)snprintf(sql[k] + len, sizeof sql[k] - len,
						"%s(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", i ? "," : "");
		snprintf(sql[k] + len, sizeof sql[k] - len,
			 " ON CONFLICT (source, source_id) DO NOTHING "
			 "RETURNING id, source, source_id");
	}
	return sql[k];
}

static void
bind_page(sqlite3_stmt *st, int col, const struct page *p, int64_t now)
{
	bind_static(st, col + 0, p->source);
	bind_static(st, col + 1, p->source_id);
	db_bind_int(st, col + 2, p->created);
	db_bind_id(st, col + 3, p->acknowledged);
	db_bind_id(st, col + 4, p->resolved);
	db_bind_id(st, col + 5, p->responder_id);
	if (p->responder_name[0] != '\0')
		bind_static(st, col + 6, p->responder_name);
	else
		sqlite3_bind_null(st, col + 6);
	db_bind_id(st, col + 7, p->rotation_id);
	bind_static(st, col + 8, p->service);
	bind_static(st, col + 9, p->alert);
	bind_static(st, col + 10, p->urgency);
	db_bind_int(st, col + 11, p->escalated);
	db_bind_id(st, col + 12, p->escalation_person_id);
	bind_static(st, col + 13, p->runbook_url);
	db_bind_int(st, col + 14, p->acted);
	if (page_class_name(p->class) != NULL)
		bind_static(st, col + 15, page_class_name(p->class));
	else
		sqlite3_bind_null(st, col + 15);
	db_bind_int(st, col + 16, now);
}

/* The page of V[0..n) (not yet given an id) that a returned row names,
 * looked for from *from on first: rows come back in the order given. */
static struct page *
returned_page(struct page *v, size_t n, size_t *from, const char *source,
	      const char *source_id)
{
	for (size_t k = 0; k < n; k++) {
		size_t i = (*from + k) % n;

		if (v[i].id == 0 && strcmp(v[i].source_id, source_id) == 0 &&
		    strcmp(v[i].source, source) == 0) {
			*from = i + 1;
			return &v[i];
		}
	}
	return NULL;
}

int
store_page_insert_many(struct store *s, struct page *v, size_t n, int64_t now,
		       size_t *inserted)
{
	size_t done = 0, added = 0;

	if (inserted != NULL)
		*inserted = 0;
	for (size_t i = 0; i < n; i++)
		v[i].id = 0;
	/* Speed: a page cache big enough for the table and its three indexes
	 * over a large import (sqlite's default is 2 MB, which makes it spill
	 * and re-read pages of the unique index by the million). 64 MB, for
	 * this connection only; an upper bound, taken as needed. */
	if (n > 0 && sqlite3_exec(s->db, "PRAGMA cache_size = -65536", NULL, NULL, NULL) != SQLITE_OK)
		return db_error(s);
	while (done < n) {
		int k = 0, rows, r;
		size_t from = 0;
		sqlite3_stmt *st;

		while ((size_t)insert_rows[k] > n - done)
			k++;
		rows = insert_rows[k];
		if ((st = db_stmt(s, insert_sql(k))) == NULL)
			return db_failed(s);
		for (int i = 0; i < rows; i++)
			bind_page(st, 1 + i * PAGE_COLS, &v[done + (size_t)i], now);
		while ((r = sqlite3_step(st)) == SQLITE_ROW) {
			struct page *p = returned_page(v + done, (size_t)rows, &from,
				(const char *)sqlite3_column_text(st, 1),
				(const char *)sqlite3_column_text(st, 2));

			if (p != NULL) {
				p->id = sqlite3_column_int64(st, 0);
				p->imported_at = now;
			}
			added++;
		}
		sqlite3_reset(st);
		/* Nothing bound may point at the caller's memory once it returns. */
		sqlite3_clear_bindings(st);
		if (r != SQLITE_DONE)
			return db_error(s);
		done += (size_t)rows;
	}
	if (inserted != NULL)
		*inserted = added;
	return 0;
}

int
read_page_class(sqlite3_stmt *st, int col, int64_t page_id, enum page_class *out)
{
	const char *c = (const char *)sqlite3_column_text(st, col);

	*out = PAGE_UNCLASSIFIED;
	if (c == NULL || page_class_parse(c, out) == 0)
		return 0;
	return db_bad_value(st, "page", page_id, "class", c);
}

static int
read_page(sqlite3_stmt *st, void *out)
{
	struct page *p = out;

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
	p->imported_at = db_int(st, 17, 0);
	return read_page_class(st, 16, p->id, &p->class);
}

static sqlite3_stmt *
page_list_stmt(struct store *s, int64_t from, int64_t to)
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
	return st;
}

int
store_page_list(struct store *s, int64_t from, int64_t to, struct page **v, size_t *n)
{
	return db_list(s, page_list_stmt(s, from, to), read_page, sizeof **v, (void **)v, n);
}

int
store_page_each(struct store *s, int64_t from, int64_t to, store_row_fn *fn, void *arg)
{
	struct page p;

	return db_each(s, page_list_stmt(s, from, to), read_page, NULL, &p, sizeof p, fn, arg);
}

static int
read_count(sqlite3_stmt *st, void *out)
{
	*(int64_t *)out = db_int(st, 0, 0);
	return 0;
}

int
store_page_count(struct store *s, int64_t *n)
{
	static const char sql[] = "SELECT count(*) FROM pages";

	*n = 0;
	return db_one(s, db_stmt(s, sql), read_count, n);
}
