/* Pay arithmetic: what each person earned in one month under the pay
 * policies of the rotations they served. Pure: plain structs in, plain
 * structs out, no store and no I/O (libical converts local days only).
 * Amounts are integer minor units (reports/money.h).
 *
 * The rules (rota.conf(5), rota(1) "pay"):
 *  - One rounding rule for every piece of a week: a week of the term's
 *    grid may be held in parts (consecutive shifts of several people)
 *    and a part may cross a month end; a piece [a, b) of a week (a part,
 *    or its share of the month) earns round(V(b)) - round(V(a)), where
 *    V(x) is the exact amount earned from the week's start to x, rounded
 *    half away from zero. So the first piece of a week earns its own
 *    exact share rounded, each later piece what its end adds to the
 *    rounded total, and the last piece the remainder: the pieces of one
 *    week add up to the week's amount to the minor unit, whoever holds
 *    them and whatever months they fall in (week_share, common/share.h).
 *  - Stipend: stipend_per_week * shift_days / 7 for a whole week, earned
 *    evenly over the week's own seconds (167, 168 or 169 hours), so a
 *    part of 72 hours of a 168-hour week earns 72/168 of it.
 *  - Day rates: the week is cut into calendar days of the holder's own
 *    zone; each day pays its rate (holiday_rate on a public holiday of the
 *    holder's office, replacing the others; else weekend_rate on Saturday
 *    and Sunday; else weekday_rate) times the share of that day the piece
 *    covers (a 23- or 25-hour day covered whole counts 1): V(x) adds up
 *    the days from the week's start to x, each kind of day rounded on its
 *    own. A weekly Monday-to-Monday shift is 5 weekdays and 2 weekend
 *    days; a day held in parts pays each holder the share of it they
 *    held (and the parts add up to the day when the holders share a
 *    zone and an office's holidays).
 *  - Active work: each piece of out-of-hours work (acknowledge to resolve,
 *    overlapping and back-to-back pages merged by the caller) is rounded
 *    up to active_rounding_minutes; the month's minutes (pieces starting in
 *    the month) are paid active_hour_rate / 60 each, rounded once.
 *  - Sleep: sleep_interruption_bonus and toil_hours_per_sleep_interruption
 *    for each sleep-hour interruption in the month.
 *  - Cap: monthly_cap bounds the sum of a policy's money components for a
 *    person; the components are shown as earned and `capped` is the amount
 *    withheld. TOIL hours are never capped.
 * A person's lines are one per currency: the parts of every policy of
 * that currency (each capped on its own) are added; currencies are never
 * added together. */
#ifndef ROTA_PAY_H
#define ROTA_PAY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <libical/ical.h>

#include "model/model.h"

struct pay_policy {
	char name[NAME_MAX_];
	char currency[4];                 /* ISO 4217 */
	int exponent;                     /* its minor unit decimals */
	int64_t stipend_per_week;         /* minor units, as all amounts */
	int64_t weekday_rate, weekend_rate, holiday_rate;
	int64_t active_hour_rate;
	int active_rounding_minutes;      /* >= 1 */
	int64_t sleep_interruption_bonus;
	int64_t toil_hours_per_sleep_interruption;
	int64_t monthly_cap;              /* 0: no cap */
};

struct pay_person {
	int64_t id;
	char handle[HANDLE_MAX];
	const struct tz_zone *zone;               /* their own: days are counted in it */
	const int64_t *holidays;          /* days_from_civil() of their office's */
	size_t n_holidays;                /* public holidays, sorted; may be 0 */
};

/* One shift: all of a week of the term's grid, or one part of it. */
struct pay_shift {
	size_t person, policy;            /* indexes into the input's arrays */
	int64_t start, end;
	int shift_days;                   /* the rotation's nominal length */
	int64_t slot_start, slot_end;     /* its week; both 0: [start, end) */
	/* Whose calendar days and holidays its day rates count: NULL, the
	 * person's; else the zone and office in force for them at the
	 * week's start (a later change re-prices no week before it). */
	const struct pay_person *days;
};

/* One merged piece of active work, in the month of its start. */
struct pay_work {
	size_t person, policy;
	int64_t start;
	int64_t ooh_seconds;              /* its out-of-hours part */
};

/* One sleep-hour interruption. */
struct pay_sleep {
	size_t person, policy;
	int64_t at;
};

struct pay_input {
	int64_t from, to;                 /* the month: [from, to) */
	const struct pay_policy *policies;
	size_t n_policies;
	const struct pay_person *persons;
	size_t n_persons;
	const struct pay_shift *shifts;   /* any: those outside the month add nothing */
	size_t n_shifts;
	const struct pay_work *work;
	size_t n_work;
	const struct pay_sleep *sleep;
	size_t n_sleep;
};

/* One person's pay in one currency. */
struct pay_line {
	size_t person;                    /* index into the input's persons */
	char currency[4];
	int exponent;
	int64_t shifts;                   /* shifts overlapping the month */
	int64_t stipend, weekday, weekend, holiday;
	int64_t active_minutes, active;
	int64_t sleep_interruptions, sleep_bonus;
	int64_t toil_hours;
	int64_t capped;                   /* withheld by monthly caps */
	int64_t total;                    /* the components less capped */
};

/* Computes the month's lines, sorted by person index then currency; only
 * people with a shift, work or sleep interruption in the month get one.
 * *out is malloc'd (free()). */
void pay_compute(const struct pay_input *in, struct pay_line **out, size_t *n);

/* Day rates of the piece [FROM, TO) of the week [START, END) held by
 * PERSON under POLICY, rounded as above. */
void pay_shift_days(const struct pay_policy *policy, const struct pay_person *person,
		    int64_t start, int64_t end, int64_t from, int64_t to,
		    int64_t *weekday, int64_t *weekend, int64_t *holiday);

/* SECONDS of work rounded up to whole steps of STEP_MINUTES, in minutes. */
int64_t pay_round_up_minutes(int64_t seconds, int step_minutes);

#endif
