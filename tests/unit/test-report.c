/* reports/stats.c and reports/indicators.c: percentiles by nearest rank,
 * the forecast's interval, thresholds and sentences, daily and weekly rest
 * across DST changes, nights and their runs, shifts closer than the gap. */
#include "config.h"

#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <cmocka.h>

#include "common/tz.h"
#include "reports/indicators.h"
#include "reports/interruptions.h"
#include "reports/stats.h"

#define H 3600LL
#define DAY 86400LL
#define W (7 * DAY)

static int64_t
utc(int y, int mo, int d, int h, int mi)
{
	return (days_from_civil(y, mo, d) * DAY) + h * H + mi * 60;
}

static void
test_percentiles(void **state)
{
	int64_t ten[] = { 10, 9, 8, 7, 6, 5, 4, 3, 2, 1 };
	int64_t four[] = { 4, 1, 3, 2 };
	int64_t one[] = { 7 };

	(void)state;
	stats_sort(ten, 10);
	assert_int_equal(ten[0], 1);
	assert_int_equal(stats_percentile(ten, 10, 50), 5);     /* rank 5 */
	assert_int_equal(stats_percentile(ten, 10, 95), 10);    /* rank ceil(9.5) */
	assert_int_equal(stats_percentile(ten, 10, 90), 9);     /* rank 9 */
	assert_int_equal(stats_percentile(ten, 10, 100), 10);
	assert_int_equal(stats_percentile(ten, 10, 1), 1);
	stats_sort(four, 4);
	assert_int_equal(stats_percentile(four, 4, 50), 2);     /* the lower middle */
	assert_int_equal(stats_percentile(four, 4, 95), 4);
	assert_int_equal(stats_percentile(one, 1, 50), 7);
	assert_int_equal(stats_percentile(one, 1, 95), 7);
	assert_int_equal(stats_percentile(NULL, 0, 50), -1);
	assert_int_equal(stats_percentile(ten, 10, 0), -1);
}

static int
cmp_ref(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return (x > y) - (x < y);
}

/* 256 values and more take the radix sort: the same order as qsort, with
 * negatives, extremes, repeats and values sharing their high bytes. */
static void
test_sort_many(void **state)
{
	enum { N = 5000 };
	static int64_t v[N], ref[N];
	uint64_t x = 88172645463325252u;

	(void)state;
	for (int round = 0; round < 3; round++) {
		for (size_t i = 0; i < N; i++) {
			x ^= x << 13;
			x ^= x >> 7;
			x ^= x << 17;
			v[i] = round == 0 ? (int64_t)(x % 7200) :         /* seconds */
			       round == 1 ? (int64_t)(x % 4000) - 2000 :  /* both signs */
			       (int64_t)x;                                 /* anything */
		}
		v[0] = INT64_MIN;
		v[1] = INT64_MAX;
		v[2] = v[3] = 0;
		v[4] = -1;
		for (size_t i = 0; i < N; i++)
			ref[i] = v[i];
		qsort(ref, N, sizeof *ref, cmp_ref);
		stats_sort(v, N);
		for (size_t i = 0; i < N; i++)
			assert_int_equal(v[i], ref[i]);
	}
	for (size_t i = 0; i < 300; i++)        /* one byte value only */
		v[i] = 42;
	stats_sort(v, 300);
	assert_int_equal(v[0], 42);
	assert_int_equal(v[299], 42);
}

static void
test_forecast(void **state)
{
	struct forecast f;

	(void)state;
	/* 4 in 15 of 31 days: 8.267; negative binomial r = 4.5, p = 15/31:
	 * cumulative 0.038 at 0, 0.127 at 1, 0.946 at 10, 0.965 at 11. */
	assert_int_equal(stats_forecast(4, 15 * DAY, 31 * DAY, &f), 0);
	assert_true(fabs(f.expected - 124.0 / 15.0) < 1e-12);
	assert_int_equal(f.low, 5);
	assert_int_equal(f.high, 15);
	/* Nothing yet, half the month gone: r = 0.5, p = 0.5; P(0) = 0.7071,
	 * then 0.8839, 0.9502: 0 to 2. */
	assert_int_equal(stats_forecast(0, 15 * DAY, 30 * DAY, &f), 0);
	assert_true(f.expected == 0.0);
	assert_int_equal(f.low, 0);
	assert_int_equal(f.high, 2);
	/* The whole month: what was seen. */
	assert_int_equal(stats_forecast(12, 30 * DAY, 30 * DAY, &f), 0);
	assert_int_equal(f.low, 12);
	assert_int_equal(f.high, 12);
	assert_int_equal(stats_forecast(1, 0, 30 * DAY, &f), -1);
	assert_int_equal(stats_forecast(1, 31 * DAY, 30 * DAY, &f), -1);
}

