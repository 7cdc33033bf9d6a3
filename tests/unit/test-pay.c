/* Pay arithmetic with hand-computed cents: whole shifts in ordinary, 167-
 * and 169-hour weeks, shifts across a month end, a year end and a leap
 * day, Sydney's April change, Kolkata (no DST), day rates and holidays,
 * rounding halves, active time rounded up to the step, sleep bonus, TOIL,
 * the monthly cap and people paid in two currencies.
 *
 * Instants are written in UTC, worked out by hand from the zones' rules:
 * Dublin is UTC+0 in winter and +1 in summer (changes on the last Sundays
 * of March and October), Los Angeles -8/-7 (second Sunday of March, first
 * of November), Sydney +11 until the first Sunday of April, then +10;
 * Kolkata is +5:30 all year. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "common/share.h"
#include "common/tz.h"
#include "reports/pay.h"

#define H 3600

/* The UTC instant of a UTC wall-clock time. */
static int64_t
utc(int y, int m, int d, int hh, int mm)
{
	return days_from_civil(y, m, d) * 86400 + hh * H + mm * 60;
}

/* 500.00 EUR a week; 10.00 a weekday, 20.00 a weekend day, 50.00 a
 * holiday; 40.00 an active hour in steps of 15 minutes; 25.00 and 2 hours
 * TOIL per sleep interruption; no cap. */
static struct pay_policy
policy_eur(void)
{
	struct pay_policy p = { .name = "standard", .currency = "EUR", .exponent = 2,
		.stipend_per_week = 50000, .weekday_rate = 1000, .weekend_rate = 2000,
		.holiday_rate = 5000, .active_hour_rate = 4000,
		.active_rounding_minutes = 15, .sleep_interruption_bonus = 2500,
		.toil_hours_per_sleep_interruption = 2, .monthly_cap = 0 };
	return p;
}

static struct pay_person
person(const char *handle, const char *zone)
{
	struct pay_person p = { .id = 1 };

	strcpy(p.handle, handle);
	p.zone = tz_lookup(zone);
	assert_non_null(p.zone);
	return p;
}

/* The one line of a single person's month. */
static struct pay_line
month_of(const struct pay_policy *pol, const struct pay_person *who,
	 int64_t start, int64_t end, int64_t from, int64_t to)
{
	struct pay_shift sh = { 0, 0, start, end, 7 };
	struct pay_input in = { .from = from, .to = to, .policies = pol, .n_policies = 1,
				.persons = who, .n_persons = 1, .shifts = &sh, .n_shifts = 1 };
	struct pay_line *v = NULL, l;
	size_t n = 0;

	pay_compute(&in, &v, &n);
	assert_int_equal(n, 1);
	l = v[0];
	free(v);
	return l;
}

/* A whole week in one month: the stipend, 5 weekdays, 2 weekend days. */
static void
assert_whole_week(const char *zone, int64_t start, int64_t end, int64_t hours,
		  int64_t from, int64_t to)
{
	struct pay_policy pol = policy_eur();
	struct pay_person who = person("ana", zone);
	struct pay_line l;

	assert_int_equal(end - start, hours * H);
	l = month_of(&pol, &who, start, end, from, to);
	assert_int_equal(l.shifts, 1);
	assert_int_equal(l.stipend, 50000);
	assert_int_equal(l.weekday, 5000);
	assert_int_equal(l.weekend, 4000);
	assert_int_equal(l.holiday, 0);
	assert_int_equal(l.total, 59000);
	assert_string_equal(l.currency, "EUR");
}

