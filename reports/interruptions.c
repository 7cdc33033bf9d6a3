/* Merging pages into interruptions. See interruptions.h. */
#include "config.h"

#include <stdlib.h>

#include "common/xalloc.h"
#include "reports/interruptions.h"

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

static const struct page_row *sort_rows;

/* Indices by created, then input order. */
static int
cmp_created(const void *a, const void *b)
{
	size_t i = *(const size_t *)a, j = *(const size_t *)b;
	int64_t x = sort_rows[i].created, y = sort_rows[j].created;

	if (x != y)
		return x < y ? -1 : 1;
	return (i > j) - (i < j);
}

/* Each responder's open interruption: an open-addressing table by id. */
struct open_slot {
	int64_t responder_id;           /* 0: empty */
	int64_t last;                   /* created of their latest page */
	size_t cur;                     /* index of their latest interruption */
};

struct open_table {
	struct open_slot *v;
	size_t size, used;              /* size: a power of two */
};

static size_t
slot_hash(int64_t id, size_t size)
{
	uint64_t h = (uint64_t)id * 0x9e3779b97f4a7c15u;

	return (size_t)(h >> 32) & (size - 1);
}

static struct open_slot *
open_find(struct open_table *t, int64_t id)
{
	size_t k;

	if (2 * (t->used + 1) > t->size) {
		struct open_slot *old = t->v;
		size_t n = t->size;

		t->size = n ? 2 * n : 64;
		t->v = xcalloc(t->size, sizeof *t->v);
		for (size_t i = 0; i < n; i++)
			if (old[i].responder_id != 0) {
				k = slot_hash(old[i].responder_id, t->size);
				while (t->v[k].responder_id != 0)
					k = (k + 1) & (t->size - 1);
				t->v[k] = old[i];
			}
		free(old);
	}
	k = slot_hash(id, t->size);
	while (t->v[k].responder_id != 0 && t->v[k].responder_id != id)
		k = (k + 1) & (t->size - 1);
	return &t->v[k];
}

/* Pages taken in order of creation (then input order) chain per
 * responder exactly as they would sorted by responder, then created: each
 * meets the previous page of the same responder. */
void
interruptions_merge_rows(const struct page_row *v, size_t n, struct interruption **out,
			 size_t *nout)
{
	size_t *idx = NULL, k = 0;
	struct interruption *r;
	struct open_table open = { 0 };
	bool sorted = true;

	*out = NULL;
	*nout = 0;
	if (n == 0)
		return;
	for (size_t i = 1; i < n && sorted; i++)
		sorted = v[i - 1].created <= v[i].created;
	if (!sorted) {
		idx = xreallocarray(NULL, n, sizeof *idx);
		for (size_t i = 0; i < n; i++)
			idx[i] = i;
		sort_rows = v;
		qsort(idx, n, sizeof *idx, cmp_created);
		sort_rows = NULL;
	}
	r = xreallocarray(NULL, n, sizeof *r);
	for (size_t i = 0; i < n; i++) {
		size_t at = idx != NULL ? idx[i] : i;
		const struct page_row *p = &v[at];
		struct open_slot *o = p->responder_id != 0 ? open_find(&open, p->responder_id) : NULL;

		if (o != NULL && o->responder_id != 0 && p->created - o->last <= INTERRUPTION_GAP) {
			struct interruption *cur = &r[o->cur];

			if (p->acknowledged != 0 &&
			    (cur->acknowledged == 0 || p->acknowledged < cur->acknowledged))
				cur->acknowledged = p->acknowledged;
			if (p->resolved > cur->resolved)
				cur->resolved = p->resolved;
			cur->pages++;
			cur->escalated |= p->escalated;
			cur->acted |= p->acted;
		} else {
			if (o != NULL) {
				if (o->responder_id == 0)
					open.used++;
				o->responder_id = p->responder_id;
				o->cur = k;
			}
			r[k++] = (struct interruption){
				.responder_id = p->responder_id,
				.start = p->created,
				.acknowledged = p->acknowledged,
				.resolved = p->resolved,
				.class = (enum page_class)p->class,
				.first = at,
				.pages = 1,
				.escalated = p->escalated,
				.acted = p->acted,
			};
		}
		if (o != NULL)
			o->last = p->created;
	}
	free(idx);
	free(open.v);
	/* In order of start, then first; those starting at the same second
	 * go by responder, then first. */
	for (size_t i = 0, j; i < k; i = j) {
		for (j = i + 1; j < k && r[j].start == r[i].start; j++)
			;
		if (j - i > 1)
			qsort(r + i, j - i, sizeof *r, cmp_interruption);
	}
	*out = r;
	*nout = k;
}

void
interruptions_merge(const struct page *v, size_t n, struct interruption **out,
		    size_t *nout)
{
	struct page_row *rows = xcalloc(n + 1, sizeof *rows);

	for (size_t i = 0; i < n; i++)
		rows[i] = (struct page_row){
			.id = v[i].id,
			.created = v[i].created,
			.acknowledged = v[i].acknowledged,
			.resolved = v[i].resolved,
			.responder_id = v[i].responder_id,
			.escalation_person_id = v[i].escalation_person_id,
			.rotation_id = v[i].rotation_id,
			.class = (uint8_t)v[i].class,
			.escalated = v[i].escalated,
			.acted = v[i].acted,
			.has_runbook = v[i].runbook_url[0] != '\0',
		};
	interruptions_merge_rows(rows, n, out, nout);
	free(rows);
}

bool
interruption_in_month(const struct interruption *in, int64_t from, int64_t to)
{
	return in->responder_id != 0 && in->start >= from && in->start < to;
}
