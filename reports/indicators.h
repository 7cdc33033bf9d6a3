/* Burnout indicators: their figures, thresholds and green / amber / red
 * statuses, each with one plain sentence saying why. Pure logic: plain
 * values in, plain values out; no store, no I/O.
 *
 * A threshold is a pair AMBER RED: a figure at or above RED is red, at or
 * above AMBER (and below RED) amber, else green. Defaults are in
 * ind_defs (indicators.c) and documented in rota.conf(5) under
 * [thresholds], where each is set as "KEY = AMBER RED". A figure of -1
 * means there was nothing to measure, and is green.
 *
 * A share or a statistic is judged only from a minimum count of what it
 * is measured on (struct ind_def min and basis; [thresholds] min_KEY):
 * below it the figure is shown, grey, "too few to judge", never amber or
 * red, and no burnout alert fires on it. Counts (pages, nights, days)
 * are always judged. The forecast is judged from a number of
 * out-of-hours interruptions or a share of the month, whichever comes
 * first ([report] forecast_min_interruptions, forecast_min_elapsed_pct).
 *
 * Rest, nights and gaps (the definitions the report documents in rota(1)):
 *  - work is a merged interruption, from its first page's arrival to its
 *    last page's resolution (acknowledge-to-resolve is work, and so is the
 *    wait before acknowledging); an unresolved page is work for an instant,
 *    which still splits a rest period;
 *  - daily rest is broken on a local calendar day of the person (midnight
 *    to midnight in their zone: 23, 24 or 25 hours around DST changes)
 *    when no stretch of MIN_REST seconds (11 h) free of work lies inside
 *    that day; days of the month in the person's zone;
 *  - weekly rest is broken in a local week (Monday 00:00 to the next
 *    Monday 00:00 in the person's zone, 167 to 169 hours) without a free
 *    stretch of 35 h inside it; the weeks whose Monday is in the month;
 *  - a night is the person's sleep window, named by the local date on which
 *    it begins: a sleep interruption at 03:00 in a 22:00-07:00 window
 *    belongs to the night of the day before; interrupted nights are the
 *    distinct nights of the month's sleep interruptions, and a run is
 *    nights on consecutive dates. */
#ifndef ROTA_INDICATORS_H
#define ROTA_INDICATORS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "common/tz.h"

/* In order of concern: IND_GREY (too few to judge) is below green, so
 * the worst of a set is never grey unless all are. */
enum ind_status { IND_GREY, IND_GREEN, IND_AMBER, IND_RED };

/* "grey", "green", "amber", "red". */
const char *ind_status_name(enum ind_status s);

/* How a figure reads. */
enum ind_kind {
	IND_KIND_COUNT,         /* 4 */
	IND_KIND_SECONDS,       /* 7m30s, 1h05m */
	IND_KIND_PERCENT,       /* 45% */
	IND_KIND_WEEKS,         /* 3 weeks */
};

enum ind_id {
	/* The team's. */
	IND_TEAM_OOH,           /* out-of-hours interruptions (against the goal) */
	IND_ESCALATIONS,        /* pages escalated to the managers' tier */
	IND_ACK_MEDIAN,         /* seconds */
	IND_ACK_P95,
	IND_RESOLVE_MEDIAN,
	IND_RESOLVE_P95,
	/* Each person's. */
	IND_OOH,
	IND_SLEEP,
	IND_NIGHTS,
	IND_NIGHT_RUN,
	IND_SHIFT_PAGES,
	IND_DAILY_REST,
	IND_WEEKLY_REST,
	IND_OOH_SHARE,
	IND_WEEKS_SINCE,
	IND_CLOSE_SHIFTS,
	/* Each alert's. */
	IND_ALERT_OOH,
	IND_ALERT_UNACTED,
	IND_ALERT_NO_RUNBOOK,
	IND_COUNT
};
#define IND_TEAM_FIRST IND_TEAM_OOH
#define IND_TEAM_LAST IND_RESOLVE_P95
#define IND_PERSON_FIRST IND_OOH
#define IND_PERSON_LAST IND_CLOSE_SHIFTS
#define IND_ALERT_FIRST IND_ALERT_OOH
#define IND_ALERT_LAST IND_ALERT_NO_RUNBOOK

struct ind_threshold {
	int64_t amber, red;
};

struct ind_def {
	const char *key;        /* JSON name and [thresholds] key: "sleep_interruptions" */
	const char *label;      /* for people: "Sleep interruptions" */
	const char *brief;      /* a column heading: "Sleep" */
	enum ind_kind kind;
	struct ind_threshold def;
	const char *phrase;     /* "{who} was woken {n} time{s}" */
	const char *unit;       /* after a threshold: " a month" */
	int64_t min;            /* judged from this count of BASIS; 0: always */
	const char *basis;      /* what is counted: "{n} team out-of-hours interruption{s}" */
};

