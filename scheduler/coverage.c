/* What "covered" means: see coverage.h. */
#include "config.h"

#include <stdlib.h>

#include "common/xalloc.h"
#include "scheduler/coverage.h"

#define NO_SHIFT ((size_t)-1)

/* A stretch of one shift: held by a member (or someone outside the
 * term), or held after its holder left. */
struct stretch {
	int64_t start, end;
	size_t shift;
};

static int
by_start(const void *a, const void *b)
{
	const struct stretch *x = a, *y = b;

	return x->start < y->start ? -1 : x->start > y->start;
}

/* When PERSON_ID left the term: INT64_MAX for a member who has not, and
 * for someone who was never one. */
static int64_t
left_at(const struct coverage_member *m, size_t n, int64_t person_id)
{
	for (size_t i = 0; i < n; i++)
		if (m[i].person_id == person_id)
			return m[i].left;
	return INT64_MAX;
}

static void
gap_push(struct coverage_gap **v, size_t *n, int64_t start, int64_t end, size_t shift)
{
	if (end <= start)
		return;
	*v = xpush(*v, n, sizeof **v);
	(*v)[*n - 1] = (struct coverage_gap){ start, end, shift };
}

/* Appends the gap [A, B), split where GONE[K..NG) (sorted by start) hold
 * it after their holders left. */
static void
gap_split(const struct stretch *gone, size_t ng, size_t *k, int64_t a, int64_t b,
	  struct coverage_gap **v, size_t *n)
{
	int64_t u = a;

	while (*k < ng && gone[*k].end <= a)
		(*k)++;
	for (size_t i = *k; i < ng && gone[i].start < b; i++) {
		int64_t s = gone[i].start > u ? gone[i].start : u;
		int64_t e = gone[i].end < b ? gone[i].end : b;

		if (e <= s)
			continue;
		gap_push(v, n, u, s, NO_SHIFT);
		gap_push(v, n, s, e, gone[i].shift);
		u = e;
	}
	gap_push(v, n, u, b, NO_SHIFT);
}

void
coverage_gaps(const struct coverage_shift *shifts, size_t n_shifts,
	      const struct coverage_member *members, size_t n_members,
	      int64_t from, int64_t to, struct coverage_gap **v, size_t *n)
{
	struct stretch *held = xcalloc(n_shifts + 1, sizeof *held);
	struct stretch *gone = xcalloc(n_shifts + 1, sizeof *gone);
	size_t nh = 0, ng = 0, k = 0;
	int64_t u = from;

	*v = NULL;
	*n = 0;
	for (size_t i = 0; i < n_shifts; i++) {
		const struct coverage_shift *s = &shifts[i];
		int64_t left = left_at(members, n_members, s->person_id);
		int64_t cut = left < s->start ? s->start : left < s->end ? left : s->end;

		if (cut > s->start)
			held[nh++] = (struct stretch){ s->start, cut, i };
		if (s->end > cut)
			gone[ng++] = (struct stretch){ cut, s->end, i };
	}
	qsort(held, nh, sizeof *held, by_start);
	qsort(gone, ng, sizeof *gone, by_start);
	for (size_t i = 0; i < nh && u < to; i++) {
		if (held[i].start > u)
			gap_split(gone, ng, &k, u, held[i].start < to ? held[i].start : to, v, n);
		if (held[i].end > u)
			u = held[i].end;
	}
	if (u < to)
		gap_split(gone, ng, &k, u, to, v, n);
	free(held);
	free(gone);
}

int64_t
coverage_seconds(const struct coverage_shift *shifts, size_t n_shifts,
		 const struct coverage_member *members, size_t n_members,
		 int64_t from, int64_t to)
{
	struct coverage_gap *v;
	size_t n;
	int64_t covered = to > from ? to - from : 0;

	coverage_gaps(shifts, n_shifts, members, n_members, from, to, &v, &n);
	for (size_t i = 0; i < n; i++)
		covered -= v[i].end - v[i].start;
	free(v);
	return covered;
}
