/* Time: wall clock <-> UTC across DST changes, year ends and leap days in
 * several zones, and handoff instants. Expected instants are computed by
 * hand from the zones' published rules. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "common/timefmt.h"
#include "common/tz-ical.h"
#include "scheduler/handoff.h"
#include "service/setup.h"

static int64_t
utc(const char *iso)
{
	int64_t t = 0;

	assert_int_equal(time_parse(iso, tz_utc(), &t), 0);
	return t;
}

static void
assert_local(const char *zone, int64_t t, const char *want)
{
	char buf[40];

	time_format_local(t, tz_lookup(zone), buf, sizeof buf);
	assert_string_equal(buf, want);
}

static void
test_unknown_zone(void **state)
{
	(void)state;
	assert_null(tz_lookup("Mars/Olympus"));
	assert_null(tz_lookup(""));
	assert_non_null(tz_lookup("UTC"));
	assert_string_equal(tz_name(tz_lookup("Asia/Kolkata")), "Asia/Kolkata");
}

static void
test_dublin_dst(void **state)
{
	const struct tz_zone *z = tz_lookup("Europe/Dublin");
	(void)state;
	/* 2027-03-28 01:00 UTC: clocks go from 01:00 GMT to 02:00 IST. */
	assert_int_equal(tz_from_local(z, 2027, 3, 28, 0, 30, 0), utc("2027-03-28T00:30:00Z"));
	assert_int_equal(tz_from_local(z, 2027, 3, 28, 2, 30, 0), utc("2027-03-28T01:30:00Z"));
	/* 01:30 does not exist: moved forward by the hour gap to 02:30 IST. */
	assert_int_equal(tz_from_local(z, 2027, 3, 28, 1, 30, 0), utc("2027-03-28T01:30:00Z"));
	/* 2027-10-31 02:00 IST -> 01:00 GMT: 01:30 happens twice, first wins. */
	assert_int_equal(tz_from_local(z, 2027, 10, 31, 1, 30, 0), utc("2027-10-31T00:30:00Z"));
	assert_local("Europe/Dublin", utc("2027-07-01T09:00:00Z"), "Thu 2027-07-01 10:00");
	assert_local("Europe/Dublin", utc("2027-12-01T09:00:00Z"), "Wed 2027-12-01 09:00");
}

static void
test_los_angeles_dst(void **state)
{
	const struct tz_zone *z = tz_lookup("America/Los_Angeles");
	(void)state;
	/* 2027-03-14 02:00 PST -> 03:00 PDT. */
	assert_int_equal(tz_from_local(z, 2027, 3, 14, 1, 59, 0), utc("2027-03-14T09:59:00Z"));
	assert_int_equal(tz_from_local(z, 2027, 3, 14, 3, 0, 0), utc("2027-03-14T10:00:00Z"));
	assert_int_equal(tz_from_local(z, 2027, 3, 14, 2, 30, 0), utc("2027-03-14T10:30:00Z"));
	/* 2027-11-07 02:00 PDT -> 01:00 PST. */
	assert_int_equal(tz_from_local(z, 2027, 11, 7, 1, 30, 0), utc("2027-11-07T08:30:00Z"));
	assert_local("America/Los_Angeles", utc("2027-11-07T09:30:00Z"), "Sun 2027-11-07 01:30");
}

static void
test_kolkata_and_bogota_have_no_dst(void **state)
{
	(void)state;
	assert_int_equal(tz_from_local(tz_lookup("Asia/Kolkata"), 2027, 6, 1, 10, 0, 0),
			 utc("2027-06-01T04:30:00Z"));
	assert_int_equal(tz_from_local(tz_lookup("Asia/Kolkata"), 2027, 12, 1, 10, 0, 0),
			 utc("2027-12-01T04:30:00Z"));
	assert_int_equal(tz_from_local(tz_lookup("America/Bogota"), 2027, 6, 1, 10, 0, 0),
			 utc("2027-06-01T15:00:00Z"));
	assert_int_equal(tz_from_local(tz_lookup("America/Bogota"), 2027, 12, 1, 10, 0, 0),
			 utc("2027-12-01T15:00:00Z"));
}

