/* Classification: business hours, public holidays and sleep windows, at
 * the exact edges, across DST changes and with responders zones away from
 * their office. Every expectation is computed by hand (UTC offsets noted). */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "common/timefmt.h"
#include "reports/classify.h"

static int64_t
T(const char *iso)
{
	int64_t t = 0;

	assert_int_equal(time_parse(iso, tz_utc(), &t), 0);
	return t;
}

/* The class of ISO for an office in OFFICE_TZ and a sleeper in SLEEP_TZ
 * (22:00-07:00), with the office's HOLIDAY (may be NULL). */
static enum page_class
cls(const char *office_tz, const char *sleep_tz, const char *holiday, const char *iso)
{
	struct work_calendar c;
	struct sleep_window w;
	struct holiday h = { .office_id = 1 };
	enum page_class r;

	if (holiday != NULL)
		snprintf(h.day, sizeof h.day, "%s", holiday);
	assert_int_equal(work_calendar_init(&c, office_tz, NULL, 1, &h,
					    holiday != NULL), 0);
	assert_int_equal(sleep_window_init(&w, sleep_tz, 1320, 420), 0);
	r = classify_instant(&c, &w, T(iso));
	work_calendar_free(&c);
	return r;
}

static int64_t
ooh(const char *office_tz, const char *sleep_tz, const char *holiday,
    const char *from, const char *to)
{
	struct work_calendar c;
	struct sleep_window w;
	struct holiday h = { .office_id = 1 };
	int64_t r;

	if (holiday != NULL)
		snprintf(h.day, sizeof h.day, "%s", holiday);
	assert_int_equal(work_calendar_init(&c, office_tz, NULL, 1, &h,
					    holiday != NULL), 0);
	assert_int_equal(sleep_window_init(&w, sleep_tz, 1320, 420), 0);
	r = classify_out_of_hours_seconds(&c, &w, T(from), T(to));
	work_calendar_free(&c);
	return r;
}

#define DUB "Europe/Dublin"
#define LAX "America/Los_Angeles"
#define SYD "Australia/Sydney"
#define CCU "Asia/Kolkata"
#define BOG "America/Bogota"

/* Dublin in winter is UTC+0: local time reads as UTC. Mon 4 Jan 2027. */
static void
test_edges_dublin(void **state)
{
	(void)state;
	assert_int_equal(cls(DUB, DUB, NULL, "2027-01-04T08:59:59Z"), PAGE_OUT_OF_HOURS);
	assert_int_equal(cls(DUB, DUB, NULL, "2027-01-04T09:00:00Z"), PAGE_IN_HOURS);
	assert_int_equal(cls(DUB, DUB, NULL, "2027-01-04T17:59:59Z"), PAGE_IN_HOURS);
	assert_int_equal(cls(DUB, DUB, NULL, "2027-01-04T18:00:00Z"), PAGE_OUT_OF_HOURS);
	assert_int_equal(cls(DUB, DUB, NULL, "2027-01-04T21:59:59Z"), PAGE_OUT_OF_HOURS);
	assert_int_equal(cls(DUB, DUB, NULL, "2027-01-04T22:00:00Z"), PAGE_SLEEP);
	assert_int_equal(cls(DUB, DUB, NULL, "2027-01-05T06:59:59Z"), PAGE_SLEEP);
	assert_int_equal(cls(DUB, DUB, NULL, "2027-01-05T07:00:00Z"), PAGE_OUT_OF_HOURS);
	/* Saturday noon: out of hours; Sunday 23:00: asleep. */
	assert_int_equal(cls(DUB, DUB, NULL, "2027-01-09T12:00:00Z"), PAGE_OUT_OF_HOURS);
	assert_int_equal(cls(DUB, DUB, NULL, "2027-01-10T23:00:00Z"), PAGE_SLEEP);
}

/* Dublin springs forward on Sun 28 Mar 2027 at 01:00 UTC (GMT to IST,
 * UTC+1): 08:30 UTC is 08:30 on Friday but 09:30 on Monday. */
