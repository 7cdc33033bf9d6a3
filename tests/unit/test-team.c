/* service/team.c without the command line: people added, changed and
 * removed, volunteers joining and leaving terms, and who may do each. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "service/team.h"
#include "tests/unit/service-fixture.h"

static struct person
newcomer(const char *handle)
{
	struct person p = { .sleep_start = 1320, .sleep_end = 420 };

	snprintf(p.handle, sizeof p.handle, "%s", handle);
	snprintf(p.name, sizeof p.name, "New %s", handle);
	snprintf(p.email, sizeof p.email, "%s@example.com", handle);
	snprintf(p.tz, sizeof p.tz, "Asia/Kolkata");
	return p;
}

static void
test_person_add(void **state)
{
	struct team *t = *state;
	struct person p = newcomer("raj"), got;

	act_as(t, &t->ana);
	assert_int_equal(person_add(&t->svc, &p), EX_NOPERM);
	assert_string_equal(last_error, "person add: managers only (you are ana)");
	assert_int_equal(store_person_get(t->base.db, "raj", &got), STORE_NOT_FOUND);

	act_as(t, &t->mo);
	assert_int_equal(person_add(&t->svc, &p), 0);
	assert_int_equal(store_person_get(t->base.db, "raj", &got), 0);
	assert_string_equal(got.tz, "Asia/Kolkata");
	assert_int_equal(audit_count(t->base.db, "person.add"), 1);
}

static void
test_person_set(void **state)
{
	struct team *t = *state;
	struct person p = t->bo, got;

	/* Their own details, yes; someone else's or the manager flag, no. */
	act_as(t, &t->bo);
	snprintf(p.tz, sizeof p.tz, "America/Bogota");
	assert_int_equal(person_set(&t->svc, &p, false), 0);
	assert_int_equal(store_person_get(t->base.db, "bo", &got), 0);
	assert_string_equal(got.tz, "America/Bogota");

	p.is_manager = true;
	assert_int_equal(person_set(&t->svc, &p, true), EX_NOPERM);
	assert_string_equal(last_error, "person set --manager: managers only (you are bo)");
	p.is_manager = false;
	assert_int_equal(person_set(&t->svc, &p, true), EX_NOPERM);
	assert_string_equal(last_error, "person set --no-manager: managers only (you are bo)");
	/* Without asking for it, the flag stays whatever P says. */
	p.is_manager = true;
	assert_int_equal(person_set(&t->svc, &p, false), 0);
	assert_int_equal(store_person_get(t->base.db, "bo", &got), 0);
	assert_false(got.is_manager);

	p = t->cy;
	assert_int_equal(person_set(&t->svc, &p, false), EX_NOPERM);
	assert_string_equal(last_error, "person set for someone else: managers only (you are bo)");

	act_as(t, &t->mo);
	p.is_manager = true;
	assert_int_equal(person_set(&t->svc, &p, true), 0);
	assert_int_equal(store_person_get(t->base.db, "cy", &got), 0);
	assert_true(got.is_manager);
	assert_int_equal(audit_count(t->base.db, "person.set"), 3);
}

static void
test_person_remove(void **state)
{
	struct team *t = *state;
	struct person got;

	act_as(t, &t->ana);
	assert_int_equal(person_remove(&t->svc, "dee"), EX_NOPERM);
	act_as(t, &t->mo);
	assert_int_equal(person_remove(&t->svc, "ana"), EX_DATAERR);
	assert_string_equal(last_error, "ana still holds 2 current or future shifts: override "
			    "them (rota override) or regenerate after they leave their terms "
			    "(rota volunteer leave)");
	/* A shift in progress counts; once the last has ended, they may go. */
	t->svc.now = T0 + 5 * W + 60;
	assert_int_equal(person_remove(&t->svc, "cy"), EX_DATAERR);
	assert_string_equal(last_error, "cy still holds 1 current or future shift: override "
			    "them (rota override) or regenerate after they leave their terms "
			    "(rota volunteer leave)");
	assert_int_equal(person_remove(&t->svc, "ana"), 0);
	assert_int_equal(store_person_get(t->base.db, "ana", &got), STORE_NOT_FOUND);
	assert_int_equal(person_remove(&t->svc, "nobody"), EX_DATAERR);
	assert_string_equal(last_error, "unknown person 'nobody' (see rota person list)");
}

static void
test_volunteer(void **state)
{
	struct team *t = *state;
	struct membership_change c;

	/* dee is a member already; mo joins (a manager may volunteer). */
	act_as(t, &t->dee);
	assert_int_equal(volunteer_join(&t->svc, "h1", NULL, &c), EX_DATAERR);
	assert_string_equal(last_error, "dee is already a member of term 'h1'");
	assert_int_equal(volunteer_join(&t->svc, "h1", "mo", &c), EX_NOPERM);
	assert_string_equal(last_error, "volunteer join for someone else: managers only "
			    "(you are dee)");
	act_as(t, &t->mo);
	assert_int_equal(volunteer_join(&t->svc, "h1", NULL, &c), 0);
	assert_string_equal(c.person.handle, "mo");
	assert_int_equal(c.at, T0);             /* before the term: from its start */
	assert_int_equal(audit_count(t->base.db, "volunteer.join"), 1);

	/* Leaving says how many of their shifts are still theirs. */
	act_as(t, &t->bo);
	assert_int_equal(volunteer_leave(&t->svc, "h1", NULL, &c), 0);
	assert_int_equal(c.shifts_held, 2);
	assert_int_equal(c.at, NOW);
	assert_int_equal(volunteer_leave(&t->svc, "h1", NULL, &c), EX_DATAERR);
	assert_string_equal(last_error, "bo is not a member of term 'h1' (see rota term show h1)");

	/* A term that has ended is history. */
	t->svc.now = T0 + 6 * W;
	assert_int_equal(volunteer_join(&t->svc, "h1", NULL, &c), EX_DATAERR);
	assert_string_equal(last_error, "term 'h1' already ended (Mon 2027-02-15 10:00 "
			    "Europe/Dublin): its members are history");
	assert_int_equal(volunteer_join(&t->svc, "h9", NULL, &c), EX_DATAERR);
	assert_string_equal(last_error, "unknown term 'h9' (see rota term list)");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_person_add, team_setup, team_teardown),
		cmocka_unit_test_setup_teardown(test_person_set, team_setup, team_teardown),
		cmocka_unit_test_setup_teardown(test_person_remove, team_setup, team_teardown),
		cmocka_unit_test_setup_teardown(test_volunteer, team_setup, team_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
