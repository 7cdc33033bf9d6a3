/* scheduler/fairness.c: exact figures of a known term, the balance score
 * of known sets, clipping of coverage to the term, rounding of the excess
 * load, weeks held in parts, and the gaps of scheduler/coverage.c. */
#include "config.h"

#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <cmocka.h>

#include "scheduler/coverage.h"
#include "scheduler/fairness.h"

#define W (7 * 86400LL)
#define NEVER INT64_MAX              /* still a member */

/* Doubles computed the same way compare exactly; leave room for the last bit. */
#define assert_near(a, b) assert_true(fabs((double)(a) - (double)(b)) < 1e-12)

static void
test_balance_known_sets(void **state)
{
	int64_t three[] = { 1000, 2000, 4000 };
	int64_t zeros[] = { 0, 0 };
	int64_t one_zero[] = { 0, 10 };
	int64_t equal[] = { 7, 7, 7, 7 };
	int64_t negative[] = { -5, 0 };
	int64_t negative_and_positive[] = { -5, 10 };
	int64_t single[] = { 42 };

	(void)state;
	/* Pairs 1/2, 1/4 and 2/4: (0.5 + 0.25 + 0.5) / 3. */
	assert_near(fair_balance(three, 3), 1.25 / 3.0);
	assert_near(fair_balance(zeros, 2), 1.0);
	assert_near(fair_balance(one_zero, 2), 0.0);
	assert_near(fair_balance(equal, 4), 1.0);
	assert_near(fair_balance(negative, 2), 1.0);
	assert_near(fair_balance(negative_and_positive, 2), 0.0);
	assert_near(fair_balance(single, 1), 1.0);
	assert_near(fair_balance(NULL, 0), 1.0);
}

static const char *
handle_of(const struct fair_report *r, size_t i)
{
	return r->members[i].handle;
}

/* Three members over ten weeks: a has two shifts (one on a holiday week),
 * b has two (the second running past the term's end), c none; someone who
 * is not a member covers the term's first half week from before it. */
static void
test_known_term(void **state)
{
	const struct fair_member members[] = {
		{ 1, "a", NEVER }, { 2, "b", NEVER }, { 3, "c", NEVER },
	};
	const struct fair_shift shifts[] = {
		{ 2, 19 * W / 2, 11 * W, 1000, 1000, 3 * W / 2 },	/* b, past the end */
		{ 1, 2 * W, 3 * W, 1500, 1000, W },		/* a, holiday week */
		{ 9, -W, W / 2, 1000, 1000, 3 * W / 2 },			/* not a member, before the start */
		{ 1, 0, W, 1000, 1000, W },			/* a */
		{ 2, W, 2 * W, 1000, 1000, W },			/* b */
	};
	struct fair_report r;

	(void)state;
	fair_compute(members, 3, shifts, 5, 0, 10 * W, &r);
	assert_int_equal(r.n_members, 3);
	assert_int_equal(r.span_seconds, 10 * W);
	/* Clipped to the term: [0, 3W) and [9.5W, 10W). */
	assert_int_equal(r.coverage_seconds, 7 * W / 2);
	assert_int_equal(r.spread, 2000);

	assert_string_equal(handle_of(&r, 0), "a");
	assert_int_equal(r.members[0].shifts, 2);
	assert_int_equal(r.members[0].oncall_seconds, 2 * W);
	assert_int_equal(r.members[0].load, 2500);
	assert_int_equal(r.members[0].min_gap, W);
	assert_int_equal(r.members[0].excess_load, 1000);	/* average 1500 */
	assert_near(r.members[0].excess_pct, 100.0 * 3000.0 / 4500.0);

	assert_string_equal(handle_of(&r, 1), "b");
	assert_int_equal(r.members[1].shifts, 2);
	assert_int_equal(r.members[1].oncall_seconds, 5 * W / 2);
	assert_int_equal(r.members[1].load, 2000);
	assert_int_equal(r.members[1].min_gap, 15 * W / 2);
	assert_int_equal(r.members[1].excess_load, 500);
	assert_near(r.members[1].excess_pct, 100.0 * 1500.0 / 4500.0);

	assert_string_equal(handle_of(&r, 2), "c");
	assert_int_equal(r.members[2].shifts, 0);
	assert_int_equal(r.members[2].oncall_seconds, 0);
	assert_int_equal(r.members[2].load, 0);
	assert_int_equal(r.members[2].min_gap, -1);
	assert_int_equal(r.members[2].excess_load, -1500);
	assert_near(r.members[2].excess_pct, -100.0);

	/* Hours 2W, 2.5W, 0: pairs 0.8, 0, 0. */
	assert_near(r.balance_hours, 0.8 / 3.0);
	fair_report_free(&r);
	fair_report_free(&r);
	assert_null(r.members);
}

