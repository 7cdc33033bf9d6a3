/* When a rotation is on call: see oncall.h. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/err.h"
#include "common/timefmt.h"
#include "common/xalloc.h"
#include "service/oncall.h"

#define DAY 86400

const char *
oncall_covers_name(const struct rotation *rot)
{
	return rot->out_of_hours ? "out-of-hours" : "always";
}

void
oncall_offices_free(struct oncall_offices *o)
{
	for (size_t i = 0; o->cal != NULL && i < o->n; i++)
		work_calendar_free(&o->cal[i]);
	free(o->cal);
	free(o->offices);
	free(o->periods);
	memset(o, 0, sizeof *o);
}

/* The working weeks of the N offices O, with their holidays in the days
 * around [FROM, TO), into *CAL (N entries). */
static int
calendars_build(struct store *db, const struct office *o, size_t n, int64_t from,
		int64_t to, struct work_calendar **cal)
{
	struct holiday *h = NULL;
	size_t nh = 0;
	char from_day[16], to_day[16];
	int r = 0;

	*cal = xcalloc(n ? n : 1, sizeof **cal);
	if (n == 0)
		return 0;
	/* UTC dates a day either side cover every office's local dates. */
	date_format_local(from - DAY, tz_utc(), from_day, sizeof from_day);
	date_format_local(to + DAY, tz_utc(), to_day, sizeof to_day);
	if ((r = store_holiday_list(db, 0, from_day, to_day, &h, &nh)) != 0)
		return r;
	for (size_t i = 0; i < n && r == 0; i++)
		if (work_calendar_init(&(*cal)[i], o[i].tz, o[i].hours, o[i].id, h, nh) < 0)
			r = rota_fail(EX_DATAERR, "office '%s': unreadable zone '%s' or hours "
				      "'%s'", o[i].name, o[i].tz, o[i].hours);
	free(h);
	return r;
}

/* The index in O of office OFFICE_ID, read and appended when not there. */
static int
office_index(struct store *db, struct oncall_offices *o, int64_t office_id, size_t *out)
{
	int r;

	for (*out = 0; *out < o->n; (*out)++)
		if (o->offices[*out].id == office_id)
			return 0;
	o->offices = xpush(o->offices, &o->n, sizeof *o->offices);
	if ((r = store_office_get_id(db, office_id, &o->offices[o->n - 1])) != 0)
		o->n--;
	return r;
}

/* Into O, the offices of PERSON_ID's history (store_person_history) in
 * [FROM, TO) (the part of the range asked for when they were a member),
 * each counted for the time it was theirs. */
static int
member_periods(struct store *db, int64_t person_id, int64_t from, int64_t to,
	       struct oncall_offices *o)
{
	struct person_attrs *h;
	size_t nh;
	int r = store_person_history(db, person_id, &h, &nh);

	if (r == STORE_NOT_FOUND)
		return 0;               /* no such person: no office */
	for (size_t k = 0; k < nh && r == 0; k++) {
		int64_t a = h[k].from > from ? h[k].from : from;
		int64_t b = k + 1 < nh && h[k + 1].from < to ? h[k + 1].from : to;
		size_t i;

		if (h[k].office_id == 0 || a >= b ||
		    (r = office_index(db, o, h[k].office_id, &i)) != 0)
			continue;
		o->periods = xpush(o->periods, &o->n_periods, sizeof *o->periods);
		o->periods[o->n_periods - 1] = (struct office_period){ i, a, b };
	}
	free(h);
	return r;
}

static int
by_name(const void *a, const void *b)
{
	return strcmp(((const struct office *)a)->name, ((const struct office *)b)->name);
}

/* The offices of ROT's members in [FROM, TO) (store_rotation_members),
 * by name, each counted while a member had it and was a member. */
static int
members_offices(struct store *db, const struct rotation *rot, int64_t from, int64_t to,
		struct oncall_offices *o)
{
	struct membership *m;
	struct office *read;
	size_t n, *where;
	int r;

	if ((r = store_rotation_members(db, rot->id, from, to, &m, &n)) != 0)
		return r;
	for (size_t i = 0; i < n && r == 0; i++)
		r = member_periods(db, m[i].person_id, m[i].joined > from ? m[i].joined : from,
				   m[i].left < to ? m[i].left : to, o);
	free(m);
	if (r != 0 || o->n < 2)
		return r;
	/* By name, as the chosen ones are; the periods follow their office. */
	read = xreallocarray(NULL, o->n, sizeof *read);
	memcpy(read, o->offices, o->n * sizeof *read);
	qsort(o->offices, o->n, sizeof *o->offices, by_name);
	where = xcalloc(o->n, sizeof *where);
	for (size_t i = 0; i < o->n; i++)
		for (size_t j = 0; j < o->n; j++)
			if (o->offices[j].id == read[i].id)
				where[i] = j;
	for (size_t k = 0; k < o->n_periods; k++)
		o->periods[k].office = where[o->periods[k].office];
	free(where);
	free(read);
	return 0;
}

int
oncall_offices_load(struct store *db, const struct rotation *rot, int64_t from, int64_t to,
		    struct oncall_offices *out)
{
	int r;

	memset(out, 0, sizeof *out);
	if (!rot->out_of_hours)
		return 0;
	if ((r = store_rotation_chosen_offices(db, rot->id, &out->offices, &out->n)) != 0)
		return r;
	out->chosen = out->n > 0;
	if (out->chosen) {
		out->periods = xcalloc(out->n, sizeof *out->periods);
		for (size_t i = 0; i < out->n; i++)
			out->periods[i] = (struct office_period){ i, from, to };
		out->n_periods = out->n;
	} else {
		free(out->offices);
		out->offices = NULL;
		if ((r = members_offices(db, rot, from, to, out)) != 0)
			return r;
	}
	return calendars_build(db, out->offices, out->n, from, to, &out->cal);
}

