/* Leave: see leave.h. */
#include "config.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/err.h"
#include "common/text.h"
#include "common/timefmt.h"
#include "common/xalloc.h"
#include "service/leave.h"
#include "service/plan.h"
#include "service/team.h"
#include "store/import.h"

/* Whether T is a midnight in ZONE (the first instant of its day there). */
static bool
is_midnight(int64_t t, const struct tz_zone *zone)
{
	struct local_time lt;

	tz_to_local(zone, t, &lt);
	return t == tz_from_local(zone, lt.year, lt.month, lt.day, 0, 0, 0);
}

bool
leave_whole_days(const struct leave *l, const struct tz_zone *zone, int64_t *last)
{
	struct local_time lt;

	if (l->end <= l->start || !is_midnight(l->start, zone) || !is_midnight(l->end, zone))
		return false;
	if (last != NULL) {
		tz_to_local(zone, l->end - 1, &lt);
		*last = tz_from_local(zone, lt.year, lt.month, lt.day, 0, 0, 0);
	}
	return true;
}

const char *
leave_span_text(const struct leave *l, const struct tz_zone *zone, char *buf, size_t len)
{
	char a[32], b[32];
	int64_t last;

	if (leave_whole_days(l, zone, &last)) {
		day_format_local(l->start, zone, a, sizeof a);
		day_format_local(last, zone, b, sizeof b);
		if (last == l->start) {
			snprintf(buf, len, "%s", a);
			return buf;
		}
	} else {
		time_format_local(l->start, zone, a, sizeof a);
		time_format_local(l->end, zone, b, sizeof b);
	}
	snprintf(buf, len, "from %s to %s", a, b);
	return buf;
}

json_t *
leave_to_json(const struct leave *l, const struct tz_zone *zone)
{
	char start[32], end[32], first_day[16], last_day[16];
	int64_t last;
	bool days = leave_whole_days(l, zone, &last);

	time_format_utc(l->start, start, sizeof start);
	time_format_utc(l->end, end, sizeof end);
	if (days) {
		date_format_local(l->start, zone, first_day, sizeof first_day);
		date_format_local(last, zone, last_day, sizeof last_day);
	}
	return json_pack("{s:I, s:s, s:s?, s:s?, s:s, s:s, s:s}", "id", (json_int_t)l->id,
			 "person", l->handle, "first_day", days ? first_day : NULL,
			 "last_day", days ? last_day : NULL, "start", start, "end", end,
			 "reason", l->reason);
}

/* A time of leave, WHAT naming it in messages: "YYYY-MM-DD" is midnight
 * starting that day in ZONE, or with END the midnight ending it; a full
 * ISO 8601 time is taken as it is (wall clock in ZONE unless it has Z or
 * an offset). */
static int
leave_time(const char *what, const char *s, const struct tz_zone *zone, bool end,
	   int64_t *out)
{
	int y, m, d;

	if (date_parse(s, &y, &m, &d) == 0) {
		if (end)
			civil_add_days(&y, &m, &d, 1);
		*out = tz_from_local(zone, y, m, d, 0, 0, 0);
		return 0;
	}
	if (time_parse(s, zone, out) < 0)
		return rota_fail(EX_USAGE, "%s: bad date '%s' (expected YYYY-MM-DD or "
				 "YYYY-MM-DDTHH:MM[:SS][Z|+HH:MM])", what, s);
	return 0;
}

/* Refuses leave overlapping another leave of the same person. */
static int
check_overlap(const struct svc *s, const struct leave *l, const struct tz_zone *zone)
{
	struct leave *v;
	size_t n;
	int r;

	if ((r = store_leave_list(s->db, l->person_id, l->start, l->end, &v, &n)) != 0)
		return r;
	if (n > 0) {
		char span[LEAVE_SPAN_MAX];

		r = rota_fail(EX_DATAERR, "this leave overlaps leave %lld of %s (%s%s%s); "
			      "remove that first (rota leave remove %lld)", (long long)v[0].id,
			      l->handle, leave_span_text(&v[0], zone, span, sizeof span),
			      v[0].reason[0] ? ", " : "", v[0].reason, (long long)v[0].id);
	}
	free(v);
	return r;
}

