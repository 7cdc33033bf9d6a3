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
		cmocka_unit_test(test_empty),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
