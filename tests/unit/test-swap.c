/* service/swap.c without the command line: requests, answers, cancels,
 * overrides and suggestions on a store built through its API, with the
 * messages kept by a sink instead of printed. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "common/err.h"
#include "service/swap.h"
#include "tests/unit/store-fixture.h"

#define W (7 * 86400LL)
#define T0 1799056800LL			/* Mon 2027-01-04 10:00 UTC */
#define NOW (T0 - W)

/* The messages of the operation under test. */
static char last_error[4096], last_warning[4096];

static void
keep(enum rota_msg_kind kind, const char *text, void *arg)
{
	(void)arg;
	snprintf(kind == ROTA_MSG_ERROR ? last_error : last_warning, sizeof last_error,
		 "%s", text);
}

/* ana, bo, cy volunteer in term h1 of rotation ops (6 weeks: ana, bo, cy,
 * ana, bo, cy); dee joined and holds nothing; eve left before now; mo is
 * a manager and no member. */
struct team {
	struct fixture base;            /* first: the store fixture's teardown frees it */
	struct person ana, bo, cy, dee, eve, mo;
	struct term term;
	int64_t shift[6];
	struct actor actor;
	struct svc svc;
};

static struct person
add_person(struct store *db, const char *handle, bool manager)
{
	struct person p = { .sleep_start = 1320, .sleep_end = 420, .is_manager = manager };

	snprintf(p.handle, sizeof p.handle, "%s", handle);
	snprintf(p.name, sizeof p.name, "Name of %s", handle);
	snprintf(p.email, sizeof p.email, "%s@example.com", handle);
	snprintf(p.tz, sizeof p.tz, "Europe/Dublin");
	assert_int_equal(store_person_add(db, &p, 0), 0);
	return p;
}

/* Makes P the acting person (a manager's rights when they are one). */
static void
act_as(struct team *t, const struct person *p)
{
	memset(&t->actor, 0, sizeof t->actor);
	snprintf(t->actor.login, sizeof t->actor.login, "%s", p->handle);
	snprintf(t->actor.label, sizeof t->actor.label, "%s", p->handle);
	t->actor.known = true;
	t->actor.person = *p;
	t->actor.privileged = p->is_manager;
	last_error[0] = last_warning[0] = '\0';
}

static int
team_setup(void **state)
{
	struct team *t = calloc(1, sizeof *t);
	struct fixture *f;
	struct rotation ops = { .tier = TIER_PRIMARY, .handoff_dow = 1,
				.handoff_minute = 600, .shift_days = 7 };
	const struct person *order[3], *members[5];

	if (setup(state) != 0)
		return -1;
	f = *state;
	t->base = *f;
	free(f);
	*state = t;
	t->ana = add_person(t->base.db, "ana", false);
	t->bo = add_person(t->base.db, "bo", false);
	t->cy = add_person(t->base.db, "cy", false);
	t->dee = add_person(t->base.db, "dee", false);
	t->eve = add_person(t->base.db, "eve", false);
	t->mo = add_person(t->base.db, "mo", true);
	members[0] = &t->ana;
	members[1] = &t->bo;
	members[2] = &t->cy;
	members[3] = &t->dee;
	members[4] = &t->eve;
	snprintf(ops.name, sizeof ops.name, "ops");
	snprintf(ops.tz, sizeof ops.tz, "Europe/Dublin");
	assert_int_equal(store_rotation_add(t->base.db, &ops, 0), 0);
	t->term = (struct term){ .rotation_id = ops.id, .start = T0, .end = T0 + 6 * W,
				 .weeks = 6 };
	snprintf(t->term.name, sizeof t->term.name, "h1");
	assert_int_equal(store_term_add(t->base.db, &t->term, 0), 0);
	for (size_t i = 0; i < 5; i++)
		assert_int_equal(store_member_join(t->base.db, t->term.id, members[i]->id, 0), 0);
	assert_int_equal(store_member_leave(t->base.db, t->term.id, t->eve.id, NOW - 1), 0);
	order[0] = &t->ana;
	order[1] = &t->bo;
	order[2] = &t->cy;
	for (int w = 0; w < 6; w++) {
		struct shift sh = { .rotation_id = ops.id, .term_id = t->term.id, .slot = w,
				    .person_id = order[w % 3]->id, .start = T0 + w * W,
				    .end = T0 + (w + 1) * W };

		assert_int_equal(store_shift_insert(t->base.db, &sh, 0), 0);
		t->shift[w] = sh.id;
	}
	t->svc = (struct svc){ .db = t->base.db, .cfg = NULL, .now = NOW, .actor = &t->actor };
	rota_set_sink(keep, NULL);
	return 0;
}

