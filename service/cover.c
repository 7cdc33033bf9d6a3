/* Who covers a rotation over a time range: see cover.h. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/tz.h"
#include "common/xalloc.h"
#include "scheduler/handoff.h"
#include "service/cover.h"

int64_t
cover_earliest(int64_t now)
{
	int64_t r = now % 60;

	return r == 0 ? now : now + (r > 0 ? 60 - r : -r);
}

void
cover_term_weeks(const struct rotation *rot, const struct term *t, int64_t **bound,
		 size_t *ns)
{
	*ns = t->weeks > 0 ? (size_t)t->weeks : 0;
	*bound = xcalloc(*ns + 1, sizeof **bound);
	handoff_series(tz_lookup_or_utc(rot->tz), t->start, rot->handoff_minute,
		       rot->shift_days > 0 ? rot->shift_days : 7, (int)*ns, *bound);
}

static int64_t
max64(int64_t a, int64_t b)
{
	return a > b ? a : b;
}

static int64_t
min64(int64_t a, int64_t b)
{
	return a < b ? a : b;
}

/* Appends a span to *V. */
static struct cover_span *
span_push(struct cover_span **v, size_t *n, int64_t start, int64_t end)
{
	struct cover_span *sp;

	*v = xpush(*v, n, sizeof **v);
	sp = &(*v)[*n - 1];
	memset(sp, 0, sizeof *sp);
	sp->start = start;
	sp->end = end;
	sp->slot = -1;
	return sp;
}

/* The spans of week I of term T over [LO, HI) (within the week). */
static int
week_spans(struct store *db, const struct term *t, int i, int64_t week_start,
	   int64_t week_end, int64_t lo, int64_t hi, struct cover_span **v, size_t *n)
{
	struct shift *parts;
	size_t np;
	int64_t u = lo;
	int r;

	if ((r = store_slot_shifts(db, t->id, i, &parts, &np)) != 0)
		return r;
	for (size_t k = 0; k <= np; k++) {
		const struct shift *p = k < np ? &parts[k] : NULL;
		int64_t next = p != NULL ? max64(p->start, u) : hi;
		struct cover_span *sp;

		if (p != NULL && (p->cancelled || p->end <= u || p->start >= hi))
			continue;
		next = min64(next, hi);
		if (next > u) {                 /* nobody covers [u, next) */
			sp = span_push(v, n, u, next);
			sp->term_id = t->id;
			snprintf(sp->term, sizeof sp->term, "%s", t->name);
			sp->slot = i;
			sp->slot_start = week_start;
			sp->slot_end = week_end;
			u = next;
		}
		if (p == NULL)
			break;
		sp = span_push(v, n, u, min64(p->end, hi));
		sp->term_id = t->id;
		snprintf(sp->term, sizeof sp->term, "%s", t->name);
		sp->slot = i;
		sp->slot_start = week_start;
		sp->slot_end = week_end;
		sp->shift_id = p->id;
		sp->person_id = p->person_id;
		snprintf(sp->handle, sizeof sp->handle, "%s", p->handle);
		sp->origin = p->origin;
		u = sp->end;
	}
	free(parts);
	return 0;
}

/* Calls FN for each week of ROT's terms that [FROM, TO) touches, and
 * appends a span for time outside every term to *V (when V is set). */
typedef int week_fn(struct store *db, const struct term *t, int i, int64_t week_start,
		    int64_t week_end, int64_t lo, int64_t hi, void *arg);

static int
each_week(struct store *db, const struct rotation *rot, int64_t from, int64_t to,
	  week_fn *fn, void *arg, struct cover_span **v, size_t *n)
{
	struct term *terms;
	size_t nt;
	int64_t t = from;
	int r;

	if ((r = store_term_list(db, rot->id, &terms, &nt)) != 0)
		return r;
	for (size_t k = 0; k < nt && r == 0 && t < to; k++) {
		const struct term *tm = &terms[k];
		int64_t *bound;
		size_t ns;

		if (tm->end <= t || tm->start >= to)
			continue;
		if (tm->start > t && v != NULL)
			span_push(v, n, t, tm->start);
		t = max64(t, tm->start);
		cover_term_weeks(rot, tm, &bound, &ns);
		for (size_t i = 0; i < ns && r == 0 && t < to; i++) {
			int64_t hi = min64(to, bound[i + 1]);

			if (bound[i + 1] <= t)
				continue;
			r = fn(db, tm, (int)i, bound[i], bound[i + 1], t, hi, arg);
			t = hi;
		}
		free(bound);
	}
	if (r == 0 && t < to && v != NULL)
		span_push(v, n, t, to);
	free(terms);
	return r;
}

struct span_list {
	struct cover_span **v;
	size_t *n;
};

static int
collect_week(struct store *db, const struct term *t, int i, int64_t week_start,
	     int64_t week_end, int64_t lo, int64_t hi, void *arg)
{
	struct span_list *l = arg;

	return week_spans(db, t, i, week_start, week_end, lo, hi, l->v, l->n);
}

