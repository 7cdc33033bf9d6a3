/* The store: migrations from an old schema, transactions that change
 * nothing on failure, and the round trip of each noun. */
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
#include <sqlite3.h>

#include "store/store.h"
#include "tests/unit/store-fixture.h"

/* The folder and the path alone: each test opens the store itself, some
 * at an old schema version. */
static int
setup_unopened(void **state)
{
	return fixture_setup(state, sizeof(struct fixture), false);
}

static struct person
person(const char *handle)
{
	struct person p = { .sleep_start = 1320, .sleep_end = 420 };

	snprintf(p.handle, sizeof p.handle, "%s", handle);
	snprintf(p.name, sizeof p.name, "Name of %s", handle);
	snprintf(p.email, sizeof p.email, "%s@example.com", handle);
	snprintf(p.tz, sizeof p.tz, "Europe/Dublin");
	return p;
}

static void
test_migrates_version_1(void **state)
{
	struct fixture *f = *state;
	struct person p = person("ana"), got;
	int version;

	/* A database as the first release left it, with a person in it. */
	assert_int_equal(store_open_version(f->path, 1, &f->db), 0);
	assert_int_equal(store_schema_version(f->db, &version), 0);
	assert_int_equal(version, 1);
	assert_int_equal(store_person_add(f->db, &p, 100), 0);
	store_close(f->db);
	f->db = NULL;

	assert_int_equal(store_open(f->path, &f->db), 0);
	assert_int_equal(store_schema_version(f->db, &version), 0);
	assert_int_equal(version, store_latest_version());
	assert_int_equal(store_person_get(f->db, "ana", &got), 0);
	assert_string_equal(got.email, "ana@example.com");
}

/* Migration 4 rebuilds the shifts table (its origin CHECK): a database at
 * version 3 keeps every shift as it was (ids, UIDs, origins, sequences,
 * cancellations), the swap requests that refer to them, and the rules. */
