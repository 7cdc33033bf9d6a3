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

#include "service/swap.h"
#include "tests/unit/service-fixture.h"

static void
test_request_accept(void **state)
{
	struct team *t = *state;
	struct swap w;
	struct shift sh;

	act_as(t, &t->ana);
	assert_int_equal(swap_request(&t->svc, t->shift[3], 0, 0, "dee", &w, &sh), 0);
	assert_int_equal(w.state, SWAP_OPEN);
	assert_string_equal(w.target, "dee");
	assert_int_equal(audit_count(t->base.db, "swap.request"), 1);

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
	assert_int_equal(audit_count(t->base.db, "swap.accept"), 1);

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
	assert_int_equal(swap_request(&t->svc, t->shift[3], 0, 0, NULL, &w, &sh), EX_NOPERM);
	assert_string_equal(last_error, "shift 4 is ana's, not yours (bo): only its owner "
			    "may ask for a swap");
	act_as(t, &t->ana);
	assert_int_equal(swap_request(&t->svc, t->shift[3], 0, 0, "cy", &w, &sh), EX_DATAERR);
	assert_non_null(strstr(last_error, "cy cannot take shift 4: "));
	assert_int_equal(swap_request(&t->svc, t->shift[3], 0, 0, "nobody", &w, &sh), EX_DATAERR);
	assert_string_equal(last_error, "unknown person 'nobody' (see rota person list)");
	t->svc.now = T0 + 3 * W + 60;
	assert_int_equal(swap_request(&t->svc, t->shift[3], T0 + 3 * W, 0, NULL, &w, &sh),
			 EX_DATAERR);
	assert_string_equal(last_error, "swap request: Mon 2027-01-25 10:00 Europe/Dublin is "
			    "in the past: the past is not rewritten (start at now: --from now)");
	assert_int_equal(swap_request(&t->svc, t->shift[3], T0 + 3 * W + 3600,
				      T0 + 3 * W + 60, NULL, &w, &sh), EX_DATAERR);
	assert_string_equal(last_error, "swap request: the range Mon 2027-01-25 11:00 "
			    "Europe/Dublin to Mon 2027-01-25 10:01 Europe/Dublin ends before it "
			    "starts");
	assert_int_equal(swap_request(&t->svc, t->shift[3], T0 + 3 * W + 3600,
				      T0 + 4 * W + 60, NULL, &w, &sh), EX_DATAERR);
	assert_string_equal(last_error, "swap request: Mon 2027-01-25 11:00 Europe/Dublin to "
			    "Mon 2027-02-01 10:01 Europe/Dublin is not inside shift 4 (Mon "
			    "2027-01-25 10:00 Europe/Dublin to Mon 2027-02-01 10:00 "
			    "Europe/Dublin)");
	t->svc.now = T0 + 4 * W;
	assert_int_equal(swap_request(&t->svc, t->shift[3], 0, 0, NULL, &w, &sh), EX_DATAERR);
	assert_string_equal(last_error, "swap request: shift 4 has ended: the past is not "
			    "rewritten");
	assert_int_equal(store_swap_list(t->base.db, 0, false, &v, &n), 0);
	free(v);
	assert_int_equal(n, 0);
	assert_int_equal(audit_count(t->base.db, "swap.request"), 0);
}

/* The open requests the actor sees, as swap list reads them
 * (swap_list_each): how many, and the first one's shift in *FIRST. */
struct seen {
	size_t n;
	int64_t first;
};

static int
see_request(void *row, void *arg)
{
	const struct swap_item *it = row;
	struct seen *seen = arg;

	if (seen->n++ == 0)
		seen->first = it->shift.id;
	return 0;
}

static size_t
open_requests_seen(struct team *t, int64_t *first)
{
	struct seen seen = { 0, 0 };

	assert_int_equal(swap_list_each(&t->svc, true, see_request, &seen), 0);
	if (first != NULL)
		*first = seen.first;
	return seen.n;
}

