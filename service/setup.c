/* Offices, rotations and terms: see setup.h. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "common/err.h"
#include "common/timefmt.h"
#include "common/tz.h"
#include "common/xalloc.h"
#include "scheduler/handoff.h"
#include "service/setup.h"

int
office_add(const struct svc *s, struct office *o)
{
	int r;

	if ((r = svc_require_manager(s, "office add")) != 0 ||
	    (r = store_office_add(s->db, o, s->now)) != 0)
		return r;
	return svc_audit(s, "office.add", o->name, NULL, office_to_json(o));
}

int
rotation_add(const struct svc *s, struct rotation *rot)
{
	int r;

	if ((r = svc_require_manager(s, "rotation add")) != 0 ||
	    (r = store_rotation_add(s->db, rot, s->now)) != 0)
		return r;
	return svc_audit(s, "rotation.add", rot->name, NULL, rotation_to_json(rot));
}

/* Refuses a term overlapping another of the same rotation. */
static int
check_overlap(const struct svc *s, const struct term *t, const struct tz_zone *zone)
{
	struct term *v;
	size_t n;
	int r;

	if ((r = store_term_list(s->db, t->rotation_id, &v, &n)) != 0)
		return r;
	for (size_t i = 0; i < n && r == 0; i++) {
		char start[32], end[32];

		if (v[i].start >= t->end || t->start >= v[i].end)
			continue;
		time_format_local(v[i].start, zone, start, sizeof start);
		time_format_local(v[i].end, zone, end, sizeof end);
		r = rota_fail(EX_DATAERR, "term '%s' would overlap term '%s' of rotation "
			      "'%s' (%s to %s)", t->name, v[i].name, t->rotation, start, end);
	}
	free(v);
	return r;
}

int
term_add(const struct svc *s, const char *rotation, const char *start, struct term *t,
	 struct rotation *rot)
{
	const struct tz_zone *zone;
	int64_t from;
	int r;

	if ((r = svc_require_manager(s, "term add")) != 0)
		return r;
	if (t->weeks < 1 || t->weeks > TERM_WEEKS_MAX)
		return rota_fail(EX_USAGE, "a term holds 1 to %d shifts, not %d", TERM_WEEKS_MAX,
				 t->weeks);
	if ((r = svc_find_rotation(s, rotation, rot)) != 0)
		return r;
	zone = tz_lookup_or_utc(rot->tz);
	if ((r = time_parse(start, zone, &from)) == TIME_OUT_OF_RANGE)
		return rota_fail(EX_USAGE, "--start: '%s' is out of range: rota keeps "
				 "dates from " ROTA_DATE_RANGE, start);
	if (r < 0)
		return rota_fail(EX_USAGE, "--start: bad date '%s' (expected YYYY-MM-DD or "
				 "YYYY-MM-DDTHH:MM[:SS][Z|+HH:MM])", start);
	t->rotation_id = rot->id;
	snprintf(t->rotation, sizeof t->rotation, "%s", rot->name);
	term_span(rot, from, t->weeks, &t->start, &t->end);
	if (!time_in_range(t->end))
		return rota_fail(EX_USAGE, "--weeks: %d shifts from %s end after 2199-12-31, "
				 "the last day rota keeps; give fewer weeks or an earlier "
				 "--start", t->weeks, start);
	if ((r = check_overlap(s, t, zone)) != 0 ||
	    (r = store_term_add(s->db, t, s->now)) != 0)
		return r;
	return svc_audit(s, "term.add", t->name, NULL, term_to_json(t));
}