static void
test_thresholds(void **state)
{
	struct ind_threshold t;
	struct ind_thresholds th;

	(void)state;
	assert_int_equal(ind_threshold_parse("2 3", &t), 0);
	assert_int_equal(t.amber, 2);
	assert_int_equal(t.red, 3);
	assert_int_equal(ind_threshold_parse("  4   4 ", &t), 0);
	assert_int_equal(t.amber, 4);
	assert_int_equal(t.red, 4);
	assert_int_equal(ind_threshold_parse("3 1", &t), -1);
	assert_int_equal(ind_threshold_parse("2", &t), -1);
	assert_int_equal(ind_threshold_parse("2 3 4", &t), -1);
	assert_int_equal(ind_threshold_parse("a b", &t), -1);
	assert_int_equal(ind_threshold_parse("-1 3", &t), -1);
	ind_thresholds_default(&th);
	assert_int_equal(th.goal, 10);
	assert_int_equal(th.t[IND_TEAM_OOH].amber, 8);
	assert_int_equal(th.t[IND_TEAM_OOH].red, 10);
	assert_int_equal(th.t[IND_SLEEP].amber, 2);
	assert_int_equal(th.t[IND_SLEEP].red, 3);
	ind_thresholds_set_goal(&th, 7, 80);      /* 5.6, rounded up */
	assert_int_equal(th.t[IND_TEAM_OOH].amber, 6);
	assert_int_equal(th.t[IND_TEAM_OOH].red, 7);
}

static void
test_sentences(void **state)
{
	struct ind_threshold sleep = { 2, 3 }, ack = { 300, 900 }, share = { 40, 60 };
	struct ind_result r;
	char buf[32];

	(void)state;
	ind_eval(IND_SLEEP, &sleep, "ana", 4, &r);
	assert_int_equal(r.status, IND_RED);
	assert_string_equal(r.why, "ana was woken 4 times; 3 or more a month is red.");
	ind_eval(IND_SLEEP, &sleep, "ana", 3, &r);
	assert_int_equal(r.status, IND_RED);
	ind_eval(IND_SLEEP, &sleep, "ana", 2, &r);
	assert_int_equal(r.status, IND_AMBER);
	assert_string_equal(r.why, "ana was woken 2 times; 2 or more a month is amber, 3 red.");
	ind_eval(IND_SLEEP, &sleep, "ana", 1, &r);
	assert_int_equal(r.status, IND_GREEN);
	assert_string_equal(r.why, "ana was woken 1 time; amber from 2 a month.");
	ind_eval(IND_ACK_MEDIAN, &ack, "the team", 450, &r);
	assert_int_equal(r.status, IND_AMBER);
	assert_string_equal(r.why, "the team's median time to acknowledge was 7m30s; "
			    "5m00s or more is amber, 15m00s red.");
	ind_eval(IND_ACK_MEDIAN, &ack, "the team", -1, &r);
	assert_int_equal(r.status, IND_GREEN);
	assert_string_equal(r.why, "Time to acknowledge, median: nothing to measure.");
	ind_eval(IND_OOH_SHARE, &share, "bo", 60, &r);
	assert_string_equal(r.why, "bo carried 60% of the team's out-of-hours load; 60% or more is red.");
	assert_string_equal(ind_status_name(IND_AMBER), "amber");
	ind_format(IND_KIND_SECONDS, 3900, buf, sizeof buf);
	assert_string_equal(buf, "1h05m");
	ind_format(IND_KIND_SECONDS, 45, buf, sizeof buf);
	assert_string_equal(buf, "45s");
	ind_format(IND_KIND_WEEKS, 1, buf, sizeof buf);
	assert_string_equal(buf, "1 week");

	ind_forecast_eval(10, 4, 124.0 / 15.0, 5, 15, &r);
	assert_int_equal(r.status, IND_AMBER);
	assert_string_equal(r.why, "About 8 out-of-hours interruptions expected (90%: 5 to 15); "
			    "the goal of fewer than 10 may be missed.");
	ind_forecast_eval(10, 4, 10.0, 7, 15, &r);
	assert_int_equal(r.status, IND_RED);
	ind_forecast_eval(10, 10, 20.0, 10, 25, &r);
	assert_int_equal(r.status, IND_RED);
	assert_string_equal(r.why, "The goal is already missed: 10 out-of-hours interruptions so "
			    "far, the goal is fewer than 10.");
	ind_forecast_eval(10, 1, 2.0, 1, 5, &r);
	assert_int_equal(r.status, IND_GREEN);
}

