/* Pay arithmetic: what each person earned in one month under the pay
 * policies of the rotations they served. Pure: plain structs in, plain
 * structs out, no store and no I/O (libical converts local days only).
 * Amounts are integer minor units (reports/money.h).
 *
 * The rules (rota.conf(5), rota(1) "pay"):
 *  - Stipend: stipend_per_week * shift_days / 7 for a whole shift,
 *    pro-rated by the share of the shift's own seconds inside the month.
 *    A shift's month parts are rounded cumulatively, round(V(b)) -
 *    round(V(a)) where V(x) is the exact amount earned from the shift's
 *    start to x, so a whole shift earns exactly the stipend (167, 168 or
 *    169 hours alike) and the parts of a shift across a month end add up
 *    to exactly its amount.
 *  - Day rates: the shift is cut into calendar days of the person's own
 *    zone; each day pays its rate (holiday_rate on a public holiday of the
 *    person's office, replacing the others; else weekend_rate on Saturday
 *    and Sunday; else weekday_rate) times the share of that day the shift
 *    covers (a 23- or 25-hour day covered whole counts 1). A weekly
 *    Monday-to-Monday shift is 5 weekdays and 2 weekend days. Month parts
 *    are rounded cumulatively, as the stipend.
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

struct pay_shift {
	size_t person, policy;            /* indexes into the input's arrays */
	int64_t start, end;
	int shift_days;                   /* the rotation's nominal length */
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

/* The part of AMOUNT, earned evenly over [start, end), that falls in
 * [from, to), rounded cumulatively (see above). */
int64_t pay_prorate(int64_t amount, int64_t start, int64_t end, int64_t from, int64_t to);

/* Day-rate parts of one shift in [from, to) for PERSON under POLICY. */
void pay_shift_days(const struct pay_policy *policy, const struct pay_person *person,
		    int64_t start, int64_t end, int64_t from, int64_t to,
		    int64_t *weekday, int64_t *weekend, int64_t *holiday);

/* SECONDS of work rounded up to whole steps of STEP_MINUTES, in minutes. */
int64_t pay_round_up_minutes(int64_t seconds, int step_minutes);

#endif
