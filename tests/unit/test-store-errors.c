/* The store's error paths: a failed write is an error, never success;
 * "already a member" is its own answer; a stored word rota never writes
 * (a damaged database) is an error, never read as a default; the
 * statement cache holds as many statements as the store prepares. */
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
#include <cmocka.h>

#include "store/store-private.h"
#include "tests/unit/store-fixture.h"

/* Runs SQL on the fixture's connection, around the store: what a damaged
 * or hand-edited database holds. */
static void
raw(struct fixture *f, const char *sql)
{
	char *err = NULL;

	if (sqlite3_exec(f->db->db, sql, NULL, NULL, &err) != SQLITE_OK)
		fail_msg("%s: %s", sql, err);
}

/* Ana, and a term of a primary rotation for her to join. */
static void
add_team(struct fixture *f, struct person *ana, struct term *t)
{
	struct rotation rot = { .tier = TIER_PRIMARY, .handoff_dow = 1,
				.handoff_minute = 600, .shift_days = 7 };

	*ana = (struct person){ .sleep_start = 1320, .sleep_end = 420 };
	snprintf(ana->handle, sizeof ana->handle, "ana");
	snprintf(ana->name, sizeof ana->name, "Ana");
	snprintf(ana->email, sizeof ana->email, "ana@example.com");
	snprintf(ana->tz, sizeof ana->tz, "Europe/Dublin");
	assert_int_equal(store_person_add(f->db, ana, 0), 0);
	snprintf(rot.name, sizeof rot.name, "ops");
	snprintf(rot.tz, sizeof rot.tz, "Europe/Dublin");
	assert_int_equal(store_rotation_add(f->db, &rot, 0), 0);
	*t = (struct term){ .rotation_id = rot.id, .start = 604800, .end = 4 * 604800,
			    .weeks = 3 };
	snprintf(t->name, sizeof t->name, "t1");
	assert_int_equal(store_term_add(f->db, t, 0), 0);
}

static void
test_join_twice_is_already(void **state)
{
	struct fixture *f = *state;
	struct person ana;
	struct term t;
	struct membership m;

	add_team(f, &ana, &t);
	assert_int_equal(store_member_join(f->db, t.id, ana.id, 10), 0);
	assert_int_equal(store_member_join(f->db, t.id, ana.id, 20), STORE_EXISTS);
	/* The second join changed nothing. */
	assert_int_equal(store_member_get(f->db, t.id, ana.id, &m), 0);
	assert_int_equal(m.joined, 10);
	/* Leaving and joining again reopens the membership. */
	assert_int_equal(store_member_leave(f->db, t.id, ana.id, 30), 0);
	assert_int_equal(store_member_leave(f->db, t.id, ana.id, 31), STORE_NOT_FOUND);
	assert_int_equal(store_member_join(f->db, t.id, ana.id, 40), 0);
	assert_int_equal(store_member_get(f->db, t.id, ana.id, &m), 0);
	assert_int_equal(m.joined, 40);
	assert_int_equal(m.left, INT64_MAX);
}

static void
test_join_failing_is_error(void **state)
{
	struct fixture *f = *state;
	struct person ana;
	struct term t;
	struct membership m;
	int r;

	add_team(f, &ana, &t);
	/* The statement fails as a full disk or an I/O error would. */
	raw(f, "CREATE TRIGGER no_join BEFORE INSERT ON memberships "
	    "BEGIN SELECT RAISE(ABORT, 'refused by the test'); END");
	r = store_member_join(f->db, t.id, ana.id, 10);
	assert_int_not_equal(r, 0);
	assert_int_not_equal(r, STORE_EXISTS);
	assert_int_not_equal(r, STORE_NOT_FOUND);
	assert_int_equal(store_member_get(f->db, t.id, ana.id, &m), STORE_NOT_FOUND);

	/* And with the table gone, the cached statement fails too. */
	raw(f, "DROP TRIGGER no_join; DROP TABLE memberships");
	r = store_member_join(f->db, t.id, ana.id, 10);
	assert_int_not_equal(r, 0);
	assert_int_not_equal(r, STORE_EXISTS);
	assert_int_not_equal(r, STORE_NOT_FOUND);
}

