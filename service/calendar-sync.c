/* The calendar sync of leave and holiday import: see calendar-sync.h. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/err.h"
#include "common/timefmt.h"
#include "common/url.h"
#include "common/xalloc.h"
#include "service/calendar-sync.h"

#define DAY 86400

int
sync_row_cmp(const struct imported_row *a, const struct imported_row *b)
{
	int c = strcmp(a->uid, b->uid);

	if (c == 0)
		c = strcmp(a->recurrence_id, b->recurrence_id);
	return c ? c : strcmp(a->day, b->day);
}

static int
row_qsort_cmp(const void *a, const void *b)
{
	return sync_row_cmp(a, b);
}

void
sync_result_free(struct sync_result *r)
{
	free(r->src.source);
	free(r->src.cache_key);
	fetch_result_free(&r->src.fetched);
	ics_result_free(&r->ics);
	memset(r, 0, sizeof *r);
}

/* Reads ARG: a file (one source however it is named: its absolute path),
 * or a URL fetched with the validators kept under URL#FOR_WHAT. */
static int
source_read(const struct svc *s, const char *arg, const char *for_what,
	    struct import_source *src)
{
	int r;

	src->arg = arg;
	if (strlen(arg) >= SYNC_SOURCE_MAX)
		return rota_fail(EX_USAGE, "FILE|URL: longer than %d characters",
				 SYNC_SOURCE_MAX - 1);
	if (!http_is_url(arg)) {
		char *abs;

		if ((r = fetch_file(arg, &src->fetched)) != 0)
			return r;
		/* Standard input is one source, whatever file was sent. */
		if (strcmp(arg, "-") == 0)
			abs = xstrdup(arg);
		else if ((abs = realpath(arg, NULL)) == NULL)
			return rota_fail(EX_NOINPUT, "%s: %s", arg, strerror(errno));
		src->source = abs;
		return 0;
	}
	/* Stored, it would be shown (audit, leave list) and backed up. */
	if (url_has_userinfo(arg))
		return rota_fail(EX_USAGE, "the calendar's address holds a user name or "
				 "password, which rota would store and show: give the address "
				 "without them, and set [import] host, username and "
				 "password_file (a file only you may read) as for CalDAV");
	src->is_url = true;
	src->source = xstrdup(arg);
	src->cache_key = xasprintf("%s#%s", arg, for_what);
	return fetch_url(s->cfg, s->db, arg, src->cache_key, s->now, &src->fetched);
}

/* The import window: rows of the calendar are read inside it, and stored
 * rows wholly outside it are history, kept. */
struct window {
	int64_t from, to;
	char from_day[11], to_day[11];  /* the same, as dates in the target's zone */
};

static bool
outside(const struct imported_row *row, const struct window *w)
{
	if (row->day[0])
		return strcmp(row->day, w->from_day) < 0 || strcmp(row->day, w->to_day) > 0;
	return row->end <= w->from || row->start >= w->to;
}

static bool
same(const struct imported_row *a, const struct imported_row *b)
{
	return a->start == b->start && a->end == b->end && strcmp(a->text, b->text) == 0;
}

/* Applies the calendar's rows IN (sorted) to the stored ROWS (sorted):
 * the one merge. A key twice in the calendar (two overlapping
 * occurrences marking one day) is one row; a key twice in the store is
 * one row too, the second removed. */