static void
test_dst_dublin(void **state)
{
	(void)state;
	assert_int_equal(cls(DUB, DUB, NULL, "2027-03-26T08:30:00Z"), PAGE_OUT_OF_HOURS);
	assert_int_equal(cls(DUB, DUB, NULL, "2027-03-29T08:30:00Z"), PAGE_IN_HOURS);
	assert_int_equal(cls(DUB, DUB, NULL, "2027-03-29T07:59:59Z"), PAGE_OUT_OF_HOURS);
	assert_int_equal(cls(DUB, DUB, NULL, "2027-03-29T16:59:59Z"), PAGE_IN_HOURS);
	assert_int_equal(cls(DUB, DUB, NULL, "2027-03-29T17:00:00Z"), PAGE_OUT_OF_HOURS);
	/* 21:00 UTC is 22:00 IST: asleep after the change, not before. */
	assert_int_equal(cls(DUB, DUB, NULL, "2027-03-26T21:00:00Z"), PAGE_OUT_OF_HOURS);
	assert_int_equal(cls(DUB, DUB, NULL, "2027-03-29T21:00:00Z"), PAGE_SLEEP);
	assert_int_equal(cls(DUB, DUB, NULL, "2027-03-30T06:00:00Z"), PAGE_OUT_OF_HOURS);
	/* Friday 17:00 GMT to Monday 10:00 IST: 64 h elapsed (65 on the
	 * wall clock, which skipped 01:00-02:00 on Sunday), of which Friday
	 * 17:00-18:00 and Monday 09:00-10:00 are in hours. */
	assert_int_equal(ooh(DUB, DUB, NULL, "2027-03-26T17:00:00Z", "2027-03-29T09:00:00Z"),
			 62 * 3600);
}

/* Los Angeles springs forward on Sun 14 Mar 2027 (PST UTC-8 to PDT UTC-7). */
static void
test_dst_los_angeles(void **state)
{
	(void)state;
	assert_int_equal(cls(LAX, LAX, NULL, "2027-03-12T16:30:00Z"), PAGE_OUT_OF_HOURS);
	assert_int_equal(cls(LAX, LAX, NULL, "2027-03-12T17:00:00Z"), PAGE_IN_HOURS);
	assert_int_equal(cls(LAX, LAX, NULL, "2027-03-15T15:59:59Z"), PAGE_OUT_OF_HOURS);
	assert_int_equal(cls(LAX, LAX, NULL, "2027-03-15T16:00:00Z"), PAGE_IN_HOURS);
	assert_int_equal(cls(LAX, LAX, NULL, "2027-03-15T16:30:00Z"), PAGE_IN_HOURS);
	/* 18:00 PDT = 01:00 UTC next day. */
	assert_int_equal(cls(LAX, LAX, NULL, "2027-03-16T00:59:59Z"), PAGE_IN_HOURS);
	assert_int_equal(cls(LAX, LAX, NULL, "2027-03-16T01:00:00Z"), PAGE_OUT_OF_HOURS);
	/* 22:00 PDT = 05:00 UTC; 07:00 PDT = 14:00 UTC. */
	assert_int_equal(cls(LAX, LAX, NULL, "2027-03-16T05:00:00Z"), PAGE_SLEEP);
	assert_int_equal(cls(LAX, LAX, NULL, "2027-03-16T13:59:59Z"), PAGE_SLEEP);
	assert_int_equal(cls(LAX, LAX, NULL, "2027-03-16T14:00:00Z"), PAGE_OUT_OF_HOURS);
}

/* Sydney falls back on Sun 4 Apr 2027 (AEDT UTC+11 to AEST UTC+10) and
 * springs forward on Sun 3 Oct 2027. */