static void
test_migrates_version_3_with_shifts(void **state)
{
	struct fixture *f = *state;
	struct person a = person("ana"), b = person("bo");
	struct rotation r = { .tier = TIER_PRIMARY, .handoff_dow = 1,
			      .handoff_minute = 600, .shift_days = 7 };
	struct term t = { .weeks = 3, .start = 1000, .end = 1000 + 3 * 604800 };
	struct shift sh[3], got, again, *v;
	struct told_week *told;
	struct swap w = { .created = 5 }, gw;
	struct shift_filter filter = { .include_cancelled = true };
	sqlite3 *raw;
	size_t n;
	int version;

	assert_int_equal(store_open_version(f->path, 3, &f->db), 0);
	assert_int_equal(store_schema_version(f->db, &version), 0);
	assert_int_equal(version, 3);
	assert_int_equal(store_person_add(f->db, &a, 1), 0);
	assert_int_equal(store_person_add(f->db, &b, 1), 0);
	snprintf(r.name, sizeof r.name, "primary");
	snprintf(r.tz, sizeof r.tz, "Europe/Dublin");
	assert_int_equal(store_rotation_add(f->db, &r, 1), 0);
	snprintf(t.name, sizeof t.name, "2027-h1");
	t.rotation_id = r.id;
	assert_int_equal(store_term_add(f->db, &t, 1), 0);
	for (int i = 0; i < 3; i++) {
		memset(&sh[i], 0, sizeof sh[i]);
		sh[i].rotation_id = r.id;
		sh[i].term_id = t.id;
		sh[i].slot = i;
		sh[i].person_id = i == 1 ? b.id : a.id;
		sh[i].start = 1000 + i * 604800;
		sh[i].end = sh[i].start + 604800;
		snprintf(sh[i].rotation, sizeof sh[i].rotation, "primary");
		snprintf(sh[i].term, sizeof sh[i].term, "2027-h1");
	}
	store_close(f->db);
	f->db = NULL;
	/* Rows as rota at version 3 wrote them (today's store writes columns
	 * that version has not got): the second shift swapped, then
	 * overridden; the third cancelled; a request for the first. */
	assert_int_equal(sqlite3_open(f->path, &raw), SQLITE_OK);
	for (int i = 0; i < 3; i++) {
		char sql[512];

		shift_uid_make("primary", "2027-h1", i, sh[i].uid, sizeof sh[i].uid);
		sh[i].id = i + 1;
		snprintf(sql, sizeof sql, "INSERT INTO shifts (id, uid, rotation_id, term_id, "
			 "slot, person_id, start_at, end_at, origin, sequence, cancelled_at, "
			 "updated_at) VALUES (%d, '%s', %lld, %lld, %d, %lld, %lld, %lld, '%s', "
			 "%d, %s, 2)", i + 1, sh[i].uid, (long long)r.id, (long long)t.id, i,
			 (long long)sh[i].person_id, (long long)sh[i].start,
			 (long long)sh[i].end, i == 1 ? "override" : "generated", i == 1 ? 2 :
			 i == 2 ? 1 : 0, i == 2 ? "4" : "NULL");
		assert_int_equal(sqlite3_exec(raw, sql, NULL, NULL, NULL), SQLITE_OK);
	}
	{
		char sql[256];

		snprintf(sql, sizeof sql, "INSERT INTO swaps (id, shift_id, requester_id, "
			 "target_id, state, created_at) VALUES (1, 1, %lld, %lld, 'open', 5)",
			 (long long)a.id, (long long)b.id);
		assert_int_equal(sqlite3_exec(raw, sql, NULL, NULL, NULL), SQLITE_OK);
	}
	w.id = 1;
	w.requester_id = a.id;
	w.target_id = b.id;
	sqlite3_close(raw);

	assert_int_equal(store_open(f->path, &f->db), 0);
	assert_int_equal(store_schema_version(f->db, &version), 0);
	assert_int_equal(version, 14);
	assert_int_equal(store_latest_version(), 14);
	/* Migration 11 counts the schedule it found as told: no news. */
	assert_int_equal(store_told_changed(f->db, 0, &told, &n), 0);
	assert_int_equal(n, 0);
	free(told);
	assert_int_equal(store_shift_list(f->db, &filter, &v, &n), 0);
	assert_int_equal(n, 3);
	for (size_t i = 0; i < n; i++) {
		assert_int_equal(v[i].id, sh[i].id);
		assert_string_equal(v[i].uid, sh[i].uid);
		assert_int_equal(v[i].slot, (int)i);
		assert_int_equal(v[i].start, sh[i].start);
		assert_int_equal(v[i].end, sh[i].end);
	}
	assert_int_equal(v[0].origin, ORIGIN_GENERATED);
	assert_int_equal(v[0].sequence, 0);
	assert_string_equal(v[1].handle, "bo");
	assert_int_equal(v[1].origin, ORIGIN_OVERRIDE);
	assert_int_equal(v[1].sequence, 2);
	assert_true(v[2].cancelled);
	assert_false(v[0].cancelled);
	free(v);
	assert_int_equal(store_swap_get(f->db, w.id, &gw), 0);
	assert_int_equal(gw.shift_id, sh[0].id);
	assert_string_equal(gw.target, "bo");
	/* The rules still hold: a unique slot, a swap of a shift that exists,
	 * and new shifts after the old ones. */
	again = sh[0];
	again.id = 0;
	assert_int_equal(store_shift_insert(f->db, &again, 6), 65);
	w.shift_id = 999;
	assert_int_not_equal(store_swap_add(f->db, &w), 0);
	again = sh[2];
	again.slot = 3;
	again.uid[0] = '\0';
	assert_int_equal(store_shift_insert(f->db, &again, 6), 0);
	assert_int_equal(again.id, sh[2].id + 1);
	assert_int_equal(store_shift_get(f->db, again.id, &got), 0);
	assert_int_equal(got.origin, ORIGIN_GENERATED);
	assert_int_equal(store_shift_assign(f->db, got.id, b.id, ORIGIN_SWAP, 7), 0);
	assert_int_equal(store_shift_get(f->db, got.id, &got), 0);
	assert_int_equal(got.origin, ORIGIN_SWAP);
}

/* Migration 8 rebuilds the pages table (its key becomes a named index): a
 * database at version 7 keeps every page (ids, key, columns), and the key
 * still refuses a second page of the same source and id. */
