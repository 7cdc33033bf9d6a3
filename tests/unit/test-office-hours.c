/* When an out-of-hours rotation is on call: the windows when none of its
 * offices is in business hours, for Dublin alone and with San Francisco,
 * in the weeks when America and Europe change their clocks on different
 * dates, across a public holiday of one office and across the year end.
 * Every expectation is computed by hand (UTC offsets noted). */
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

/* The windows of the offices (Dublin, then San Francisco when BOTH) with
 * the holidays H (N of them, office_id 1 Dublin, 2 San Francisco) over
 * [FROM, TO), as "FROM/TO" in UTC joined by spaces, into BUF. */
static const char *
windows(bool both, const struct holiday *h, size_t n, const char *from, const char *to,
	char *buf, size_t len)
{
	struct work_calendar c[2];
	struct time_span *v;
	size_t nv, used = 0;

	assert_int_equal(work_calendar_init(&c[0], "Europe/Dublin", NULL, 1, h, n), 0);
	assert_int_equal(work_calendar_init(&c[1], "America/Los_Angeles", NULL, 2, h, n), 0);
	oncall_windows(c, both ? 2 : 1, T(from), T(to), &v, &nv);
	buf[0] = '\0';
	for (size_t i = 0; i < nv; i++) {
		char a[32], b[32];

		time_format_utc(v[i].from, a, sizeof a);
		time_format_utc(v[i].to, b, sizeof b);
		used += (size_t)snprintf(buf + used, len - used, "%s%s/%s", i ? " " : "", a, b);
	}
	free(v);
	work_calendar_free(&c[0]);
	work_calendar_free(&c[1]);
	return buf;
}

/* Dublin alone, a week from its Monday 10:00 handoff (GMT, UTC+0): on
 * call from each evening at 18:00 to the next morning at 09:00, the
 * weekend one window; the handoff itself is in office hours. */
static void
test_dublin_week(void **state)
{
	char buf[1024];

	(void)state;
	assert_string_equal(windows(false, NULL, 0, "2027-03-01T10:00:00Z",
				    "2027-03-08T10:00:00Z", buf, sizeof buf),
			    "2027-03-01T18:00:00Z/2027-03-02T09:00:00Z "
			    "2027-03-02T18:00:00Z/2027-03-03T09:00:00Z "
			    "2027-03-03T18:00:00Z/2027-03-04T09:00:00Z "
			    "2027-03-04T18:00:00Z/2027-03-05T09:00:00Z "
			    "2027-03-05T18:00:00Z/2027-03-08T09:00:00Z");
}

/* Follow the sun: San Francisco (PST, UTC-8) opens at 17:00Z while
 * Dublin is open and closes at 02:00Z; the volunteers are on call from
 * 02:00Z to Dublin's 09:00Z, and from Saturday 02:00Z to Monday 09:00Z. */
static void
test_dublin_and_san_francisco(void **state)
{
	char buf[1024];

	(void)state;
	assert_string_equal(windows(true, NULL, 0, "2027-03-01T10:00:00Z",
				    "2027-03-08T10:00:00Z", buf, sizeof buf),
			    "2027-03-02T02:00:00Z/2027-03-02T09:00:00Z "
			    "2027-03-03T02:00:00Z/2027-03-03T09:00:00Z "
			    "2027-03-04T02:00:00Z/2027-03-04T09:00:00Z "
			    "2027-03-05T02:00:00Z/2027-03-05T09:00:00Z "
			    "2027-03-06T02:00:00Z/2027-03-08T09:00:00Z");
}

/* America moves its clocks on 14 March 2027, Europe on 28 March: in
 * between, San Francisco (PDT, UTC-7) closes at 01:00Z while Dublin
 * (GMT) opens at 09:00Z; after 28 March Dublin (IST, UTC+1) opens at
 * 08:00Z. The Sunday of each change is inside a weekend window. */