static void
test_dst_sydney(void **state)
{
	(void)state;
	/* Monday 5 Apr 08:30 AEST; with the old offset it would be 09:30. */
	assert_int_equal(cls(SYD, SYD, NULL, "2027-04-04T22:30:00Z"), PAGE_OUT_OF_HOURS);
	assert_int_equal(cls(SYD, SYD, NULL, "2027-04-04T23:00:00Z"), PAGE_IN_HOURS);
	/* Friday 2 Apr 09:00 AEDT = Thu 22:00 UTC. */
	assert_int_equal(cls(SYD, SYD, NULL, "2027-04-01T21:59:59Z"), PAGE_OUT_OF_HOURS);
	assert_int_equal(cls(SYD, SYD, NULL, "2027-04-01T22:00:00Z"), PAGE_IN_HOURS);
	/* The night of 3-4 Apr lasts 10 h: 22:00 AEDT (11:00Z) to 07:00 AEST (21:00Z). */
	assert_int_equal(cls(SYD, SYD, NULL, "2027-04-03T10:59:59Z"), PAGE_OUT_OF_HOURS);
	assert_int_equal(cls(SYD, SYD, NULL, "2027-04-03T11:00:00Z"), PAGE_SLEEP);
	assert_int_equal(cls(SYD, SYD, NULL, "2027-04-03T20:59:59Z"), PAGE_SLEEP);
	assert_int_equal(cls(SYD, SYD, NULL, "2027-04-03T21:00:00Z"), PAGE_OUT_OF_HOURS);
	/* The night of 2-3 Oct lasts 8 h: 22:00 AEST (12:00Z) to 07:00 AEDT (20:00Z). */
	assert_int_equal(cls(SYD, SYD, NULL, "2027-10-02T11:59:59Z"), PAGE_OUT_OF_HOURS);
	assert_int_equal(cls(SYD, SYD, NULL, "2027-10-02T12:00:00Z"), PAGE_SLEEP);
	assert_int_equal(cls(SYD, SYD, NULL, "2027-10-02T19:59:59Z"), PAGE_SLEEP);
	assert_int_equal(cls(SYD, SYD, NULL, "2027-10-02T20:00:00Z"), PAGE_OUT_OF_HOURS);
}

/* Kolkata is UTC+05:30 and Bogota UTC-05:00 all year. */
static void
test_fixed_offsets(void **state)
{
	(void)state;
	assert_int_equal(cls(CCU, CCU, NULL, "2027-01-04T03:29:59Z"), PAGE_OUT_OF_HOURS);
	assert_int_equal(cls(CCU, CCU, NULL, "2027-01-04T03:30:00Z"), PAGE_IN_HOURS);
	assert_int_equal(cls(CCU, CCU, NULL, "2027-01-04T12:29:59Z"), PAGE_IN_HOURS);
	assert_int_equal(cls(CCU, CCU, NULL, "2027-01-04T12:30:00Z"), PAGE_OUT_OF_HOURS);
	assert_int_equal(cls(CCU, CCU, NULL, "2027-01-04T16:30:00Z"), PAGE_SLEEP);
	assert_int_equal(cls(CCU, CCU, NULL, "2027-01-05T01:30:00Z"), PAGE_OUT_OF_HOURS);
	assert_int_equal(cls(BOG, BOG, NULL, "2027-01-04T13:59:59Z"), PAGE_OUT_OF_HOURS);
	assert_int_equal(cls(BOG, BOG, NULL, "2027-01-04T14:00:00Z"), PAGE_IN_HOURS);
	assert_int_equal(cls(BOG, BOG, NULL, "2027-01-04T23:00:00Z"), PAGE_OUT_OF_HOURS);
	assert_int_equal(cls(BOG, BOG, NULL, "2027-01-05T03:00:00Z"), PAGE_SLEEP);
	assert_int_equal(cls(BOG, BOG, NULL, "2027-01-05T12:00:00Z"), PAGE_OUT_OF_HOURS);
	/* Friday 8 Jan 22:00 in Bogota is Saturday 03:00 UTC: still a Friday night. */
	assert_int_equal(cls(BOG, BOG, NULL, "2027-01-09T03:00:00Z"), PAGE_SLEEP);
}

/* St Patrick's Day, Wed 17 Mar 2027, is a public holiday of the Dublin
 * office: out of hours all day, asleep at night as ever. */
