/* Burnout indicators: thresholds, statuses, sentences, and the figures of
 * rest, nights and gaps (indicators.h). */
#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/xalloc.h"
#include "reports/indicators.h"

#define DAY 86400

static const struct ind_def defs[IND_COUNT] = {
	[IND_TEAM_OOH] = { "ooh_interruptions", "Out-of-hours interruptions", "OOH",
		IND_KIND_COUNT, { 8, 10 },
		"{who} had {n} out-of-hours interruption{s}", " a month" },
	[IND_ESCALATIONS] = { "escalations", "Escalations to the managers' tier", "Escalations",
		IND_KIND_COUNT, { 3, 6 },
		"{who} escalated {n} page{s} to the managers' tier", " a month" },
	[IND_ACK_MEDIAN] = { "ack_median_seconds", "Time to acknowledge, median", "Ack median",
		IND_KIND_SECONDS, { 300, 900 },
		"the team's median time to acknowledge was {n}", "",
		5, "{n} page{s} acknowledged" },
	[IND_ACK_P95] = { "ack_p95_seconds", "Time to acknowledge, 95th percentile", "Ack p95",
		IND_KIND_SECONDS, { 900, 1800 },
		"95% of pages were acknowledged within {n}", "",
		20, "{n} page{s} acknowledged" },
	[IND_RESOLVE_MEDIAN] = { "resolve_median_seconds", "Time to resolve, median", "Resolve median",
		IND_KIND_SECONDS, { 3600, 7200 },
		"the team's median time to resolve was {n}", "",
		5, "{n} page{s} resolved" },
	[IND_RESOLVE_P95] = { "resolve_p95_seconds", "Time to resolve, 95th percentile", "Resolve p95",
		IND_KIND_SECONDS, { 7200, 14400 },
		"95% of pages were resolved within {n}", "",
		20, "{n} page{s} resolved" },
	[IND_OOH] = { "ooh_interruptions", "Out-of-hours interruptions", "OOH",
		IND_KIND_COUNT, { 4, 7 },
		"{who} had {n} out-of-hours interruption{s}", " a month" },
	[IND_SLEEP] = { "sleep_interruptions", "Sleep interruptions", "Sleep",
		IND_KIND_COUNT, { 2, 3 },
		"{who} was woken {n} time{s}", " a month" },
	[IND_NIGHTS] = { "nights_interrupted", "Nights interrupted", "Nights",
		IND_KIND_COUNT, { 2, 3 },
		"{who} had {n} interrupted night{s}", " a month" },
	[IND_NIGHT_RUN] = { "longest_night_run", "Interrupted nights in a row", "Run",
		IND_KIND_COUNT, { 2, 3 },
		"{who} had at most {n} interrupted night{s} in a row", " in a row" },
	[IND_SHIFT_PAGES] = { "most_pages_in_a_shift", "Most pages in one shift", "Max/shift",
		IND_KIND_COUNT, { 5, 10 },
		"{who} had up to {n} page{s} in one shift", " in one shift" },
	[IND_DAILY_REST] = { "broken_daily_rest", "Days without 11 h of rest", "Daily",
		IND_KIND_COUNT, { 1, 3 },
		"{who} had {n} day{s} without 11 hours of rest", " a month" },
	[IND_WEEKLY_REST] = { "broken_weekly_rest", "Weeks without 35 h of rest", "Weekly",
		IND_KIND_COUNT, { 1, 2 },
		"{who} had {n} week{s} without 35 hours of rest", " a month" },
	[IND_OOH_SHARE] = { "ooh_share_pct", "Share of the team's out-of-hours load", "Share",
		IND_KIND_PERCENT, { 40, 60 },
		"{who} carried {n} of the team's out-of-hours load", "",
		5, "{n} team out-of-hours interruption{s}" },
	[IND_WEEKS_SINCE] = { "weeks_since_last_shift", "Weeks since the last shift", "Weeks since",
		IND_KIND_WEEKS, { 13, 26 },
		"{who}'s last shift ended {n} ago", " since the last shift" },
	[IND_CLOSE_SHIFTS] = { "close_shifts", "Shifts closer than the minimum gap", "Close",
		IND_KIND_COUNT, { 1, 2 },
		"{who} had {n} shift{s} closer than the minimum gap", " a month" },
	[IND_ALERT_OOH] = { "alert_ooh_interruptions", "Out-of-hours interruptions", "OOH",
		IND_KIND_COUNT, { 3, 5 },
		"{who} interrupted someone {n} time{s} out of hours", " a month" },
	[IND_ALERT_UNACTED] = { "alert_unacted", "Resolved without anyone acting", "No action",
		IND_KIND_COUNT, { 1, 3 },
		"{who} resolved {n} time{s} out of hours without anyone acting", " a month" },
	[IND_ALERT_NO_RUNBOOK] = { "alert_no_runbook", "Without a runbook link", "No runbook",
		IND_KIND_COUNT, { 1, 3 },
		"{who} arrived {n} time{s} without a runbook link", " a month" },
};

