#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "bench/org.h"
#include "common/tz.h"
#include "scheduler/handoff.h"
#include "service/cover.h"
#include "service/plan.h"

#define TERM_WEEKS 26

/* The zones the time tests name: DST north and south, half-hour
 * offsets and no DST at all. */
static const char *const zones[] = {
	"Europe/Dublin", "America/Los_Angeles", "Asia/Kolkata",
	"Australia/Sydney", "America/Bogota",
};
#define N_ZONES (sizeof zones / sizeof zones[0])

static int
make_rotation(struct store *db, const struct org_shape *shape, int i)
{
	struct rotation rot = { .tier = TIER_PRIMARY, .handoff_dow = 1,
				.handoff_minute = 600, .shift_days = 7 };
	const struct tz_zone *zone = tz_lookup(zones[i % N_ZONES]);
	int64_t bounds[TERM_WEEKS + 1], person_ids[64];
	int64_t at = handoff_next(zone, 1, 600, shape->start);
	int r;

	snprintf(rot.name, sizeof rot.name, "rot%04d", i);
	snprintf(rot.tz, sizeof rot.tz, "%s", zones[i % N_ZONES]);
	if ((r = store_rotation_add(db, &rot, shape->start)) != 0)
		return r;
	for (int m = 0; m < shape->members && m < 64; m++) {
		struct person p = { .sleep_start = 22 * 60, .sleep_end = 7 * 60 };

		snprintf(p.handle, sizeof p.handle, "p%04d-%02d", i, m);
		snprintf(p.name, sizeof p.name, "Person %d of rotation %d", m, i);
		snprintf(p.email, sizeof p.email, "%s@example.com", p.handle);
		snprintf(p.tz, sizeof p.tz, "%s", rot.tz);
		if ((r = store_person_add(db, &p, shape->start)) != 0)
			return r;
		person_ids[m] = p.id;
	}
	for (int k = 0; k < shape->years * 2; k++) {
		struct term t = { .rotation_id = rot.id, .weeks = TERM_WEEKS };

		handoff_series(zone, at, 600, 7, TERM_WEEKS, bounds);
		snprintf(t.name, sizeof t.name, "rot%04d-t%02d", i, k);
		t.start = bounds[0];
		t.end = bounds[TERM_WEEKS];
		if ((r = store_term_add(db, &t, shape->start)) != 0)
			return r;
		for (int m = 0; m < shape->members && m < 64; m++)
			if ((r = store_member_join(db, t.id, person_ids[m], t.start)) != 0)
				return r;
		at = t.end;
	}
	return 0;
}

int
org_make(struct store *db, const struct org_shape *shape)
{
	int r;

	if ((r = store_begin(db)) != 0)
		return r;
	for (int i = 0; i < shape->rotations; i++)
		if ((r = make_rotation(db, shape, i)) != 0)
			break;
	if (r == 0)
		r = store_commit(db);
	if (r != 0)
		store_rollback(db);
	return r;
}

int
org_generate_all(struct store *db, int64_t now, size_t *shifts)
{
	struct rotation *rots = NULL;
	size_t n_rots = 0, written = 0;
	int r;

	if ((r = store_begin(db)) != 0 || (r = store_rotation_list(db, &rots, &n_rots)) != 0)
		return r;
	for (size_t i = 0; i < n_rots && r == 0; i++) {
		struct term *terms = NULL;
		size_t n_terms = 0;

		if ((r = store_term_list(db, rots[i].id, &terms, &n_terms)) != 0)
			break;
		for (size_t k = 0; k < n_terms && r == 0; k++) {
			struct plan_diff d;

			r = plan_generate(db, NULL, &terms[k], now, true, &d);
			if (r == EX_DATAERR)
				fprintf(stderr, "bench: term %s is infeasible: %s\n",
					terms[k].name, d.reason);
			written += d.n_changes;
			plan_diff_free(&d);
		}
		free(terms);
	}
	free(rots);
	if (shifts != NULL)
		*shifts = written;
	if (r == 0)
		r = store_commit(db);
	else
		store_rollback(db);
	return r;
}

/* Splits the weeks of rotation ROT as org_split says; I staggers them. */
static int
split_rotation(struct store *db, const struct rotation *rot, int i, int every, int64_t now,
	       size_t *weeks)
{
	struct shift_filter f = { .rotation_id = rot->id };
	struct shift *v = NULL;
	size_t n = 0;
	int r;

	if ((r = store_shift_list(db, &f, &v, &n)) != 0)
		return r;
	for (size_t k = (size_t)(i % every); n >= 4 && k < n && r == 0; k += (size_t)every) {
		const struct shift *taker = &v[k + 3 < n ? k + 3 : k - 3];

		if (taker->person_id == v[k].person_id)
			continue;
		r = cover_apply(db, rot, v[k].start + 2 * 86400, v[k].start + 4 * 86400,
				taker->person_id, ORIGIN_OVERRIDE, now);
		(*weeks)++;
	}
	free(v);
	return r;
}

int
org_split(struct store *db, int every, int64_t now, size_t *weeks)
{
	struct rotation *rots = NULL;
	size_t n_rots = 0;
	int r;

	*weeks = 0;
	if ((r = store_begin(db)) != 0)
		return r;
	r = store_rotation_list(db, &rots, &n_rots);
	for (size_t i = 0; i < n_rots && r == 0; i++)
		r = split_rotation(db, &rots[i], (int)i, every, now, weeks);
	free(rots);
	if (r == 0)
		r = store_commit(db);
	else
		store_rollback(db);
	return r;
}
