/* The reports, as the actor may see them: see reports.h. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "common/err.h"
#include "common/xalloc.h"
#include "common/share.h"
#include "service/oncall.h"
#include "service/plan.h"
#include "service/privacy.h"
#include "service/reports.h"

#define WEEK_SECONDS (7 * 86400)

/* The on-call windows in YEAR-MONTH of each rotation covering out of
 * hours, once per rotation, into *OC (*N; free with oncall_month_free). */
static int
oncall_month(const struct svc *s, int year, int month, struct monthly_oncall **oc,
	     size_t *n)
{
	struct rotation *rot = NULL;
	size_t nr = 0;
	int64_t from, to;
	int r;

	*oc = NULL;
	*n = 0;
	if ((r = monthly_month_range(s->cfg, year, month, &from, &to)) != 0 ||
	    (r = store_rotation_list(s->db, &rot, &nr)) != 0)
		goto done;
	for (size_t i = 0; i < nr && r == 0; i++) {
		struct time_span *w;
		size_t nw;

		if (!rot[i].out_of_hours)
			continue;       /* on call throughout: nothing to compute */
		if ((r = oncall_rotation_windows(s->db, &rot[i], from, to, &w, &nw)) != 0)
			break;
		*oc = xpush(*oc, n, sizeof **oc);
		(*oc)[*n - 1] = (struct monthly_oncall){ rot[i].id, w, nw };
	}
done:
	free(rot);
	return r;
}

static void
oncall_month_free(struct monthly_oncall *oc, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free((void *)oc[i].v);
	free(oc);
}

int
report_monthly(const struct svc *s, int year, int month, struct monthly_report *out)
{
	struct monthly_oncall *oc;
	size_t noc;
	int r;

	memset(out, 0, sizeof *out);
	if ((r = oncall_month(s, year, month, &oc, &noc)) == 0)
		r = monthly_build(s->db, s->cfg, year, month, s->now, oc, noc, out);
	oncall_month_free(oc, noc);
	if (r != 0)
		return r;
	svc_report_visible(s, out);
	return 0;
}

int
report_monthly_compared(const struct svc *s, int year, int month, struct monthly_report *out)
{
	struct monthly_report *prev = xcalloc(1, sizeof *prev);
	int py, pm, r;

	monthly_previous(year, month, &py, &pm);
	if ((r = report_monthly(s, year, month, out)) != 0 ||
	    (r = report_monthly(s, py, pm, prev)) != 0) {
		monthly_free(prev);
		free(prev);
		return r;
	}
	out->prev = prev;
	return 0;
}

/* What the fairness report reads from the store. */
struct fair_input {
	struct shift *shifts;
	size_t n_shifts;
	struct person_count *pages;
	size_t n_pages;
	struct plan_settings set;
};

/* The share of its week each shift holds, and its weight: the
 * generator's (service/plan.h), so that the report and generation count
 * the same load: a week weighs its load with its public holidays, and a
 * part of it its share of that (week_share, so that the parts of a week
 * add up to it). The shifts are sorted by start, so the parts of a week
 * are next to each other. */
static int
shift_weights(const struct svc *s, const struct fairness_view *v,
	      const struct fair_input *in, int64_t *held, int64_t *weights)
{
	size_t n = in->n_shifts, nw = 0;
	int64_t *start = xcalloc(n + 1, sizeof *start), *end = xcalloc(n + 1, sizeof *end);
	size_t *week = xcalloc(n + 1, sizeof *week);
	int *holidays = xcalloc(n + 1, sizeof *holidays);
	long hw = in->set.holiday_weight;
	int r = 0;

	for (size_t i = 0; i < n; i++) {
		const struct shift *sh = &in->shifts[i];

		if (nw == 0 || start[nw - 1] != sh->slot_start) {
			start[nw] = sh->slot_start;
			end[nw++] = sh->slot_end;
		}
		week[i] = nw - 1;
		held[i] = week_share(PLAN_WEEK_LOAD, 1, sh->slot_start, sh->slot_end, sh->start,
				     sh->end);
	}
	if (hw > 0)
		r = plan_holiday_counts(s->db, v->term.id, start, end, nw, holidays);
	for (size_t i = 0; i < n && r == 0; i++) {
		const struct shift *sh = &in->shifts[i];

		weights[i] = week_share(plan_slot_weight(hw, holidays[week[i]]), 1,
					sh->slot_start, sh->slot_end, sh->start, sh->end);
	}
	free(start);
	free(end);
	free(week);
	free(holidays);
	return r;
}