static void
test_migrates_version_7_with_pages(void **state)
{
	struct fixture *f = *state;
	struct person a = person("ana");
	struct page pg[2], again, *v;
	size_t n, inserted;
	int version;

	assert_int_equal(store_open_version(f->path, 7, &f->db), 0);
	assert_int_equal(store_person_add(f->db, &a, 1), 0);
	for (int i = 0; i < 2; i++) {
		memset(&pg[i], 0, sizeof pg[i]);
		snprintf(pg[i].source, sizeof pg[i].source, i ? "pagerduty" : "generic");
		snprintf(pg[i].source_id, sizeof pg[i].source_id, "P%d", i);
		pg[i].created = 1000 + i;
		pg[i].acknowledged = 1060 + i;
		pg[i].responder_id = i ? 0 : a.id;
		snprintf(pg[i].service, sizeof pg[i].service, "checkout");
		snprintf(pg[i].alert, sizeof pg[i].alert, "disk full");
		pg[i].acted = true;
		pg[i].class = i ? PAGE_SLEEP : PAGE_IN_HOURS;
	}
	assert_int_equal(store_page_insert_many(f->db, pg, 2, 5, &inserted), 0);
	assert_int_equal(inserted, 2);
	store_close(f->db);
	f->db = NULL;

	assert_int_equal(store_open(f->path, &f->db), 0);
	assert_int_equal(store_schema_version(f->db, &version), 0);
	assert_int_equal(version, store_latest_version());
	assert_int_equal(store_page_list(f->db, 0, 2000, &v, &n), 0);
	assert_int_equal(n, 2);
	for (size_t i = 0; i < n; i++) {
		assert_int_equal(v[i].id, pg[i].id);
		assert_string_equal(v[i].source, pg[i].source);
		assert_string_equal(v[i].source_id, pg[i].source_id);
		assert_int_equal(v[i].created, pg[i].created);
		assert_int_equal(v[i].acknowledged, pg[i].acknowledged);
		assert_int_equal(v[i].responder_id, pg[i].responder_id);
		assert_string_equal(v[i].alert, "disk full");
		assert_int_equal(v[i].class, pg[i].class);
		assert_int_equal(v[i].imported_at, 5);
	}
	free(v);
	again = pg[1];
	again.id = 0;
	assert_int_equal(store_page_insert_many(f->db, &again, 1, 6, &inserted), 0);
	assert_int_equal(inserted, 0);
	assert_int_equal(again.id, 0);
}

static void
test_rollback_changes_nothing(void **state)
{
	struct fixture *f = *state;
	struct person a = person("ana"), b = person("bo"), got;

	assert_int_equal(store_open(f->path, &f->db), 0);
	assert_int_equal(store_begin(f->db), 0);
	assert_int_equal(store_person_add(f->db, &a, 1), 0);
	assert_int_equal(store_person_add(f->db, &b, 1), 0);
	store_rollback(f->db);
	assert_int_equal(store_person_get(f->db, "ana", &got), STORE_NOT_FOUND);
	assert_int_equal(store_person_get(f->db, "bo", &got), STORE_NOT_FOUND);
}

static void
test_duplicate_is_data_error(void **state)
{
	struct fixture *f = *state;
	struct person a = person("ana"), again = person("ana");

	assert_int_equal(store_open(f->path, &f->db), 0);
	assert_int_equal(store_person_add(f->db, &a, 1), 0);
	assert_int_equal(store_person_add(f->db, &again, 1), 65);
}

static void
test_shift_round_trip_and_sequence(void **state)
{
	struct fixture *f = *state;
	struct person a = person("ana"), b = person("bo");
	struct rotation r = { .tier = TIER_PRIMARY, .handoff_dow = 1,
			      .handoff_minute = 600, .shift_days = 7 };
	struct term t = { .weeks = 1, .start = 1000, .end = 1000 + 604800 };
	struct shift sh = { .slot = 0, .start = 1000, .end = 1000 + 604800 }, got, *v;
	struct shift_filter filter = { 0 };
	size_t n;

	assert_int_equal(store_open(f->path, &f->db), 0);
	assert_int_equal(store_person_add(f->db, &a, 1), 0);
	assert_int_equal(store_person_add(f->db, &b, 1), 0);
	snprintf(r.name, sizeof r.name, "primary");
	snprintf(r.tz, sizeof r.tz, "Europe/Dublin");
	assert_int_equal(store_rotation_add(f->db, &r, 1), 0);
	snprintf(t.name, sizeof t.name, "2027-h1");
	t.rotation_id = r.id;
	assert_int_equal(store_term_add(f->db, &t, 1), 0);
	sh.rotation_id = r.id;
	sh.term_id = t.id;
	sh.person_id = a.id;
	snprintf(sh.rotation, sizeof sh.rotation, "primary");
	snprintf(sh.term, sizeof sh.term, "2027-h1");
	assert_int_equal(store_shift_insert(f->db, &sh, 1), 0);
	assert_int_equal(store_shift_assign(f->db, sh.id, b.id, ORIGIN_SWAP, 2), 0);
	assert_int_equal(store_shift_get(f->db, sh.id, &got), 0);
	assert_string_equal(got.handle, "bo");
	assert_int_equal(got.origin, ORIGIN_SWAP);
	assert_int_equal(got.sequence, 1);
	/* The UID is the slot's identity: unchanged by the swap. */
	assert_string_equal(got.uid, sh.uid);
	assert_int_equal(store_shift_cancel(f->db, sh.id, 3), 0);
	assert_int_equal(store_shift_list(f->db, &filter, &v, &n), 0);
	assert_int_equal(n, 0);
	free(v);
	filter.include_cancelled = true;
	assert_int_equal(store_shift_list(f->db, &filter, &v, &n), 0);
	assert_int_equal(n, 1);
	assert_true(v[0].cancelled);
	assert_int_equal(v[0].sequence, 2);
	free(v);
}

