/* Merging pages into interruptions. See interruptions.h. */
#include "config.h"

#include <stdlib.h>

#include "common/xalloc.h"
#include "reports/interruptions.h"

static const struct page *sort_pages;

/* Indices by responder, then created, then input order. */
static int
cmp_index(const void *a, const void *b)
{
	size_t i = *(const size_t *)a, j = *(const size_t *)b;
	const struct page *p = &sort_pages[i], *q = &sort_pages[j];

	if (p->responder_id != q->responder_id)
		return p->responder_id < q->responder_id ? -1 : 1;
	if (p->created != q->created)
		return p->created < q->created ? -1 : 1;
	return (i > j) - (i < j);
}

static int
cmp_interruption(const void *a, const void *b)
{
	const struct interruption *x = a, *y = b;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	if (x->responder_id != y->responder_id)
		return x->responder_id < y->responder_id ? -1 : 1;
	return (x->first > y->first) - (x->first < y->first);
}

void
interruptions_merge(const struct page *v, size_t n, struct interruption **out,
		    size_t *nout)
{
	size_t *idx, k = 0;
	struct interruption *r;
	int64_t prev = 0;

	*out = NULL;
	*nout = 0;
	if (n == 0)
		return;
	idx = xreallocarray(NULL, n, sizeof *idx);
	for (size_t i = 0; i < n; i++)
		idx[i] = i;
	sort_pages = v;
	qsort(idx, n, sizeof *idx, cmp_index);
	r = xreallocarray(NULL, n, sizeof *r);
	for (size_t i = 0; i < n; i++) {
		const struct page *p = &v[idx[i]];
		struct interruption *cur = k > 0 ? &r[k - 1] : NULL;

		if (cur != NULL && p->responder_id != 0 &&
		    cur->responder_id == p->responder_id &&
		    p->created - prev <= INTERRUPTION_GAP) {
			if (p->acknowledged != 0 &&
			    (cur->acknowledged == 0 || p->acknowledged < cur->acknowledged))
				cur->acknowledged = p->acknowledged;
			if (p->resolved > cur->resolved)
				cur->resolved = p->resolved;
			cur->pages++;
			cur->escalated |= p->escalated;
			cur->acted |= p->acted;
		} else {
			r[k++] = (struct interruption){
				.responder_id = p->responder_id,
				.start = p->created,
				.acknowledged = p->acknowledged,
				.resolved = p->resolved,
				.class = p->class,
				.first = idx[i],
				.pages = 1,
				.escalated = p->escalated,
				.acted = p->acted,
			};
		}
		prev = p->created;
	}
	free(idx);
	qsort(r, k, sizeof *r, cmp_interruption);
	*out = r;
	*nout = k;
}
