/* Pay of a week held in parts (consecutive shifts of several people):
 * hand-computed cents for issue 19's story (d holds 3 days 2 hours of a
 * 168-hour week, c the rest), a 167- and a 169-hour DST week cut in
 * parts, one of them across a month end, a weekend day held in parts,
 * by holders of one zone and of another; then random weeks cut at random
 * into random parts, whose pieces must add up to the whole week's pay to
 * the cent. The random cases print their seed; ROTA_TEST_SEED=N replays
 * a run.
 *
 * Instants are written in UTC: Dublin is UTC+0 until the last Sunday of
 * March and from the last Sunday of October, +1 between; Los Angeles is
 * -8 in winter. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <cmocka.h>

#include "common/share.h"
#include "common/tz.h"
#include "reports/pay.h"

#define H 3600
#define DAY 86400
#define N_CASES 2000
#define MAX_PARTS 8

static int64_t
utc(int y, int m, int d, int hh, int mm)
{
	return days_from_civil(y, m, d) * DAY + hh * H + mm * 60;
}

/* 500.00 EUR a week; 10.00 a weekday, 20.00 a weekend day, 50.00 a
 * public holiday. */
static struct pay_policy
policy_eur(void)
{
	struct pay_policy p = { .name = "standard", .currency = "EUR", .exponent = 2,
		.stipend_per_week = 50000, .weekday_rate = 1000, .weekend_rate = 2000,
		.holiday_rate = 5000, .active_rounding_minutes = 15 };
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

/* Pay of [FROM, TO) for N people; person i holds PARTS[i]. */
static struct pay_line *
pay_of(const struct pay_policy *pol, const struct pay_person *who,
       const struct pay_shift *parts, size_t n, int64_t from, int64_t to, size_t *n_lines)
{
	struct pay_input in = { .from = from, .to = to, .policies = pol, .n_policies = 1,
				.persons = who, .n_persons = n, .shifts = parts,
				.n_shifts = n };
	struct pay_line *v = NULL;

	pay_compute(&in, &v, n_lines);
	return v;
}

/* Issue 19's story: weekly shifts from Mon 2027-03-01 10:00 Dublin (GMT),
 * d holds the week; at Thu 4 March 12:00 an override gives c the rest.
 * d: 74 of 168 hours, 500.00 * 74/168 = 220.238 -> 220.24; Mon 14/24,
 * Tue, Wed, Thu 12/24 = 3 2/24 weekdays, 30.83. c: the rest, 279.76,
 * Thu 12/24, Fri, Mon 10/24 (19.17) and Sat, Sun (40.00). */
static void
test_story(void **state)
{
	struct pay_policy pol = policy_eur();
	struct pay_person who[2] = { person("d", "Europe/Dublin"), person("c", "Europe/Dublin") };
	int64_t ws = utc(2027, 3, 1, 10, 0), we = utc(2027, 3, 8, 10, 0);
	int64_t cut = utc(2027, 3, 4, 12, 0);
	struct pay_shift parts[2] = { { 0, 0, ws, cut, 7, ws, we }, { 1, 0, cut, we, 7, ws, we } };
	size_t n;
	struct pay_line *v = pay_of(&pol, who, parts, 2, utc(2027, 3, 1, 0, 0),
				    utc(2027, 4, 1, 0, 0) - H, &n);

	(void)state;
	assert_int_equal(n, 2);
	assert_int_equal(v[0].stipend, 22024);
	assert_int_equal(v[0].weekday, 3083);
	assert_int_equal(v[0].weekend, 0);
	assert_int_equal(v[0].shifts, 1);
	assert_int_equal(v[1].stipend, 27976);
	assert_int_equal(v[1].weekday, 1917);
	assert_int_equal(v[1].weekend, 4000);
	assert_int_equal(v[0].stipend + v[1].stipend, 50000);
	free(v);
}

/* The stipends of the parts of [WS, WE) cut at CUTS (N - 1 of them), each
 * held by its own person, in the month [FROM, TO). */
static void
assert_parts(int64_t ws, int64_t we, const int64_t *cuts, size_t n, int64_t from,
	     int64_t to, const int64_t *want)
{
	struct pay_policy pol = policy_eur();
	struct pay_person who[MAX_PARTS];
	struct pay_shift parts[MAX_PARTS];
	struct pay_line *v;
	size_t nl;

	for (size_t i = 0; i < n; i++) {
		who[i] = person("p", "Europe/Dublin");
		parts[i] = (struct pay_shift){ i, 0, i ? cuts[i - 1] : ws,
					       i + 1 < n ? cuts[i] : we, 7, ws, we };
	}
	v = pay_of(&pol, who, parts, n, from, to, &nl);
	for (size_t i = 0, k = 0; i < n; i++) {
		int64_t got = k < nl && v[k].person == i ? v[k++].stipend : 0;

		assert_int_equal(got, want[i]);
	}
	free(v);
}

/* Dublin's 167-hour week, Mon 22 March 10:00 GMT to Mon 29 March 10:00
 * IST (09:00Z), cut at Fri 26 March 10:00Z (96 h): 500.00 * 96/167 =
 * 287.425 -> 287.43, and 212.57. Its 169-hour week, Mon 25 October
 * 10:00 IST (09:00Z) to Mon 1 November 10:00 GMT, in three parts: to Fri
 * 29 October 21:00Z (108 h: 319.526 -> 319.53), to Mon 1 November 06:00Z
 * (57 h) and the last 4 hours. The middle part crosses the month end
 * (November starts at 00:00Z, 159 h into the week: 470.414 -> 470.41):
 * 150.88 in October, and 488.166 -> 488.17 less 470.41 = 17.76 in
 * November; the last part takes the remainder, 11.83. */
static void
test_dst_weeks(void **state)
{
	int64_t ws = utc(2027, 3, 22, 10, 0), we = utc(2027, 3, 29, 9, 0);
	int64_t spring[1] = { utc(2027, 3, 26, 10, 0) };
	int64_t autumn[2] = { utc(2027, 10, 29, 21, 0), utc(2027, 11, 1, 6, 0) };
	int64_t nov = utc(2027, 11, 1, 0, 0);

	(void)state;
	assert_int_equal(we - ws, 167 * H);
	assert_parts(ws, we, spring, 2, utc(2027, 3, 1, 0, 0), utc(2027, 3, 31, 23, 0),
		     (const int64_t[]){ 28743, 21257 });
	ws = utc(2027, 10, 25, 9, 0);
	we = utc(2027, 11, 1, 10, 0);
	assert_int_equal(we - ws, 169 * H);
	assert_parts(ws, we, autumn, 3, utc(2027, 9, 30, 23, 0), nov,
		     (const int64_t[]){ 31953, 15088, 0 });
	assert_parts(ws, we, autumn, 3, nov, utc(2027, 12, 1, 0, 0),
		     (const int64_t[]){ 0, 1776, 1183 });
}

/* A weekend night held by someone else: c holds Sat 6 March 18:00 to Sun
 * 06:00 of d's week (Mon 1 March 10:00 GMT). c is paid 6/24 of Saturday
 * and 6/24 of Sunday, 10.00; d the rest of the weekend, 30.00. bo, in Los
 * Angeles, holding the same 12 hours is paid in his own days: Sat 10:00
 * to 22:00, 12/24 of a Saturday, 10.00 too. */
static void
test_day_in_parts(void **state)
{
	struct pay_policy pol = policy_eur();
	struct pay_person who[3] = { person("d", "Europe/Dublin"), person("c", "Europe/Dublin"),
				     person("bo", "America/Los_Angeles") };
	int64_t ws = utc(2027, 3, 1, 10, 0), we = utc(2027, 3, 8, 10, 0);
	int64_t a = utc(2027, 3, 6, 18, 0), b = utc(2027, 3, 7, 6, 0);
	struct pay_shift parts[3] = { { 0, 0, ws, a, 7, ws, we }, { 1, 0, a, b, 7, ws, we },
				      { 0, 0, b, we, 7, ws, we } };
	int64_t from = utc(2027, 2, 1, 0, 0), to = utc(2027, 4, 1, 0, 0);
	struct pay_input in = { .from = from, .to = to, .policies = &pol, .n_policies = 1,
				.persons = who, .n_persons = 3, .shifts = parts, .n_shifts = 3 };
	struct pay_line *v;
	size_t n;

	(void)state;
	pay_compute(&in, &v, &n);
	assert_int_equal(n, 2);
	assert_int_equal(v[0].shifts, 2);
	assert_int_equal(v[0].weekend, 3000);
	assert_int_equal(v[0].weekday, 5000);
	assert_int_equal(v[1].weekend, 1000);
	assert_int_equal(v[1].weekday, 0);
	assert_int_equal(v[0].stipend + v[1].stipend, 50000);
	/* 140 of 168 hours, 416.67, less 128, 380.95 */
	assert_int_equal(v[1].stipend, 3572);
	free(v);
	parts[1].person = 2;
	pay_compute(&in, &v, &n);
	assert_int_equal(n, 2);
	assert_int_equal(v[1].person, 2);
	assert_int_equal(v[1].weekend, 1000);
	assert_int_equal(v[1].weekday, 0);
	free(v);
}

/* xorshift64*: the cases of one seed are the same on every machine. */
static uint64_t rng;

static uint64_t
next(void)
{
	rng ^= rng >> 12;
	rng ^= rng << 25;
	rng ^= rng >> 27;
	return rng * 0x2545F4914F6CDD1DULL;
}

static int64_t
below(int64_t n)
{
	return (int64_t)(next() % (uint64_t)n);
}

static int
cmp64(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return x < y ? -1 : x > y;
}

static const char *const zones[] = {
	"Europe/Dublin", "America/Los_Angeles", "Australia/Sydney", "Asia/Kolkata",
	"America/St_Johns", "UTC",
};

/* One random case: a week of a random zone, length and policy, cut into
 * random parts (at whole minutes, as overrides cut), each held by its own
 * person of that zone, and a random month end (maybe outside the week).
 * The pieces of both months add up to what one holder of the whole week
 * earns, component by component; each part's stipend is within one
 * minor unit of its exact share. Returns 0, or the failed check's line. */
static int
random_case(void)
{
	struct pay_policy pol = policy_eur();
	struct pay_person who[MAX_PARTS];
	struct pay_shift parts[MAX_PARTS], whole;
	int64_t holidays[2], cuts[MAX_PARTS], sum[4] = { 0 }, want[4];
	int64_t part_stipend[MAX_PARTS] = { 0 };
	const char *zone = zones[below(sizeof zones / sizeof zones[0])];
	int y = 2026 + (int)below(5), m = 1 + (int)below(12), d = 1 + (int)below(28), y2, m2, d2;
	int hh = (int)below(24), mm = (int)below(4) * 15, days = 1 + (int)below(14);
	size_t n = 1 + (size_t)below(MAX_PARTS);
	int64_t ws, we, minutes, month_end;
	struct pay_line *v;
	size_t nl;

	y2 = y, m2 = m, d2 = d;
	civil_add_days(&y2, &m2, &d2, days);
	ws = tz_from_local(tz_lookup(zone), y, m, d, hh, mm, 0);
	we = tz_from_local(tz_lookup(zone), y2, m2, d2, hh, mm, 0);
	minutes = (we - ws) / 60;
	pol.stipend_per_week = below(100000000);
	pol.weekday_rate = below(1000000);
	pol.weekend_rate = below(1000000);
	pol.holiday_rate = below(1000000);
	/* Two public holidays, maybe inside the week. */
	holidays[0] = days_from_civil(y, m, d) + below(8);
	holidays[1] = holidays[0] + 1 + below(8);
	/* N - 1 distinct cuts strictly inside the week. */
	for (size_t i = 0; i + 1 < n; i++) {
		bool again;

		do {
			cuts[i] = ws + (1 + below(minutes - 1)) * 60;
			again = false;
			for (size_t k = 0; k < i; k++)
				again = again || cuts[k] == cuts[i];
		} while (again);
	}
	qsort(cuts, n - 1, sizeof *cuts, cmp64);
	for (size_t i = 0; i < n; i++) {
		who[i] = person("p", zone);
		who[i].holidays = holidays;
		who[i].n_holidays = 2;
		parts[i] = (struct pay_shift){ i, 0, i ? cuts[i - 1] : ws,
					       i + 1 < n ? cuts[i] : we, days, ws, we };
	}
	month_end = ws - DAY + below(we - ws + 2 * DAY);

	/* The whole week, one holder, one month. */
	whole = (struct pay_shift){ 0, 0, ws, we, days, 0, 0 };
	v = pay_of(&pol, who, &whole, 1, ws - 40 * DAY, we + 40 * DAY, &nl);
	if (nl != 1)
		return __LINE__;
	want[0] = v[0].stipend;
	want[1] = v[0].weekday;
	want[2] = v[0].weekend;
	want[3] = v[0].holiday;
	free(v);
	if (want[0] != round_div(pol.stipend_per_week * days, 7))
		return __LINE__;

	for (int k = 0; k < 2; k++) {
		v = pay_of(&pol, who, parts, n, k ? month_end : ws - 40 * DAY,
			   k ? we + 40 * DAY : month_end, &nl);
		for (size_t i = 0; i < nl; i++) {
			sum[0] += v[i].stipend;
			sum[1] += v[i].weekday;
			sum[2] += v[i].weekend;
			sum[3] += v[i].holiday;
			part_stipend[v[i].person] += v[i].stipend;
		}
		free(v);
	}
	for (int c = 0; c < 4; c++)
		if (sum[c] != want[c])
			return __LINE__;
	for (size_t i = 0; i < n; i++) {
		/* |paid - exact| <= 1, exact = stipend * days/7 * len / week */
		__int128 den = (__int128)7 * (we - ws);
		__int128 exact = (__int128)pol.stipend_per_week * days *
				 (parts[i].end - parts[i].start);
		__int128 diff = (__int128)part_stipend[i] * den - exact;

		if (diff > den || diff < -den)
			return __LINE__;
	}
	return 0;
}

static void
test_random_weeks(void **state)
{
	const char *env = getenv("ROTA_TEST_SEED");
	uint64_t seed = env != NULL ? strtoull(env, NULL, 10) : (uint64_t)time(NULL);

	(void)state;
	print_message("# seed %llu (ROTA_TEST_SEED=%llu replays this run)\n",
		      (unsigned long long)seed, (unsigned long long)seed);
	rng = seed * 0x9E3779B97F4A7C15ULL + 1;
	for (int i = 0; i < N_CASES; i++) {
		int line = random_case();

		if (line != 0) {
			print_message("# case %d of seed %llu fails the check on line %d\n",
				      i, (unsigned long long)seed, line);
			fail();
		}
	}
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
		cmocka_unit_test(test_story),
		cmocka_unit_test(test_dst_weeks),
		cmocka_unit_test(test_day_in_parts),
		cmocka_unit_test(test_random_weeks),
	};
	return cmocka_run_group_tests(tests, NULL, teardown);
}