static void
test_sydney_southern_dst(void **state)
{
	const struct tz_zone *z = tz_lookup("Australia/Sydney");
	(void)state;
	/* AEDT (+11) until 2027-04-04 03:00 -> AEST (+10); back on 2027-10-03. */
	assert_int_equal(tz_from_local(z, 2027, 1, 4, 10, 0, 0), utc("2027-01-03T23:00:00Z"));
	assert_int_equal(tz_from_local(z, 2027, 6, 7, 10, 0, 0), utc("2027-06-07T00:00:00Z"));
	assert_int_equal(tz_from_local(z, 2027, 10, 3, 2, 30, 0), utc("2027-10-02T16:30:00Z"));
}

static void
test_year_end_and_leap_day(void **state)
{
	(void)state;
	/* New Year in Sydney is still 31 December in UTC. */
	assert_local("Australia/Sydney", utc("2027-12-31T13:00:00Z"), "Sat 2028-01-01 00:00");
	assert_local("America/Los_Angeles", utc("2028-01-01T07:59:00Z"), "Fri 2027-12-31 23:59");
	/* 2028 is a leap year; 2027 and 2100 are not. */
	assert_int_equal(civil_days_in_month(2028, 2), 29);
	assert_int_equal(civil_days_in_month(2027, 2), 28);
	assert_int_equal(civil_days_in_month(2100, 2), 28);
	assert_int_equal(civil_days_in_month(2000, 2), 29);
	assert_local("Asia/Kolkata", utc("2028-02-28T20:00:00Z"), "Tue 2028-02-29 01:30");
	int y = 2028, m = 2, d = 28;
	civil_add_days(&y, &m, &d, 2);
	assert_int_equal(y * 10000 + m * 100 + d, 20280301);
	int64_t t;
	assert_int_equal(time_parse("2027-02-29", tz_lookup("UTC"), &t), -1);
	assert_int_equal(time_parse("2028-02-29", tz_lookup("UTC"), &t), 0);
}

static void
test_time_parse_forms(void **state)
{
	const struct tz_zone *dublin = tz_lookup("Europe/Dublin");
	int64_t t;
	(void)state;
	assert_int_equal(time_parse("2027-07-01", dublin, &t), 0);
	assert_int_equal(t, utc("2027-06-30T23:00:00Z"));
	assert_int_equal(time_parse("2027-07-01T10:15", dublin, &t), 0);
	assert_int_equal(t, utc("2027-07-01T09:15:00Z"));
	assert_int_equal(time_parse("2027-07-01T10:15:00+05:30", dublin, &t), 0);
	assert_int_equal(t, utc("2027-07-01T04:45:00Z"));
	assert_int_equal(time_parse("2027-07-01T10:15:00-0800", dublin, &t), 0);
	assert_int_equal(t, utc("2027-07-01T18:15:00Z"));
	assert_int_equal(time_parse("2027-13-01", dublin, &t), -1);
	assert_int_equal(time_parse("2027-07-01T25:00", dublin, &t), -1);
	assert_int_equal(time_parse("yesterday", dublin, &t), -1);
	assert_int_equal(time_parse("2027-07-01Tx", dublin, &t), -1);
	assert_int_equal(time_parse("2027-07-01T10:00Zjunk", dublin, &t), -1);
}

/* The range rota keeps, 1970-01-01T00:00:00Z to the end of 2199-12-31:
 * well-formed times outside it are TIME_OUT_OF_RANGE, in every form and
 * zone, and the edges are in (issue 21). */