static int
team_teardown(void **state)
{
	rota_set_sink(NULL, NULL);
	return teardown(state);
}

static size_t
count(struct store *db, const char *action)
{
	struct audit_event *v;
	size_t n, k = 0;

	assert_int_equal(store_audit_list(db, 0, &v, &n), 0);
	for (size_t i = 0; i < n; i++)
		k += strcmp(v[i].action, action) == 0;
	store_audit_free(v, n);
	return k;
}

static void
test_request_accept(void **state)
{
	struct team *t = *state;
	struct swap w;
	struct shift sh;

	act_as(t, &t->ana);
	assert_int_equal(swap_request(&t->svc, t->shift[3], "dee", &w, &sh), 0);
	assert_int_equal(w.state, SWAP_OPEN);
	assert_string_equal(w.target, "dee");
	assert_int_equal(count(t->base.db, "swap.request"), 1);

	act_as(t, &t->bo);
	assert_int_equal(swap_answer(&t->svc, w.id, SWAP_ANSWER_ACCEPT, &w, &sh), EX_NOPERM);
	assert_string_equal(last_error, "swap request 1 asks dee, not you (bo): only dee "
			    "may accept it");

	act_as(t, &t->dee);
	assert_int_equal(swap_answer(&t->svc, w.id, SWAP_ANSWER_ACCEPT, &w, &sh), 0);
	assert_int_equal(w.state, SWAP_ACCEPTED);
	assert_string_equal(w.decided_by, "dee");
	assert_string_equal(sh.handle, "dee");
	assert_int_equal(sh.origin, ORIGIN_SWAP);
	assert_int_equal(count(t->base.db, "swap.accept"), 1);

	assert_int_equal(swap_answer(&t->svc, w.id, SWAP_ANSWER_ACCEPT, &w, &sh), EX_DATAERR);
	assert_string_equal(last_error, "swap request 1 is no longer open (accepted by dee)");
}

static void
test_request_refused(void **state)
{
	struct team *t = *state;
	struct swap w, *v;
	struct shift sh;
	size_t n;

	act_as(t, &t->bo);
	assert_int_equal(swap_request(&t->svc, t->shift[3], NULL, &w, &sh), EX_NOPERM);
	assert_string_equal(last_error, "shift 4 is ana's, not yours (bo): only its owner "
			    "may ask for a swap");
	act_as(t, &t->ana);
	assert_int_equal(swap_request(&t->svc, t->shift[3], "cy", &w, &sh), EX_DATAERR);
	assert_non_null(strstr(last_error, "cy cannot take shift 4: "));
	assert_int_equal(swap_request(&t->svc, t->shift[3], "nobody", &w, &sh), EX_DATAERR);
	assert_string_equal(last_error, "unknown person 'nobody' (see rota person list)");
	t->svc.now = T0 + 3 * W + 60;
	assert_int_equal(swap_request(&t->svc, t->shift[3], NULL, &w, &sh), EX_DATAERR);
	assert_string_equal(last_error, "swap request: shift 4 started at "
			    "2027-01-25T10:00:00Z: only shifts that have not started can "
			    "change hands");
	assert_int_equal(store_swap_list(t->base.db, 0, false, &v, &n), 0);
	free(v);
	assert_int_equal(n, 0);
	assert_int_equal(count(t->base.db, "swap.request"), 0);
}