static void
test_whole_weeks(void **state)
{
	(void)state;
	/* Dublin, Mon 2027-01-04 10:00 GMT to Mon 2027-01-11: 168 h, January. */
	assert_whole_week("Europe/Dublin", utc(2027, 1, 4, 10, 0), utc(2027, 1, 11, 10, 0),
			  168, utc(2027, 1, 1, 0, 0), utc(2027, 2, 1, 0, 0));
	/* Dublin, Mon 22 March 10:00 GMT to Mon 29 March 10:00 IST (09:00Z):
	 * 167 h; March in Dublin ends 2027-03-31T23:00Z. */
	assert_whole_week("Europe/Dublin", utc(2027, 3, 22, 10, 0), utc(2027, 3, 29, 9, 0),
			  167, utc(2027, 3, 1, 0, 0), utc(2027, 3, 31, 23, 0));
	/* Los Angeles, Mon 8 March 10:00 PST (18:00Z) to Mon 15 March 10:00
	 * PDT (17:00Z): 167 h. */
	assert_whole_week("America/Los_Angeles", utc(2027, 3, 8, 18, 0),
			  utc(2027, 3, 15, 17, 0), 167, utc(2027, 3, 1, 8, 0),
			  utc(2027, 4, 1, 7, 0));
	/* Los Angeles, Mon 1 November 10:00 PDT (17:00Z) to Mon 8 November
	 * 10:00 PST (18:00Z): 169 h. */
	assert_whole_week("America/Los_Angeles", utc(2027, 11, 1, 17, 0),
			  utc(2027, 11, 8, 18, 0), 169, utc(2027, 11, 1, 7, 0),
			  utc(2027, 12, 1, 8, 0));
	/* Kolkata, Mon 7 June 10:00 IST (04:30Z), no DST: 168 h. */
	assert_whole_week("Asia/Kolkata", utc(2027, 6, 7, 4, 30), utc(2027, 6, 14, 4, 30),
			  168, utc(2027, 5, 31, 18, 30), utc(2027, 6, 30, 18, 30));
}

/* Both months of one shift: the parts, and that they add up exactly. */
static void
assert_split(const char *zone, int64_t start, int64_t end, int64_t cut,
	     int64_t stipend1, int64_t weekday1, int64_t weekend1,
	     int64_t stipend2, int64_t weekday2, int64_t weekend2)
{
	struct pay_policy pol = policy_eur();
	struct pay_person who = person("ana", zone);
	struct pay_line a = month_of(&pol, &who, start, end, cut - 40 * 86400, cut);
	struct pay_line b = month_of(&pol, &who, start, end, cut, cut + 40 * 86400);

	assert_int_equal(a.stipend, stipend1);
	assert_int_equal(a.weekday, weekday1);
	assert_int_equal(a.weekend, weekend1);
	assert_int_equal(b.stipend, stipend2);
	assert_int_equal(b.weekday, weekday2);
	assert_int_equal(b.weekend, weekend2);
	assert_int_equal(a.shifts, 1);
	assert_int_equal(b.shifts, 1);
	assert_int_equal(a.stipend + b.stipend, 50000);
	assert_int_equal(a.weekday + b.weekday + a.weekend + b.weekend, 9000);
}