static void
test_time_range(void **state)
{
	const struct tz_zone *dublin = tz_lookup("Europe/Dublin");
	const struct tz_zone *la = tz_lookup("America/Los_Angeles");
	int64_t t = 42;
	int y, m, d;
	(void)state;
	assert_true(time_in_range(0));
	assert_true(time_in_range(ROTA_TIME_END - 1));
	assert_false(time_in_range(-1));
	assert_false(time_in_range(ROTA_TIME_END));
	assert_int_equal(ROTA_TIME_END, utc("2199-12-31T23:59:59Z") + 1);
	assert_int_equal(time_parse("1970-01-01T00:00:00Z", dublin, &t), 0);
	assert_int_equal(t, 0);
	assert_int_equal(time_parse("2199-12-31T23:59:59Z", dublin, &t), 0);
	assert_int_equal(t, ROTA_TIME_END - 1);
	assert_int_equal(time_parse("2199-12-31", la, &t), 0);
	t = 42;
	assert_int_equal(time_parse("2200-01-01T00:00:00Z", dublin, &t), TIME_OUT_OF_RANGE);
	assert_int_equal(time_parse("9999-12-27", dublin, &t), TIME_OUT_OF_RANGE);
	assert_int_equal(time_parse("0000-01-01T00:00", dublin, &t), TIME_OUT_OF_RANGE);
	assert_int_equal(time_parse("1969-12-31T23:59:59Z", dublin, &t), TIME_OUT_OF_RANGE);
	/* The instant decides: Dublin was an hour ahead in 1970. */
	assert_int_equal(time_parse("1970-01-01", dublin, &t), TIME_OUT_OF_RANGE);
	assert_int_equal(time_parse("2199-12-31T20:00-05:00", dublin, &t), TIME_OUT_OF_RANGE);
	assert_int_equal(t, 42);
	/* Malformed stays malformed. */
	assert_int_equal(time_parse("9999-13-01", dublin, &t), -1);
	assert_int_equal(date_parse("2199-12-31", &y, &m, &d), 0);
	assert_int_equal(date_parse("1970-01-01", &y, &m, &d), 0);
	assert_int_equal(date_parse("2200-01-01", &y, &m, &d), TIME_OUT_OF_RANGE);
	assert_int_equal(date_parse("1969-12-31", &y, &m, &d), TIME_OUT_OF_RANGE);
	assert_int_equal(date_parse("1969-12-31x", &y, &m, &d), -1);
	assert_int_equal(date_parse("2200-02-30", &y, &m, &d), -1);
}

/* Handoffs every Monday 10:00 local across each zone's changes. */
static void
test_handoffs_keep_local_time(void **state)
{
	static const struct {
		const char *zone, *first_after, *want[4];
	} cases[] = {
		/* Dublin spring forward on Sun 2027-03-28: the week is 167 h. */
		{ "Europe/Dublin", "2027-03-20T00:00:00Z",
		  { "2027-03-22T10:00:00Z", "2027-03-29T09:00:00Z", "2027-04-05T09:00:00Z", "2027-04-12T09:00:00Z" } },
		/* Los Angeles fall back on Sun 2027-11-07: the week is 169 h. */
		{ "America/Los_Angeles", "2027-10-30T00:00:00Z",
		  { "2027-11-01T17:00:00Z", "2027-11-08T18:00:00Z", "2027-11-15T18:00:00Z", "2027-11-22T18:00:00Z" } },
		/* Sydney: DST ends Sun 2027-04-04. */
		{ "Australia/Sydney", "2027-03-27T00:00:00Z",
		  { "2027-03-28T23:00:00Z", "2027-04-05T00:00:00Z", "2027-04-12T00:00:00Z", "2027-04-19T00:00:00Z" } },
		/* Kolkata across the year end. */
		{ "Asia/Kolkata", "2027-12-20T00:00:00Z",
		  { "2027-12-20T04:30:00Z", "2027-12-27T04:30:00Z", "2028-01-03T04:30:00Z", "2028-01-10T04:30:00Z" } },
		/* Bogota across the 2028 leap day. */
		{ "America/Bogota", "2028-02-20T00:00:00Z",
		  { "2028-02-21T15:00:00Z", "2028-02-28T15:00:00Z", "2028-03-06T15:00:00Z", "2028-03-13T15:00:00Z" } },
	};
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const struct tz_zone *z = tz_lookup(cases[i].zone);
		int64_t first = handoff_next(z, 1, 600, utc(cases[i].first_after));
		int64_t series[4];

		handoff_series(z, first, 600, 7, 3, series);
		for (int k = 0; k < 4; k++) {
			char buf[32];
			time_format_utc(series[k], buf, sizeof buf);
			assert_string_equal(buf, cases[i].want[k]);
		}
	}
}

/* A handoff at a time the spring-forward skips (Sunday 01:15 in Dublin on
 * 28 March 2027) moves later that day only: the next weeks hand over at
 * 01:15 again, and a term's last handoff is where its weeks end. */