static void
test_open_request_decline_cancel(void **state)
{
	struct team *t = *state;
	struct swap w, *v;
	struct shift sh, *shifts;
	size_t n;

	act_as(t, &t->ana);
	assert_int_equal(swap_request(&t->svc, t->shift[0], NULL, &w, &sh), 0);
	assert_int_equal(swap_request(&t->svc, t->shift[0], NULL, &w, &sh), EX_DATAERR);
	assert_string_equal(last_error, "shift 1 already has an open swap request (1): "
			    "cancel it first with rota swap cancel 1");
	assert_int_equal(swap_answer(&t->svc, 1, SWAP_ANSWER_DECLINE, &w, &sh), EX_NOPERM);
	assert_string_equal(last_error, "swap request 1 is your own: you may cancel it "
			    "(rota swap cancel 1), not decline it");

	/* Open to anyone: a member may see and decline it, eve (gone) may not. */
	act_as(t, &t->cy);
	assert_int_equal(swap_list(&t->svc, true, &v, &shifts, &n), 0);
	assert_int_equal(n, 1);
	assert_int_equal(shifts[0].id, t->shift[0]);
	free(v);
	free(shifts);
	act_as(t, &t->eve);
	assert_int_equal(swap_answer(&t->svc, 1, SWAP_ANSWER_DECLINE, &w, &sh), EX_NOPERM);
	assert_string_equal(last_error, "swap request 1 is open to members of term h1, "
			    "and you (eve) are not one");
	act_as(t, &t->cy);
	assert_int_equal(swap_answer(&t->svc, 1, SWAP_ANSWER_DECLINE, &w, &sh), 0);
	assert_int_equal(w.state, SWAP_DECLINED);
	assert_string_equal(sh.handle, "ana");

	act_as(t, &t->ana);
	assert_int_equal(swap_request(&t->svc, t->shift[0], "dee", &w, &sh), 0);
	act_as(t, &t->dee);
	assert_int_equal(swap_cancel(&t->svc, w.id, &w, &sh), EX_NOPERM);
	act_as(t, &t->ana);
	assert_int_equal(swap_cancel(&t->svc, w.id, &w, &sh), 0);
	assert_int_equal(w.state, SWAP_CANCELLED);
	assert_int_equal(count(t->base.db, "swap.cancel"), 1);
	assert_int_equal(swap_cancel(&t->svc, 99, &w, &sh), EX_DATAERR);
	assert_string_equal(last_error, "unknown swap request 99 (see rota swap list)");
}

static void
test_override(void **state)
{
	struct team *t = *state;
	struct swap w;
	struct shift sh;

	act_as(t, &t->ana);
	assert_int_equal(swap_request(&t->svc, t->shift[3], "dee", &w, &sh), 0);
	assert_int_equal(swap_override(&t->svc, t->shift[3], "dee", false, &sh), EX_NOPERM);
	assert_string_equal(last_error, "override: managers only (you are ana)");

	act_as(t, &t->mo);
	assert_int_equal(swap_override(&t->svc, t->shift[3], "cy", false, &sh), EX_DATAERR);
	assert_non_null(strstr(last_error, "(use --force to override anyway)"));
	assert_int_equal(swap_override(&t->svc, t->shift[3], "cy", true, &sh), 0);
	assert_string_equal(sh.handle, "cy");
	assert_int_equal(sh.origin, ORIGIN_OVERRIDE);
	assert_non_null(strstr(last_warning, "cy takes shift 4 although "));
	/* The request for the shift closed with it. */
	assert_int_equal(store_swap_get(t->base.db, w.id, &w), 0);
	assert_int_not_equal(w.state, SWAP_OPEN);

	t->svc.now = T0 + W;
	assert_int_equal(swap_override(&t->svc, t->shift[0], "dee", false, &sh), EX_DATAERR);
	assert_string_equal(last_error, "override: shift 1 has ended: the past is not "
			    "rewritten");
}

static void
test_suggest(void **state)
{
	struct team *t = *state;
	struct swap_candidate *v;
	struct shift sh;
	size_t n, takers;

	/* cy leaves the term before week 3: named, with why. eve left: not. */
	assert_int_equal(store_member_leave(t->base.db, t->term.id, t->cy.id, T0 + 2 * W), 0);
	assert_int_equal(store_shift_get(t->base.db, t->shift[3], &sh), 0);
	act_as(t, &t->ana);
	assert_int_equal(swap_suggest(&t->svc, &sh, &v, &n, &takers), 0);
	assert_int_equal(n, 3);
	assert_int_equal(takers, 1);
	assert_string_equal(v[0].person.handle, "dee");
	assert_int_equal(v[0].verdict.nearest, -1);
	assert_string_equal(v[1].person.handle, "bo");
	assert_string_equal(v[1].verdict.why, "breaks the minimum gap of 1 shift(s) off: "
			    "already on call from Mon 2027-02-01 10:00 Europe/Dublin (shift 5)");
	assert_string_equal(v[2].person.handle, "cy");
	assert_string_equal(v[2].verdict.why, "not a member of term h1 at that time");
	free(v);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_request_accept, team_setup, team_teardown),
		cmocka_unit_test_setup_teardown(test_request_refused, team_setup, team_teardown),
		cmocka_unit_test_setup_teardown(test_open_request_decline_cancel, team_setup,
						team_teardown),
		cmocka_unit_test_setup_teardown(test_override, team_setup, team_teardown),
		cmocka_unit_test_setup_teardown(test_suggest, team_setup, team_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
