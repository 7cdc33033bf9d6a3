/* Interruptions: pages of one responder within 60 s of the previous one
 * merge; others stay apart. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "reports/interruptions.h"

#define T0 1799054400   /* 2027-01-04T09:20:00Z */

static struct page
pg(int64_t responder, int64_t created, int64_t ack, int64_t resolved, enum page_class c)
{
	struct page p = { .responder_id = responder, .created = T0 + created,
			  .acknowledged = ack ? T0 + ack : 0,
			  .resolved = resolved ? T0 + resolved : 0, .class = c,
			  .acted = true };
	return p;
}

static void
test_chain_by_previous_page(void **state)
{
	struct page v[] = {
		pg(1, 0, 30, 600, PAGE_SLEEP),
		pg(1, 50, 20 + 50, 300, PAGE_SLEEP),
		pg(1, 100, 0, 900, PAGE_OUT_OF_HOURS),
		pg(1, 161, 170, 200, PAGE_IN_HOURS),   /* 61 s after the previous */
	};
	struct interruption *r;
	size_t n;

	(void)state;
	interruptions_merge(v, 4, &r, &n);
	assert_int_equal(n, 2);
	assert_int_equal(r[0].responder_id, 1);
	assert_int_equal(r[0].start, T0);
	assert_int_equal(r[0].acknowledged, T0 + 30);
	assert_int_equal(r[0].resolved, T0 + 900);
	assert_int_equal(r[0].class, PAGE_SLEEP);
	assert_int_equal(r[0].pages, 3);
	assert_int_equal(r[0].first, 0);
	assert_int_equal(r[1].start, T0 + 161);
	assert_int_equal(r[1].pages, 1);
	assert_int_equal(r[1].class, PAGE_IN_HOURS);
	assert_int_equal(r[1].first, 3);
	free(r);
}

static void
test_exactly_sixty_seconds(void **state)
{
	struct page v[] = { pg(7, 0, 0, 0, PAGE_OUT_OF_HOURS), pg(7, 60, 0, 0, PAGE_SLEEP),
			    pg(7, 121, 0, 0, PAGE_SLEEP) };
	struct interruption *r;
	size_t n;

	(void)state;
	interruptions_merge(v, 3, &r, &n);
	assert_int_equal(n, 2);
	assert_int_equal(r[0].pages, 2);
	assert_int_equal(r[0].acknowledged, 0);
	assert_int_equal(r[0].resolved, 0);
	assert_int_equal(r[0].class, PAGE_OUT_OF_HOURS);
	assert_int_equal(r[1].start, T0 + 121);
	free(r);
}

/* Input in any order; two responders interleaved; unknown responders
 * never merge. */
static void
test_responders_apart(void **state)
{
	struct page v[] = {
		pg(2, 30, 40, 90, PAGE_SLEEP),
		pg(1, 10, 0, 0, PAGE_IN_HOURS),
		pg(2, 0, 5, 60, PAGE_OUT_OF_HOURS),
		pg(0, 0, 0, 0, PAGE_SLEEP),
		pg(0, 1, 0, 0, PAGE_SLEEP),
		pg(1, 40, 0, 0, PAGE_IN_HOURS),
	};
	struct interruption *r;
	size_t n;

	(void)state;
	v[0].escalated = true;
	v[2].acted = false;
	v[0].acted = false;
	interruptions_merge(v, 6, &r, &n);
	assert_int_equal(n, 4);
	/* Sorted by start, then responder. */
	assert_int_equal(r[0].responder_id, 0);
	assert_int_equal(r[0].start, T0);
	assert_int_equal(r[1].responder_id, 2);
	assert_int_equal(r[1].start, T0);
	assert_int_equal(r[1].class, PAGE_OUT_OF_HOURS);
	assert_int_equal(r[1].acknowledged, T0 + 5);
	assert_int_equal(r[1].resolved, T0 + 90);
	assert_true(r[1].escalated);
	assert_false(r[1].acted);
	assert_int_equal(r[1].first, 2);
	assert_int_equal(r[2].responder_id, 0);
	assert_int_equal(r[2].start, T0 + 1);
	assert_int_equal(r[3].responder_id, 1);
	assert_int_equal(r[3].pages, 2);
	assert_true(r[3].acted);
	free(r);
}

/* The merge as it was written first (sort by responder, created, input
 * order; chain; sort by start, responder, first): the reference. */
static const struct page *ref_pages;