static void
test_month_ends(void **state)
{
	(void)state;
	/* Dublin, Mon 25 October 10:00 IST (09:00Z) to Mon 1 November 10:00
	 * GMT (10:00Z): 169 h, of which 159 in October (to 2027-11-01T00:00Z).
	 * Stipend 50000 * 159/169 = 47041.42 -> 47041; November 2959 (its own
	 * share, 2958.58, also rounds to 2959). Days: October is Mon 14/24,
	 * Tue-Fri, Sat, Sun (a 25-hour day, whole) = 4 14/24 weekdays (4583.33
	 * -> 4583) and 2 weekend days; November is Mon 10/24 (417). */
	assert_split("Europe/Dublin", utc(2027, 10, 25, 9, 0), utc(2027, 11, 1, 10, 0),
		     utc(2027, 11, 1, 0, 0), 47041, 4583, 4000, 2959, 417, 0);
	/* Year end, Dublin: Mon 27 December 2027 10:00 to Mon 3 January 2028:
	 * 110 h in December, 50000 * 110/168 = 32738.10 -> 32738, January
	 * 17262. December days: Mon 14/24 + Tue-Fri = 4 14/24 weekdays (4583);
	 * January: Sat 1, Sun 2 (4000) and Mon 10/24 (417). */
	assert_split("Europe/Dublin", utc(2027, 12, 27, 10, 0), utc(2028, 1, 3, 10, 0),
		     utc(2028, 1, 1, 0, 0), 32738, 4583, 0, 17262, 417, 4000);
	/* Leap day, Dublin: Mon 28 February 2028 10:00 to Mon 6 March; 38 h
	 * in February (to 1 March 00:00): 50000 * 38/168 = 11309.52 -> 11310,
	 * March 38690. February: Mon 14/24 + Tue 29 = 1583.33 -> 1583; March:
	 * Wed-Fri + Mon 10/24 = 3417, and Sat, Sun 4000. */
	assert_split("Europe/Dublin", utc(2028, 2, 28, 10, 0), utc(2028, 3, 6, 10, 0),
		     utc(2028, 3, 1, 0, 0), 11310, 1583, 0, 38690, 3417, 4000);
	/* Sydney: Mon 29 March 10:00 AEDT (28th 23:00Z) to Mon 5 April 10:00
	 * AEST (00:00Z): 169 h, as Sunday 4 April has 25 hours. April begins
	 * at 2027-03-31T13:00Z: 62 h in March, 50000 * 62/169 = 18343.20 ->
	 * 18343, April 31657. March: Mon 14/24, Tue, Wed = 2583.33 -> 2583;
	 * April: Thu, Fri, Mon 10/24 = 2417, Sat and the 25-hour Sun 4000. */
	assert_split("Australia/Sydney", utc(2027, 3, 28, 23, 0), utc(2027, 4, 5, 0, 0),
		     utc(2027, 3, 31, 13, 0), 18343, 2583, 0, 31657, 2417, 4000);
	/* Kolkata: Mon 28 June 10:00 IST (04:30Z) to Mon 5 July; July begins
	 * at 2027-06-30T18:30Z: 62 h, 18452.38 -> 18452, July 31548. June:
	 * Mon 14/24, Tue, Wed = 2583; July: Thu, Fri, Mon 10/24 = 2417 and
	 * Sat, Sun 4000. */
	assert_split("Asia/Kolkata", utc(2027, 6, 28, 4, 30), utc(2027, 7, 5, 4, 30),
		     utc(2027, 6, 30, 18, 30), 18452, 2583, 0, 31548, 2417, 4000);
}

/* Days are the person's own: a Los Angeles volunteer on a Dublin rotation
 * (handoff Mon 10:00 GMT = Mon 02:00 PST) in January 2027 has Mon 22/24,
 * Tue-Fri, Sat, Sun, Mon 2/24: still 5 weekdays and 2 weekend days. With
 * a Friday handoff (Fri 10:00 GMT = 02:00 PST) the week is Fri 22/24, Sat,
 * Sun, Mon-Thu, Fri 2/24: the same 5 and 2. */
static void
test_own_zone_days(void **state)
{
	struct pay_policy pol = policy_eur();
	struct pay_person who = person("bo", "America/Los_Angeles");
	struct pay_line l;
	int64_t wd, we, ho;

	(void)state;
	l = month_of(&pol, &who, utc(2027, 1, 4, 10, 0), utc(2027, 1, 11, 10, 0),
		     utc(2027, 1, 1, 0, 0), utc(2027, 2, 1, 0, 0));
	assert_int_equal(l.weekday, 5000);
	assert_int_equal(l.weekend, 4000);
	/* Saturday 9 January 2027 from 10:00 to 16:00 GMT is 02:00-08:00 PST:
	 * a quarter of a Saturday (500); in Dublin it would be the same day. */
	pay_shift_days(&pol, &who, utc(2027, 1, 9, 10, 0), utc(2027, 1, 9, 16, 0),
		       0, INT64_MAX, &wd, &we, &ho);
	assert_int_equal(wd, 0);
	assert_int_equal(we, 500);
	/* Friday 8 January 2027 04:00-12:00 GMT is Thu 20:00 - Fri 04:00 PST:
	 * 4/24 of Thursday and 4/24 of Friday = 333.33 -> 333. */
	pay_shift_days(&pol, &who, utc(2027, 1, 8, 4, 0), utc(2027, 1, 8, 12, 0),
		       0, INT64_MAX, &wd, &we, &ho);
	assert_int_equal(wd, 333);
	assert_int_equal(we, 0);
}

