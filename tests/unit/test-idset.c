/* The set of row ids a page import refers to: each id once, however often
 * it is added, through growth; 0 (no id) never in it. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <cmocka.h>

#include "common/idset.h"

static void
test_each_id_once(void **state)
{
	struct idset s = { 0 };
	unsigned char seen[5001] = { 0 };
	size_t k = 0, count = 0;
	int64_t id;

	(void)state;
	assert_int_equal(idset_next(&s, &k, &id), 0);
	/* 1..5000, each added three times in a scattered order, and 0. */
	for (int round = 0; round < 3; round++)
		for (int64_t i = 0; i < 5000; i++) {
			idset_add(&s, (i * 2654435761u) % 5000 + 1);
			idset_add(&s, 0);
		}
	assert_int_equal(s.n, 5000);
	while (idset_next(&s, &k, &id)) {
		assert_true(id >= 1 && id <= 5000);
		assert_int_equal(seen[id], 0);
		seen[id] = 1;
		count++;
	}
	assert_int_equal(count, 5000);
	idset_free(&s);
	assert_int_equal(s.n, 0);
	k = 0;
	assert_int_equal(idset_next(&s, &k, &id), 0);
}

/* Ids far apart, and large ones, as sqlite hands out after deletions. */
static void
test_large_ids(void **state)
{
	struct idset s = { 0 };
	const int64_t v[] = { INT64_MAX, 1, (int64_t)1 << 40, 3, INT64_MAX - 1 };
	size_t k = 0, count = 0;
	int64_t id;

	(void)state;
	for (size_t i = 0; i < 5; i++)
		idset_add(&s, v[i]);
	idset_add(&s, 3);
	while (idset_next(&s, &k, &id)) {
		size_t i;

		for (i = 0; i < 5 && v[i] != id; i++)
			;
		assert_true(i < 5);
		count++;
	}
	assert_int_equal(count, 5);
	idset_free(&s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_each_id_once),
		cmocka_unit_test(test_large_ids),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
