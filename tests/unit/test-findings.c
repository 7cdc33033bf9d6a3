/* reports/findings.c: which findings of a monthly report are told, in
 * which order (the text and the HTML read the same list); and
 * monthly_previous, monthly_person of reports/monthly.c. */
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

/* Everything green and judged, nothing to see. */
static void
all_green(struct monthly_report *r, struct mr_person *people, size_t np,
	  struct mr_alert *alerts, size_t na)
{
	memset(r, 0, sizeof *r);
	for (int i = 0; i < IND_COUNT; i++)
		r->team.st[i].status = IND_GREEN;
	for (size_t k = 0; k < np; k++) {
		memset(&people[k], 0, sizeof people[k]);
		people[k].id = (int64_t)k + 1;
		for (int i = 0; i < IND_COUNT; i++)
			people[k].st[i].status = IND_GREEN;
	}
	for (size_t k = 0; k < na; k++) {
		memset(&alerts[k], 0, sizeof alerts[k]);
		for (int i = 0; i < IND_COUNT; i++)
			alerts[k].st[i].status = IND_GREEN;
	}
	r->people = people;
	r->n_people = np;
	r->alerts = alerts;
	r->n_alerts = na;
}

static void
test_quiet_month(void **state)
{
	struct monthly_report r;
	struct mr_person p[1];
	struct finding *f;
	size_t n;

	(void)state;
	all_green(&r, p, 1, NULL, 0);
	n = monthly_findings(&r, &f);
	/* The team's out-of-hours interruptions are always told. */
	assert_int_equal(n, 1);
	assert_int_equal(f[0].of, FINDING_TEAM);
	assert_int_equal(f[0].indicator, IND_TEAM_OOH);
	assert_ptr_equal(f[0].st, &r.team.st[IND_TEAM_OOH]);
	free(f);
}

static void
test_order(void **state)
{
	struct monthly_report r;
	struct mr_person p[2];
	struct mr_alert a[2];
	struct finding *f;
	size_t n;
	const struct { enum finding_of of; int ind; size_t index; } want[] = {
		{ FINDING_TEAM, IND_TEAM_OOH, 0 },
		{ FINDING_TEAM, IND_ACK_P95, 0 },       /* grey: told */
		{ FINDING_TEAM, IND_RESOLVE_P95, 0 },
		{ FINDING_FORECAST, IND_COUNT, 0 },
		{ FINDING_PERSON, IND_SLEEP, 0 },
		{ FINDING_PERSON, IND_NIGHTS, 0 },
		{ FINDING_PERSON, IND_OOH, 1 },
		{ FINDING_PERSON_GREY, IND_OOH_SHARE, 0 },
		/* indicator by indicator, then alert by alert */
		{ FINDING_ALERT, IND_ALERT_OOH, 1 },
		{ FINDING_ALERT, IND_ALERT_NO_RUNBOOK, 0 },
		{ FINDING_ALERT, IND_ALERT_NO_RUNBOOK, 1 },
	};

	(void)state;
	all_green(&r, p, 2, a, 2);
	r.team.st[IND_ACK_P95].status = IND_GREY;
	r.team.st[IND_RESOLVE_P95].status = IND_RED;
	r.team.has_forecast = true;
	r.team.fc_st.status = IND_GREEN;        /* a forecast is told, green too */
	p[0].st[IND_SLEEP].status = IND_RED;
	p[0].st[IND_NIGHTS].status = IND_AMBER;
	p[0].st[IND_OOH_SHARE].status = IND_GREY;
	p[0].v[IND_OOH_SHARE] = 100;
	p[1].st[IND_OOH].status = IND_AMBER;
	p[1].st[IND_OOH_SHARE].status = IND_GREY;       /* nothing to see: not told */
	p[1].v[IND_OOH_SHARE] = 0;
	a[0].st[IND_ALERT_NO_RUNBOOK].status = IND_AMBER;
	a[1].st[IND_ALERT_OOH].status = IND_RED;
	a[1].st[IND_ALERT_NO_RUNBOOK].status = IND_RED;
	a[1].st[IND_ALERT_UNACTED].status = IND_GREY;   /* an alert's grey: not told */
	n = monthly_findings(&r, &f);
	assert_int_equal(n, sizeof want / sizeof want[0]);
	for (size_t k = 0; k < n; k++) {
		assert_int_equal(f[k].of, want[k].of);
		assert_int_equal(f[k].indicator, want[k].ind);
		assert_int_equal(f[k].index, want[k].index);
	}
	assert_ptr_equal(f[3].st, &r.team.fc_st);
	assert_ptr_equal(f[6].st, &p[1].st[IND_OOH]);
	assert_ptr_equal(f[10].st, &a[1].st[IND_ALERT_NO_RUNBOOK]);
	free(f);
}

static void
test_alert_headings(void **state)
{
	(void)state;
	assert_string_equal(finding_alert_heading(IND_ALERT_OOH),
			    "Alerts that interrupted someone out of hours");
	assert_string_equal(finding_alert_heading(IND_ALERT_NO_RUNBOOK),
			    "Alerts without a runbook link");
}

static void
test_previous_month(void **state)
{
	int y, m;

	(void)state;
	monthly_previous(2027, 1, &y, &m);
	assert_int_equal(y, 2026);
	assert_int_equal(m, 12);
	monthly_previous(2027, 3, &y, &m);
	assert_int_equal(y, 2027);
	assert_int_equal(m, 2);
}

static void
test_person_by_id(void **state)
{
	struct monthly_report r;
	struct mr_person p[3];

	(void)state;
	all_green(&r, p, 3, NULL, 0);
	p[1].id = 42;
	assert_ptr_equal(monthly_person(&r, 42), &p[1]);
	assert_ptr_equal(monthly_person(&r, 3), &p[2]);
	assert_null(monthly_person(&r, 7));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_quiet_month),
		cmocka_unit_test(test_order),
		cmocka_unit_test(test_alert_headings),
		cmocka_unit_test(test_previous_month),
		cmocka_unit_test(test_person_by_id),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
