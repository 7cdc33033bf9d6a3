/* The monthly report's and pay's queries: a month's pages in compact rows
 * and the times of out-of-hours pages, for the trend. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "common/err.h"
#include "common/xalloc.h"
#include "store/store-private.h"

static int
read_time(sqlite3_stmt *st, void *out)
{
	struct page_time *t = out;

	/* sqlite reads NULL as 0, which is what NULL means here. */
	t->responder_id = sqlite3_column_int64(st, 0);
	t->created = sqlite3_column_int64(st, 1);
	return 0;
}

/* Speed: walks the partial index pages_ooh_time (migration 7), which
 * holds these pages' times and responders in order of time: no row of the
 * table is read and nothing sorted (the caller chains pages per responder
 * as they come). The WHERE must name the index's classes as its WHERE
 * does, for sqlite to use it. */
static const char ooh_sql[] =
	"SELECT responder_id, created_at FROM pages "
	"WHERE created_at >= ?1 AND created_at < ?2 "
	"AND class IN ('out_of_hours', 'sleep') ORDER BY created_at";

int
store_report_ooh_times(struct store *s, int64_t from, int64_t to,
		       struct page_time **v, size_t *n)
{
	sqlite3_stmt *st = db_stmt(s, ooh_sql);

	if (st != NULL) {
		db_bind_int(st, 1, from);
		db_bind_int(st, 2, to);
	}
	return db_list(s, st, read_time, sizeof **v, (void **)v, n);
}

int
store_report_ooh_each(struct store *s, int64_t from, int64_t to,
		      void (*fn)(const struct page_time *t, void *arg), void *arg)
{
	sqlite3_stmt *st = db_stmt(s, ooh_sql);
	struct page_time t;
	int r;

	if (st == NULL)
		return db_failed(s);
	db_bind_int(st, 1, from);
	db_bind_int(st, 2, to);
	while ((r = sqlite3_step(st)) == SQLITE_ROW) {
		read_time(st, &t);
		fn(&t, arg);
	}
	sqlite3_reset(st);
	return r == SQLITE_DONE ? 0 : db_error(s);
}

/* -- Compact page rows -- */

/* The interned (service, alert) pairs while reading: offsets into the
 * text, which moves as it grows. */
struct pair {
	size_t service, alert;          /* offsets in text */
	size_t service_len, alert_len;
};

struct interner {
	struct pair *pairs;
	size_t n, cap;
	uint32_t *slots;                /* pair index + 1; 0: empty */
	size_t n_slots;                 /* a power of two, at least 2n */
	char *text;
	size_t used, size;
};

