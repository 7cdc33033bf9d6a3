/* The reports, as the actor may see them: see reports.h. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "common/xalloc.h"
#include "common/share.h"
#include "service/plan.h"
#include "service/reports.h"

int
report_monthly(const struct svc *s, int year, int month, struct monthly_report *out)
{
	int r;

	if ((r = monthly_build(s->db, s->cfg, year, month, s->now, out)) != 0)
		return r;
	/* rota pay's rule: a volunteer sees their own pay only. */
	if (!s->actor->privileged)
		for (size_t i = 0; i < out->n_people; i++)
			if (!s->actor->known || out->people[i].id != s->actor->person.id)
				out->people[i].n_pay = 0;
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
	for (size_t i = 0; i < in.n_shifts; i++)
		fs[i] = (struct fair_shift){ in.shifts[i].person_id, in.shifts[i].start,
					     in.shifts[i].end, weights[i], held[i] };
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
	free(v->members);
	free(v->interruptions);
	memset(v, 0, sizeof *v);
}