/* Two tiers covering the same week count once; a gap between shifts is
 * not covered; a term with no shifts has no coverage. */
static void
test_coverage_overlaps_and_holes(void **state)
{
	const struct fair_member members[] = { { 1, "a", NEVER }, { 2, "b", NEVER } };
	const struct fair_shift shifts[] = {
		{ 1, 0, W, 1000, 1000, W },
		{ 2, W / 2, 3 * W / 2, 1000, 1000, W },		/* overlaps a's */
		{ 1, 3 * W, 5 * W, 1000, 1000, 2 * W },		/* after a hole of 1.5 weeks */
	};
	struct fair_report r;

	(void)state;
	fair_compute(members, 2, shifts, 3, 0, 4 * W, &r);
	/* [0, 1.5W) and [3W, 4W) of the term. */
	assert_int_equal(r.coverage_seconds, 5 * W / 2);
	assert_int_equal(r.span_seconds, 4 * W);
	assert_int_equal(r.members[0].min_gap, 2 * W);
	assert_int_equal(r.members[1].min_gap, -1);
	assert_int_equal(r.spread, 1000);
	fair_report_free(&r);

	fair_compute(members, 2, NULL, 0, 0, 4 * W, &r);
	assert_int_equal(r.coverage_seconds, 0);
	assert_int_equal(r.spread, 0);
	assert_near(r.balance_hours, 1.0);
	assert_int_equal(r.members[0].excess_load, 0);
	assert_near(r.members[0].excess_pct, 0.0);
	fair_report_free(&r);

	/* A term that ends before it starts spans nothing. */
	fair_compute(members, 2, shifts, 3, 4 * W, 0, &r);
	assert_int_equal(r.span_seconds, 0);
	assert_int_equal(r.coverage_seconds, 0);
	fair_report_free(&r);
}

/* The excess load is rounded half away from zero: loads 1000 and 1001
 * average 1000.5, so they are -0.5 and +0.5 from it. */
static void
test_excess_rounding(void **state)
{
	const struct fair_member members[] = { { 1, "a", NEVER }, { 2, "b", NEVER } };
	const struct fair_shift shifts[] = {
		{ 1, 0, W, 1000, 1000, W },
		{ 2, W, 2 * W, 1001, 1000, W },
	};
	struct fair_report r;

	(void)state;
	fair_compute(members, 2, shifts, 2, 0, 2 * W, &r);
	assert_int_equal(r.members[0].excess_load, -1);
	assert_int_equal(r.members[1].excess_load, 1);
	assert_near(r.members[1].excess_pct, 100.0 / 2001.0);
	assert_near(r.balance_hours, 1.0);
	assert_int_equal(r.coverage_seconds, 2 * W);
	fair_report_free(&r);
}

/* A week held in parts counts each part's share of it; a member who
 * left the term while holding a week leaves the rest of it uncovered.
 * Four weeks: a holds 3 days of week 0 (3/7: 428.6 -> 429 thousandths)
 * and b the rest (571), b week 1, a week 2, b week 3, but b left the term
 * half-way through week 3. */
static void
test_parts_and_departed(void **state)
{
	const int64_t D = 86400;
	const struct fair_member members[] = { { 1, "a", NEVER }, { 2, "b", 7 * W / 2 } };
	const struct fair_shift shifts[] = {
		{ 1, 0, 3 * D, 1000 * 3 / 7, 429, 3 * D },
		{ 2, 3 * D, W, 571, 571, 4 * D },
		{ 2, W, 2 * W, 1000, 1000, W },
		{ 1, 2 * W, 3 * W, 1000, 1000, W },
		{ 2, 3 * W, 4 * W, 1000, 1000, W },
	};
	struct fair_report r;

	(void)state;
	fair_compute(members, 2, shifts, 5, 0, 4 * W, &r);
	assert_int_equal(r.members[0].shifts, 2);
	assert_int_equal(r.members[0].weeks, 1429);
	assert_int_equal(r.members[0].oncall_seconds, 3 * D + W);
	assert_int_equal(r.members[1].shifts, 3);
	assert_int_equal(r.members[1].weeks, 2571);
	assert_int_equal(r.members[1].oncall_seconds, 4 * D + 2 * W);
	assert_int_equal(r.spread, 1142);
	assert_int_equal(r.coverage_seconds, 7 * W / 2);
	fair_report_free(&r);
}