const char *
ind_status_name(enum ind_status s)
{
	switch (s) {
	case IND_GREY: return "grey";
	case IND_GREEN: return "green";
	case IND_AMBER: return "amber";
	case IND_RED: return "red";
	}
	return "?";
}

const struct ind_def *
ind_def(enum ind_id id)
{
	return &defs[id];
}

void
ind_thresholds_default(struct ind_thresholds *th)
{
	for (int i = 0; i < IND_COUNT; i++) {
		th->t[i] = defs[i].def;
		th->min[i] = defs[i].min;
	}
	th->fc_min_interruptions = 3;
	th->fc_min_elapsed_pct = 25;
	ind_thresholds_set_goal(th, 10, 80);
}

void
ind_thresholds_set_goal(struct ind_thresholds *th, int64_t goal, int64_t amber_pct)
{
	th->goal = goal;
	th->goal_amber_pct = amber_pct;
	th->t[IND_TEAM_OOH].red = goal;
	th->t[IND_TEAM_OOH].amber = (goal * amber_pct + 99) / 100;
}

int
ind_threshold_parse(const char *s, struct ind_threshold *out)
{
	long long a, r;
	int used = -1;

	if (sscanf(s, " %lld %lld %n", &a, &r, &used) != 2 || used < 0 ||
	    s[used] != '\0' || a < 0 || r < a || r > INT64_MAX / 2)
		return -1;
	out->amber = a;
	out->red = r;
	return 0;
}

void
ind_format(enum ind_kind kind, int64_t v, char *buf, size_t len)
{
	switch (kind) {
	case IND_KIND_COUNT:
		snprintf(buf, len, "%" PRId64, v);
		break;
	case IND_KIND_PERCENT:
		snprintf(buf, len, "%" PRId64 "%%", v);
		break;
	case IND_KIND_WEEKS:
		snprintf(buf, len, "%" PRId64 " week%s", v, v == 1 ? "" : "s");
		break;
	case IND_KIND_SECONDS:
		if (v < 60)
			snprintf(buf, len, "%" PRId64 "s", v);
		else if (v < 3600)
			snprintf(buf, len, "%" PRId64 "m%02" PRId64 "s", v / 60, v % 60);
		else
			snprintf(buf, len, "%" PRId64 "h%02" PRId64 "m", v / 3600, v / 60 % 60);
		break;
	}
}

/* Appends SRC to BUF (of LEN bytes) at *used, truncating. */
static void
append(char *buf, size_t len, size_t *used, const char *src)
{
	size_t k = strlen(src);

	if (*used + 1 >= len)
		return;
	if (k > len - 1 - *used)
		k = len - 1 - *used;
	memcpy(buf + *used, src, k);
	*used += k;
	buf[*used] = '\0';
}

/* TEMPLATE with {who}, {n} (V read as KIND) and {s} filled in. */
static void
fill(const char *template, enum ind_kind kind, const char *who, int64_t v, char *buf,
     size_t len)
{
	char num[48];
	const char *p = template;
	size_t used = 0;

	buf[0] = '\0';
	ind_format(kind, v, num, sizeof num);
	while (*p != '\0') {
		if (strncmp(p, "{who}", 5) == 0) {
			append(buf, len, &used, who);
			p += 5;
		} else if (strncmp(p, "{n}", 3) == 0) {
			append(buf, len, &used, num);
			p += 3;
		} else if (strncmp(p, "{s}", 3) == 0) {
			append(buf, len, &used, v == 1 ? "" : "s");
			p += 3;
		} else {
			char c[2] = { *p++, '\0' };
			append(buf, len, &used, c);
		}
	}
}

/* The phrase of DEF with {who}, {n} and {s} filled in. */
static void
phrase(const struct ind_def *d, const char *who, int64_t v, char *buf, size_t len)
{
	fill(d->phrase, d->kind, who, v, buf, len);
}