/* Leaves out the members who left before the term began and hold
 * nothing in it: they are not part of its fairness (counted, they show
 * 0 shifts, -100%, and skew the spread and the balance). */
static void
drop_departed(struct fairness_view *v, const struct fair_input *in)
{
	size_t kept = 0;

	for (size_t i = 0; i < v->n_members; i++) {
		bool held = false;

		for (size_t k = 0; k < in->n_shifts && !held; k++)
			held = in->shifts[k].person_id == v->members[i].person_id;
		if (held || v->members[i].left > v->term.start)
			v->members[kept++] = v->members[i];
	}
	v->n_members = kept;
}

static int
input_load(const struct svc *s, const char *name, struct fairness_view *v,
	   struct fair_input *in)
{
	struct shift_filter f = { 0 };
	int r;

	if ((r = svc_find_term(s, name, &v->term)) != 0 ||
	    (r = store_rotation_get_id(s->db, v->term.rotation_id, &v->rot)) != 0 ||
	    (r = plan_settings_get(s->cfg, v->rot.name, &in->set)) != 0)
		return r;
	f.term_id = v->term.id;
	if ((r = store_member_list(s->db, v->term.id, &v->members, &v->n_members)) != 0 ||
	    (r = store_shift_list(s->db, &f, &in->shifts, &in->n_shifts)) != 0 ||
	    (r = store_interruptions(s->db, v->rot.id, v->term.start, v->term.end,
				     &in->pages, &in->n_pages)) != 0)
		return r;
	drop_departed(v, in);
	return 0;
}

static int64_t
pages_of(const struct fair_input *in, int64_t person_id)
{
	for (size_t i = 0; i < in->n_pages; i++)
		if (in->pages[i].person_id == person_id)
			return in->pages[i].count;
	return 0;
}

/* Into *OUT, the shifts of IN as fair_compute reads them: each on call
 * for its rotation's windows inside it. */
static int
fair_shifts(const struct svc *s, const struct fairness_view *v, const struct fair_input *in,
	    const int64_t *held, const int64_t *weights, struct fair_shift *out)
{
	struct time_span *w = NULL;
	size_t nw = 0;
	int r;

	/* Once for the term: a rotation covering every hour is one window. */
	if ((r = oncall_rotation_windows(s->db, &v->rot, v->term.start, v->term.end,
					 &w, &nw)) != 0)
		return r;
	for (size_t i = 0; i < in->n_shifts; i++) {
		const struct shift *sh = &in->shifts[i];

		out[i] = (struct fair_shift){ sh->person_id, sh->start, sh->end, weights[i],
					      held[i], time_spans_within(w, nw, sh->start,
									 sh->end) };
	}
	free(w);
	return 0;
}

/* Appends to V's follow-the-sun rows the hours a week its rotation would
 * be on call with the K offices of O whose indexes are PICK. */
static void
sun_push(struct fairness_view *v, const struct oncall_offices *o, const size_t *pick,
	 size_t k)
{
	struct work_calendar *cal = xcalloc(k, sizeof *cal);
	struct time_span *w = NULL;
	size_t nw = 0;
	int64_t span = v->term.end - v->term.start;
	struct sun_row *row;
	char *name = xstrdup("");

	for (size_t i = 0; i < k; i++) {
		char *longer = xasprintf("%s%s%s", name, i ? " + " : "", o->offices[pick[i]].name);

		free(name);
		name = longer;
		cal[i] = o->cal[pick[i]];       /* borrowed: O frees the holidays */
	}
	oncall_windows(cal, k, v->term.start, v->term.end, &w, &nw);
	v->sun = xpush(v->sun, &v->n_sun, sizeof *v->sun);
	row = &v->sun[v->n_sun - 1];
	row->offices = name;
	row->n_offices = k;
	row->hours_a_week = span > 0 ? (double)time_spans_within(w, nw, v->term.start,
				v->term.end) / 3600.0 * WEEK_SECONDS / (double)span : 0;
	free(w);
	free(cal);
}