static int
merge(const struct svc *s, const struct sync_target *t, const char *source,
      struct imported_row *rows, size_t n, struct imported_row *in, size_t nin,
      const struct window *w, struct import_counts *c)
{
	size_t i = 0, k = 0;
	int d, r = 0;

	while (r == 0 && (i < n || k < nin)) {
		if (k > 0 && k < nin && sync_row_cmp(&in[k - 1], &in[k]) == 0) {
			k++;
			continue;
		}
		if (i > 0 && i < n && sync_row_cmp(&rows[i - 1], &rows[i]) == 0) {
			if ((r = t->remove(s->db, rows[i].id)) == 0)
				c->removed++;
			i++;
			continue;
		}
		d = i >= n ? 1 : k >= nin ? -1 : sync_row_cmp(&rows[i], &in[k]);
		if (d < 0) {
			/* Gone from the calendar. */
			if (!outside(&rows[i], w) && (r = t->remove(s->db, rows[i].id)) == 0)
				c->removed++;
			i++;
		} else if (d > 0) {
			if ((r = t->add(s->db, t->owner, source, &in[k], s->now)) == 0)
				c->added++;
			k++;
		} else {
			if (same(&rows[i], &in[k])) {
				c->unchanged++;
			} else {
				rows[i].start = in[k].start;
				rows[i].end = in[k].end;
				memcpy(rows[i].text, in[k].text, sizeof rows[i].text);
				if ((r = t->update(s->db, &rows[i])) == 0)
					c->updated++;
			}
			i++;
			k++;
		}
	}
	return r == STORE_NOT_FOUND ? EX_SOFTWARE : r;
}

/* The audit event of an import (only when something changed). */
static int
sync_audit(const struct svc *s, const struct sync_target *t, const struct sync_result *res)
{
	const struct import_counts *c = &res->counts;

	if (c->added + c->updated + c->removed == 0)
		return 0;
	return svc_audit(s, t->action, t->object, NULL,
			 json_pack("{s:s, s:i, s:i, s:i, s:i}", "source", res->src.source,
				   "added", (int)c->added, "updated", (int)c->updated,
				   "removed", (int)c->removed, "unchanged", (int)c->unchanged));
}

/* Inside the transaction: the merge, the audit event, the validators. */
static int
apply(const struct svc *s, const struct sync_target *t, const struct window *w,
      struct sync_result *out)
{
	struct imported_row *rows = NULL, *in;
	size_t n = 0, nin;
	int r;

	in = t->rows_of(&out->ics, t->zone, w->from, w->to, &nin);
	if (nin > 1)
		qsort(in, nin, sizeof *in, row_qsort_cmp);
	if ((r = t->stored(s->db, t->owner, out->src.source, &rows, &n)) == 0 &&
	    (r = merge(s, t, out->src.source, rows, n, in, nin, w, &out->counts)) == 0 &&
	    (r = sync_audit(s, t, out)) == 0 && out->src.is_url)
		r = fetch_remember(s->db, out->src.cache_key, &out->src.fetched, s->now);
	free(rows);
	free(in);
	return r;
}

int
calendar_sync(const struct svc *s, const char *arg, const struct sync_target *t,
	      struct sync_result *out)
{
	struct ics_options io = { .zone = t->zone, .skip_transparent = t->skip_transparent };
	struct window w;
	char for_what[48], *shown;
	int r;

	memset(out, 0, sizeof *out);
	snprintf(for_what, sizeof for_what, "rota-%s-%lld", t->kind, (long long)t->owner);
	if ((r = source_read(s, arg, for_what, &out->src)) != 0)
		return r;
	if (out->src.fetched.not_modified) {
		out->synced = true;
		return 0;
	}
	/* Events outside the times rota keeps are skipped as those outside
	 * the window are (the window ends with them). */
	w.from = io.from = s->now - (int64_t)ICS_PAST_DAYS * DAY;
	w.to = io.to = s->now + (int64_t)ICS_FUTURE_DAYS * DAY;
	if (w.from < 0)
		w.from = io.from = 0;
	if (w.to > ROTA_TIME_END)
		w.to = io.to = ROTA_TIME_END;
	date_format_local(w.from, t->zone, w.from_day, sizeof w.from_day);
	date_format_local(w.to, t->zone, w.to_day, sizeof w.to_day);
	shown = url_shown(arg);
	r = ics_parse(out->src.fetched.body, out->src.fetched.len, shown, &io, &out->ics);
	free(shown);
	if (r != 0 || (r = store_begin(s->db)) != 0)
		return r;
	if ((r = apply(s, t, &w, out)) != 0 || (r = store_commit(s->db)) != 0) {
		store_rollback(s->db);
		memset(&out->counts, 0, sizeof out->counts);
		return r;
	}
	out->synced = true;
	return 0;
}