static void
test_longest_free(void **state)
{
	const struct work w[] = { { 10 * H, 12 * H }, { 11 * H, 13 * H }, { 2 * H, 2 * H } };

	(void)state;
	/* Free: 0-2, 2-10, 13-24: overlapping work merges, an instant splits. */
	assert_int_equal(rest_longest_free(0, 24 * H, w, 3), 11 * H);
	assert_int_equal(rest_longest_free(0, 20 * H, w, 3), 8 * H);
	assert_int_equal(rest_longest_free(11 * H, 12 * H, w, 3), 0);
	assert_int_equal(rest_longest_free(0, 24 * H, NULL, 0), 24 * H);
}

/* Dublin's days: 28 March 2027 has 23 hours (00:00Z to 23:00Z), 31
 * October 2027 has 25 (30 October 23:00Z to 31 October 24:00Z). */
static void
test_daily_rest_dst(void **state)
{
	const struct tz_zone *dub = tz_lookup("Europe/Dublin");
	/* Instants at 02:00Z and 12:30Z: free 2 h, 10.5 h and 10.5 h to the
	 * day's end at 23:00Z; broken (a 24-hour window would end at 24:00Z
	 * and find 11.5 h). */
	const struct work spring[] = { { utc(2027, 3, 28, 2, 0), utc(2027, 3, 28, 2, 0) },
				       { utc(2027, 3, 28, 12, 30), utc(2027, 3, 28, 12, 30) } };
	/* 00:30Z, 10:00Z, 12:30Z: free 1.5, 9.5, 2.5 and 11.5 h to 24:00Z: not
	 * broken (a 24-hour window would end at 23:00Z and find 10.5 h). */
	const struct work autumn[] = { { utc(2027, 10, 31, 0, 30), utc(2027, 10, 31, 0, 30) },
				       { utc(2027, 10, 31, 10, 0), utc(2027, 10, 31, 10, 0) },
				       { utc(2027, 10, 31, 12, 30), utc(2027, 10, 31, 12, 30) } };
	/* Work from 03:00 to 03:30 and 14:00 to 15:00 and 19:00 UTC, in
	 * January: free 3, 10.5, 4 and 5 h: broken; the next day is not. */
	const struct work winter[] = { { utc(2027, 1, 12, 3, 0), utc(2027, 1, 12, 3, 30) },
				       { utc(2027, 1, 12, 14, 0), utc(2027, 1, 12, 15, 0) },
				       { utc(2027, 1, 12, 19, 0), utc(2027, 1, 12, 19, 20) },
				       { utc(2027, 1, 13, 2, 0), utc(2027, 1, 13, 2, 40) } };

	(void)state;
	assert_non_null(dub);
	assert_int_equal(rest_broken_days(dub, 2027, 3, spring, 2, 11 * H), 1);
	assert_int_equal(rest_broken_days(dub, 2027, 10, autumn, 3, 11 * H), 0);
	assert_int_equal(rest_broken_days(dub, 2027, 1, winter, 4, 11 * H), 1);
	/* Other months see none of it. */
	assert_int_equal(rest_broken_days(dub, 2027, 2, winter, 4, 11 * H), 0);
	/* The same instants in New York fall on other local days: 12 January
	 * runs from 05:00Z, so 03:00Z is on the 11th; the 12th is free for
	 * 9 h, then 4 h, then 7 h to 02:00Z and 3 h to its end: broken. */
	assert_int_equal(rest_broken_days(tz_lookup("America/New_York"), 2027, 1, winter, 4,
					  11 * H), 1);
}