void
ind_eval(enum ind_id id, const struct ind_threshold *th, const char *who,
	 int64_t v, struct ind_result *out)
{
	const struct ind_def *d = &defs[id];
	char what[224], a[48], r[48];

	ind_format(d->kind, th->amber, a, sizeof a);
	ind_format(d->kind, th->red, r, sizeof r);
	if (v < 0) {
		out->status = IND_GREEN;
		snprintf(out->why, sizeof out->why, "%s: nothing to measure.", d->label);
		return;
	}
	phrase(d, who, v, what, sizeof what);
	if (th->red <= v) {
		out->status = IND_RED;
		snprintf(out->why, sizeof out->why, "%s; %s or more%s is red.", what, r, d->unit);
	} else if (th->amber <= v) {
		out->status = IND_AMBER;
		/* Cut when too long: a long name; the sentence fits otherwise. */
		if (snprintf(out->why, sizeof out->why, "%s; %s or more%s is amber, %s red.",
			     what, a, d->unit, r) < 0)
			out->why[0] = '\0';
	} else {
		out->status = IND_GREEN;
		snprintf(out->why, sizeof out->why, "%s; amber from %s%s.", what, a, d->unit);
	}
}

void
ind_judge(enum ind_id id, const struct ind_thresholds *th, const char *who, int64_t v,
	  int64_t count, struct ind_result *out)
{
	const struct ind_def *d = &defs[id];
	char what[224], basis[96];

	if (v < 0 || count >= th->min[id] || d->basis == NULL) {
		ind_eval(id, &th->t[id], who, v, out);
		return;
	}
	phrase(d, who, v, what, sizeof what);
	fill(d->basis, IND_KIND_COUNT, who, count, basis, sizeof basis);
	out->status = IND_GREY;
	if (snprintf(out->why, sizeof out->why, "%s; too few to judge: %s, judged from %"
		     PRId64 ".", what, basis, th->min[id]) < 0)
		out->why[0] = '\0';
}

void
ind_forecast_eval(int64_t goal, int64_t observed, double expected, int64_t low,
		  int64_t high, struct ind_result *out)
{
	if (observed >= goal) {
		out->status = IND_RED;
		snprintf(out->why, sizeof out->why,
			 "The goal is already missed: %" PRId64 " out-of-hours interruptions so "
			 "far, the goal is fewer than %" PRId64 ".", observed, goal);
	} else if (expected >= (double)goal) {
		out->status = IND_RED;
		snprintf(out->why, sizeof out->why,
			 "At this rate the month ends with about %.0f out-of-hours interruptions "
			 "(90%%: %" PRId64 " to %" PRId64 "); the goal is fewer than %" PRId64 ".",
			 expected, low, high, goal);
	} else if (high >= goal) {
		out->status = IND_AMBER;
		snprintf(out->why, sizeof out->why,
			 "About %.0f out-of-hours interruptions expected (90%%: %" PRId64 " to %"
			 PRId64 "); the goal of fewer than %" PRId64 " may be missed.",
			 expected, low, high, goal);
	} else {
		out->status = IND_GREEN;
		snprintf(out->why, sizeof out->why,
			 "About %.0f out-of-hours interruptions expected (90%%: %" PRId64 " to %"
			 PRId64 "); under the goal of fewer than %" PRId64 ".",
			 expected, low, high, goal);
	}
}

bool
ind_forecast_judged(const struct ind_thresholds *th, int64_t observed, int64_t elapsed,
		    int64_t total)
{
	return observed >= th->fc_min_interruptions || observed >= th->goal ||
		(total > 0 && (__int128)elapsed * 100 >= (__int128)total * th->fc_min_elapsed_pct);
}

void
ind_forecast_judge(const struct ind_thresholds *th, int64_t observed, int64_t elapsed,
		   int64_t total, double expected, int64_t low, int64_t high,
		   struct ind_result *out)
{
	if (ind_forecast_judged(th, observed, elapsed, total)) {
		ind_forecast_eval(th->goal, observed, expected, low, high, out);
		return;
	}
	out->status = IND_GREY;
	snprintf(out->why, sizeof out->why,
		 "About %.0f out-of-hours interruptions expected (90%%: %" PRId64 " to %" PRId64
		 "); too few to judge: %" PRId64 " so far in %" PRId64 "%% of the month, "
		 "judged from %" PRId64 " or from %" PRId64 "%% of the month.",
		 expected, low, high, observed,
		 total > 0 ? (int64_t)((__int128)elapsed * 100 / total) : 0,
		 th->fc_min_interruptions, th->fc_min_elapsed_pct);
}

static int
cmp_work(const void *a, const void *b)
{
	const struct work *x = a, *y = b;

	return (x->start > y->start) - (x->start < y->start);
}

/* The longest free stretch in [FROM, TO) among the N stretches of V,
 * sorted by start, of which none longer than LONGEST: only those starting
 * from FROM - LONGEST on can reach into it. */
