/* reports/findings.c's monthly_attention: who needs attention, and in
 * which order the HTML headline names them. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "reports/findings.h"
#include "reports/monthly.h"

#define PEOPLE 7

/* A report of PEOPLE people, every indicator green but grey for the
 * share, which is never a reason for attention. */
static void
report(struct monthly_report *r, struct mr_person *people)
{
	memset(r, 0, sizeof *r);
	for (size_t k = 0; k < PEOPLE; k++) {
		memset(&people[k], 0, sizeof people[k]);
		for (int i = 0; i < IND_COUNT; i++)
			people[k].st[i].status = IND_GREEN;
		people[k].st[IND_OOH_SHARE].status = IND_GREY;
	}
	r->people = people;
	r->n_people = PEOPLE;
}

static void
test_nobody(void **state)
{
	struct monthly_report r;
	struct mr_person p[PEOPLE];
	struct attention *v;

	(void)state;
	report(&r, p);
	assert_int_equal(monthly_attention(&r, &v), 0);
	assert_null(v);
}

/* Red before amber, then more red, then more amber, then the report's
 * order (by handle). Green and grey people are left out. */
static void
test_order(void **state)
{
	struct monthly_report r;
	struct mr_person p[PEOPLE];
	struct attention *v;
	const struct attention want[] = {
		{ 4, IND_RED, 2, 0 },
		{ 1, IND_RED, 1, 2 },
		{ 5, IND_RED, 1, 2 },
		{ 6, IND_RED, 1, 0 },
		{ 2, IND_AMBER, 0, 3 },
		{ 0, IND_AMBER, 0, 1 },
	};
	size_t n;

	(void)state;
	report(&r, p);
	p[0].st[IND_SLEEP].status = IND_AMBER;
	p[1].st[IND_WEEKS_SINCE].status = IND_RED;
	p[1].st[IND_OOH].status = IND_AMBER;
	p[1].st[IND_CLOSE_SHIFTS].status = IND_AMBER;
	p[2].st[IND_OOH].status = IND_AMBER;
	p[2].st[IND_NIGHTS].status = IND_AMBER;
	p[2].st[IND_DAILY_REST].status = IND_AMBER;
	/* p[3]: green and grey only */
	p[4].st[IND_SLEEP].status = IND_RED;
	p[4].st[IND_NIGHTS].status = IND_RED;
	p[5].st[IND_SHIFT_PAGES].status = IND_RED;
	p[5].st[IND_OOH].status = IND_AMBER;
	p[5].st[IND_WEEKLY_REST].status = IND_AMBER;
	p[6].st[IND_NIGHT_RUN].status = IND_RED;
	/* The team's and an alert's statuses are no one's. */
	r.team.st[IND_TEAM_OOH].status = IND_RED;
	n = monthly_attention(&r, &v);
	assert_int_equal(n, sizeof want / sizeof want[0]);
	for (size_t k = 0; k < n; k++) {
		assert_int_equal(v[k].index, want[k].index);
		assert_int_equal(v[k].worst, want[k].worst);
		assert_int_equal(v[k].red, want[k].red);
		assert_int_equal(v[k].amber, want[k].amber);
	}
	free(v);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_nobody),
		cmocka_unit_test(test_order),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