static void
test_weekly_rest_dst(void **state)
{
	const struct tz_zone *dub = tz_lookup("Europe/Dublin");
	int64_t start = utc(2027, 3, 22, 0, 0);         /* Monday 00:00 GMT */
	int64_t next = utc(2027, 3, 28, 23, 0);         /* Monday 29th 00:00 IST: 167 h */
	struct work w[12];
	size_t n = 0;

	(void)state;
	/* Every 34 hours in the week of 22 March: broken. */
	for (int k = 0; k < 5; k++, n++)
		w[n] = (struct work){ start + k * 34 * H, start + k * 34 * H };
	assert_int_equal(rest_broken_weeks(dub, 2027, 3, w, n, 35 * H), 1);
	/* Every 36 hours in the week of 29 March: not broken. */
	for (int k = 0; k < 5; k++, n++)
		w[n] = (struct work){ next + k * 36 * H, next + k * 36 * H };
	assert_int_equal(rest_broken_weeks(dub, 2027, 3, w, n, 35 * H), 1);
	/* A week belongs to the month of its Monday: April has none of them. */
	assert_int_equal(rest_broken_weeks(dub, 2027, 4, w, n, 35 * H), 0);
	/* The last stretch of the 167-hour week ends at 23:00Z: work at 28,
	 * 62, 96 and 130 h, then 34 h to the week's end: broken; with the last
	 * at 131 h instead, 36 h to the end: not (a 168-hour week would find
	 * 35 h in the first case). */
	n = 0;
	for (int k = 0; k < 4; k++, n++)
		w[n] = (struct work){ start + (28 + 34 * k) * H, start + (28 + 34 * k) * H };
	w[n++] = (struct work){ start + 133 * H, start + 133 * H };
	assert_int_equal(rest_broken_weeks(dub, 2027, 3, w, n, 35 * H), 1);
	w[n - 1] = (struct work){ start + 131 * H, start + 131 * H };
	w[n - 2] = (struct work){ start + 129 * H, start + 129 * H };
	assert_int_equal(rest_broken_weeks(dub, 2027, 3, w, n, 35 * H), 0);
}

static void
test_nights(void **state)
{
	const struct tz_zone *dub = tz_lookup("Europe/Dublin"), *ny = tz_lookup("America/New_York");
	int64_t v[] = { 5, 5, 6, 8, 9, 10, 1 }, one[] = { 3 }, distinct, run;

	(void)state;
	/* 22:00-07:00: 03:00 is the night of the day before, 23:30 its own. */
	assert_int_equal(night_of(dub, 22 * 60, 7 * 60, utc(2027, 1, 12, 3, 0)),
			 days_from_civil(2027, 1, 11));
	assert_int_equal(night_of(dub, 22 * 60, 7 * 60, utc(2027, 1, 14, 23, 30)),
			 days_from_civil(2027, 1, 14));
	/* Summer time: 22:30Z is 23:30 IST, 23:30Z is 00:30 IST the next day. */
	assert_int_equal(night_of(dub, 22 * 60, 7 * 60, utc(2027, 7, 1, 22, 30)),
			 days_from_civil(2027, 7, 1));
	assert_int_equal(night_of(dub, 22 * 60, 7 * 60, utc(2027, 7, 1, 23, 30)),
			 days_from_civil(2027, 7, 1));
	/* New York: 03:00Z on the 12th is 22:00 on the 11th. */
	assert_int_equal(night_of(ny, 22 * 60, 7 * 60, utc(2027, 1, 12, 3, 0)),
			 days_from_civil(2027, 1, 11));
	/* A window that does not wrap (01:00-09:00): the date itself. */
	assert_int_equal(night_of(dub, 60, 9 * 60, utc(2027, 1, 12, 3, 0)),
			 days_from_civil(2027, 1, 12));
	nights_count(v, 7, &distinct, &run);
	assert_int_equal(distinct, 6);
	assert_int_equal(run, 3);
	nights_count(one, 1, &distinct, &run);
	assert_int_equal(distinct, 1);
	assert_int_equal(run, 1);
	nights_count(NULL, 0, &distinct, &run);
	assert_int_equal(distinct, 0);
	assert_int_equal(run, 0);
}

static void
test_close_shifts(void **state)
{
	const int64_t gap = W - 2 * H;
	const struct gap_shift v[] = {
		{ 0, W, gap }, { W, 2 * W, gap },               /* back to back */
		{ 3 * W, 4 * W, gap },                          /* one week off */
		{ 4 * W + 2 * DAY, 5 * W, gap },                /* two days off */
		{ 10 * W, 11 * W, 0 },                          /* no gap wanted */
		{ 11 * W, 12 * W, 0 },
	};

	(void)state;
	assert_int_equal(close_shifts(v, 6, 0, 20 * W), 2);
	assert_int_equal(close_shifts(v, 6, 2 * W, 20 * W), 1);  /* only those starting then */
	assert_int_equal(close_shifts(v, 1, 0, 20 * W), 0);
}

/* A share is judged from 5 team out-of-hours interruptions: 2 of 3 is
 * 67%, shown, grey; 3 of 5 is 60%, red. Counts are always judged. */
