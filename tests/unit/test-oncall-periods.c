/* The on-call windows of an out-of-hours rotation whose offices count
 * only for a time (oncall_windows_over): a member's office counts from
 * when it became theirs until they moved (issue 23). Dublin (office 0)
 * and Los Angeles (office 1), both Mon-Fri 09:00-18:00 local; in February
 * 2027 Dublin is on GMT (open 09:00-18:00Z) and Los Angeles on PST
 * (open 17:00-02:00Z). Every expectation is computed by hand. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "common/timefmt.h"
#include "scheduler/office-hours.h"

static int64_t
T(const char *iso)
{
	int64_t t = 0;

	assert_int_equal(time_parse(iso, tz_utc(), &t), 0);
	return t;
}

/* "FROM/TO" of each window, UTC, joined by spaces, into BUF. */
static const char *
format(const struct time_span *v, size_t n, char *buf, size_t len)
{
	size_t used = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		char a[32], b[32];

		time_format_utc(v[i].from, a, sizeof a);
		time_format_utc(v[i].to, b, sizeof b);
		used += (size_t)snprintf(buf + used, len - used, "%s%s/%s", i ? " " : "", a, b);
	}
	return buf;
}

/* The windows over [FROM, TO) of Dublin and Los Angeles: with the NP
 * periods P, or when P is NULL and NP 2 both throughout by
 * oncall_windows. Into BUF. */
static const char *
windows(const struct office_period *p, size_t np, const char *from, const char *to,
	char *buf, size_t len)
{
	struct work_calendar c[2];
	struct time_span *v;
	size_t nv;

	assert_int_equal(work_calendar_init(&c[0], "Europe/Dublin", NULL, 1, NULL, 0), 0);
	assert_int_equal(work_calendar_init(&c[1], "America/Los_Angeles", NULL, 2, NULL, 0), 0);
	if (p == NULL && np == 2)
		oncall_windows(c, 2, T(from), T(to), &v, &nv);
	else
		oncall_windows_over(c, 2, p, np, T(from), T(to), &v, &nv);
	format(v, nv, buf, len);
	free(v);
	work_calendar_free(&c[0]);
	work_calendar_free(&c[1]);
	return buf;
}

/* Offices counted throughout give what oncall_windows gives. */
static void
test_throughout_as_oncall_windows(void **state)
{
	const char *from = "2027-02-08T00:00:00Z", *to = "2027-02-15T00:00:00Z";
	struct office_period p[] = { { 0, T(from), T(to) }, { 1, T(from), T(to) } };
	char got[2048], want[2048];

	(void)state;
	windows(NULL, 2, from, to, want, sizeof want);
	assert_string_equal(windows(p, 2, from, to, got, sizeof got), want);
	/* Monday 00:00-09:00, then 02:00-09:00 each night, and the weekend. */
	assert_string_equal(got, "2027-02-08T00:00:00Z/2027-02-08T09:00:00Z "
			    "2027-02-09T02:00:00Z/2027-02-09T09:00:00Z "
			    "2027-02-10T02:00:00Z/2027-02-10T09:00:00Z "
			    "2027-02-11T02:00:00Z/2027-02-11T09:00:00Z "
			    "2027-02-12T02:00:00Z/2027-02-12T09:00:00Z "
			    "2027-02-13T02:00:00Z/2027-02-15T00:00:00Z");
}

/* A member in Dublin's office until Wed 10 Feb 12:00Z, then in Los
 * Angeles': Dublin's evenings before the move, Los Angeles' nights
 * (02:00-17:00Z) after it; the move itself starts a window, Los Angeles
 * being closed at 04:00 local. */
static void
test_move_between_offices(void **state)
{
	struct office_period p[] = {
		{ 0, T("2026-12-01T10:00:00Z"), T("2027-02-10T12:00:00Z") },
		{ 1, T("2027-02-10T12:00:00Z"), T("2030-01-01T00:00:00Z") },
	};
	char got[1024];

	(void)state;
	assert_string_equal(windows(p, 2, "2027-02-09T00:00:00Z", "2027-02-11T12:00:00Z",
				    got, sizeof got),
			    "2027-02-09T00:00:00Z/2027-02-09T09:00:00Z "
			    "2027-02-09T18:00:00Z/2027-02-10T09:00:00Z "
			    "2027-02-10T12:00:00Z/2027-02-10T17:00:00Z "
			    "2027-02-11T02:00:00Z/2027-02-11T12:00:00Z");
}

/* A change that leaves the same office counting (another member's, a
 * change of zone only) cuts no window: Tuesday's evening stays one
 * window across 20:00Z, and a second period of the same office at the
 * same time changes nothing. */
static void
test_cut_inside_a_window_joins(void **state)
{
	struct office_period p[] = {
		{ 0, T("2027-02-01T00:00:00Z"), T("2027-02-09T20:00:00Z") },
		{ 0, T("2027-02-09T20:00:00Z"), T("2027-03-01T00:00:00Z") },
		{ 0, T("2027-02-01T00:00:00Z"), T("2027-03-01T00:00:00Z") },
	};
	char got[1024];

	(void)state;
	assert_string_equal(windows(p, 3, "2027-02-09T12:00:00Z", "2027-02-10T12:00:00Z",
				    got, sizeof got),
			    "2027-02-09T18:00:00Z/2027-02-10T09:00:00Z");
}

/* While no office counts (nobody's office, or nobody with one), the
 * rotation is on call: with no period at all the whole range is one
 * window, as oncall_windows with no office. */
static void
test_no_office_counting(void **state)
{
	struct office_period p[] = {
		{ 0, T("2027-02-09T00:00:00Z"), T("2027-02-09T12:00:00Z") },
	};
	char got[1024];

	(void)state;
	assert_string_equal(windows(p, 1, "2027-02-09T00:00:00Z", "2027-02-10T00:00:00Z",
				    got, sizeof got),
			    "2027-02-09T00:00:00Z/2027-02-09T09:00:00Z "
			    "2027-02-09T12:00:00Z/2027-02-10T00:00:00Z");
	assert_string_equal(windows(NULL, 0, "2027-02-09T00:00:00Z", "2027-02-10T00:00:00Z",
				    got, sizeof got),
			    "2027-02-09T00:00:00Z/2027-02-10T00:00:00Z");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_throughout_as_oncall_windows),
		cmocka_unit_test(test_move_between_offices),
		cmocka_unit_test(test_cut_inside_a_window_joins),
		cmocka_unit_test(test_no_office_counting),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
