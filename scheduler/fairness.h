/* Fairness figures of a term, for `rota report fairness`.
 *
 * Pure logic: members and shifts in, figures out. Loads and weeks held
 * are integer load units (1000 = one ordinary week): a shift that is a
 * part of a week counts its share of the week (the caller shares a week
 * among its parts with week_share, common/share.h, so that they add up
 * to the week). Coverage is scheduler/coverage.h's. Only ratios
 * (balance, percent) are doubles. */
#ifndef ROTA_FAIRNESS_H
#define ROTA_FAIRNESS_H

#include <stddef.h>
#include <stdint.h>

struct fair_member {
	int64_t person_id;
	const char *handle;		/* borrowed: the report points at it */
	int64_t left;			/* when they left the term; INT64_MAX while a member */
};

struct fair_shift {
	int64_t person_id;
	int64_t start, end;		/* UTC seconds, half-open */
	int64_t weight;			/* load units */
	int64_t held;			/* its share of its week, load units (1000: all of it) */
	/* Seconds of it on call: end - start, or for a rotation covering
	 * out of hours its on-call windows inside it (service/oncall.h). */
	int64_t oncall;
};

struct fair_member_figures {
	int64_t person_id;
	const char *handle;		/* the caller's fair_member.handle */
	size_t shifts;			/* shifts held: whole weeks and parts */
	int64_t weeks;			/* weeks held, load units: the sum of their shifts' held */
	int64_t oncall_seconds;		/* sum of their shifts' oncall */
	int64_t load;			/* sum of the weights of their shifts */
	int64_t min_gap;		/* smallest start - previous end, seconds; -1 if < 2 shifts */
	int64_t excess_load;		/* load - team average, rounded half away from zero */
	double excess_pct;		/* (load - average) / average * 100; 0 when the average is 0 */
};

struct fair_report {
	struct fair_member_figures *members;	/* n_members, in the caller's order */
	size_t n_members;
	int64_t span_seconds;		/* term_end - term_start */
	int64_t coverage_seconds;	/* seconds of the term covered (scheduler/coverage.h) */
	int64_t spread;			/* max - min weeks held among members, load units */
	double balance_hours;		/* fair_balance of the members' on-call seconds */
};

/* The balance score of n non-negative figures: the mean, over every pair,
 * of min / max (a pair of zeros counts 1.0). 1.0 when n < 2. Negative
 * figures count as 0. Usable for on-call hours, interruptions, anything. */
double fair_balance(const int64_t *values, size_t n);

/* Computes the figures of a term [term_start, term_end) from its shifts
 * in force. Shifts of people who are not among members count for
 * coverage only; coverage is clipped to the term, and a shift held after
 * its holder left the term does not cover. Fills out (free with
 * fair_report_free). */
void fair_compute(const struct fair_member *members, size_t n_members,
    const struct fair_shift *shifts, size_t n_shifts, int64_t term_start,
    int64_t term_end, struct fair_report *out);

/* Frees what fair_compute allocated in r (not r itself); safe to call twice. */
void fair_report_free(struct fair_report *r);

#endif