/* The shift in force in each rotation, primary rotations first, then by
 * name; cancelled and ended shifts are not in force. */
static void
test_shift_now(void **state)
{
	struct fixture *f = *state;
	struct person a = person("ana"), b = person("bo");
	struct rotation rots[3] = {
		{ .tier = TIER_ESCALATION, .handoff_dow = 1, .handoff_minute = 600, .shift_days = 7 },
		{ .tier = TIER_PRIMARY, .handoff_dow = 1, .handoff_minute = 600, .shift_days = 7 },
		{ .tier = TIER_PRIMARY, .handoff_dow = 1, .handoff_minute = 600, .shift_days = 7 },
	};
	static const char *const names[3] = { "a-managers", "zulu", "bravo" };
	struct term t[3];
	struct on_call *v;
	size_t n;

	assert_int_equal(store_open(f->path, &f->db), 0);
	assert_int_equal(store_person_add(f->db, &a, 1), 0);
	assert_int_equal(store_person_add(f->db, &b, 1), 0);
	for (int i = 0; i < 3; i++) {
		snprintf(rots[i].name, sizeof rots[i].name, "%s", names[i]);
		snprintf(rots[i].tz, sizeof rots[i].tz, "Asia/Kolkata");
		assert_int_equal(store_rotation_add(f->db, &rots[i], 1), 0);
		memset(&t[i], 0, sizeof t[i]);
		snprintf(t[i].name, sizeof t[i].name, "%s-t", names[i]);
		t[i].rotation_id = rots[i].id;
		t[i].weeks = 3;
		t[i].start = 1000;
		t[i].end = 1000 + 3 * 604800;
		assert_int_equal(store_term_add(f->db, &t[i], 1), 0);
		for (int k = 0; k < 3; k++) {
			struct shift sh = { .slot = k, .start = 1000 + k * 604800,
					    .end = 1000 + (k + 1) * 604800 };

			sh.rotation_id = rots[i].id;
			sh.term_id = t[i].id;
			sh.person_id = (k + i) % 2 ? b.id : a.id;
			snprintf(sh.rotation, sizeof sh.rotation, "%s", names[i]);
			snprintf(sh.term, sizeof sh.term, "%s", t[i].name);
			assert_int_equal(store_shift_insert(f->db, &sh, 1), 0);
			/* bravo's second week is cancelled: nobody is on call. */
			if (i == 2 && k == 1)
				assert_int_equal(store_shift_cancel(f->db, sh.id, 2), 0);
			/* zulu's second week was overridden to bo. */
			if (i == 1 && k == 1)
				assert_int_equal(store_shift_assign(f->db, sh.id, b.id,
								    ORIGIN_OVERRIDE, 2), 0);
		}
	}
	/* In the second week: bravo's is cancelled, so nobody covers it. */
	assert_int_equal(store_now(f->db, 1000 + 604800 + 5, &v, &n), 0);
	assert_int_equal(n, 3);
	assert_string_equal(v[0].rotation, "bravo");
	assert_int_equal(v[0].shift_id, 0);
	assert_string_equal(v[0].handle, "");
	assert_string_equal(v[1].rotation, "zulu");
	assert_int_equal(v[1].tier, TIER_PRIMARY);
	assert_string_equal(v[1].handle, "bo");
	assert_int_equal(v[1].person_id, b.id);
	assert_int_equal(v[1].origin, ORIGIN_OVERRIDE);
	assert_int_equal(v[1].start, 1000 + 604800);
	assert_int_equal(v[1].end, 1000 + 2 * 604800);
	assert_int_equal(v[1].rotation_id, rots[1].id);
	assert_string_equal(v[1].tz, "Asia/Kolkata");
	assert_string_equal(v[2].rotation, "a-managers");
	assert_int_equal(v[2].tier, TIER_ESCALATION);
	assert_string_equal(v[2].handle, "bo");
	assert_int_equal(v[2].origin, ORIGIN_GENERATED);
	free(v);
	/* The first instant of the first week, and after the last one. */
	assert_int_equal(store_now(f->db, 1000, &v, &n), 0);
	assert_int_equal(n, 3);
	assert_string_equal(v[0].rotation, "bravo");
	assert_string_equal(v[1].rotation, "zulu");
	assert_string_equal(v[2].rotation, "a-managers");
	for (size_t i = 0; i < n; i++)
		assert_int_not_equal(v[i].shift_id, 0);
	free(v);
	for (int k = 0; k < 2; k++) {
		assert_int_equal(store_now(f->db, k ? 1000 + 3 * 604800 : 999, &v, &n), 0);
		assert_int_equal(n, 3);
		for (size_t i = 0; i < n; i++)
			assert_int_equal(v[i].shift_id, 0);
		free(v);
	}
}