static int64_t
longest_free_sorted(int64_t from, int64_t to, const struct work *v, size_t n,
		    int64_t longest)
{
	int64_t cursor = from, best = 0;
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (v[mid].start < from - longest)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (size_t i = lo; i < n && v[i].start < to; i++) {
		int64_t s = v[i].start < from ? from : v[i].start;

		if (v[i].end < from)
			continue;
		if (s > cursor && s - cursor > best)
			best = s - cursor;
		if (v[i].end > cursor)
			cursor = v[i].end;
	}
	if (cursor < to && to - cursor > best)
		best = to - cursor;
	return best;
}

/* W sorted by start (a copy, the caller frees it) and its longest
 * stretch. Stretches that start together may come in any order: the
 * free time between them does not depend on it. */
static struct work *
sorted_work(const struct work *w, size_t n, int64_t *longest)
{
	struct work *v = xreallocarray(NULL, n + 1, sizeof *v);
	bool sorted = true;

	*longest = 0;
	for (size_t i = 0; i < n; i++) {
		v[i] = w[i];
		if (w[i].end - w[i].start > *longest)
			*longest = w[i].end - w[i].start;
		if (i > 0 && w[i].start < w[i - 1].start)
			sorted = false;
	}
	if (!sorted)            /* a month's interruptions come sorted */
		qsort(v, n, sizeof *v, cmp_work);
	return v;
}

int64_t
rest_longest_free(int64_t from, int64_t to, const struct work *w, size_t n)
{
	struct work *v;
	int64_t longest, best;

	if (to <= from)
		return 0;
	v = sorted_work(w, n, &longest);
	best = longest_free_sorted(from, to, v, n, longest);
	free(v);
	return best;
}

/* Speed: the person's work is sorted once for every day (or week) of the
 * month, not once a day. */
int64_t
rest_broken_days(const struct tz_zone *zone, int year, int month, const struct work *w,
		 size_t n, int64_t min_rest)
{
	int days = civil_days_in_month(year, month);
	int64_t broken = 0, longest;
	struct work *v = sorted_work(w, n, &longest);

	for (int d = 1; d <= days; d++) {
		int y = year, m = month, dd = d;
		int64_t from = tz_from_local(zone, y, m, dd, 0, 0, 0), to;

		civil_add_days(&y, &m, &dd, 1);
		to = tz_from_local(zone, y, m, dd, 0, 0, 0);
		if ((to <= from ? 0 : longest_free_sorted(from, to, v, n, longest)) < min_rest)
			broken++;
	}
	free(v);
	return broken;
}

int64_t
rest_broken_weeks(const struct tz_zone *zone, int year, int month, const struct work *w,
		  size_t n, int64_t min_rest)
{
	int days = civil_days_in_month(year, month);
	int64_t broken = 0, longest;
	struct work *v = sorted_work(w, n, &longest);

	for (int d = 1; d <= days; d++) {
		int y = year, m = month, dd = d;
		int64_t from, to;

		if (civil_weekday(year, month, d) != 1)
			continue;
		from = tz_from_local(zone, y, m, dd, 0, 0, 0);
		civil_add_days(&y, &m, &dd, 7);
		to = tz_from_local(zone, y, m, dd, 0, 0, 0);
		if ((to <= from ? 0 : longest_free_sorted(from, to, v, n, longest)) < min_rest)
			broken++;
	}
	free(v);
	return broken;
}

int64_t
night_of(const struct tz_zone *zone, int sleep_start, int sleep_end, int64_t t)
{
	struct local_time lt;
	int64_t day;

	tz_to_local(zone, t, &lt);
	day = days_from_civil(lt.year, lt.month, lt.day);
	if (sleep_start > sleep_end && lt.hour * 60 + lt.minute < sleep_start)
		day--;
	return day;
}

static int
cmp_i64(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return (x > y) - (x < y);
}

void
nights_count(int64_t *v, size_t n, int64_t *distinct, int64_t *longest_run)
{
	int64_t run = 0;

	*distinct = 0;
	*longest_run = 0;
	if (n == 0)
		return;
	qsort(v, n, sizeof *v, cmp_i64);
	for (size_t i = 0; i < n; i++) {
		if (i > 0 && v[i] == v[i - 1])
			continue;
		(*distinct)++;
		/* Repeats were skipped: v[i - 1] is the previous distinct night. */
		run = i > 0 && v[i] == v[i - 1] + 1 ? run + 1 : 1;
		if (run > *longest_run)
			*longest_run = run;
	}
}

int64_t
close_shifts(const struct gap_shift *v, size_t n, int64_t from, int64_t to)
{
	int64_t count = 0, prev_end = INT64_MIN;

	for (size_t i = 0; i < n; i++) {
		if (i > 0 && v[i].start >= from && v[i].start < to && v[i].min_gap > 0 &&
		    v[i].start - prev_end < v[i].min_gap)
			count++;
		if (v[i].end > prev_end)
			prev_end = v[i].end;
	}
	return count;
}
