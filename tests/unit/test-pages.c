/* The pages store: a batch insert keyed by (source, source_id) that a
 * re-import leaves alone, and a read of a time range with every column. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "store/store.h"
#include "tests/unit/store-fixture.h"

static struct page
page(const char *id, int64_t created)
{
	struct page p = { .created = created, .acted = true };

	snprintf(p.source, sizeof p.source, "generic");
	snprintf(p.source_id, sizeof p.source_id, "%s", id);
	return p;
}

static void
test_insert_and_reimport(void **state)
{
	struct fixture *f = *state;
	struct person ana = { .sleep_start = 1320, .sleep_end = 420 };
	struct page v[3] = { page("P1", 2000), page("P2", 1000), page("P3", 3000) };
	struct page again[2] = { page("P2", 1000), page("P4", 1500) };
	struct page *got;
	size_t added, n;
	int64_t count;

	snprintf(ana.handle, sizeof ana.handle, "ana");
	snprintf(ana.name, sizeof ana.name, "Ana");
	snprintf(ana.email, sizeof ana.email, "ana@example.com");
	snprintf(ana.tz, sizeof ana.tz, "Europe/Dublin");
	assert_int_equal(store_person_add(f->db, &ana, 10), 0);

	v[0].acknowledged = 2030;
	v[0].resolved = 2600;
	v[0].responder_id = ana.id;
	snprintf(v[0].responder_name, sizeof v[0].responder_name, "Ana");
	snprintf(v[0].service, sizeof v[0].service, "checkout");
	snprintf(v[0].alert, sizeof v[0].alert, "p99 latency, \"high\"");
	snprintf(v[0].urgency, sizeof v[0].urgency, "high");
	v[0].escalated = true;
	v[0].escalation_person_id = ana.id;
	snprintf(v[0].runbook_url, sizeof v[0].runbook_url, "https://runbooks/x");
	v[0].class = PAGE_SLEEP;
	v[1].acted = false;
	v[1].class = PAGE_IN_HOURS;

	assert_int_equal(store_begin(f->db), 0);
	assert_int_equal(store_page_insert_many(f->db, v, 3, 5000, &added), 0);
	assert_int_equal(store_commit(f->db), 0);
	assert_int_equal(added, 3);
	assert_true(v[0].id > 0 && v[1].id > 0 && v[2].id > 0);

	/* Again, with one known and one new page. */
	assert_int_equal(store_page_insert_many(f->db, again, 2, 6000, &added), 0);
	assert_int_equal(added, 1);
	assert_int_equal(again[0].id, 0);
	assert_true(again[1].id > v[2].id);
	assert_int_equal(store_page_count(f->db, &count), 0);
	assert_int_equal(count, 4);

	/* [1000, 3000): by created, the end excluded. */
	assert_int_equal(store_page_list(f->db, 1000, 3000, &got, &n), 0);
	assert_int_equal(n, 3);
	assert_string_equal(got[0].source_id, "P2");
	assert_false(got[0].acted);
	assert_int_equal(got[0].class, PAGE_IN_HOURS);
	assert_int_equal(got[0].imported_at, 5000);
	assert_int_equal(got[0].acknowledged, 0);
	assert_int_equal(got[0].responder_id, 0);
	assert_string_equal(got[1].source_id, "P4");
	assert_int_equal(got[1].imported_at, 6000);
	assert_int_equal(got[1].class, PAGE_UNCLASSIFIED);
	assert_string_equal(got[2].source_id, "P1");
	assert_int_equal(got[2].id, v[0].id);
	assert_string_equal(got[2].source, "generic");
	assert_int_equal(got[2].created, 2000);
	assert_int_equal(got[2].acknowledged, 2030);
	assert_int_equal(got[2].resolved, 2600);
	assert_int_equal(got[2].responder_id, ana.id);
	assert_string_equal(got[2].responder_name, "Ana");
	assert_string_equal(got[2].service, "checkout");
	assert_string_equal(got[2].alert, "p99 latency, \"high\"");
	assert_string_equal(got[2].urgency, "high");
	assert_true(got[2].escalated);
	assert_int_equal(got[2].escalation_person_id, ana.id);
	assert_string_equal(got[2].runbook_url, "https://runbooks/x");
	assert_true(got[2].acted);
	assert_int_equal(got[2].class, PAGE_SLEEP);
	free(got);
}

static void
test_class_names(void **state)
{
	enum page_class c;

	(void)state;
	assert_string_equal(page_class_name(PAGE_OUT_OF_HOURS), "out_of_hours");
	assert_null(page_class_name(PAGE_UNCLASSIFIED));
	assert_int_equal(page_class_parse("sleep", &c), 0);
	assert_int_equal(c, PAGE_SLEEP);
	assert_int_equal(page_class_parse("night", &c), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_insert_and_reimport, setup, teardown),
		cmocka_unit_test(test_class_names),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
