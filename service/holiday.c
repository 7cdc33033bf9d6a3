/* Public holidays: see holiday.h. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/err.h"
#include "common/text.h"
#include "common/timefmt.h"
#include "common/xalloc.h"
#include "service/holiday.h"
#include "store/import.h"

json_t *
holiday_to_json(const struct holiday *h)
{
	return json_pack("{s:I, s:s, s:s, s:s}", "id", (json_int_t)h->id, "office",
			 h->office, "day", h->day, "name", h->name);
}

int
holiday_add(const struct svc *s, const char *office, const char *day, const char *name,
	    struct holiday *h)
{
	struct holiday *same;
	struct office o;
	size_t nsame;
	int r, y, m, d;

	memset(h, 0, sizeof *h);
	if (name == NULL)
		name = HOLIDAY_NAME_DEFAULT;
	if ((r = svc_require_manager(s, "holiday add")) != 0)
		return r;
	if (date_parse(day, &y, &m, &d) < 0)
		return rota_fail(EX_USAGE, "DATE: bad date '%s' (expected YYYY-MM-DD)", day);
	if (strlen(name) >= sizeof h->name)
		return rota_fail(EX_USAGE, "the name is longer than %zu bytes", sizeof h->name - 1);
	snprintf(h->day, sizeof h->day, "%04d-%02d-%02d", y, m, d);
	snprintf(h->name, sizeof h->name, "%s", name);
	if ((r = svc_find_office(s, office, &o)) != 0)
		return r;
	h->office_id = o.id;
	snprintf(h->office, sizeof h->office, "%s", o.name);
	if ((r = store_holiday_list(s->db, o.id, h->day, h->day, &same, &nsame)) != 0)
		return r;
	if (nsame > 0)
		r = rota_fail(EX_DATAERR, "office '%s' already has a holiday on %s: %s "
			      "(holiday %lld)", o.name, h->day, same[0].name, (long long)same[0].id);
	free(same);
	if (r != 0 || (r = store_holiday_add(s->db, h, "manual", NULL, NULL)) != 0)
		return r;
	return svc_audit(s, "holiday.add", h->day, NULL, holiday_to_json(h));
}

int
holiday_remove(const struct svc *s, int64_t id, struct holiday *h)
{
	int r;

	if ((r = svc_require_manager(s, "holiday remove")) != 0)
		return r;
	r = store_holiday_get(s->db, id, h);
	if (r == STORE_NOT_FOUND)
		return rota_fail(EX_DATAERR, "no holiday %lld (see rota holiday list)", (long long)id);
	if (r != 0 || (r = store_holiday_remove(s->db, id)) != 0)
		return r == STORE_NOT_FOUND ? EX_SOFTWARE : r;
	return svc_audit(s, "holiday.remove", h->day, holiday_to_json(h), NULL);
}

int
holiday_list_query(const struct svc *s, const char *office, int year,
		   struct holiday_query *q)
{
	struct office *o = &q->office;
	int r;

	memset(q, 0, sizeof *q);
	if (office != NULL && (r = svc_find_office(s, office, o)) != 0)
		return r;
	if (year == 0) {
		struct local_time lt;

		tz_to_local(tz_lookup_or_utc(o->id ? o->tz : "UTC"), s->now, &lt);
		q->from_year = lt.year;
	} else {
		q->from_year = year;
	}
	snprintf(q->from, sizeof q->from, "%04d-01-01", q->from_year);
	if (year != 0)
		snprintf(q->to, sizeof q->to, "%04d-12-31", q->from_year);
	return 0;
}

int
holiday_list_each(const struct svc *s, const struct holiday_query *q, store_row_fn *fn,
		  void *arg)
{
	return store_holiday_each(s->db, q->office.id, q->from, q->to[0] ? q->to : NULL, fn,
				  arg);
}

/* Holiday rows of the calendar: every date in ZONE whose day overlaps an
 * occurrence inside [FROM, TO) (a timed event marks each day it touches). */
static struct imported_row *
holiday_rows(const struct ics_result *res, const struct tz_zone *zone, int64_t from,
	     int64_t to, size_t *n)
{
	struct imported_row *v = NULL;
	size_t cap = 0;

	*n = 0;
	for (size_t k = 0; k < res->n; k++) {
		const struct ics_occurrence *o = &res->v[k];
		int64_t end = o->end < to ? o->end : to;
		struct local_time lt;
		int y, m, d;

		tz_to_local(zone, o->start > from ? o->start : from, &lt);
		y = lt.year, m = lt.month, d = lt.day;
		while (tz_from_local(zone, y, m, d, 0, 0, 0) < end) {
			struct imported_row *r;

			if (*n == cap) {
				cap = cap ? cap * 2 : 64;
				v = xreallocarray(v, cap, sizeof *v);
			}
			r = &v[(*n)++];
			memset(r, 0, sizeof *r);
			text_copy(r->uid, sizeof r->uid, o->uid);
			text_copy(r->recurrence_id, sizeof r->recurrence_id, o->recurrence_id);
			snprintf(r->day, sizeof r->day, "%04d-%02d-%02d", y, m, d);
			text_copy(r->text, NAME_MAX_,
				       o->summary[0] ? o->summary : HOLIDAY_NAME_DEFAULT);
			civil_add_days(&y, &m, &d, 1);
		}
	}
	return v;
}

static int
holiday_import_add(struct store *db, int64_t owner, const char *source,
		   struct imported_row *row, int64_t now)
{
	(void)now;
	return store_holiday_import_add(db, owner, source, row);
}

int
holiday_import(const struct svc *s, const char *office, const char *arg,
	       struct holiday_import *out)
{
	struct sync_target t = {
		.action = "holiday.import",
		.kind = "holiday",
		.stored = store_holiday_imported,
		.rows_of = holiday_rows,
		.add = holiday_import_add,
		.update = store_holiday_import_update,
		.remove = store_holiday_remove,
	};
	int r;

	memset(out, 0, sizeof *out);
	if ((r = svc_require_manager(s, "holiday import")) != 0 ||
	    (r = svc_find_office(s, office, &out->office)) != 0)
		return r;
	t.object = out->office.name;
	t.owner = out->office.id;
	t.zone = tz_lookup_or_utc(out->office.tz);
	return calendar_sync(s, arg, &t, &out->sync);
}

void
holiday_import_free(struct holiday_import *r)
{
	sync_result_free(&r->sync);
	memset(r, 0, sizeof *r);
}
