/* People's zone, office, sleep hours and manager flag as history (issue
 * 23): the entry in force at an instant, the cache kept by the store, the
 * upgrade of a schema 12 database, and a responder's instants and
 * intervals judged by what was in force then (reports/responder.h). */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "common/timefmt.h"
#include "common/tz.h"
#include "reports/responder.h"
#include "store/store.h"
#include "tests/unit/store-fixture.h"

/* Tue 5 Jan 2027 13:00Z: business hours in Dublin, 03:00 on Wednesday in
 * Kiritimati (UTC+14). */
#define T13 INT64_C(1799154000)

static int
setup_unopened(void **state)
{
	return fixture_setup(state, sizeof(struct fixture), false);
}

static struct person
person(const char *handle, const char *tz)
{
	struct person p = { .sleep_start = 1320, .sleep_end = 420 };

	snprintf(p.handle, sizeof p.handle, "%s", handle);
	snprintf(p.name, sizeof p.name, "Name of %s", handle);
	snprintf(p.email, sizeof p.email, "%s@example.com", handle);
	snprintf(p.tz, sizeof p.tz, "%s", tz);
	return p;
}

static void
test_index(void **state)
{
	struct person_attrs v[3] = { { .from = 0 }, { .from = 100 }, { .from = 200 } };

	(void)state;
	assert_int_equal(person_attrs_index(v, 3, -5), 0);
	assert_int_equal(person_attrs_index(v, 3, 0), 0);
	assert_int_equal(person_attrs_index(v, 3, 99), 0);
	assert_int_equal(person_attrs_index(v, 3, 100), 1);
	assert_int_equal(person_attrs_index(v, 3, 199), 1);
	assert_int_equal(person_attrs_index(v, 3, 200), 2);
	assert_int_equal(person_attrs_index(v, 3, INT64_MAX), 2);
	assert_int_equal(person_attrs_index(v + 1, 1, 0), 0);
}

/* A change: the entry before it stays, the new one holds from its
 * instant; attrs_at sees it at once (the store's cache is dropped). */
static void
test_change(void **state)
{
	struct fixture *f = *state;
	struct person p = person("ana", "Europe/Dublin");
	struct person_attrs a, *v;
	size_t n;

	assert_int_equal(store_person_add(f->db, &p, 1), 0);
	assert_int_equal(store_person_attrs_at(f->db, p.id, T13, &a), 0);
	assert_string_equal(a.tz, "Europe/Dublin");
	assert_int_equal(a.from, 0);

	assert_int_equal(store_person_history_begin(f->db, p.id), 0);
	snprintf(p.tz, sizeof p.tz, "Pacific/Kiritimati");
	p.is_manager = true;
	assert_int_equal(store_person_update(f->db, &p), 0);
	assert_int_equal(store_person_history_add(f->db, T13 + 1800, &p), 0);

	assert_int_equal(store_person_attrs_at(f->db, p.id, T13, &a), 0);
	assert_string_equal(a.tz, "Europe/Dublin");
	assert_false(a.is_manager);
	assert_int_equal(store_person_attrs_at(f->db, p.id, T13 + 1800, &a), 0);
	assert_string_equal(a.tz, "Pacific/Kiritimati");
	assert_true(a.is_manager);
	assert_int_equal(a.from, T13 + 1800);

	/* begin again adds nothing: the person has entries. */
	assert_int_equal(store_person_history_begin(f->db, p.id), 0);
	assert_int_equal(store_person_history(f->db, p.id, &v, &n), 0);
	assert_int_equal(n, 2);
	assert_int_equal(v[0].from, 0);
	assert_int_equal(v[1].from, T13 + 1800);
	free(v);

	/* A second change at the same instant replaces the first. */
	snprintf(p.tz, sizeof p.tz, "Asia/Kolkata");
	assert_int_equal(store_person_history_add(f->db, T13 + 1800, &p), 0);
	assert_int_equal(store_person_history(f->db, p.id, &v, &n), 0);
	assert_int_equal(n, 2);
	assert_string_equal(v[1].tz, "Asia/Kolkata");
	free(v);

	assert_int_equal(store_person_attrs_at(f->db, 999, T13, &a), STORE_NOT_FOUND);
}

/* A database at schema 12 (before history was kept): each person's
 * values become their entry from the beginning. */