static void
test_public_holiday(void **state)
{
	(void)state;
	assert_int_equal(cls(DUB, DUB, "2027-03-17", "2027-03-16T10:00:00Z"), PAGE_IN_HOURS);
	assert_int_equal(cls(DUB, DUB, "2027-03-17", "2027-03-17T09:00:00Z"), PAGE_OUT_OF_HOURS);
	assert_int_equal(cls(DUB, DUB, "2027-03-17", "2027-03-17T10:00:00Z"), PAGE_OUT_OF_HOURS);
	assert_int_equal(cls(DUB, DUB, "2027-03-17", "2027-03-17T23:00:00Z"), PAGE_SLEEP);
	assert_int_equal(cls(DUB, DUB, "2027-03-17", "2027-03-18T09:00:00Z"), PAGE_IN_HOURS);
	assert_int_equal(cls(DUB, DUB, NULL, "2027-03-17T10:00:00Z"), PAGE_IN_HOURS);
	assert_int_equal(ooh(DUB, DUB, "2027-03-17", "2027-03-17T00:00:00Z",
			     "2027-03-18T00:00:00Z"), 86400);
	assert_int_equal(ooh(DUB, DUB, NULL, "2027-03-17T00:00:00Z",
			     "2027-03-18T00:00:00Z"), 86400 - 9 * 3600);
	/* A holiday of another office does not count. */
	{
		struct work_calendar c;
		struct holiday h = { .office_id = 2, .day = "2027-03-17" };

		assert_int_equal(work_calendar_init(&c, DUB, NULL, 1, &h, 1), 0);
		assert_int_equal(classify_instant(&c, NULL, T("2027-03-17T10:00:00Z")),
				 PAGE_IN_HOURS);
		work_calendar_free(&c);
	}
}

/* A responder in Los Angeles working for the Dublin office: Dublin's
 * Monday 09:00 is 01:00 in LA. Sleep wins over the office's hours. */
static void
test_other_zone(void **state)
{
	(void)state;
	assert_int_equal(cls(DUB, LAX, NULL, "2027-01-04T09:00:00Z"), PAGE_SLEEP);
	assert_int_equal(cls(DUB, LAX, NULL, "2027-01-04T14:59:59Z"), PAGE_SLEEP);
	assert_int_equal(cls(DUB, LAX, NULL, "2027-01-04T15:00:00Z"), PAGE_IN_HOURS);
	assert_int_equal(cls(DUB, LAX, NULL, "2027-01-04T18:00:00Z"), PAGE_OUT_OF_HOURS);
	/* Dublin's business day 09:00-18:00 UTC; LA sleeps until 15:00 UTC. */
	assert_int_equal(ooh(DUB, LAX, NULL, "2027-01-04T09:00:00Z", "2027-01-04T18:00:00Z"),
			 6 * 3600);
	/* A Sydney sleeper working Bogota's hours (14:00-23:00 UTC): Friday
	 * 2 Apr Sydney sleeps 11:00-20:00 UTC (AEDT), 6 h of Bogota's day;
	 * Monday 5 Apr 12:00-21:00 UTC (AEST), 7 h. */
	assert_int_equal(ooh(BOG, SYD, NULL, "2027-04-02T14:00:00Z", "2027-04-02T23:00:00Z"),
			 6 * 3600);
	assert_int_equal(ooh(BOG, SYD, NULL, "2027-04-05T14:00:00Z", "2027-04-05T23:00:00Z"),
			 7 * 3600);
	assert_int_equal(cls(BOG, SYD, NULL, "2027-04-05T20:59:59Z"), PAGE_SLEEP);
	assert_int_equal(cls(BOG, SYD, NULL, "2027-04-05T21:00:00Z"), PAGE_IN_HOURS);
}

static void
test_interval_edges(void **state)
{
	(void)state;
	/* One hour either side of closing time. */
	assert_int_equal(ooh(DUB, DUB, NULL, "2027-01-04T17:00:00Z", "2027-01-04T19:00:00Z"),
			 3600);
	/* A weekend: Friday 17:00 to Monday 10:00, 65 h, 2 of them in hours. */
	assert_int_equal(ooh(DUB, DUB, NULL, "2027-01-08T17:00:00Z", "2027-01-11T10:00:00Z"),
			 63 * 3600);
	assert_int_equal(ooh(DUB, DUB, NULL, "2027-01-04T10:00:00Z", "2027-01-04T11:00:00Z"), 0);
	assert_int_equal(ooh(DUB, DUB, NULL, "2027-01-04T10:00:00Z", "2027-01-04T10:00:00Z"), 0);
	assert_int_equal(ooh(DUB, DUB, NULL, "2027-01-04T17:59:30Z", "2027-01-04T18:00:15Z"), 15);
}