int
cover_spans(struct store *db, const struct rotation *rot, int64_t from, int64_t to,
	    struct cover_span **v, size_t *n)
{
	struct span_list l = { v, n };
	int r;

	*v = NULL;
	*n = 0;
	r = each_week(db, rot, from, to, collect_week, &l, v, n);
	if (r != 0) {
		free(*v);
		*v = NULL;
		*n = 0;
	}
	return r;
}

/* A part of a week as it will be. */
struct piece {
	int64_t start, end, person_id;
	enum origin origin;
	bool given;                     /* the range being given */
};

static int
by_start(const void *a, const void *b)
{
	const struct piece *x = a, *y = b;

	return (x->start > y->start) - (x->start < y->start);
}

struct change {
	const struct rotation *rot;
	int64_t person_id;
	enum origin origin;
	int64_t now;
};

/* The parts week I of term T will have once [LO, HI) is given: the
 * active parts outside it, the pieces of those it cuts, and the range
 * itself; sorted, adjacent pieces of one holder merged. */
static struct piece *
week_plan(const struct shift *parts, size_t np, int64_t lo, int64_t hi,
	  const struct change *c, size_t *out_n)
{
	struct piece *v = xcalloc(np * 2 + 1, sizeof *v);
	size_t n = 0, m = 0;

	for (size_t k = 0; k < np; k++) {
		const struct shift *p = &parts[k];

		if (p->cancelled)
			continue;
		if (p->start < lo)
			v[n++] = (struct piece){ p->start, min64(p->end, lo), p->person_id,
						 p->origin, false };
		if (p->end > hi)
			v[n++] = (struct piece){ max64(p->start, hi), p->end, p->person_id,
						 p->origin, false };
	}
	v[n++] = (struct piece){ lo, hi, c->person_id, c->origin, true };
	qsort(v, n, sizeof *v, by_start);
	for (size_t k = 0; k < n; k++) {
		if (m > 0 && v[m - 1].end == v[k].start && v[m - 1].person_id == v[k].person_id) {
			v[m - 1].end = v[k].end;
			if (v[k].given) {
				v[m - 1].origin = v[k].origin;
				v[m - 1].given = true;
			}
			continue;
		}
		v[m++] = v[k];
	}
	*out_n = m;
	return v;
}

/* Gives [LO, HI) of week I of term T to the change's person. */
static int
change_week(struct store *db, const struct term *t, int i, int64_t week_start,
	    int64_t week_end, int64_t lo, int64_t hi, void *arg)
{
	const struct change *c = arg;
	struct shift *parts;
	struct piece *plan;
	size_t np, nplan;
	int r;

	if ((r = store_slot_shifts(db, t->id, i, &parts, &np)) != 0)
		return r;
	plan = week_plan(parts, np, lo, hi, c, &nplan);
	/* Each piece takes the row that starts where it starts (its UID is
	 * made from that start), or a new one. */
	for (size_t k = 0; k < nplan && r == 0; k++) {
		const struct piece *pc = &plan[k];
		const struct shift *row = NULL;

		for (size_t j = 0; j < np && row == NULL; j++)
			if (parts[j].start == pc->start)
				row = &parts[j];
		if (row == NULL) {
			struct shift sh = { 0 };

			sh.rotation_id = c->rot->id;
			snprintf(sh.rotation, sizeof sh.rotation, "%s", c->rot->name);
			sh.tier = c->rot->tier;
			sh.term_id = t->id;
			snprintf(sh.term, sizeof sh.term, "%s", t->name);
			sh.slot = i;
			sh.slot_start = week_start;
			sh.slot_end = week_end;
			sh.person_id = pc->person_id;
			sh.start = pc->start;
			sh.end = pc->end;
			sh.origin = pc->origin;
			r = store_shift_insert(db, &sh, c->now);
		} else if (row->cancelled || row->person_id != pc->person_id ||
			   row->end != pc->end || row->origin != pc->origin) {
			r = store_shift_reshape(db, row->id, pc->person_id, pc->end, pc->origin,
						c->now);
			if (r == 0 && !row->cancelled && row->person_id != pc->person_id)
				r = store_swap_close_for_shift(db, row->id, c->now);
		}
	}
	/* Parts no piece starts at are no longer needed: merged into the one
	 * before, or taken over by the range given. */
	for (size_t j = 0; j < np && r == 0; j++) {
		bool kept = false;

		if (parts[j].cancelled)
			continue;
		for (size_t k = 0; k < nplan && !kept; k++)
			kept = plan[k].start == parts[j].start;
		if (!kept && (r = store_shift_cancel(db, parts[j].id, c->now)) == 0)
			r = store_swap_close_for_shift(db, parts[j].id, c->now);
	}
	free(plan);
	free(parts);
	return r > STORE_NOT_FOUND ? r : 0;
}

int
cover_apply(struct store *db, const struct rotation *rot, int64_t from, int64_t to,
	    int64_t person_id, enum origin origin, int64_t now)
{
	struct change c = { rot, person_id, origin, now };

	return each_week(db, rot, from, to, change_week, &c, NULL, NULL);
}