/* Shifts longer than a week (a rotation of
 * four-week shifts) are found all along, to their last second. */
static void
test_shift_now_long_shifts(void **state)
{
	struct fixture *f = *state;
	struct person a = person("ana");
	struct rotation rot = { .tier = TIER_PRIMARY, .handoff_dow = 1, .handoff_minute = 600,
				.shift_days = 28 };
	struct term t = { .weeks = 8, .start = 1000, .end = 1000 + 8 * 604800 };
	struct on_call *v;
	size_t n;

	assert_int_equal(store_open(f->path, &f->db), 0);
	assert_int_equal(store_person_add(f->db, &a, 1), 0);
	snprintf(rot.name, sizeof rot.name, "monthly");
	snprintf(rot.tz, sizeof rot.tz, "Australia/Sydney");
	assert_int_equal(store_rotation_add(f->db, &rot, 1), 0);
	snprintf(t.name, sizeof t.name, "m-t");
	t.rotation_id = rot.id;
	assert_int_equal(store_term_add(f->db, &t, 1), 0);
	for (int k = 0; k < 2; k++) {
		struct shift sh = { .slot = k, .start = 1000 + k * 4 * 604800,
				    .end = 1000 + (k + 1) * 4 * 604800 };

		sh.rotation_id = rot.id;
		sh.term_id = t.id;
		sh.person_id = a.id;
		snprintf(sh.rotation, sizeof sh.rotation, "monthly");
		snprintf(sh.term, sizeof sh.term, "m-t");
		assert_int_equal(store_shift_insert(f->db, &sh, 1), 0);
	}
	static const int64_t at[] = { 1000, 1000 + 691200, 1000 + 691201, 1000 + 20 * 86400,
				      1000 + 4 * 604800 - 1, 1000 + 4 * 604800,
				      1000 + 8 * 604800 - 1 };
	static const int slot_start[] = { 0, 0, 0, 0, 0, 4, 4 };
	for (size_t i = 0; i < sizeof at / sizeof at[0]; i++) {
		assert_int_equal(store_now(f->db, at[i], &v, &n), 0);
		assert_int_equal(n, 1);
		assert_int_not_equal(v[0].shift_id, 0);
		assert_int_equal(v[0].start, 1000 + slot_start[i] * 604800);
		free(v);
	}
	assert_int_equal(store_now(f->db, 1000 + 8 * 604800, &v, &n), 0);
	assert_int_equal(n, 1);
	assert_int_equal(v[0].shift_id, 0);
	free(v);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_migrates_version_1, setup_unopened, teardown),
		cmocka_unit_test_setup_teardown(test_migrates_version_3_with_shifts, setup_unopened, teardown),
		cmocka_unit_test_setup_teardown(test_migrates_version_7_with_pages, setup_unopened, teardown),
		cmocka_unit_test_setup_teardown(test_shift_now, setup_unopened, teardown),
		cmocka_unit_test_setup_teardown(test_shift_now_long_shifts, setup_unopened, teardown),
		cmocka_unit_test_setup_teardown(test_rollback_changes_nothing, setup_unopened, teardown),
		cmocka_unit_test_setup_teardown(test_duplicate_is_data_error, setup_unopened, teardown),
		cmocka_unit_test_setup_teardown(test_shift_round_trip_and_sequence, setup_unopened, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