/* A rotation covering out of hours: each shift counts the seconds it is
 * on call (83 of a week's 168 hours with Dublin and San Francisco), in
 * on-call hours and their balance, while weeks, load and coverage stay
 * those of the weeks held. */
static void
test_oncall_seconds(void **state)
{
	const int64_t H = 3600;
	const struct fair_member members[] = { { 1, "a", NEVER }, { 2, "b", NEVER } };
	const struct fair_shift shifts[] = {
		{ 1, 0, W, 1000, 1000, 83 * H },
		{ 2, W, 2 * W, 1000, 1000, 88 * H },
	};
	struct fair_report r;

	(void)state;
	fair_compute(members, 2, shifts, 2, 0, 2 * W, &r);
	assert_int_equal(r.members[0].oncall_seconds, 83 * H);
	assert_int_equal(r.members[1].oncall_seconds, 88 * H);
	assert_int_equal(r.members[0].weeks, 1000);
	assert_int_equal(r.coverage_seconds, 2 * W);
	assert_true(r.balance_hours > 83.0 / 88 - 1e-9 && r.balance_hours < 83.0 / 88 + 1e-9);
	fair_report_free(&r);
}

/* The gaps coverage.h finds: none where someone holds the time, one
 * where nobody does, one per shift held after its holder left (split
 * from the time nobody holds); someone outside the term covers. */
static void
test_coverage_gaps(void **state)
{
	const struct coverage_member members[] = { { 1, NEVER }, { 2, 5 * W / 2 } };
	const struct coverage_shift shifts[] = {
		{ 2, 4 * W, 9 * W / 2 },		/* b, after leaving */
		{ 1, 0, W },				/* a */
		{ 2, 2 * W, 3 * W },			/* b, leaves half-way */
		{ 9, 3 * W, 4 * W },			/* not a member */
	};
	struct coverage_gap *v;
	size_t n;

	(void)state;
	coverage_gaps(shifts, 4, members, 2, -W, 5 * W, &v, &n);
	assert_int_equal(n, 5);
	assert_int_equal(v[0].start, -W);
	assert_int_equal(v[0].end, 0);
	assert_int_equal(v[0].shift, (size_t)-1);
	assert_int_equal(v[1].start, W);
	assert_int_equal(v[1].end, 2 * W);
	assert_int_equal(v[1].shift, (size_t)-1);
	assert_int_equal(v[2].start, 5 * W / 2);
	assert_int_equal(v[2].end, 3 * W);
	assert_int_equal(v[2].shift, 2);
	assert_int_equal(v[3].start, 4 * W);
	assert_int_equal(v[3].end, 9 * W / 2);
	assert_int_equal(v[3].shift, 0);
	assert_int_equal(v[4].start, 9 * W / 2);
	assert_int_equal(v[4].end, 5 * W);
	assert_int_equal(v[4].shift, (size_t)-1);
	free(v);
	assert_int_equal(coverage_seconds(shifts, 4, members, 2, -W, 5 * W), 5 * W / 2);
	assert_int_equal(coverage_seconds(shifts, 4, members, 2, 0, W), W);
	coverage_gaps(shifts, 4, members, 2, 0, W, &v, &n);
	assert_int_equal(n, 0);
	assert_null(v);
	coverage_gaps(NULL, 0, NULL, 0, 0, W, &v, &n);
	assert_int_equal(n, 1);
	assert_int_equal(v[0].shift, (size_t)-1);
	free(v);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_balance_known_sets),
		cmocka_unit_test(test_known_term),
		cmocka_unit_test(test_coverage_overlaps_and_holes),
		cmocka_unit_test(test_excess_rounding),
		cmocka_unit_test(test_parts_and_departed),
		cmocka_unit_test(test_oncall_seconds),
		cmocka_unit_test(test_coverage_gaps),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