static void
test_too_few_to_judge(void **state)
{
	struct ind_thresholds th;
	struct ind_result r;

	(void)state;
	ind_thresholds_default(&th);
	assert_int_equal(th.min[IND_OOH_SHARE], 5);
	assert_int_equal(th.min[IND_ACK_MEDIAN], 5);
	assert_int_equal(th.min[IND_ACK_P95], 20);
	assert_int_equal(th.min[IND_RESOLVE_MEDIAN], 5);
	assert_int_equal(th.min[IND_RESOLVE_P95], 20);
	assert_int_equal(th.min[IND_SLEEP], 0);
	assert_int_equal(th.fc_min_interruptions, 3);
	assert_int_equal(th.fc_min_elapsed_pct, 25);
	assert_string_equal(ind_status_name(IND_GREY), "grey");
	assert_true(IND_GREY < IND_GREEN);      /* never the worst of a judged set */

	ind_judge(IND_OOH_SHARE, &th, "ana", 67, 3, &r);
	assert_int_equal(r.status, IND_GREY);
	assert_string_equal(r.why, "ana carried 67% of the team's out-of-hours load; too few "
			    "to judge: 3 team out-of-hours interruptions, judged from 5.");
	ind_judge(IND_OOH_SHARE, &th, "ana", 100, 1, &r);
	assert_int_equal(r.status, IND_GREY);
	assert_string_equal(r.why, "ana carried 100% of the team's out-of-hours load; too few "
			    "to judge: 1 team out-of-hours interruption, judged from 5.");
	ind_judge(IND_OOH_SHARE, &th, "ana", 60, 5, &r);
	assert_int_equal(r.status, IND_RED);
	assert_string_equal(r.why, "ana carried 60% of the team's out-of-hours load; "
			    "60% or more is red.");
	ind_judge(IND_OOH_SHARE, &th, "ana", 40, 4, &r);
	assert_int_equal(r.status, IND_GREY);
	ind_judge(IND_ACK_P95, &th, "the team", 900, 19, &r);
	assert_int_equal(r.status, IND_GREY);
	assert_string_equal(r.why, "95% of pages were acknowledged within 15m00s; too few to "
			    "judge: 19 pages acknowledged, judged from 20.");
	ind_judge(IND_ACK_P95, &th, "the team", 900, 20, &r);
	assert_int_equal(r.status, IND_AMBER);
	ind_judge(IND_RESOLVE_MEDIAN, &th, "the team", 7200, 4, &r);
	assert_int_equal(r.status, IND_GREY);
	ind_judge(IND_RESOLVE_MEDIAN, &th, "the team", 7200, 5, &r);
	assert_int_equal(r.status, IND_RED);
	/* Nothing to measure stays green; a count is judged from one. */
	ind_judge(IND_ACK_MEDIAN, &th, "the team", -1, 0, &r);
	assert_int_equal(r.status, IND_GREEN);
	ind_judge(IND_SLEEP, &th, "ana", 3, 0, &r);
	assert_int_equal(r.status, IND_RED);
	/* A minimum of 0 (configured) judges everything. */
	th.min[IND_OOH_SHARE] = 0;
	ind_judge(IND_OOH_SHARE, &th, "ana", 67, 3, &r);
	assert_int_equal(r.status, IND_RED);
}

/* The forecast: from 3 interruptions or a quarter of the month, or once
 * the goal is missed. January is 31 days (744 h). */