/* A public holiday of the person's office is paid the holiday rate
 * instead: Wednesday 17 March 2027 (St Patrick's Day) in the week of
 * Mon 15 March 10:00 GMT: weekdays Mon 14/24 + Tue, Thu, Fri + Mon 10/24. */
static void
test_holiday(void **state)
{
	struct pay_policy pol = policy_eur();
	struct pay_person who = person("ana", "Europe/Dublin");
	const int64_t holidays[] = { days_from_civil(2027, 1, 1), days_from_civil(2027, 3, 17),
				     days_from_civil(2027, 12, 25) };
	struct pay_line l;

	(void)state;
	who.holidays = holidays;
	who.n_holidays = 3;
	l = month_of(&pol, &who, utc(2027, 3, 15, 10, 0), utc(2027, 3, 22, 10, 0),
		     utc(2027, 3, 1, 0, 0), utc(2027, 3, 31, 23, 0));
	assert_int_equal(l.weekday, 4000);
	assert_int_equal(l.weekend, 4000);
	assert_int_equal(l.holiday, 5000);
	assert_int_equal(l.stipend, 50000);
	assert_int_equal(l.total, 63000);
	/* Christmas on a Saturday: the holiday rate replaces the weekend's. */
	l = month_of(&pol, &who, utc(2027, 12, 20, 10, 0), utc(2027, 12, 27, 10, 0),
		     utc(2027, 12, 1, 0, 0), utc(2028, 1, 1, 0, 0));
	assert_int_equal(l.weekday, 5000);
	assert_int_equal(l.weekend, 2000);
	assert_int_equal(l.holiday, 5000);
}

/* Halves round away from zero, and a shift's parts still add up: a
 * stipend of 0.01 over two halves is 0.01 then 0.00, never 0.01 twice. */
static void
test_rounding_halves(void **state)
{
	(void)state;
	assert_int_equal(week_share(1, 1, 0, 2 * H, 0, H), 1);          /*  0.5 ->  1 */
	assert_int_equal(week_share(1, 1, 0, 2 * H, H, 10 * H), 0);     /*  1 - 1 */
	assert_int_equal(week_share(-1, 1, 0, 2 * H, 0, H), -1);        /* -0.5 -> -1 */
	assert_int_equal(week_share(-1, 1, 0, 2 * H, H, 10 * H), 0);
	assert_int_equal(week_share(3, 1, 0, 2 * H, 0, H), 2);          /*  1.5 ->  2 */
	assert_int_equal(week_share(3, 1, 0, 2 * H, H, 10 * H), 1);
	assert_int_equal(week_share(-3, 1, 0, 2 * H, 0, H), -2);        /* -1.5 -> -2 */
	assert_int_equal(week_share(-3, 1, 0, 2 * H, -10 * H, 10 * H), -3);
	assert_int_equal(week_share(50000, 1, 0, 168 * H, -H, 0), 0);   /* outside */
	assert_int_equal(week_share(50000, 1, 0, 168 * H, 168 * H, 200 * H), 0);
	/* A 3-day shift (shift_days 3) earns 3/7 of the weekly stipend:
	 * 50000 * 3/7 = 21428.57 -> 21429. */
	{
		struct pay_policy pol = policy_eur();
		struct pay_person who = person("ana", "UTC");
		struct pay_shift sh = { 0, 0, utc(2027, 1, 4, 10, 0), utc(2027, 1, 7, 10, 0), 3 };
		struct pay_input in = { .from = utc(2027, 1, 1, 0, 0), .to = utc(2027, 2, 1, 0, 0),
			.policies = &pol, .n_policies = 1, .persons = &who, .n_persons = 1,
			.shifts = &sh, .n_shifts = 1 };
		struct pay_line *v = NULL;
		size_t n = 0;

		pay_compute(&in, &v, &n);
		assert_int_equal(n, 1);
		assert_int_equal(v[0].stipend, 21429);
		assert_int_equal(v[0].weekday, 3000);
		free(v);
	}
}