static uint64_t
hash_pair(const char *s, size_t sn, const char *a, size_t an)
{
	uint64_t h = 1469598103934665603u;      /* FNV-1a */

	for (size_t i = 0; i < sn; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211u;
	h = (h ^ 0x100) * 1099511628211u;       /* no byte: splits the two */
	for (size_t i = 0; i < an; i++)
		h = (h ^ (unsigned char)a[i]) * 1099511628211u;
	return h ^ (h >> 29);
}

static size_t
text_add(struct interner *in, const char *s, size_t n)
{
	size_t at = in->used;

	if (in->used + n + 1 > in->size) {
		while (in->used + n + 1 > in->size)
			in->size = in->size ? 2 * in->size : 4096;
		in->text = xreallocarray(in->text, in->size, 1);
	}
	memcpy(in->text + at, s, n);
	in->text[at + n] = '\0';
	in->used += n + 1;
	return at;
}

static void
slots_grow(struct interner *in)
{
	size_t n = in->n_slots ? 2 * in->n_slots : 256;

	free(in->slots);
	in->slots = xcalloc(n, sizeof *in->slots);
	in->n_slots = n;
	for (size_t i = 0; i < in->n; i++) {
		const struct pair *p = &in->pairs[i];
		size_t k = hash_pair(in->text + p->service, p->service_len,
				     in->text + p->alert, p->alert_len) & (n - 1);

		while (in->slots[k] != 0)
			k = (k + 1) & (n - 1);
		in->slots[k] = (uint32_t)(i + 1);
	}
}

/* The index of the pair (S, A), added when new. */
static uint32_t
intern(struct interner *in, const char *s, size_t sn, const char *a, size_t an)
{
	size_t k;

	if (2 * (in->n + 1) > in->n_slots)
		slots_grow(in);
	k = hash_pair(s, sn, a, an) & (in->n_slots - 1);
	for (;; k = (k + 1) & (in->n_slots - 1)) {
		uint32_t i = in->slots[k];
		const struct pair *p;

		if (i == 0)
			break;
		p = &in->pairs[i - 1];
		if (p->service_len == sn && p->alert_len == an &&
		    memcmp(in->text + p->service, s, sn) == 0 &&
		    memcmp(in->text + p->alert, a, an) == 0)
			return i - 1;
	}
	if (in->n == in->cap) {
		in->cap = in->cap ? 2 * in->cap : 64;
		in->pairs = xreallocarray(in->pairs, in->cap, sizeof *in->pairs);
	}
	in->pairs[in->n] = (struct pair){ text_add(in, s, sn), 0, sn, an };
	in->pairs[in->n].alert = text_add(in, a, an);
	in->slots[k] = (uint32_t)(in->n + 1);
	return (uint32_t)in->n++;
}

/* Column COL as struct page would hold it in a field of LEN bytes: up to
 * its first NUL, cut at LEN - 1 bytes; "" for NULL. */
static const char *
column_cut(sqlite3_stmt *st, int col, size_t len, size_t *n)
{
	const char *t = (const char *)sqlite3_column_text(st, col);

	if (t == NULL) {
		*n = 0;
		return "";
	}
	*n = strnlen(t, len - 1);
	return t;
}

int
store_report_page_rows(struct store *s, int64_t from, int64_t to, bool alerts,
		       struct page_rows *out)
{
	static const char sql[] =
		"SELECT id, created_at, acknowledged_at, resolved_at, responder_id, "
		"escalation_person_id, rotation_id, escalated, acted, class, service, "
		"alert, runbook_url FROM pages WHERE created_at >= ?1 AND created_at < ?2 "
		"ORDER BY created_at, id";
	static const char sql_no_text[] =
		"SELECT id, created_at, acknowledged_at, resolved_at, responder_id, "
		"escalation_person_id, rotation_id, escalated, acted, class "
		"FROM pages WHERE created_at >= ?1 AND created_at < ?2 "
		"ORDER BY created_at, id";
	sqlite3_stmt *st = db_stmt(s, alerts ? sql : sql_no_text);
	struct interner in = { 0 };
	size_t cap = 0;
	int r, err = 0;

	memset(out, 0, sizeof *out);
	out->from = from;
	out->to = to;
	out->has_alerts = alerts;
	if (st == NULL)
		return db_failed(s);
	db_bind_int(st, 1, from);
	db_bind_int(st, 2, to);
	while ((r = sqlite3_step(st)) == SQLITE_ROW) {
		struct page_row *p;
		const char *svc, *alert, *runbook;
		size_t sn, an;
		enum page_class cls;

		if (out->n == cap) {
			cap = cap ? 2 * cap : 1024;
			out->v = xreallocarray(out->v, cap, sizeof *out->v);
		}
		p = &out->v[out->n++];
		/* sqlite reads NULL as 0, which is what NULL means here but
		 * for acted (NULL: someone acted). */
		p->id = sqlite3_column_int64(st, 0);
		p->created = sqlite3_column_int64(st, 1);
		p->acknowledged = sqlite3_column_int64(st, 2);
		p->resolved = sqlite3_column_int64(st, 3);
		p->responder_id = sqlite3_column_int64(st, 4);
		p->escalation_person_id = sqlite3_column_int64(st, 5);
		p->rotation_id = sqlite3_column_int64(st, 6);
		p->escalated = sqlite3_column_int64(st, 7) != 0;
		p->acted = db_int(st, 8, 1) != 0;
		if ((err = read_page_class(st, 9, p->id, &cls)) != 0)
			break;
		p->class = (uint8_t)cls;
		if (!alerts) {
			p->alert = 0;
			p->has_runbook = false;
			continue;
		}
		svc = column_cut(st, 10, NAME_MAX_, &sn);
		alert = column_cut(st, 11, PAGE_TEXT_MAX, &an);
		p->alert = intern(&in, svc, sn, alert, an);
		runbook = (const char *)sqlite3_column_text(st, 12);
		p->has_runbook = runbook != NULL && runbook[0] != '\0';
	}
	sqlite3_reset(st);
	free(in.slots);
	if (err != 0 || r != SQLITE_DONE) {
		free(in.pairs);
		free(in.text);
		store_report_page_rows_free(out);
		return err != 0 ? err : db_error(s);
	}
	out->text = in.text;
	out->alerts = xcalloc(in.n + 1, sizeof *out->alerts);
	for (size_t i = 0; i < in.n; i++)
		out->alerts[i] = (struct page_alert){ in.text + in.pairs[i].service,
						      in.text + in.pairs[i].alert };
	out->n_alerts = in.n;
	free(in.pairs);
	return 0;
}

void
store_report_page_rows_free(struct page_rows *r)
{
	free(r->v);
	free(r->alerts);
	free(r->text);
	memset(r, 0, sizeof *r);
}

static int
read_first(sqlite3_stmt *st, void *out)
{
	*(int64_t *)out = db_int(st, 0, INT64_MAX);
	return 0;
}

int
store_report_first(struct store *s, int64_t *first)
{
	/* Each min() reads one end of an index (pages by creation, shifts
	 * by start). */
	static const char sql[] =
		"SELECT min(t) FROM (SELECT min(created_at) AS t FROM pages "
		"UNION ALL SELECT min(start_at) FROM shifts)";

	*first = INT64_MAX;
	return db_one(s, db_stmt(s, sql), read_first, first);
}
