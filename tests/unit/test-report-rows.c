/* store_report_page_rows(): the compact rows the monthly report and pay
 * read hold exactly what store_page_list() reads of the same pages (NULLs,
 * classes, cut text, order), and interned (service, alert) pairs are equal
 * exactly when struct page's cut strings are. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>
#include <sqlite3.h>
#include <cmocka.h>

#include "store/store.h"
#include "tests/unit/store-fixture.h"

static struct page
page(int i, int64_t created)
{
	struct page p = { .created = created, .acted = true };

	snprintf(p.source, sizeof p.source, "generic");
	snprintf(p.source_id, sizeof p.source_id, "P%d", i);
	return p;
}

/* Runs SQL on the file directly (text longer than struct page holds). */
static void
sql(struct fixture *f, const char *q)
{
	sqlite3 *db;

	assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, q, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
}

/* Every row as store_page_list() reads the page. */
static void
same_as_list(const struct page_rows *r, const struct page *p, size_t n, bool alerts)
{
	assert_int_equal(r->n, n);
	for (size_t i = 0; i < n; i++) {
		const struct page_row *x = &r->v[i];

		assert_int_equal(x->id, p[i].id);
		assert_int_equal(x->created, p[i].created);
		assert_int_equal(x->acknowledged, p[i].acknowledged);
		assert_int_equal(x->resolved, p[i].resolved);
		assert_int_equal(x->responder_id, p[i].responder_id);
		assert_int_equal(x->escalation_person_id, p[i].escalation_person_id);
		assert_int_equal(x->rotation_id, p[i].rotation_id);
		assert_int_equal(x->escalated, p[i].escalated);
		assert_int_equal(x->acted, p[i].acted);
		assert_int_equal(x->class, p[i].class);
		if (alerts) {
			assert_true(x->alert < r->n_alerts);
			assert_string_equal(r->alerts[x->alert].service, p[i].service);
			assert_string_equal(r->alerts[x->alert].alert, p[i].alert);
			assert_int_equal(x->has_runbook, p[i].runbook_url[0] != '\0');
		} else {
			assert_int_equal(x->alert, 0);
			assert_false(x->has_runbook);
		}
		for (size_t j = 0; alerts && j < i; j++)
			assert_int_equal(x->alert == r->v[j].alert,
					 strcmp(p[i].service, p[j].service) == 0 &&
					 strcmp(p[i].alert, p[j].alert) == 0);
	}
}

