/* Fairness figures of a term: see fairness.h. */
#include <stdlib.h>
#include <string.h>

#include "common/xalloc.h"
#include "scheduler/coverage.h"
#include "scheduler/fairness.h"

double
fair_balance(const int64_t *values, size_t n)
{
	double sum = 0;
	size_t pairs = 0;

	if (n < 2)
		return 1.0;
	for (size_t i = 0; i < n; i++) {
		for (size_t j = i + 1; j < n; j++) {
			int64_t a = values[i] > 0 ? values[i] : 0;
			int64_t b = values[j] > 0 ? values[j] : 0;
			int64_t lo = a < b ? a : b, hi = a < b ? b : a;

			sum += hi == 0 ? 1.0 : (double)lo / (double)hi;
			pairs++;
		}
	}
	return sum / (double)pairs;
}

/* qsort order of intervals by start, then end. */
static int
by_start(const void *a, const void *b)
{
	const struct fair_shift *x = a, *y = b;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	if (x->end != y->end)
		return x->end < y->end ? -1 : 1;
	return 0;
}

/* Seconds of [term_start, term_end) covered, by coverage.h's rule. */
static int64_t
coverage(const struct fair_member *members, size_t n_members,
	 const struct fair_shift *shifts, size_t n, int64_t term_start, int64_t term_end)
{
	struct coverage_shift *cs = xcalloc(n + 1, sizeof *cs);
	struct coverage_member *cm = xcalloc(n_members + 1, sizeof *cm);
	int64_t covered;

	for (size_t i = 0; i < n; i++)
		cs[i] = (struct coverage_shift){ shifts[i].person_id, shifts[i].start,
						 shifts[i].end };
	for (size_t i = 0; i < n_members; i++)
		cm[i] = (struct coverage_member){ members[i].person_id, members[i].left };
	covered = coverage_seconds(cs, n, cm, n_members, term_start, term_end);
	free(cs);
	free(cm);
	return covered;
}

/* Fills f with one member's shift count, hours, load and smallest gap,
 * reading their shifts from the sorted array. */
static void
member_figures(struct fair_member_figures *f, const struct fair_shift *sorted, size_t n)
{
	int64_t prev_end = INT64_MIN;

	f->min_gap = -1;
	for (size_t i = 0; i < n; i++) {
		const struct fair_shift *s = &sorted[i];

		if (s->person_id != f->person_id)
			continue;
		f->shifts++;
		f->weeks += s->held;
		f->oncall_seconds += s->oncall;
		f->load += s->weight;
		if (prev_end != INT64_MIN) {
			int64_t gap = s->start - prev_end;

			/* Overlapping shifts have no gap at all. */
			gap = gap > 0 ? gap : 0;
			if (f->min_gap < 0 || gap < f->min_gap)
				f->min_gap = gap;
		}
		if (s->end > prev_end)
			prev_end = s->end;
	}
}

/* a / b rounded half away from zero; b > 0. */
static int64_t
div_round(int64_t a, int64_t b)
{
	return a >= 0 ? (a + b / 2) / b : -((-a + b / 2) / b);
}

/* Fills the team figures of r from its member figures. */
static void
team_figures(struct fair_report *r, int64_t *scratch)
{
	size_t n = r->n_members;
	int64_t total = 0, lo = INT64_MAX, hi = 0;

	for (size_t i = 0; i < n; i++) {
		struct fair_member_figures *f = &r->members[i];

		lo = f->weeks < lo ? f->weeks : lo;
		hi = f->weeks > hi ? f->weeks : hi;
		total += f->load;
		scratch[i] = f->oncall_seconds;
	}
	r->spread = n ? hi - lo : 0;
	r->balance_hours = fair_balance(scratch, n);
	for (size_t i = 0; i < n; i++) {
		struct fair_member_figures *f = &r->members[i];
		/* Against the average total / n, scaled by n to stay in integers. */
		int64_t over = f->load * (int64_t)n - total;

		f->excess_load = div_round(over, (int64_t)n);
		f->excess_pct = total > 0 ? 100.0 * (double)over / (double)total : 0.0;
	}
}

void
fair_compute(const struct fair_member *members, size_t n_members,
    const struct fair_shift *shifts, size_t n_shifts, int64_t term_start,
    int64_t term_end, struct fair_report *out)
{
	struct fair_shift *sorted = xreallocarray(NULL, n_shifts, sizeof *sorted);
	int64_t *scratch = xreallocarray(NULL, n_members, sizeof *scratch);

	memset(out, 0, sizeof *out);
	out->members = xcalloc(n_members, sizeof *out->members);
	if (n_shifts > 0)
		memcpy(sorted, shifts, n_shifts * sizeof *sorted);
	qsort(sorted, n_shifts, sizeof *sorted, by_start);
	out->n_members = n_members;
	out->span_seconds = term_end > term_start ? term_end - term_start : 0;
	out->coverage_seconds = coverage(members, n_members, shifts, n_shifts, term_start,
					 term_end);
	for (size_t i = 0; i < n_members; i++) {
		out->members[i].person_id = members[i].person_id;
		out->members[i].handle = members[i].handle;
		member_figures(&out->members[i], sorted, n_shifts);
	}
	team_figures(out, scratch);
	free(sorted);
	free(scratch);
}

void
fair_report_free(struct fair_report *r)
{
	free(r->members);
	r->members = NULL;
	r->n_members = 0;
}