static void
test_handoff_in_skipped_hour(void **state)
{
	const struct tz_zone *z = tz_lookup("Europe/Dublin");
	struct rotation rot = { .handoff_dow = 0, .handoff_minute = 75, .shift_days = 7 };
	int64_t series[3], start, end;
	char buf[32];

	(void)state;
	snprintf(rot.tz, sizeof rot.tz, "Europe/Dublin");
	handoff_series(z, handoff_next(z, 0, 75, utc("2027-03-27T00:00:00Z")), 75, 7, 2,
		       series);
	time_format_utc(series[0], buf, sizeof buf);
	assert_string_equal(buf, "2027-03-28T01:15:00Z");    /* 02:15 IST */
	time_format_utc(series[1], buf, sizeof buf);
	assert_string_equal(buf, "2027-04-04T00:15:00Z");    /* 01:15 IST */
	time_format_utc(series[2], buf, sizeof buf);
	assert_string_equal(buf, "2027-04-11T00:15:00Z");
	term_span(&rot, utc("2027-03-27T00:00:00Z"), 2, &start, &end);
	assert_int_equal(start, series[0]);
	assert_int_equal(end, series[2]);
}

static void
test_handoff_next_at_exact_instant(void **state)
{
	const struct tz_zone *z = tz_lookup("Europe/Dublin");
	(void)state;
	/* At the handoff itself, that handoff; a second later, the next week's. */
	assert_int_equal(handoff_next(z, 1, 600, utc("2027-01-04T10:00:00Z")), utc("2027-01-04T10:00:00Z"));
	assert_int_equal(handoff_next(z, 1, 600, utc("2027-01-04T10:00:01Z")), utc("2027-01-11T10:00:00Z"));
}

static void
test_weekday_time_and_hours(void **state)
{
	int dow, minute;
	struct business_hours h;
	(void)state;
	assert_int_equal(weekday_time_parse("Mon 10:00", &dow, &minute), 0);
	assert_int_equal(dow, 1);
	assert_int_equal(minute, 600);
	assert_int_equal(weekday_time_parse("fri 17:30", &dow, &minute), 0);
	assert_int_equal(dow * 10000 + minute, 51050);
	assert_int_equal(weekday_time_parse("Funday 10:00", &dow, &minute), -1);
	assert_int_equal(weekday_time_parse("Mon 24:00", &dow, &minute), -1);
	assert_int_equal(business_hours_parse("Mon-Fri 09:00-18:00", &h), 0);
	assert_int_equal(h.days, 0x3e);
	assert_int_equal(h.start, 540);
	assert_int_equal(h.end, 1080);
	assert_int_equal(business_hours_parse("Sun-Thu 08:00-17:00", &h), 0);
	assert_int_equal(h.days, 0x1f);
	assert_int_equal(business_hours_parse("Mon-Fri 18:00-09:00", &h), -1);
	assert_int_equal(business_hours_parse("whenever", &h), -1);
}

static int
teardown(void **state)
{
	(void)state;
	tz_cleanup();
	return 0;
}

/* libical's offset at T: what tz_utc_offset replaced. */
static int
libical_offset(const struct tz_zone *ours, int64_t t)
{
	icaltimezone *zone = tz_ical(ours);
	struct icaltimetype tt = icaltime_from_timet_with_zone((time_t)t, 0,
							       icaltimezone_get_utc_timezone());
	int is_daylight = 0;

	return icaltimezone_get_utc_offset_of_utc_time(zone, &tt, &is_daylight);
}

/* Dublin, winter 1977-78: libical 3.0.16 keeps Irish Summer Time (+1)
 * from 1977-10-23 02:00 UTC to 1978-03-19 02:00 UTC; the tz database
 * (zdump Europe/Dublin) and the TZif file say GMT. */
static bool
libical_known_wrong(const char *name, int64_t t)
{
	return strcmp(name, "Europe/Dublin") == 0 && t >= 246420000 && t < 259120800;
}

/* Every hour boundary of the three days around each change of offset from
 * 1970 to 2040 (found by comparing midnights, in either implementation):
 * the offset, the wall clock and the way back agree with libical's. */
