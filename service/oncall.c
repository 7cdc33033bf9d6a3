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

int
oncall_offices_load(struct store *db, const struct rotation *rot, int64_t from, int64_t to,
		    struct oncall_offices *out)
{
	int r;

	memset(out, 0, sizeof *out);
	if (!rot->out_of_hours)
		return 0;
	if ((r = store_rotation_offices(db, rot->id, from, to, &out->chosen, &out->offices,
					&out->n)) != 0)
		return r;
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
		oncall_windows(o.cal, o.n, from, to, v, n);
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