int
leave_add(const struct svc *s, const char *handle, const char *from, const char *to,
	  const char *reason, struct leave *l, struct person *p)
{
	const struct tz_zone *zone;
	char object[32];
	int r;

	memset(l, 0, sizeof *l);
	/* Read once in UTC first, so that a mistyped date is refused before
	 * any question of who. */
	if ((r = leave_time("FROM", from, tz_utc(), false, &l->start)) != 0 ||
	    (r = leave_time("TO", to, tz_utc(), true, &l->end)) != 0)
		return r;
	if (strlen(reason) >= sizeof l->reason)
		return rota_fail(EX_USAGE, "the reason is longer than %zu bytes",
				 sizeof l->reason - 1);
	if ((r = svc_subject_person(s, "leave add", handle, p)) != 0)
		return r;
	zone = tz_lookup_or_utc(p->tz);
	if ((r = leave_time("FROM", from, zone, false, &l->start)) != 0 ||
	    (r = leave_time("TO", to, zone, true, &l->end)) != 0)
		return r;
	if (l->end < l->start)
		return rota_fail(EX_USAGE, "TO (%s) is before FROM (%s)", to, from);
	if (l->end == l->start)
		return rota_fail(EX_USAGE, "leave from %s to %s is empty", from, to);
	l->person_id = p->id;
	snprintf(l->handle, sizeof l->handle, "%s", p->handle);
	snprintf(l->reason, sizeof l->reason, "%s", reason);
	if ((r = check_overlap(s, l, zone)) != 0 ||
	    (r = store_leave_add(s->db, l, s->now)) != 0)
		return r;
	snprintf(object, sizeof object, "leave %lld", (long long)l->id);
	return svc_audit(s, "leave.add", object, NULL, leave_to_json(l, zone));
}

int
leave_remove(const struct svc *s, int64_t id, struct leave *l, struct person *p)
{
	const struct actor *a = s->actor;
	char object[32];
	int r = store_leave_get(s->db, id, l);

	if (r == STORE_NOT_FOUND)
		return rota_fail(EX_DATAERR, "no leave %lld (see rota leave list)", (long long)id);
	if (r != 0)
		return r;
	if (!(a->known && a->person.id == l->person_id) && !a->privileged)
		return rota_fail(EX_NOPERM, "leave remove: leave %lld is %s's: only they or a "
				 "manager may remove it (you are %s)", (long long)id, l->handle,
				 a->label);
	if ((r = store_person_get_id(s->db, l->person_id, p)) != 0 ||
	    (r = store_leave_remove(s->db, id)) != 0)
		return r == STORE_NOT_FOUND ? EX_SOFTWARE : r;
	snprintf(object, sizeof object, "leave %lld", (long long)id);
	return svc_audit(s, "leave.remove", object,
			 leave_to_json(l, tz_lookup_or_utc(p->tz)), NULL);
}

int
leave_list_query(const struct svc *s, const char *handle, const char *from, const char *to,
		 struct leave_query *q)
{
	const struct tz_zone *zone = tz_utc();
	int r;

	memset(q, 0, sizeof *q);
	q->start = s->now;
	q->end = INT64_MAX;
	if (handle != NULL || !s->actor->privileged) {
		if ((r = svc_subject_person(s, "leave list", handle, &q->person)) != 0)
			return r;
		zone = tz_lookup_or_utc(q->person.tz);
	} else if (s->actor->known) {
		zone = tz_lookup_or_utc(s->actor->person.tz);
	}
	if (from != NULL && (r = leave_time("--from", from, zone, false, &q->start)) != 0)
		return r;
	if (to != NULL && (r = leave_time("--to", to, zone, true, &q->end)) != 0)
		return r;
	if (q->end <= q->start && from == NULL)
		return rota_fail(EX_USAGE, "--to %s is in the past: give --from too", to);
	if (q->end <= q->start)
		return rota_fail(EX_USAGE, "--to %s is before --from %s", to, from);
	return 0;
}