static int
ref_cmp_index(const void *a, const void *b)
{
	size_t i = *(const size_t *)a, j = *(const size_t *)b;
	const struct page *p = &ref_pages[i], *q = &ref_pages[j];

	if (p->responder_id != q->responder_id)
		return p->responder_id < q->responder_id ? -1 : 1;
	if (p->created != q->created)
		return p->created < q->created ? -1 : 1;
	return (i > j) - (i < j);
}

static int
ref_cmp_interruption(const void *a, const void *b)
{
	const struct interruption *x = a, *y = b;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	if (x->responder_id != y->responder_id)
		return x->responder_id < y->responder_id ? -1 : 1;
	return (x->first > y->first) - (x->first < y->first);
}

static size_t
ref_merge(const struct page *v, size_t n, struct interruption *r)
{
	size_t *idx = calloc(n + 1, sizeof *idx), k = 0;
	int64_t prev = 0;

	for (size_t i = 0; i < n; i++)
		idx[i] = i;
	ref_pages = v;
	qsort(idx, n, sizeof *idx, ref_cmp_index);
	for (size_t i = 0; i < n; i++) {
		const struct page *p = &v[idx[i]];
		struct interruption *cur = k > 0 ? &r[k - 1] : NULL;

		if (cur != NULL && p->responder_id != 0 && cur->responder_id == p->responder_id &&
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
			r[k++] = (struct interruption){ .responder_id = p->responder_id,
				.start = p->created, .acknowledged = p->acknowledged,
				.resolved = p->resolved, .class = p->class, .first = idx[i],
				.pages = 1, .escalated = p->escalated, .acted = p->acted };
		}
		prev = p->created;
	}
	free(idx);
	qsort(r, k, sizeof *r, ref_cmp_interruption);
	return k;
}

/* Random pages, in order of creation (as the store returns them: the fast
 * path) and shuffled: the same interruptions as the reference, field by
 * field and in the same order. Many share a second and chain at 60 s. */
static void
test_same_as_reference(void **state)
{
	enum { N = 3000 };
	static struct page v[N];
	static struct interruption want[N];
	uint64_t x = 0x2545f4914f6cdd1du;

	(void)state;
	for (int round = 0; round < 8; round++) {
		struct interruption *got;
		size_t n, k;
		int64_t t = T0;

		for (size_t i = 0; i < N; i++) {
			x ^= x << 13;
			x ^= x >> 7;
			x ^= x << 17;
			t += (int64_t)(x % 50);
			v[i] = pg((int64_t)(x >> 8) % 6, t - T0, (x >> 16) % 3 ? (t - T0) + (int64_t)(x % 900) : 0,
				  (x >> 20) % 4 ? (t - T0) + (int64_t)(x % 7000) : 0,
				  (enum page_class)((x >> 24) % 4));
			v[i].escalated = (x >> 30) % 5 == 0;
			v[i].acted = (x >> 33) % 3 != 0;
		}
		if (round % 2 == 1)             /* shuffled */
			for (size_t i = N - 1; i > 0; i--) {
				struct page tmp = v[i];
				size_t j;

				x ^= x << 13;
				x ^= x >> 7;
				x ^= x << 17;
				j = (size_t)(x % (i + 1));
				v[i] = v[j];
				v[j] = tmp;
			}
		k = ref_merge(v, N, want);
		interruptions_merge(v, N, &got, &n);
		assert_int_equal(n, k);
		for (size_t i = 0; i < n; i++) {
			assert_int_equal(got[i].responder_id, want[i].responder_id);
			assert_int_equal(got[i].start, want[i].start);
			assert_int_equal(got[i].acknowledged, want[i].acknowledged);
			assert_int_equal(got[i].resolved, want[i].resolved);
			assert_int_equal(got[i].class, want[i].class);
			assert_int_equal(got[i].first, want[i].first);
			assert_int_equal(got[i].pages, want[i].pages);
			assert_int_equal(got[i].escalated, want[i].escalated);
			assert_int_equal(got[i].acted, want[i].acted);
		}
		free(got);
	}
}

static void
test_empty(void **state)
{
	struct interruption *r = (void *)1;
	size_t n = 5;

	(void)state;
	interruptions_merge(NULL, 0, &r, &n);
	assert_null(r);
	assert_int_equal(n, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_chain_by_previous_page),
		cmocka_unit_test(test_exactly_sixty_seconds),
		cmocka_unit_test(test_responders_apart),
		cmocka_unit_test(test_same_as_reference),
		cmocka_unit_test(test_empty),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
