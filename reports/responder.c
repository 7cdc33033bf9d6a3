/* A responder's working week and sleep window over time; see responder.h. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "common/xalloc.h"
#include "reports/responder.h"

struct responder_period {
	bool built;
	bool cal_ok, sleep_ok;
	const struct office *office;
	struct work_calendar cal;
	struct sleep_window sleep;
};

struct responder_person {
	int64_t id;
	struct person_attrs *v;         /* the history, oldest first */
	struct responder_period *p;     /* one per entry */
	size_t n;
};

void
responder_cals_init(struct responder_cals *c, struct store *s,
		    const struct office *offices, size_t n_offices,
		    const struct holiday *holidays, size_t n_holidays)
{
	memset(c, 0, sizeof *c);
	c->s = s;
	c->offices = offices;
	c->n_offices = n_offices;
	c->holidays = holidays;
	c->n_holidays = n_holidays;
}

void
responder_cals_free(struct responder_cals *c)
{
	for (size_t i = 0; i < c->n_people; i++) {
		for (size_t k = 0; k < c->people[i].n; k++)
			if (c->people[i].p[k].cal_ok)
				work_calendar_free(&c->people[i].p[k].cal);
		free(c->people[i].v);
		free(c->people[i].p);
	}
	free(c->people);
	memset(c, 0, sizeof *c);
}

/* PERSON_ID's history, read when first asked for. */
static int
person_of(struct responder_cals *c, int64_t person_id, struct responder_person **out)
{
	struct responder_person e = { person_id, NULL, NULL, 0 };
	size_t lo = 0, hi = c->n_people;
	int r;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (c->people[mid].id == person_id) {
			*out = &c->people[mid];
			return 0;
		}
		if (c->people[mid].id < person_id)
			lo = mid + 1;
		else
			hi = mid;
	}
	if ((r = store_person_history(c->s, person_id, &e.v, &e.n)) != 0)
		return r;
	e.p = xcalloc(e.n + 1, sizeof *e.p);
	c->people = xreallocarray(c->people, c->n_people + 1, sizeof *c->people);
	memmove(&c->people[lo + 1], &c->people[lo], (c->n_people - lo) * sizeof *c->people);
	c->people[lo] = e;
	c->n_people++;
	*out = &c->people[lo];
	return 0;
}

/* Builds the calendar and sleep window of entry A (reports/classify.h:
 * a person with no office works the default hours in their own zone,
 * with no public holidays). */
static void
period_build(const struct responder_cals *c, const struct person_attrs *a,
	     struct responder_period *p)
{
	const struct office *o = NULL;

	p->built = true;
	for (size_t i = 0; i < c->n_offices && a->office_id != 0; i++)
		if (c->offices[i].id == a->office_id)
			o = &c->offices[i];
	p->office = o;
	p->cal_ok = work_calendar_init(&p->cal, o ? o->tz : a->tz, o ? o->hours : NULL,
				       o ? o->id : -1, c->holidays,
				       o ? c->n_holidays : 0) == 0;
	p->sleep_ok = sleep_window_init(&p->sleep, a->tz, a->sleep_start, a->sleep_end) == 0;
}

int
responder_at(struct responder_cals *c, int64_t person_id, int64_t t, struct responder_at *out)
{
	struct responder_person *rp;
	struct responder_period *p;
	size_t k;
	int r;

	memset(out, 0, sizeof *out);
	if ((r = person_of(c, person_id, &rp)) != 0)
		return r;
	k = person_attrs_index(rp->v, rp->n, t);
	p = &rp->p[k];
	if (!p->built)
		period_build(c, &rp->v[k], p);
	out->attrs = &rp->v[k];
	out->office = p->office;
	out->cal = p->cal_ok ? &p->cal : NULL;
	out->sleep = p->sleep_ok ? &p->sleep : NULL;
	out->until = k + 1 < rp->n ? rp->v[k + 1].from : INT64_MAX;
	return 0;
}

int
responder_classify(struct responder_cals *c, int64_t person_id, int64_t t,
		   enum page_class *out)
{
	struct responder_at at;
	int r;

	*out = PAGE_UNCLASSIFIED;
	if ((r = responder_at(c, person_id, t, &at)) != 0)
		return r;
	if (at.cal != NULL && at.sleep != NULL)
		*out = classify_instant(at.cal, at.sleep, t);
	return 0;
}

int
responder_ooh_seconds(struct responder_cals *c, int64_t person_id, int64_t from,
		      int64_t to, int64_t *out, struct responder_at *bad)
{
	bool seen_bad = false;
	int r;

	*out = 0;
	while (from < to) {
		struct responder_at at;
		int64_t end;

		if ((r = responder_at(c, person_id, from, &at)) != 0)
			return r;
		end = at.until < to ? at.until : to;
		if (end <= from)        /* cannot happen: entries start in order */
			end = to;
		if (at.cal != NULL && at.sleep != NULL)
			*out += classify_out_of_hours_seconds(at.cal, at.sleep, from, end);
		else if (!seen_bad) {
			seen_bad = true;
			if (bad != NULL)
				*bad = at;
		}
		from = end;
	}
	return 0;
}

/* What responder_reclassify gathers: the pages whose class moves. */
struct reclassify {
	struct responder_cals cals;
	int64_t person_id;
	struct page_class_change {
		int64_t page_id;
		enum page_class class;
	} *v;
	size_t n;
};

static int
reclassify_page(void *row, void *arg)
{
	const struct page *p = row;
	struct reclassify *rc = arg;
	enum page_class c;
	int r;

	if (p->responder_id != rc->person_id)
		return 0;
	if ((r = responder_classify(&rc->cals, p->responder_id, p->created, &c)) != 0)
		return r;
	if (c != p->class) {
		rc->v = xpush(rc->v, &rc->n, sizeof *rc->v);
		rc->v[rc->n - 1] = (struct page_class_change){ p->id, c };
	}
	return 0;
}

int
responder_reclassify(struct store *s, int64_t person_id, int64_t from)
{
	struct reclassify rc = { .person_id = person_id };
	struct office *offices = NULL;
	struct holiday *holidays = NULL;
	size_t n_offices = 0, n_holidays = 0;
	int r;

	if ((r = store_office_list(s, &offices, &n_offices)) == 0 &&
	    (r = store_holiday_list(s, 0, NULL, NULL, &holidays, &n_holidays)) == 0) {
		responder_cals_init(&rc.cals, s, offices, n_offices, holidays, n_holidays);
		r = store_page_each(s, from, INT64_MAX, reclassify_page, &rc);
		responder_cals_free(&rc.cals);
	}
	/* Set once the reading is over, not under its statement. */
	for (size_t i = 0; i < rc.n && r == 0; i++)
		r = store_page_set_class(s, rc.v[i].page_id, rc.v[i].class);
	free(rc.v);
	free(holidays);
	free(offices);
	return r;
}