static void
test_active_round_up(void **state)
{
	struct pay_policy pol = policy_eur();
	struct pay_person who = person("ana", "UTC");
	int64_t from = utc(2027, 1, 1, 0, 0), to = utc(2027, 2, 1, 0, 0);
	/* 20 min -> 30, 1 s -> 15, 15 min -> 15, 0 -> 0; one in February
	 * and one in December do not count: 60 minutes, 40.00. */
	struct pay_work work[] = {
		{ 0, 0, utc(2027, 1, 5, 2, 0), 1200 },
		{ 0, 0, utc(2027, 1, 6, 2, 0), 1 },
		{ 0, 0, utc(2027, 1, 7, 2, 0), 900 },
		{ 0, 0, utc(2027, 1, 8, 2, 0), 0 },
		{ 0, 0, to, 3600 },
		{ 0, 0, from - 1, 3600 },
	};
	struct pay_sleep sleep[] = {
		{ 0, 0, utc(2027, 1, 5, 2, 0) }, { 0, 0, utc(2027, 1, 6, 2, 0) },
		{ 0, 0, to },
	};
	struct pay_input in = { .from = from, .to = to, .policies = &pol, .n_policies = 1,
		.persons = &who, .n_persons = 1, .work = work, .n_work = 6,
		.sleep = sleep, .n_sleep = 3 };
	struct pay_line *v = NULL;
	size_t n = 0;

	(void)state;
	assert_int_equal(pay_round_up_minutes(1, 15), 15);
	assert_int_equal(pay_round_up_minutes(900, 15), 15);
	assert_int_equal(pay_round_up_minutes(901, 15), 30);
	assert_int_equal(pay_round_up_minutes(0, 15), 0);
	assert_int_equal(pay_round_up_minutes(61, 1), 2);
	assert_int_equal(pay_round_up_minutes(3600, 60), 60);
	assert_int_equal(pay_round_up_minutes(3601, 60), 120);

	pay_compute(&in, &v, &n);
	assert_int_equal(n, 1);
	assert_int_equal(v[0].shifts, 0);
	assert_int_equal(v[0].stipend, 0);
	assert_int_equal(v[0].active_minutes, 60);
	assert_int_equal(v[0].active, 4000);
	assert_int_equal(v[0].sleep_interruptions, 2);
	assert_int_equal(v[0].sleep_bonus, 5000);
	assert_int_equal(v[0].toil_hours, 4);
	assert_int_equal(v[0].total, 9000);
	free(v);

	/* 33.33 an hour for 15 minutes: 833.25 -> 833; 0.10: 2.5 -> 3. */
	pol.active_hour_rate = 3333;
	in.n_work = 2;
	work[0].ooh_seconds = 600;
	work[1].ooh_seconds = 0;
	in.n_sleep = 0;
	pay_compute(&in, &v, &n);
	assert_int_equal(v[0].active_minutes, 15);
	assert_int_equal(v[0].active, 833);
	free(v);
	pol.active_hour_rate = 10;
	pay_compute(&in, &v, &n);
	assert_int_equal(v[0].active, 3);
	free(v);
}

/* The cap withholds what exceeds it from a policy's money; TOIL is kept.
 * Two people of two currencies are never added together. */