static void
test_offsets_agree_with_libical(void **state)
{
	static const char *const names[] = {
		"Europe/Dublin", "America/Los_Angeles", "Asia/Kolkata",
		"Australia/Sydney", "America/Bogota",
	};
	const int64_t from = utc("1970-01-01T00:00:00Z"), to = utc("2041-01-01T00:00:00Z");
	icaltimezone *utc_zone = icaltimezone_get_utc_timezone();
	(void)state;

	for (size_t z = 0; z < sizeof names / sizeof names[0]; z++) {
		const struct tz_zone *zone = tz_lookup(names[z]);
		icaltimezone *ical = tz_ical(zone);
		int changes = 0, hours = 0, wall = 0, twice = 0, ours_prev = tz_utc_offset(zone, from),
		    theirs_prev = libical_offset(zone, from);

		assert_non_null(zone);
		for (int64_t day = from + 86400; day <= to; day += 86400) {
			int ours = tz_utc_offset(zone, day), theirs = libical_offset(zone, day);

			if (!libical_known_wrong(names[z], day))
				assert_int_equal(ours, theirs);
			if (ours == ours_prev && theirs == theirs_prev)
				continue;
			ours_prev = ours;
			theirs_prev = theirs;
			changes++;
			for (int64_t t = day - 2 * 86400; t < day + 86400; t += 3600) {
				struct icaltimetype lt = icaltime_from_timet_with_zone((time_t)t, 0,
										       utc_zone);
				struct icaltimetype back;
				struct local_time ours_lt;
				int64_t ours_back, theirs_back;

				if (libical_known_wrong(names[z], t))
					continue;
				hours++;
				assert_int_equal(tz_utc_offset(zone, t), libical_offset(zone, t));
				/* The wall clock at t, and the instant of that wall clock. */
				icaltimezone_convert_time(&lt, utc_zone, ical);
				tz_to_local(zone, t, &ours_lt);
				assert_int_equal(ours_lt.year, lt.year);
				assert_int_equal(ours_lt.month, lt.month);
				assert_int_equal(ours_lt.day, lt.day);
				assert_int_equal(ours_lt.hour, lt.hour);
				assert_int_equal(ours_lt.minute, lt.minute);
				/* The same wall clock read back gives t again, but for a
				 * wall clock that happens twice (the autumn change): libical
				 * takes the later instant, rota the earlier (tz.h). */
				back = lt;
				icaltimezone_convert_time(&back, ical, utc_zone);
				theirs_back = icaltime_as_timet_with_zone(back, utc_zone);
				ours_back = tz_from_local(zone, lt.year, lt.month, lt.day, lt.hour,
							  lt.minute, lt.second);
				if (ours_back != theirs_back) {
					struct local_time again;

					assert_int_equal(theirs_back, t);
					assert_true(ours_back < t && ours_back >= t - 3600);
					tz_to_local(zone, ours_back, &again);
					assert_int_equal(again.day, lt.day);
					assert_int_equal(again.hour, lt.hour);
					assert_int_equal(again.minute, lt.minute);
					twice++;
				} else {
					assert_int_equal(ours_back, t);
				}
				wall++;
			}
		}
		/* Kolkata and Bogota last changed before 1970 (Bogota's 1992-93
		 * summer time aside); the others change twice a year. */
		if (strcmp(names[z], "Asia/Kolkata") == 0) {
			assert_int_equal(changes, 0);
		} else if (strcmp(names[z], "America/Bogota") == 0) {
			assert_int_equal(changes, 2);
			assert_int_equal(twice, 1);
		} else {
			/* An autumn hour a year, read twice. */
			assert_true(changes >= 2 * 68);
			assert_true(twice >= 68);
		}
		assert_int_equal(hours, wall);
	}
	/* The known disagreement, checked against the tz database. */
	assert_int_equal(tz_utc_offset(tz_lookup("Europe/Dublin"), 250000000), 0);
	assert_int_equal(tz_utc_offset(tz_lookup("Europe/Dublin"), 246419999), 3600);
}

/* Beyond the file's last listed change (2037 in a fat TZif file) the
 * footer's rule goes on: Sydney's summer time still starts on the first
 * Sunday of October at 02:00 AEST, Dublin's winter (GMT) on the last
 * Sunday of October at 02:00 IST. */