static void
test_unknown_swap_state_is_error(void **state)
{
	struct fixture *f = *state;
	struct person ana;
	struct term t;
	struct swap w, *v = (struct swap *)&v;
	size_t n = 99;

	add_team(f, &ana, &t);
	/* A swap row as no rota writes it: the CHECK and the shift's
	 * reference set aside, as a damaged file would. */
	raw(f, "PRAGMA foreign_keys = OFF; PRAGMA ignore_check_constraints = ON; "
	    "INSERT INTO swaps (id, shift_id, requester_id, state, created_at) "
	    "VALUES (7, 1, 1, 'bogus', 0); PRAGMA ignore_check_constraints = OFF; "
	    "PRAGMA foreign_keys = ON");
	assert_int_equal(store_swap_get(f->db, 7, &w), EX_DATAERR);
	assert_int_equal(store_swap_list(f->db, 0, false, &v, &n), EX_DATAERR);
	assert_null(v);
	assert_int_equal(n, 0);
	/* Not even the open-only list reads it as open. */
	assert_int_equal(store_swap_list(f->db, 0, true, &v, &n), 0);
	assert_int_equal(n, 0);
	free(v);
}

static void
test_unknown_words_are_errors(void **state)
{
	struct fixture *f = *state;
	struct person ana;
	struct term t;
	struct rotation rot;
	struct notification note = { .created = 5 }, *nv;
	struct page *pv;
	size_t n;

	add_team(f, &ana, &t);
	raw(f, "PRAGMA ignore_check_constraints = ON");
	raw(f, "UPDATE rotations SET tier = 'tertiary'");
	assert_int_equal(store_rotation_get(f->db, "ops", &rot), EX_DATAERR);
	raw(f, "UPDATE rotations SET tier = 'primary'");
	assert_int_equal(store_rotation_get(f->db, "ops", &rot), 0);

	/* A good notification read before the bad one: its body is freed
	 * with the list (valgrind). */
	snprintf(note.kind, sizeof note.kind, "test");
	snprintf(note.dedup_key, sizeof note.dedup_key, "k1");
	snprintf(note.channel, sizeof note.channel, "email");
	note.body = "a body";
	assert_int_equal(store_notification_add(f->db, &note, NULL), 0);
	snprintf(note.dedup_key, sizeof note.dedup_key, "k2");
	note.created = 1;
	assert_int_equal(store_notification_add(f->db, &note, NULL), 0);
	raw(f, "UPDATE notifications SET state = 'lost' WHERE dedup_key = 'k2'");
	assert_int_equal(store_notification_list(f->db, 0, &nv, &n), EX_DATAERR);
	assert_null(nv);
	assert_int_equal(n, 0);
	assert_int_equal(store_notification_due(f->db, &nv, &n), 0);
	assert_int_equal(n, 1);
	store_notification_free(nv, n);

	/* A page's class may be NULL (unclassified), never a word of its own. */
	raw(f, "INSERT INTO pages (source, source_id, created_at, imported_at, class) "
	    "VALUES ('generic', 'p1', 100, 100, NULL)");
	assert_int_equal(store_page_list(f->db, 0, 1000, &pv, &n), 0);
	assert_int_equal(n, 1);
	assert_int_equal(pv[0].class, PAGE_UNCLASSIFIED);
	free(pv);
	raw(f, "UPDATE pages SET class = 'asleep'");
	assert_int_equal(store_page_list(f->db, 0, 1000, &pv, &n), EX_DATAERR);
	assert_null(pv);
}

static void
test_statement_cache_grows(void **state)
{
	struct fixture *f = *state;
	enum { N = 300 };
	static char sql[N][32];     /* distinct addresses: the cache's key */
	sqlite3_stmt *st[N];

	for (int i = 0; i < N; i++) {
		snprintf(sql[i], sizeof sql[i], "SELECT %d", i);
		st[i] = db_stmt(f->db, sql[i]);
		assert_non_null(st[i]);
	}
	/* Every statement still prepared and cached: the same one back, and
	 * the first still answers after the cache moved. */
	for (int i = 0; i < N; i++)
		assert_ptr_equal(db_stmt(f->db, sql[i]), st[i]);
	assert_int_equal(sqlite3_step(st[0]), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(st[0], 0), 0);
	assert_int_equal(sqlite3_step(st[N - 1]), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(st[N - 1], 0), N - 1);
	sqlite3_reset(st[0]);
	sqlite3_reset(st[N - 1]);
	/* The store's own statements still work beside them. */
	{
		struct person ana;
		struct term t;

		add_team(f, &ana, &t);
		assert_int_equal(store_member_join(f->db, t.id, ana.id, 10), 0);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_join_twice_is_already, setup, teardown),
		cmocka_unit_test_setup_teardown(test_join_failing_is_error, setup, teardown),
		cmocka_unit_test_setup_teardown(test_unknown_swap_state_is_error, setup, teardown),
		cmocka_unit_test_setup_teardown(test_unknown_words_are_errors, setup, teardown),
		cmocka_unit_test_setup_teardown(test_statement_cache_grows, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