static void
test_clocks_change_on_different_dates(void **state)
{
	char buf[1024];

	(void)state;
	assert_string_equal(windows(true, NULL, 0, "2027-03-12T00:00:00Z",
				    "2027-03-17T00:00:00Z", buf, sizeof buf),
			    "2027-03-12T02:00:00Z/2027-03-12T09:00:00Z "
			    "2027-03-13T02:00:00Z/2027-03-15T09:00:00Z "
			    "2027-03-16T01:00:00Z/2027-03-16T09:00:00Z");
	assert_string_equal(windows(true, NULL, 0, "2027-03-26T00:00:00Z",
				    "2027-03-31T00:00:00Z", buf, sizeof buf),
			    "2027-03-26T01:00:00Z/2027-03-26T09:00:00Z "
			    "2027-03-27T01:00:00Z/2027-03-29T08:00:00Z "
			    "2027-03-30T01:00:00Z/2027-03-30T08:00:00Z");
}

/* St Patrick's Day (Wednesday 17 March 2027) is a holiday in Dublin
 * alone: that day is out of hours for Dublin, so the volunteers are on
 * call until San Francisco opens (16:00Z, PDT). */
static void
test_holiday_of_one_office(void **state)
{
	struct holiday h = { .office_id = 1, .day = "2027-03-17" };
	char buf[1024];

	(void)state;
	assert_string_equal(windows(true, &h, 1, "2027-03-16T12:00:00Z",
				    "2027-03-18T12:00:00Z", buf, sizeof buf),
			    "2027-03-17T01:00:00Z/2027-03-17T16:00:00Z "
			    "2027-03-18T01:00:00Z/2027-03-18T09:00:00Z");
}

/* New Year's Eve 2027 is a Friday, and a holiday in both offices: one
 * window from Thursday's close in San Francisco (Fri 02:00Z, PST) to
 * Monday 3 January 2028, when Dublin opens (09:00Z, GMT). */
static void
test_year_end(void **state)
{
	struct holiday h[2] = {
		{ .office_id = 1, .day = "2027-12-31" },
		{ .office_id = 2, .day = "2027-12-31" },
	};
	char buf[1024];

	(void)state;
	assert_string_equal(windows(true, h, 2, "2027-12-30T12:00:00Z",
				    "2028-01-04T00:00:00Z", buf, sizeof buf),
			    "2027-12-31T02:00:00Z/2028-01-03T09:00:00Z");
}

/* Offices open around the clock leave no window; no office at all
 * leaves the whole range. */
static void
test_no_window_and_no_office(void **state)
{
	struct work_calendar c;
	struct time_span *v;
	size_t nv;

	(void)state;
	assert_int_equal(work_calendar_init(&c, "Asia/Kolkata", "Mon-Sun 00:00-24:00", 0,
					    NULL, 0), 0);
	oncall_windows(&c, 1, T("2027-01-01T00:00:00Z"), T("2027-02-01T00:00:00Z"), &v, &nv);
	assert_int_equal(nv, 0);
	free(v);
	work_calendar_free(&c);
	oncall_windows(NULL, 0, T("2027-01-01T00:00:00Z"), T("2027-01-08T00:00:00Z"), &v, &nv);
	assert_int_equal(nv, 1);
	assert_int_equal(v[0].from, T("2027-01-01T00:00:00Z"));
	assert_int_equal(v[0].to, T("2027-01-08T00:00:00Z"));
	free(v);
}

/* How long a stretch is on call: the parts of the windows inside it,
 * none before the first window or after the last. */
static void
test_spans_within(void **state)
{
	const struct time_span v[] = { { 10, 20 }, { 30, 40 }, { 50, 60 } };

	(void)state;
	assert_int_equal(time_spans_within(v, 3, 0, 100), 30);
	assert_int_equal(time_spans_within(v, 3, 15, 35), 10);
	assert_int_equal(time_spans_within(v, 3, 20, 30), 0);
	assert_int_equal(time_spans_within(v, 3, 55, 56), 1);
	assert_int_equal(time_spans_within(v, 3, 60, 100), 0);
	assert_int_equal(time_spans_within(v, 0, 0, 100), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_dublin_week),
		cmocka_unit_test(test_dublin_and_san_francisco),
		cmocka_unit_test(test_clocks_change_on_different_dates),
		cmocka_unit_test(test_holiday_of_one_office),
		cmocka_unit_test(test_year_end),
		cmocka_unit_test(test_no_window_and_no_office),
		cmocka_unit_test(test_spans_within),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