static void
test_upgrade(void **state)
{
	struct fixture *f = *state;
	struct person p = person("ana", "Asia/Kolkata");
	struct person_attrs *v;
	size_t n;

	assert_int_equal(store_open_version(f->path, 12, &f->db), 0);
	p.sleep_start = 60;
	p.sleep_end = 360;
	assert_int_equal(store_person_add(f->db, &p, 1), 0);
	store_close(f->db);
	f->db = NULL;

	assert_int_equal(store_open(f->path, &f->db), 0);
	assert_int_equal(store_person_history(f->db, p.id, &v, &n), 0);
	assert_int_equal(n, 1);
	assert_int_equal(v[0].from, 0);
	assert_string_equal(v[0].tz, "Asia/Kolkata");
	assert_int_equal(v[0].sleep_start, 60);
	assert_int_equal(v[0].sleep_end, 360);
	free(v);
}

/* Adds P, who moves to Pacific/Kiritimati at T13 + 1800. */
static void
moves_to_kiritimati(struct store *db, struct person *p)
{
	assert_int_equal(store_person_add(db, p, 1), 0);
	assert_int_equal(store_person_history_begin(db, p->id), 0);
	snprintf(p->tz, sizeof p->tz, "Pacific/Kiritimati");
	assert_int_equal(store_person_update(db, p), 0);
	assert_int_equal(store_person_history_add(db, T13 + 1800, p), 0);
}

/* The class of an instant and the out-of-hours seconds of an interval,
 * cut at the change: 13:00-13:30Z in Dublin's business hours (0), then
 * 03:30-04:00 in Kiritimati, asleep (1800 s). */
static void
test_responder(void **state)
{
	struct fixture *f = *state;
	struct person p = person("ana", "Europe/Dublin");
	struct responder_cals rc;
	struct responder_at bad = { 0 };
	enum page_class c;
	int64_t secs;

	moves_to_kiritimati(f->db, &p);
	responder_cals_init(&rc, f->db, NULL, 0, NULL, 0);
	assert_int_equal(responder_classify(&rc, p.id, T13, &c), 0);
	assert_int_equal(c, PAGE_IN_HOURS);
	assert_int_equal(responder_classify(&rc, p.id, T13 + 1799, &c), 0);
	assert_int_equal(c, PAGE_IN_HOURS);
	assert_int_equal(responder_classify(&rc, p.id, T13 + 1800, &c), 0);
	assert_int_equal(c, PAGE_SLEEP);
	assert_int_equal(responder_ooh_seconds(&rc, p.id, T13, T13 + 3600, &secs, &bad), 0);
	assert_int_equal(secs, 1800);
	assert_null(bad.attrs);
	assert_int_equal(responder_ooh_seconds(&rc, p.id, T13, T13 + 1800, &secs, NULL), 0);
	assert_int_equal(secs, 0);
	assert_int_equal(responder_ooh_seconds(&rc, p.id, T13 + 600, T13 + 600, &secs, NULL), 0);
	assert_int_equal(secs, 0);
	assert_int_equal(responder_classify(&rc, 999, T13, &c), STORE_NOT_FOUND);
	responder_cals_free(&rc);
}

/* A zone rota cannot read (a database edited by hand): unclassified, and
 * the interval's piece in it named, the others still counted. */
static void
test_responder_bad_zone(void **state)
{
	struct fixture *f = *state;
	struct person p = person("ana", "Mars/Olympus");
	struct responder_cals rc;
	struct responder_at bad = { 0 };
	enum page_class c;
	int64_t secs;

	moves_to_kiritimati(f->db, &p);
	responder_cals_init(&rc, f->db, NULL, 0, NULL, 0);
	assert_int_equal(responder_classify(&rc, p.id, T13, &c), 0);
	assert_int_equal(c, PAGE_UNCLASSIFIED);
	assert_int_equal(responder_ooh_seconds(&rc, p.id, T13, T13 + 3600, &secs, &bad), 0);
	assert_int_equal(secs, 1800);
	assert_non_null(bad.attrs);
	assert_string_equal(bad.attrs->tz, "Mars/Olympus");
	responder_cals_free(&rc);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_index),
		cmocka_unit_test_setup_teardown(test_change, setup, teardown),
		cmocka_unit_test_setup_teardown(test_upgrade, setup_unopened, teardown),
		cmocka_unit_test_setup_teardown(test_responder, setup, teardown),
		cmocka_unit_test_setup_teardown(test_responder_bad_zone, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