/* Follow the sun (reports.h): what each office buys an out-of-hours
 * rotation with two or more of them. */
static int
follow_the_sun(const struct svc *s, struct fairness_view *v)
{
	struct oncall_offices o;
	size_t *all;
	int r;

	if (!v->rot.out_of_hours)
		return 0;
	if ((r = oncall_offices_load(s->db, &v->rot, v->term.start, v->term.end, &o)) != 0 ||
	    o.n < 2) {
		oncall_offices_free(&o);
		return r;
	}
	all = xcalloc(o.n, sizeof *all);
	for (size_t i = 0; i < o.n; i++) {
		all[i] = i;
		sun_push(v, &o, &all[i], 1);
	}
	for (size_t i = 0; i < o.n; i++)
		for (size_t j = i + 1; j < o.n; j++)
			sun_push(v, &o, (size_t[]){ i, j }, 2);
	if (o.n > 2)
		sun_push(v, &o, all, o.n);
	free(all);
	oncall_offices_free(&o);
	return 0;
}

int
report_current_term(const struct svc *s, char *name, size_t len)
{
	struct term *v;
	size_t n, current = 0, at = 0;
	char list[1024] = "";
	int r;

	if ((r = store_term_list(s->db, 0, &v, &n)) != 0)
		return r;
	for (size_t i = 0; i < n; i++)
		if (strcmp(term_state(&v[i], s->now), "current") == 0 &&
		    current++ == 0)
			snprintf(name, len, "%s", v[i].name);
	for (size_t i = 0; i < n && at < sizeof list; i++)
		at += (size_t)snprintf(list + at, sizeof list - at, "%s%s (%s)",
				       i == 0 ? "" : ", ", v[i].name,
				       term_state(&v[i], s->now));
	free(v);
	if (current == 1)
		return 0;
	if (n == 0)
		return rota_fail(EX_USAGE, "no terms yet: give a TERM (see rota term add)");
	if (current == 0)
		return rota_fail(EX_USAGE, "no term is current: give a TERM, one of %s", list);
	return rota_fail(EX_USAGE, "%zu terms are current: give a TERM, one of %s",
			 current, list);
}

int
report_fairness(const struct svc *s, const char *term, struct fairness_view *out)
{
	struct fair_input in = { 0 };
	struct fair_member *fm = NULL;
	struct fair_shift *fs = NULL;
	int64_t *weights = NULL, *held = NULL;
	int r;

	memset(out, 0, sizeof *out);
	if ((r = input_load(s, term, out, &in)) != 0)
		goto done;
	fm = xcalloc(out->n_members + 1, sizeof *fm);
	fs = xcalloc(in.n_shifts + 1, sizeof *fs);
	weights = xcalloc(in.n_shifts + 1, sizeof *weights);
	held = xcalloc(in.n_shifts + 1, sizeof *held);
	out->interruptions = xcalloc(out->n_members + 1, sizeof *out->interruptions);
	if ((r = shift_weights(s, out, &in, held, weights)) != 0)
		goto done;
	for (size_t i = 0; i < out->n_members; i++) {
		fm[i] = (struct fair_member){ out->members[i].person_id, out->members[i].handle,
					      out->members[i].left };
		out->interruptions[i] = pages_of(&in, out->members[i].person_id);
	}
	if ((r = fair_shifts(s, out, &in, held, weights, fs)) != 0 ||
	    (r = follow_the_sun(s, out)) != 0)
		goto done;
	fair_compute(fm, out->n_members, fs, in.n_shifts, out->term.start, out->term.end,
		     &out->rep);
	out->balance_interruptions = fair_balance(out->interruptions, out->n_members);
done:
	free(fm);
	free(fs);
	free(weights);
	free(held);
	free(in.shifts);
	free(in.pages);
	return r;
}

void
fairness_view_free(struct fairness_view *v)
{
	fair_report_free(&v->rep);
	for (size_t i = 0; i < v->n_sun; i++)
		free(v->sun[i].offices);
	free(v->sun);
	free(v->members);
	free(v->interruptions);
	memset(v, 0, sizeof *v);
}