static void
test_cap_and_currencies(void **state)
{
	struct pay_policy pol[2] = { policy_eur(), policy_eur() };
	struct pay_person who[2] = { person("ana", "Europe/Dublin"), person("bo", "UTC") };
	int64_t from = utc(2027, 1, 1, 0, 0), to = utc(2027, 2, 1, 0, 0);
	struct pay_shift sh[] = {
		{ 0, 0, utc(2027, 1, 4, 10, 0), utc(2027, 1, 11, 10, 0), 7 },
		{ 1, 1, utc(2027, 1, 11, 10, 0), utc(2027, 1, 18, 10, 0), 7 },
		{ 0, 1, utc(2027, 1, 18, 10, 0), utc(2027, 1, 25, 10, 0), 7 },
		{ 0, 0, utc(2027, 1, 25, 10, 0), utc(2027, 2, 1, 10, 0), 7 },
	};
	struct pay_sleep sleep[] = { { 0, 0, utc(2027, 1, 5, 2, 0) } };
	struct pay_input in = { .from = from, .to = to, .policies = pol, .n_policies = 2,
		.persons = who, .n_persons = 2, .shifts = sh, .n_shifts = 4,
		.sleep = sleep, .n_sleep = 1 };
	struct pay_line *v = NULL;
	size_t n = 0;

	(void)state;
	pol[0].monthly_cap = 80000;                 /* 800.00 EUR */
	strcpy(pol[1].name, "us");
	strcpy(pol[1].currency, "USD");
	pol[1].weekday_rate = pol[1].weekend_rate = 0;
	pay_compute(&in, &v, &n);
	assert_int_equal(n, 3);
	/* ana, EUR: week 1 whole (50000 + 9000) and week 4 to 1 February
	 * 00:00 (158 of 168 h: 47023.81 -> 47024; Mon 14/24 + Tue-Fri,
	 * Sat, Sun = 4583.33 + 4000 -> 4583 + 4000), plus one sleep bonus
	 * 2500: 117107, capped at 80000. */
	assert_int_equal(v[0].person, 0);
	assert_string_equal(v[0].currency, "EUR");
	assert_int_equal(v[0].shifts, 2);
	assert_int_equal(v[0].stipend, 97024);
	assert_int_equal(v[0].weekday, 9583);
	assert_int_equal(v[0].weekend, 8000);
	assert_int_equal(v[0].sleep_bonus, 2500);
	assert_int_equal(v[0].toil_hours, 2);
	assert_int_equal(v[0].capped, 37107);
	assert_int_equal(v[0].total, 80000);
	/* ana, USD: week 3, 500.00, uncapped. */
	assert_int_equal(v[1].person, 0);
	assert_string_equal(v[1].currency, "USD");
	assert_int_equal(v[1].exponent, 2);
	assert_int_equal(v[1].shifts, 1);
	assert_int_equal(v[1].total, 50000);
	assert_int_equal(v[1].capped, 0);
	/* bo, USD: week 2. */
	assert_int_equal(v[2].person, 1);
	assert_string_equal(v[2].currency, "USD");
	assert_int_equal(v[2].total, 50000);
	free(v);

	/* Two policies of one currency make one line; each keeps its own cap. */
	strcpy(pol[1].currency, "EUR");
	pol[1].monthly_cap = 30000;
	pay_compute(&in, &v, &n);
	assert_int_equal(n, 2);
	assert_int_equal(v[0].shifts, 3);
	assert_int_equal(v[0].stipend, 147024);
	assert_int_equal(v[0].capped, 37107 + 20000);
	assert_int_equal(v[0].total, 110000);
	assert_int_equal(v[1].total, 30000);
	assert_int_equal(v[1].capped, 20000);
	free(v);

	/* Nobody worked in December: no lines. */
	in.from = utc(2026, 12, 1, 0, 0);
	in.to = from;
	pay_compute(&in, &v, &n);
	assert_int_equal(n, 0);
	free(v);
}

static int
teardown(void **state)
{
	(void)state;
	tz_cleanup();
	return 0;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_whole_weeks),
		cmocka_unit_test(test_month_ends),
		cmocka_unit_test(test_own_zone_days),
		cmocka_unit_test(test_holiday),
		cmocka_unit_test(test_rounding_halves),
		cmocka_unit_test(test_active_round_up),
		cmocka_unit_test(test_cap_and_currencies),
	};
	return cmocka_run_group_tests(tests, NULL, teardown);
}