static void
test_offsets_after_the_listed_changes(void **state)
{
	const struct tz_zone *syd = tz_lookup("Australia/Sydney"), *dub = tz_lookup("Europe/Dublin");
	const struct tz_zone *la = tz_lookup("America/Los_Angeles");
	(void)state;

	/* 2050-10-02 is the first Sunday: 02:00 AEST = 10-01 16:00 UTC. */
	assert_int_equal(tz_utc_offset(syd, utc("2050-10-01T15:59:59Z")), 36000);
	assert_int_equal(tz_utc_offset(syd, utc("2050-10-01T16:00:00Z")), 39600);
	/* 2051-04-02, first Sunday of April, 03:00 AEDT = 04-01 16:00 UTC. */
	assert_int_equal(tz_utc_offset(syd, utc("2051-04-01T15:59:59Z")), 39600);
	assert_int_equal(tz_utc_offset(syd, utc("2051-04-01T16:00:00Z")), 36000);
	/* 2050-10-30, last Sunday of October: 01:00 UTC. */
	assert_int_equal(tz_utc_offset(dub, utc("2050-10-30T00:59:59Z")), 3600);
	assert_int_equal(tz_utc_offset(dub, utc("2050-10-30T01:00:00Z")), 0);
	assert_int_equal(tz_utc_offset(dub, utc("2051-03-26T01:00:00Z")), 3600);
	/* 2100-03-14, second Sunday of March, 02:00 PST. */
	assert_int_equal(tz_from_local(la, 2100, 3, 14, 1, 0, 0), utc("2100-03-14T09:00:00Z"));
	assert_int_equal(tz_from_local(la, 2100, 3, 14, 3, 0, 0), utc("2100-03-14T10:00:00Z"));
	assert_int_equal(tz_utc_offset(tz_lookup("Asia/Kolkata"), utc("2100-01-01T00:00:00Z")),
			 19800);
	assert_int_equal(tz_utc_offset(tz_lookup("America/Bogota"), utc("2100-01-01T00:00:00Z")),
			 -18000);
	assert_int_equal(tz_utc_offset(tz_lookup("UTC"), utc("2100-01-01T00:00:00Z")), 0);
}

/* What a person types for a command reading the zone's wall clock, read
 * back as the same instant; the offset only where the clock repeats. */
static void
test_typed_times(void **state)
{
	const struct tz_zone *dublin = tz_lookup("Europe/Dublin"), *la = tz_lookup("America/Los_Angeles");
	char buf[40];
	int64_t back;
	(void)state;
	time_format_typed(utc("2027-02-03T10:00:00Z"), dublin, buf, sizeof buf);
	assert_string_equal(buf, "2027-02-03T10:00");
	time_format_typed(utc("2027-07-01T09:00:00Z"), dublin, buf, sizeof buf);
	assert_string_equal(buf, "2027-07-01T10:00");
	time_format_typed(utc("2027-07-01T09:00:30Z"), la, buf, sizeof buf);
	assert_string_equal(buf, "2027-07-01T02:00:30");
	/* 01:30 on 31 October happens twice in Dublin: the first (IST) reads
	 * back without an offset, the second (GMT) needs one. */
	time_format_typed(utc("2027-10-31T00:30:00Z"), dublin, buf, sizeof buf);
	assert_string_equal(buf, "2027-10-31T01:30");
	time_format_typed(utc("2027-10-31T01:30:00Z"), dublin, buf, sizeof buf);
	assert_string_equal(buf, "2027-10-31T01:30+00:00");
	assert_int_equal(time_parse(buf, dublin, &back), 0);
	assert_int_equal(back, utc("2027-10-31T01:30:00Z"));
	day_format_local(utc("2027-01-10T23:59:59Z"), dublin, buf, sizeof buf);
	assert_string_equal(buf, "Sun 2027-01-10");
	day_format_local(utc("2027-01-10T23:59:59Z"), tz_lookup("Asia/Kolkata"), buf, sizeof buf);
	assert_string_equal(buf, "Mon 2027-01-11");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_unknown_zone),
		cmocka_unit_test(test_dublin_dst),
		cmocka_unit_test(test_los_angeles_dst),
		cmocka_unit_test(test_kolkata_and_bogota_have_no_dst),
		cmocka_unit_test(test_sydney_southern_dst),
		cmocka_unit_test(test_year_end_and_leap_day),
		cmocka_unit_test(test_time_parse_forms),
		cmocka_unit_test(test_time_range),
		cmocka_unit_test(test_handoffs_keep_local_time),
		cmocka_unit_test(test_handoff_in_skipped_hour),
		cmocka_unit_test(test_handoff_next_at_exact_instant),
		cmocka_unit_test(test_weekday_time_and_hours),
		cmocka_unit_test(test_offsets_agree_with_libical),
		cmocka_unit_test(test_offsets_after_the_listed_changes),
		cmocka_unit_test(test_typed_times),
	};
	return cmocka_run_group_tests(tests, NULL, teardown);
}