static void
test_open_request_decline_cancel(void **state)
{
	struct team *t = *state;
	struct swap w;
	struct shift sh;
	int64_t first;

	act_as(t, &t->ana);
	assert_int_equal(swap_request(&t->svc, t->shift[0], 0, 0, NULL, &w, &sh), 0);
	assert_int_equal(swap_request(&t->svc, t->shift[0], 0, 0, NULL, &w, &sh), EX_DATAERR);
	assert_string_equal(last_error, "shift 1 already has an open swap request (1): "
			    "cancel it first with rota swap cancel 1");
	assert_int_equal(swap_answer(&t->svc, 1, SWAP_ANSWER_DECLINE, &w, &sh), EX_NOPERM);
	assert_string_equal(last_error, "swap request 1 is your own: you may cancel it "
			    "(rota swap cancel 1), not decline it");

	/* Open to anyone: a member may see and decline it, eve (gone) may not. */
	act_as(t, &t->cy);
	assert_int_equal(open_requests_seen(t, &first), 1);
	assert_int_equal(first, t->shift[0]);
	act_as(t, &t->eve);
	assert_int_equal(swap_answer(&t->svc, 1, SWAP_ANSWER_DECLINE, &w, &sh), EX_NOPERM);
	assert_string_equal(last_error, "swap request 1 is open to members of term h1, "
			    "and you (eve) are not one");
	/* cy's decline leaves only cy out: still open to bo and dee, and
	 * ana may still cancel it. */
	act_as(t, &t->cy);
	assert_int_equal(swap_answer(&t->svc, 1, SWAP_ANSWER_DECLINE, &w, &sh), 0);
	assert_int_equal(w.state, SWAP_OPEN);
	assert_string_equal(sh.handle, "ana");
	assert_int_equal(open_requests_seen(t, NULL), 0);
	act_as(t, &t->bo);
	assert_int_equal(open_requests_seen(t, NULL), 1);
	act_as(t, &t->ana);
	assert_int_equal(swap_cancel(&t->svc, 1, &w, &sh), 0);
	assert_int_equal(w.state, SWAP_CANCELLED);

	act_as(t, &t->ana);
	assert_int_equal(swap_request(&t->svc, t->shift[0], 0, 0, "dee", &w, &sh), 0);
	act_as(t, &t->dee);
	assert_int_equal(swap_cancel(&t->svc, w.id, &w, &sh), EX_NOPERM);
	act_as(t, &t->ana);
	assert_int_equal(swap_cancel(&t->svc, w.id, &w, &sh), 0);
	assert_int_equal(w.state, SWAP_CANCELLED);
	assert_int_equal(audit_count(t->base.db, "swap.cancel"), 2);
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
	assert_int_equal(swap_request(&t->svc, t->shift[3], 0, 0, "dee", &w, &sh), 0);
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

/* A part cancelled when its week was merged again is not a shift one may
 * ask a swap of or override: its time is another part's now. */
static void
test_cancelled_part(void **state)
{
	struct team *t = *state;
	struct swap w;
	struct shift sh;
	int64_t part;

	act_as(t, &t->mo);
	assert_int_equal(swap_override_range(&t->svc, &t->ops, T0 + 3 * W + 2 * 86400,
					     T0 + 4 * W, "bo", false, &sh), 0);
	part = sh.id;
	assert_int_equal(swap_override_range(&t->svc, &t->ops, T0 + 3 * W + 2 * 86400,
					     T0 + 4 * W, "ana", false, &sh), 0);
	assert_int_equal(sh.id, t->shift[3]);
	assert_int_equal(store_shift_get(t->base.db, part, &sh), 0);
	assert_true(sh.cancelled);
	assert_int_equal(swap_override(&t->svc, part, "cy", true, &sh), EX_DATAERR);
	assert_string_equal(last_error, "shift 7 was cancelled: another part of its week "
			    "covers its time now (see rota schedule show)");
	act_as(t, &t->ana);
	assert_int_equal(swap_request(&t->svc, part, 0, 0, NULL, &w, &sh), EX_DATAERR);
	assert_int_equal(audit_count(t->base.db, "swap.request"), 0);
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
		cmocka_unit_test_setup_teardown(test_cancelled_part, team_setup, team_teardown),
		cmocka_unit_test_setup_teardown(test_suggest, team_setup, team_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