int
oncall_rotation_windows(struct store *db, const struct rotation *rot, int64_t from,
			int64_t to, struct time_span **v, size_t *n)
{
	struct oncall_offices o;
	int r;

	*v = NULL;
	*n = 0;
	if (to <= from)
		return 0;
	if (!rot->out_of_hours) {
		*v = xcalloc(1, sizeof **v);
		(*v)[0] = (struct time_span){ from, to };
		*n = 1;
		return 0;
	}
	if ((r = oncall_offices_load(db, rot, from, to, &o)) == 0)
		oncall_windows_over(o.cal, o.n, o.periods, o.n_periods, from, to, v, n);
	oncall_offices_free(&o);
	return r;
}

/* The ids of the offices named in the comma-separated LIST, into *IDS
 * (*N) and *O (their rows). EX_DATAERR for an unknown one. */
static int
offices_named(const struct svc *s, const char *list, int64_t **ids, struct office **o,
	      size_t *n)
{
	char *copy = xstrdup(list), *save = NULL;
	int r = 0;

	*ids = NULL;
	*o = NULL;
	*n = 0;
	for (char *name = strtok_r(copy, ",", &save); name != NULL && r == 0;
	     name = strtok_r(NULL, ",", &save)) {
		struct office found;

		while (*name == ' ')
			name++;
		if (*name == '\0')
			continue;
		if ((r = svc_find_office(s, name, &found)) != 0)
			break;
		*o = xreallocarray(*o, *n + 1, sizeof **o);
		*ids = xreallocarray(*ids, *n + 1, sizeof **ids);
		(*o)[*n] = found;
		(*ids)[(*n)++] = found.id;
	}
	free(copy);
	return r;
}

/* EX_DATAERR when the N offices O leave no out-of-hours time in a
 * fortnight from now: open together around the clock. */
static int
require_a_window(const struct svc *s, const struct rotation *rot, const struct office *o,
		 size_t n)
{
	struct work_calendar *cal;
	struct time_span *v = NULL;
	size_t nv = 0;
	int r;

	if (n == 0)
		return 0;
	if ((r = calendars_build(s->db, o, n, s->now, s->now + 14 * DAY, &cal)) == 0)
		oncall_windows(cal, n, s->now, s->now + 14 * DAY, &v, &nv);
	for (size_t i = 0; i < n; i++)
		work_calendar_free(&cal[i]);
	free(cal);
	free(v);
	if (r == 0 && nv == 0)
		r = rota_fail(EX_DATAERR, "rotation '%s': its offices are open around the clock "
			      "together, so it would never be on call out of hours (choose "
			      "other offices, or --covers always)", rot->name);
	return r;
}

static json_t *
cover_to_json(const struct rotation *rot, const struct office *o, size_t n)
{
	json_t *j = json_pack("{s:s, s:[]}", "covers", oncall_covers_name(rot), "offices");

	for (size_t i = 0; i < n; i++)
		json_array_append_new(json_object_get(j, "offices"), json_string(o[i].name));
	return j;
}

int
oncall_rotation_set(const struct svc *s, struct rotation *rot, const char *covers,
		    const char *offices, const char *what)
{
	struct rotation after = *rot;
	struct oncall_offices before;
	json_t *was;
	struct office *o = NULL;
	int64_t *ids = NULL;
	size_t n = 0;
	int r;

	if ((r = svc_require_manager(s, what)) != 0)
		return r;
	if (covers != NULL && strcmp(covers, "always") != 0 &&
	    strcmp(covers, "out-of-hours") != 0)
		return rota_fail(EX_USAGE, "--covers: '%s' is not always or out-of-hours", covers);
	if (covers != NULL)
		after.out_of_hours = strcmp(covers, "out-of-hours") == 0;
	if (offices != NULL && !after.out_of_hours)
		return rota_fail(EX_USAGE, "--offices: rotation '%s' covers every hour: offices "
				 "are for --covers out-of-hours", rot->name);
	if (!after.out_of_hours)
		offices = "";            /* covering every hour forgets its offices */
	if ((r = oncall_offices_load(s->db, rot, s->now, s->now + 1, &before)) != 0) {
		oncall_offices_free(&before);
		return r;
	}
	was = cover_to_json(rot, before.offices, before.chosen ? before.n : 0);
	if (offices == NULL && before.chosen) {     /* keep the offices chosen */
		o = before.offices;
		n = before.n;
		before.offices = NULL;
		ids = xcalloc(n ? n : 1, sizeof *ids);
		for (size_t i = 0; i < n; i++)
			ids[i] = o[i].id;
	} else if (offices != NULL) {
		r = offices_named(s, offices, &ids, &o, &n);
	}
	if (r == 0 && after.out_of_hours)
		r = require_a_window(s, &after, o, n);
	if (r == 0)
		r = store_rotation_set_cover(s->db, rot->id, after.out_of_hours, ids, n);
	if (r == 0) {
		r = svc_audit(s, "rotation.cover", rot->name, was, cover_to_json(&after, o, n));
		was = NULL;
	}
	if (r == 0)
		*rot = after;
	json_decref(was);
	oncall_offices_free(&before);
	free(o);
	free(ids);
	return r;
}