int
leave_list_each(const struct svc *s, const struct leave_query *q, store_row_fn *fn,
		void *arg)
{
	return store_leave_each(s->db, q->person.id, q->start, q->end, fn, arg);
}

/* Keeps each leave_item in the array of a leave_list. */
struct leave_kept {
	struct leave_item *v;
	size_t n;
};

static int
keep_leave(void *row, void *arg)
{
	struct leave_kept *k = arg;

	k->v = xpush(k->v, &k->n, sizeof *k->v);
	k->v[k->n - 1] = *(const struct leave_item *)row;
	return 0;
}

int
leave_list(const struct svc *s, const char *handle, const char *from, const char *to,
	   struct person *p, struct leave_item **v, size_t *n)
{
	struct leave_kept k = { NULL, 0 };
	struct leave_query q;
	int r;

	*v = NULL;
	*n = 0;
	r = leave_list_query(s, handle, from, to, &q);
	*p = q.person;
	if (r == 0 && (r = leave_list_each(s, &q, keep_leave, &k)) != 0) {
		free(k.v);
		return r;
	}
	*v = k.v;
	*n = k.n;
	return r;
}

/* Leave rows of the calendar: one per occurrence, its summary the reason. */
static struct imported_row *
leave_rows(const struct ics_result *res, const struct tz_zone *zone, int64_t from,
	   int64_t to, size_t *n)
{
	struct imported_row *v = xcalloc(res->n ? res->n : 1, sizeof *v);

	(void)zone, (void)from, (void)to;       /* read by ics_parse already */
	for (size_t k = 0; k < res->n; k++) {
		text_copy(v[k].uid, sizeof v[k].uid, res->v[k].uid);
		text_copy(v[k].recurrence_id, sizeof v[k].recurrence_id,
			       res->v[k].recurrence_id);
		v[k].start = res->v[k].start;
		v[k].end = res->v[k].end;
		text_copy(v[k].text, sizeof v[k].text, res->v[k].summary);
	}
	*n = res->n;
	return v;
}

/* The person's shifts from now on that the calendar's events overlap,
 * with plan_kept_why's answer for each. */
static int
conflicts(const struct svc *s, struct leave_import *out)
{
	struct shift_filter f = { .person_id = out->person.id, .from = s->now };
	const struct ics_result *res = &out->sync.ics;
	struct shift *v;
	size_t n;
	int r;

	if ((r = store_shift_list(s->db, &f, &v, &n)) != 0)
		return r;
	out->conflicts = xcalloc(n ? n : 1, sizeof *out->conflicts);
	for (size_t i = 0; r == 0 && i < n; i++) {
		struct plan_settings set;
		size_t k;

		for (k = 0; k < res->n; k++)
			if (res->v[k].end > v[i].start && res->v[k].start < v[i].end)
				break;
		if (k == res->n || (r = plan_settings_get(s->cfg, v[i].rotation, &set)) != 0)
			continue;
		out->conflicts[out->n_conflicts].shift = v[i];
		out->conflicts[out->n_conflicts++].kept = plan_kept_why(&v[i], &set, s->now);
	}
	free(v);
	return r;
}

int
leave_import(const struct svc *s, const char *arg, const char *handle,
	     struct leave_import *out)
{
	struct sync_target t = {
		.action = "leave.import",
		.kind = "leave",
		.skip_transparent = true,
		.stored = store_leave_imported,
		.rows_of = leave_rows,
		.add = store_leave_import_add,
		.update = store_leave_import_update,
		.remove = store_leave_remove,
	};
	int r;

	memset(out, 0, sizeof *out);
	if ((r = svc_subject_person(s, "leave import", handle, &out->person)) != 0)
		return r;
	t.object = out->person.handle;
	t.owner = out->person.id;
	t.zone = tz_lookup_or_utc(out->person.tz);
	if ((r = calendar_sync(s, arg, &t, &out->sync)) != 0 || out->sync.src.fetched.not_modified)
		return r;
	return conflicts(s, out);
}

void
leave_import_free(struct leave_import *r)
{
	sync_result_free(&r->sync);
	free(r->conflicts);
	memset(r, 0, sizeof *r);
}