int
office_list(const struct svc *s, struct office_item **out, size_t *nout)
{
	struct office *v;
	struct person *people;
	size_t n, npeople;
	int r;

	*out = NULL;
	*nout = 0;
	if ((r = store_office_list(s->db, &v, &n)) != 0)
		return r;
	if ((r = store_person_list(s->db, &people, &npeople)) != 0) {
		free(v);
		return r;
	}
	*out = xcalloc(n ? n : 1, sizeof **out);
	for (size_t i = 0; i < n && r == 0; i++) {
		struct office_item *it = &(*out)[i];
		struct local_time lt;
		struct holiday *h;
		char from[11], to[11];

		it->office = v[i];
		for (size_t k = 0; k < npeople; k++)
			it->people += people[k].office_id == v[i].id;
		/* This year: the office's own calendar year. */
		tz_to_local(tz_lookup_or_utc(v[i].tz), s->now, &lt);
		snprintf(from, sizeof from, "%04d-01-01", lt.year);
		snprintf(to, sizeof to, "%04d-12-31", lt.year);
		if ((r = store_holiday_list(s->db, v[i].id, from, to, &h, &it->holidays_this_year)) == 0)
			free(h);
	}
	free(people);
	free(v);
	if (r != 0) {
		free(*out);
		*out = NULL;
		return r;
	}
	*nout = n;
	return 0;
}

int
term_list(const struct svc *s, const char *rotation, struct term_item **out, size_t *nout)
{
	struct rotation rot = { 0 };
	struct term *v;
	size_t n;
	int r;

	*out = NULL;
	*nout = 0;
	if (rotation != NULL && (r = svc_find_rotation(s, rotation, &rot)) != 0)
		return r;
	if ((r = store_term_list(s->db, rot.id, &v, &n)) != 0)
		return r;
	*out = xcalloc(n ? n : 1, sizeof **out);
	for (size_t i = 0; i < n && r == 0; i++) {
		struct term_item *it = &(*out)[i];
		struct membership *m;
		size_t nm;

		it->term = v[i];
		if ((r = store_rotation_get_id(s->db, v[i].rotation_id, &it->rotation)) != 0 ||
		    (r = store_member_list(s->db, v[i].id, &m, &nm)) != 0)
			break;
		for (size_t k = 0; k < nm; k++)
			it->members += m[k].left == INT64_MAX;
		free(m);
	}
	free(v);
	if (r != 0) {
		free(*out);
		*out = NULL;
		return r;
	}
	*nout = n;
	return 0;
}

int
term_show(const struct svc *s, const char *name, struct term *t, struct rotation *rot,
	  struct membership **m, size_t *n)
{
	int r;

	*m = NULL;
	*n = 0;
	if ((r = svc_find_term(s, name, t)) != 0 ||
	    (r = store_rotation_get_id(s->db, t->rotation_id, rot)) != 0)
		return r;
	return store_member_list(s->db, t->id, m, n);
}

void
term_span(const struct rotation *rot, int64_t from, int weeks, int64_t *start, int64_t *end)
{
	const struct tz_zone *zone = tz_lookup_or_utc(rot->tz);
	int64_t *v = xcalloc((size_t)weeks + 1, sizeof *v);

	*start = handoff_next(zone, rot->handoff_dow, rot->handoff_minute, from);
	handoff_series(zone, *start, rot->handoff_minute, rot->shift_days, weeks, v);
	*end = v[weeks];
	free(v);
}

void
handoff_format(int dow, int minute, char *buf, size_t len)
{
	snprintf(buf, len, "%s %02d:%02d", weekday_name(dow), minute / 60, minute % 60);
}

json_t *
rotation_to_json(const struct rotation *r)
{
	char handoff[16];

	handoff_format(r->handoff_dow, r->handoff_minute, handoff, sizeof handoff);
	return json_pack("{s:s, s:s, s:s, s:s, s:i}", "name", r->name, "tier",
			 tier_name(r->tier), "tz", r->tz, "handoff", handoff,
			 "shift_days", r->shift_days);
}

json_t *
term_to_json(const struct term *t)
{
	char start[32], end[32];

	time_format_utc(t->start, start, sizeof start);
	time_format_utc(t->end, end, sizeof end);
	return json_pack("{s:s, s:s, s:s, s:s, s:i}", "name", t->name, "rotation",
			 t->rotation, "start", start, "end", end, "weeks", t->weeks);
}

json_t *
office_to_json(const struct office *o)
{
	return json_pack("{s:s, s:s, s:s}", "name", o->name, "tz", o->tz, "hours", o->hours);
}

