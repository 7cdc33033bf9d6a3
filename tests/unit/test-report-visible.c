/* A monthly report as the actor may see it (service/privacy.h,
 * svc_report_visible): a volunteer keeps the team and their own row, and
 * every status is judged on what is left (monthly_overall); a manager
 * keeps everything. Reports built by hand: no database. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "reports/monthly.h"
#include "service/privacy.h"

/* A report of ana (STATUS_ANA in her sleep interruptions), bo (green)
 * and cy (amber in their nights), with the team green and one alert of
 * status ALERT. */
static void
report(struct monthly_report *r, enum ind_status status_ana, enum ind_status alert)
{
	static const char *const handles[] = { "ana", "bo", "cy" };

	memset(r, 0, sizeof *r);
	for (int i = IND_TEAM_FIRST; i <= IND_TEAM_LAST; i++)
		r->team.st[i].status = IND_GREEN;
	r->n_people = 3;
	r->people = calloc(r->n_people, sizeof *r->people);
	assert_non_null(r->people);
	for (size_t k = 0; k < r->n_people; k++) {
		snprintf(r->people[k].handle, sizeof r->people[k].handle, "%s", handles[k]);
		for (int i = IND_PERSON_FIRST; i <= IND_PERSON_LAST; i++)
			r->people[k].st[i].status = IND_GREEN;
	}
	r->people[0].st[IND_SLEEP].status = status_ana;
	r->people[2].st[IND_NIGHTS].status = IND_AMBER;
	r->n_alerts = 1;
	r->alerts = calloc(1, sizeof *r->alerts);
	assert_non_null(r->alerts);
	r->alerts[0].worst = alert;
	r->worst = monthly_overall(r);
}

/* The actor: HANDLE, a manager when PRIVILEGED. */
static struct actor
actor(const char *handle, bool privileged)
{
	struct actor a = { .privileged = privileged, .known = true };

	snprintf(a.person.handle, sizeof a.person.handle, "%s", handle);
	snprintf(a.label, sizeof a.label, "%s", handle);
	return a;
}

/* R's handles, joined by spaces. */
static const char *
handles(const struct monthly_report *r)
{
	static char buf[128];
	size_t used = 0;

	buf[0] = '\0';
	for (size_t k = 0; k < r->n_people; k++)
		used += (size_t)snprintf(buf + used, sizeof buf - used, "%s%s", k ? " " : "",
					 r->people[k].handle);
	return buf;
}

static void
test_overall(void **state)
{
	struct monthly_report r;

	(void)state;
	report(&r, IND_RED, IND_GREEN);
	assert_int_equal(r.worst, IND_RED);
	monthly_free(&r);
	report(&r, IND_GREEN, IND_GREEN);
	assert_int_equal(r.worst, IND_AMBER);
	monthly_free(&r);
	/* Grey is below green: too few to judge is never a concern. */
	report(&r, IND_GREY, IND_GREY);
	r.people[2].st[IND_NIGHTS].status = IND_GREY;
	assert_int_equal(monthly_overall(&r), IND_GREEN);
	/* The forecast counts once the report has one. */
	r.team.fc_st.status = IND_RED;
	assert_int_equal(monthly_overall(&r), IND_GREEN);
	r.team.has_forecast = true;
	assert_int_equal(monthly_overall(&r), IND_RED);
	monthly_free(&r);
}

static void
test_volunteer(void **state)
{
	struct monthly_report r;
	struct actor a = actor("bo", false);
	struct svc s = { .actor = &a };

	(void)state;
	report(&r, IND_RED, IND_GREEN);
	svc_report_visible(&s, &r);
	assert_string_equal(handles(&r), "bo");
	assert_true(r.own_row_only);
	assert_int_equal(r.worst, IND_GREEN);
	monthly_free(&r);

	/* cy's own amber stays theirs to see. */
	a = actor("cy", false);
	report(&r, IND_RED, IND_GREEN);
	svc_report_visible(&s, &r);
	assert_string_equal(handles(&r), "cy");
	assert_int_equal(r.worst, IND_AMBER);
	monthly_free(&r);

	/* A red alert is the team's, which everyone sees. */
	a = actor("bo", false);
	report(&r, IND_RED, IND_RED);
	svc_report_visible(&s, &r);
	assert_int_equal(r.worst, IND_RED);
	monthly_free(&r);

	/* Someone in no row sees the team only. */
	a = actor("zed", false);
	report(&r, IND_RED, IND_GREEN);
	svc_report_visible(&s, &r);
	assert_int_equal(r.n_people, 0);
	assert_int_equal(r.worst, IND_GREEN);
	monthly_free(&r);
}

static void
test_manager(void **state)
{
	struct monthly_report r;
	struct actor a = actor("mo", true);
	struct svc s = { .actor = &a };

	(void)state;
	report(&r, IND_RED, IND_GREEN);
	svc_report_visible(&s, &r);
	assert_string_equal(handles(&r), "ana bo cy");
	assert_false(r.own_row_only);
	assert_int_equal(r.worst, IND_RED);
	monthly_free(&r);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_overall),
		cmocka_unit_test(test_volunteer),
		cmocka_unit_test(test_manager),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