/* The definition of ID (static storage). */
const struct ind_def *ind_def(enum ind_id id);

/* Every threshold, and the team goal ([report] goal: fewer than GOAL
 * out-of-hours interruptions a month). */
struct ind_thresholds {
	struct ind_threshold t[IND_COUNT];
	int64_t goal;
	int64_t goal_amber_pct; /* team amber from this share of the goal */
	int64_t min[IND_COUNT]; /* judged from this count (ind_def min) */
	int64_t fc_min_interruptions;   /* the forecast is judged from this many */
	int64_t fc_min_elapsed_pct;     /* or from this share of the month */
};

/* Defaults; the team's out-of-hours threshold follows from the goal:
 * red at GOAL, amber from ceil(GOAL * GOAL_AMBER_PCT / 100). */
void ind_thresholds_default(struct ind_thresholds *th);
void ind_thresholds_set_goal(struct ind_thresholds *th, int64_t goal, int64_t amber_pct);

/* Reads "AMBER RED" (two integers >= 0, AMBER <= RED). 0 or -1. */
int ind_threshold_parse(const char *s, struct ind_threshold *out);

/* Writes VALUE as KIND reads ("7m30s", "45%", "3 weeks") into buf. */
void ind_format(enum ind_kind kind, int64_t value, char *buf, size_t len);

/* A status and its sentence. */
struct ind_result {
	enum ind_status status;
	char why[320];
};

/* The status of VALUE against TH, and the sentence: "ana was woken 4
 * times; 3 or more a month is red." WHO names the subject ("ana", "the
 * team", "alert 'disk full'"). */
void ind_eval(enum ind_id id, const struct ind_threshold *th, const char *who,
	      int64_t value, struct ind_result *out);

/* ind_eval, when the figure is judged: grey, "too few to judge", when
 * COUNT (of what ID's figure is measured on: ind_def basis) is below
 * TH->min[ID]. The one rule of every indicator's minimum count. */
void ind_judge(enum ind_id id, const struct ind_thresholds *th, const char *who,
	       int64_t value, int64_t count, struct ind_result *out);

/* The forecast's status: red when OBSERVED or the expected total reaches
 * GOAL, amber when the interval's upper bound HIGH does, else green. */
void ind_forecast_eval(int64_t goal, int64_t observed, double expected, int64_t low,
		       int64_t high, struct ind_result *out);

/* Whether a forecast from OBSERVED out-of-hours interruptions in ELAPSED
 * of the month's TOTAL seconds is judged: from TH's
 * fc_min_interruptions, or fc_min_elapsed_pct of the month, or once the
 * goal is missed. */
bool ind_forecast_judged(const struct ind_thresholds *th, int64_t observed,
			 int64_t elapsed, int64_t total);

/* The forecast's status as ind_forecast_eval gives it when
 * ind_forecast_judged, else grey with the expected total, the interval
 * and why it is not judged. */
void ind_forecast_judge(const struct ind_thresholds *th, int64_t observed, int64_t elapsed,
			int64_t total, double expected, int64_t low, int64_t high,
			struct ind_result *out);

/* --- Figures --- */

/* A stretch of work, START <= END, UTC seconds. */
struct work {
	int64_t start, end;
};

/* The longest stretch inside [FROM, TO) free of the work W (N stretches,
 * any order, may overlap). */
int64_t rest_longest_free(int64_t from, int64_t to, const struct work *w, size_t n);

/* Local days of month YEAR-MONTH in ZONE without MIN_REST free seconds. */
int64_t rest_broken_days(const struct tz_zone *zone, int year, int month,
			 const struct work *w, size_t n, int64_t min_rest);

/* Local weeks (from Monday 00:00) whose Monday is in YEAR-MONTH in ZONE,
 * without MIN_REST free seconds. */
int64_t rest_broken_weeks(const struct tz_zone *zone, int year, int month,
			  const struct work *w, size_t n, int64_t min_rest);

/* The night (days since 1970-01-01 of the local date it begins on) of a
 * sleep interruption at T, for a sleep window SLEEP_START-SLEEP_END
 * (minutes after local midnight) in ZONE. */
int64_t night_of(const struct tz_zone *zone, int sleep_start, int sleep_end, int64_t t);

/* Distinct nights among V (N night numbers, any order; sorted in place)
 * and the longest run of consecutive ones. */
void nights_count(int64_t *v, size_t n, int64_t *distinct, int64_t *longest_run);

/* Shifts closer than the minimum gap: of the person's shifts (START, END,
 * MIN_GAP seconds wanted before it; sorted by start), those that start in
 * [FROM, TO) less than their MIN_GAP after the end of the person's
 * previous shift. */
struct gap_shift {
	int64_t start, end, min_gap;
};
int64_t close_shifts(const struct gap_shift *v, size_t n, int64_t from, int64_t to);

#endif