static void
test_rows_as_page_list(void **state)
{
	struct fixture *f = *state;
	struct person ana = { .sleep_start = 1320, .sleep_end = 420 };
	struct rotation rot = { .tier = TIER_PRIMARY, .shift_days = 7 };
	struct page v[8];
	struct page *list;
	struct page_rows r;
	size_t n, added;

	snprintf(ana.handle, sizeof ana.handle, "ana");
	snprintf(ana.name, sizeof ana.name, "Ana");
	snprintf(ana.email, sizeof ana.email, "ana@example.com");
	snprintf(ana.tz, sizeof ana.tz, "Europe/Dublin");
	assert_int_equal(store_person_add(f->db, &ana, 10), 0);
	snprintf(rot.name, sizeof rot.name, "primary");
	snprintf(rot.tz, sizeof rot.tz, "UTC");
	assert_int_equal(store_rotation_add(f->db, &rot, 10), 0);

	/* Out of order, two at the same second, one at each end. */
	for (int i = 0; i < 8; i++)
		v[i] = page(i, 1000 + 100 * (i % 4));
	v[5].created = 999;                     /* before the range */
	v[6].created = 1400;                    /* its end: outside */
	v[0].acknowledged = 1010;
	v[0].resolved = 1500;
	v[0].responder_id = ana.id;
	v[0].escalation_person_id = ana.id;
	v[0].escalated = true;
	v[0].rotation_id = rot.id;
	v[0].class = PAGE_SLEEP;
	v[1].acted = false;
	v[1].class = PAGE_IN_HOURS;
	v[2].class = PAGE_OUT_OF_HOURS;
	v[2].responder_id = ana.id;
	snprintf(v[0].service, sizeof v[0].service, "checkout");
	snprintf(v[0].alert, sizeof v[0].alert, "latency");
	snprintf(v[1].service, sizeof v[1].service, "checkout");
	snprintf(v[1].alert, sizeof v[1].alert, "latency");
	snprintf(v[1].runbook_url, sizeof v[1].runbook_url, "https://runbooks/x");
	snprintf(v[2].service, sizeof v[2].service, "checkoutlatency");
	snprintf(v[3].alert, sizeof v[3].alert, "checkoutlatency");
	assert_int_equal(store_page_insert_many(f->db, v, 8, 5000, &added), 0);
	assert_int_equal(added, 8);
	/* Text longer than struct page keeps: equal once cut, whatever follows. */
	sql(f, "UPDATE pages SET service = replace(hex(zeroblob(200)), '00', 's') || 'one', "
	       "alert = replace(hex(zeroblob(300)), '00', 'a') || 'one' WHERE source_id = 'P4';"
	       "UPDATE pages SET service = replace(hex(zeroblob(200)), '00', 's') || 'two', "
	       "alert = replace(hex(zeroblob(300)), '00', 'a') || 'two' WHERE source_id = 'P7';");

	assert_int_equal(store_page_list(f->db, 1000, 1400, &list, &n), 0);
	assert_int_equal(n, 6);
	assert_int_equal(store_report_page_rows(f->db, 1000, 1400, true, &r), 0);
	assert_int_equal(r.from, 1000);
	assert_int_equal(r.to, 1400);
	same_as_list(&r, list, n, true);
	/* checkout/latency twice; "checkoutlatency" as service or as alert
	 * apart; the long pair once. */
	assert_int_equal(r.n_alerts, 4);
	assert_int_equal(strlen(r.alerts[r.v[n - 1].alert].service), NAME_MAX_ - 1);
	assert_int_equal(strlen(r.alerts[r.v[n - 1].alert].alert), PAGE_TEXT_MAX - 1);
	store_report_page_rows_free(&r);
	assert_int_equal(store_report_page_rows(f->db, 1000, 1400, false, &r), 0);
	same_as_list(&r, list, n, false);
	assert_int_equal(r.n_alerts, 0);
	store_report_page_rows_free(&r);
	free(list);

	assert_int_equal(store_report_page_rows(f->db, 0, 10, true, &r), 0);
	assert_int_equal(r.n, 0);
	assert_int_equal(r.n_alerts, 0);
	store_report_page_rows_free(&r);

	/* A class rota does not know (a damaged database): both refuse it. */
	sql(f, "UPDATE pages SET class = 'bogus' WHERE source_id = 'P3'");
	assert_int_equal(store_page_list(f->db, 1000, 1400, &list, &n), EX_DATAERR);
	assert_int_equal(store_report_page_rows(f->db, 1000, 1400, true, &r), EX_DATAERR);
	assert_int_equal(r.n, 0);
}

struct collected {
	struct page_time v[8];
	size_t n;
};

static void
collect(const struct page_time *t, void *arg)
{
	struct collected *c = arg;

	assert_true(c->n < 8);
	c->v[c->n++] = *t;
}

/* The trend's query: out-of-hours and sleep pages in order of time. */
static void
test_ooh_times(void **state)
{
	struct fixture *f = *state;
	struct collected got = { .n = 0 };
	struct page v[4];
	struct page_time *t;
	size_t n, added;

	for (int i = 0; i < 4; i++)
		v[i] = page(i, 2000 - 10 * i);
	v[0].class = PAGE_SLEEP;
	v[1].class = PAGE_IN_HOURS;
	v[2].class = PAGE_OUT_OF_HOURS;
	v[3].class = PAGE_SLEEP;
	assert_int_equal(store_page_insert_many(f->db, v, 4, 5000, &added), 0);
	assert_int_equal(store_report_ooh_times(f->db, 1975, 2001, &t, &n), 0);
	assert_int_equal(n, 2);
	assert_int_equal(t[0].created, 1980);
	assert_int_equal(t[0].responder_id, 0);
	assert_int_equal(t[1].created, 2000);
	free(t);
	/* One at a time, the same. */
	assert_int_equal(store_report_ooh_each(f->db, 1975, 2001, collect, &got), 0);
	assert_int_equal(got.n, 2);
	assert_int_equal(got.v[0].created, 1980);
	assert_int_equal(got.v[1].created, 2000);
	assert_int_equal(store_report_ooh_each(f->db, 0, 1975, collect, &got), 0);
	assert_int_equal(got.n, 3);
	assert_int_equal(got.v[2].created, 1970);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_rows_as_page_list, setup, teardown),
		cmocka_unit_test_setup_teardown(test_ooh_times, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
