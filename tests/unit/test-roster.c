/* service/roster.c without the command line: who is on call now, a
 * person's next shifts, the schedule filtered, people and rotations. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "common/xalloc.h"
#include "service/roster.h"
#include "tests/unit/service-fixture.h"

/* Counts what roster_now hands over: covered rotations and their holders. */
struct seen {
	int rotations, uncovered;
	char holder[HANDLE_MAX];
};

static void
see(const struct on_duty *d, void *arg)
{
	const struct on_call *c = d->c;
	struct seen *s = arg;

	s->rotations++;
	if (c->shift_id == 0)
		s->uncovered++;
	else
		snprintf(s->holder, sizeof s->holder, "%s", c->handle);
}

static void
test_now(void **state)
{
	struct team *t = *state;
	struct seen s = { 0 };

	act_as(t, &t->dee);
	assert_int_equal(roster_now(&t->svc, NOW, see, &s), 0);
	assert_int_equal(s.rotations, 1);
	assert_int_equal(s.uncovered, 1);               /* before the term */
	memset(&s, 0, sizeof s);
	assert_int_equal(roster_now(&t->svc, T0 + W + 3600, see, &s), 0);
	assert_int_equal(s.uncovered, 0);
	assert_string_equal(s.holder, "bo");
}

static void
test_next(void **state)
{
	struct team *t = *state;
	struct person who;
	struct next_shift *v;
	size_t n;

	act_as(t, &t->ana);
	t->svc.now = T0 + W;                            /* ana's first week is over */
	assert_int_equal(roster_next(&t->svc, NULL, 5, &who, &v, &n), 0);
	assert_string_equal(who.handle, "ana");
	assert_int_equal(n, 1);
	assert_int_equal(v[0].sh.id, t->shift[3]);
	assert_int_equal(v[0].on_call_from, v[0].sh.start);       /* every hour */
	free(v);
	assert_int_equal(roster_next(&t->svc, "cy", 5, &who, &v, &n), 0);
	assert_int_equal(n, 2);
	free(v);
	assert_int_equal(roster_next(&t->svc, "cy", 1, &who, &v, &n), 0);
	assert_int_equal(n, 1);                         /* at most MAX */
	free(v);
	assert_int_equal(roster_next(&t->svc, "nobody", 5, &who, &v, &n), EX_DATAERR);
	assert_string_equal(last_error, "unknown person 'nobody' (see rota person list)");
	t->actor.known = false;
	assert_int_equal(roster_next(&t->svc, NULL, 5, &who, &v, &n), EX_NOPERM);
}

/* What roster_show handed over, in order. */
struct shown {
	struct shift v[8];
	size_t n;
};

static int
collect(void *row, void *arg)
{
	struct shown *sh = arg;

	assert_true(sh->n < 8);
	sh->v[sh->n++] = *(const struct shift *)row;
	return 0;
}

/* A row function's failure ends the listing with its status. */
static int
refuse(void *row, void *arg)
{
	(void)row;
	++*(int *)arg;
	return EX_IOERR;
}

static void
test_show(void **state)
{
	struct team *t = *state;
	struct shown sh = { .n = 0 };
	int calls = 0;

	act_as(t, &t->dee);
	assert_int_equal(roster_show(&t->svc, NULL, NULL, 0, 0, collect, &sh), 0);
	assert_int_equal(sh.n, 6);
	for (size_t i = 1; i < sh.n; i++)
		assert_true(sh.v[i - 1].start <= sh.v[i].start);
	sh.n = 0;
	assert_int_equal(roster_show(&t->svc, "ops", "bo", T0 + 2 * W, 0, collect, &sh), 0);
	assert_int_equal(sh.n, 1);
	assert_int_equal(sh.v[0].id, t->shift[4]);
	sh.n = 0;
	assert_int_equal(roster_show(&t->svc, NULL, NULL, T0 + W, T0 + 2 * W, collect, &sh), 0);
	assert_int_equal(sh.n, 1);
	assert_string_equal(sh.v[0].handle, "bo");
	assert_int_equal(roster_show(&t->svc, NULL, NULL, 0, 0, refuse, &calls), EX_IOERR);
	assert_int_equal(calls, 1);
	sh.n = 0;
	assert_int_equal(roster_show(&t->svc, "esc", NULL, 0, 0, collect, &sh), EX_DATAERR);
	assert_string_equal(last_error, "unknown rotation 'esc' (see rota rotation list)");
	assert_int_equal(sh.n, 0);
}

/* Keeps each person of roster_people_each. */
struct people_kept {
	struct person *v;
	size_t n;
};

static int
keep_person(void *row, void *arg)
{
	struct people_kept *k = arg;

	k->v = xpush(k->v, &k->n, sizeof *k->v);
	k->v[k->n - 1] = *(const struct person *)row;
	return 0;
}

static void
test_people_and_rotations(void **state)
{
	struct team *t = *state;
	struct people_kept kept = { NULL, 0 };
	struct roster_rotation *r;
	size_t n;

	act_as(t, &t->dee);
	assert_int_equal(roster_people_each(&t->svc, keep_person, &kept), 0);
	assert_int_equal(kept.n, 6);
	assert_string_equal(kept.v[0].handle, "ana");
	assert_string_equal(kept.v[5].handle, "mo");
	free(kept.v);
	assert_int_equal(roster_rotations(&t->svc, &r, &n), 0);
	assert_int_equal(n, 1);
	assert_string_equal(r[0].rotation.name, "ops");
	assert_int_equal(r[0].terms, 1);
	assert_string_equal(r[0].current.name, "");     /* before the term */
	free(r);
	t->svc.now = T0 + W;
	assert_int_equal(roster_rotations(&t->svc, &r, &n), 0);
	assert_string_equal(r[0].current.name, "h1");
	free(r);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_now, team_setup, team_teardown),
		cmocka_unit_test_setup_teardown(test_next, team_setup, team_teardown),
		cmocka_unit_test_setup_teardown(test_show, team_setup, team_teardown),
		cmocka_unit_test_setup_teardown(test_people_and_rotations, team_setup,
						team_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