static void
test_forecast_judged(void **state)
{
	struct ind_thresholds th;
	struct ind_result r;
	struct forecast f;
	const int64_t jan = 31 * DAY;

	(void)state;
	ind_thresholds_default(&th);
	assert_false(ind_forecast_judged(&th, 2, 7 * DAY, jan));       /* 22.6% */
	assert_true(ind_forecast_judged(&th, 3, 1 * H, jan));
	assert_true(ind_forecast_judged(&th, 0, 186 * H, jan));        /* exactly 25% */
	assert_false(ind_forecast_judged(&th, 0, 186 * H - 1, jan));
	th.fc_min_interruptions = 20;
	assert_true(ind_forecast_judged(&th, 10, 1 * H, jan));         /* the goal missed */
	ind_thresholds_default(&th);

	/* The 2nd at 09:00, one page: 33 of 744 h, 1 * 744 / 33 = 22.5; r =
	 * 1.5, p = 33/744: 90% from 4 to 86. Grey, with the interval. */
	assert_int_equal(stats_forecast(1, 33 * H, jan, &f), 0);
	assert_int_equal(f.low, 4);
	assert_int_equal(f.high, 86);
	ind_forecast_judge(&th, 1, 33 * H, jan, f.expected, f.low, f.high, &r);
	assert_int_equal(r.status, IND_GREY);
	assert_string_equal(r.why, "About 23 out-of-hours interruptions expected (90%: 4 to 86); "
			    "too few to judge: 1 so far in 4% of the month, judged from 3 or "
			    "from 25% of the month.");
	/* The 10th at 12:00, 3 interruptions: 3 * 744 / 228 = 9.8 (r = 3.5,
	 * p = 228/744: 4 to 21): judged, amber, not red. */
	assert_int_equal(stats_forecast(3, 228 * H, jan, &f), 0);
	assert_int_equal(f.low, 4);
	assert_int_equal(f.high, 21);
	ind_forecast_judge(&th, 3, 228 * H, jan, f.expected, f.low, f.high, &r);
	assert_int_equal(r.status, IND_AMBER);
	assert_string_equal(r.why, "About 10 out-of-hours interruptions expected (90%: 4 to 21); "
			    "the goal of fewer than 10 may be missed.");
}

/* Whole percentages adding up to 100, by the largest remainder. */
static void
test_shares(void **state)
{
	int64_t out[6];

	(void)state;
	stats_shares_pct((const int64_t[]){ 2, 1 }, 2, out);
	assert_int_equal(out[0], 67);   /* 66.67 */
	assert_int_equal(out[1], 33);
	stats_shares_pct((const int64_t[]){ 1, 1, 1 }, 3, out);
	assert_int_equal(out[0], 34);   /* 33.33 each: the point to the first */
	assert_int_equal(out[1], 33);
	assert_int_equal(out[2], 33);
	stats_shares_pct((const int64_t[]){ 4, 1, 0 }, 3, out);
	assert_int_equal(out[0], 80);
	assert_int_equal(out[1], 20);
	assert_int_equal(out[2], 0);
	/* 1/6 = 16.67 each: 16 * 6 = 96, four points to the first four. */
	stats_shares_pct((const int64_t[]){ 1, 1, 1, 1, 1, 1 }, 6, out);
	assert_int_equal(out[0] + out[1] + out[2] + out[3] + out[4] + out[5], 100);
	assert_int_equal(out[3], 17);
	assert_int_equal(out[4], 16);
	/* 1, 2, 4 of 7: 14.29, 28.57, 57.14: 14 + 28 + 57 = 99, the point to
	 * 28.57's remainder (.57 > .29 > .14). */
	stats_shares_pct((const int64_t[]){ 1, 2, 4 }, 3, out);
	assert_int_equal(out[0], 14);
	assert_int_equal(out[1], 29);
	assert_int_equal(out[2], 57);
	stats_shares_pct((const int64_t[]){ 0, 3 }, 2, out);
	assert_int_equal(out[0], 0);
	assert_int_equal(out[1], 100);
	stats_shares_pct((const int64_t[]){ 0, 0 }, 2, out);
	assert_int_equal(out[0], 0);
	assert_int_equal(out[1], 0);
}

/* An interruption counts for its responder in the month it starts in. */
static void
test_interruption_in_month(void **state)
{
	struct interruption in = { .responder_id = 7, .start = 100 };

	(void)state;
	assert_true(interruption_in_month(&in, 100, 200));
	assert_false(interruption_in_month(&in, 0, 100));      /* the month before */
	assert_false(interruption_in_month(&in, 101, 200));
	in.responder_id = 0;                                    /* the service owners' */
	assert_false(interruption_in_month(&in, 100, 200));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_percentiles),
		cmocka_unit_test(test_sort_many),
		cmocka_unit_test(test_forecast),
		cmocka_unit_test(test_thresholds),
		cmocka_unit_test(test_sentences),
		cmocka_unit_test(test_longest_free),
		cmocka_unit_test(test_daily_rest_dst),
		cmocka_unit_test(test_weekly_rest_dst),
		cmocka_unit_test(test_nights),
		cmocka_unit_test(test_close_shifts),
		cmocka_unit_test(test_too_few_to_judge),
		cmocka_unit_test(test_forecast_judged),
		cmocka_unit_test(test_shares),
		cmocka_unit_test(test_interruption_in_month),
	};
	int r = cmocka_run_group_tests(tests, NULL, NULL);

	tz_cleanup();
	return r;
}