/* The interval sum agrees with the instant class, quarter hour by quarter
 * hour (every edge here falls on one), over DST weeks in every zone pair. */
static void
test_interval_matches_instants(void **state)
{
	static const char *const zones[] = { DUB, LAX, SYD, CCU, BOG };
	static const char *const weeks[][2] = {
		{ "2027-03-24T00:00:00Z", "2027-03-31T00:00:00Z" },
		{ "2027-03-10T00:00:00Z", "2027-03-17T00:00:00Z" },
		{ "2027-03-31T00:00:00Z", "2027-04-07T00:00:00Z" },
		{ "2027-09-29T00:00:00Z", "2027-10-06T00:00:00Z" },
		{ "2027-10-27T00:00:00Z", "2027-11-10T00:00:00Z" },
	};
	struct holiday h = { .office_id = 1, .day = "2027-04-05" };

	(void)state;
	for (size_t a = 0; a < 5; a++)
		for (size_t b = 0; b < 5; b++)
			for (size_t k = 0; k < sizeof weeks / sizeof weeks[0]; k++) {
				struct work_calendar c;
				struct sleep_window w;
				int64_t from = T(weeks[k][0]), to = T(weeks[k][1]), n = 0;

				assert_int_equal(work_calendar_init(&c, zones[a],
					"Mon-Fri 08:30-17:30", 1, &h, 1), 0);
				assert_int_equal(sleep_window_init(&w, zones[b], 1380, 360), 0);
				for (int64_t t = from; t < to; t += 900)
					n += classify_instant(&c, &w, t) != PAGE_IN_HOURS;
				assert_int_equal(classify_out_of_hours_seconds(&c, &w, from, to),
						 n * 900);
				work_calendar_free(&c);
			}
}

static void
test_bad_input(void **state)
{
	struct work_calendar c;
	struct sleep_window w;

	(void)state;
	assert_int_equal(work_calendar_init(&c, "Mars/Olympus", NULL, 0, NULL, 0), -1);
	assert_int_equal(work_calendar_init(&c, DUB, "Mon-Fri 18:00-09:00", 0, NULL, 0), -1);
	assert_int_equal(sleep_window_init(&w, "Nowhere", 1320, 420), -1);
	assert_int_equal(sleep_window_init(&w, DUB, 1320, 1440), -1);
	/* An empty sleep window: never asleep. */
	assert_int_equal(work_calendar_init(&c, DUB, "Sat-Sun 10:00-12:00", 0, NULL, 0), 0);
	assert_int_equal(sleep_window_init(&w, DUB, 0, 0), 0);
	assert_int_equal(classify_instant(&c, &w, T("2027-01-09T11:00:00Z")), PAGE_IN_HOURS);
	assert_int_equal(classify_instant(&c, &w, T("2027-01-09T03:00:00Z")), PAGE_OUT_OF_HOURS);
	assert_int_equal(classify_instant(&c, &w, T("2027-01-04T11:00:00Z")), PAGE_OUT_OF_HOURS);
	work_calendar_free(&c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_edges_dublin),
		cmocka_unit_test(test_dst_dublin),
		cmocka_unit_test(test_dst_los_angeles),
		cmocka_unit_test(test_dst_sydney),
		cmocka_unit_test(test_fixed_offsets),
		cmocka_unit_test(test_public_holiday),
		cmocka_unit_test(test_other_zone),
		cmocka_unit_test(test_interval_edges),
		cmocka_unit_test(test_interval_matches_instants),
		cmocka_unit_test(test_bad_input),
	};
	int r = cmocka_run_group_tests(tests, NULL, NULL);

	tz_cleanup();
	return r;
}
