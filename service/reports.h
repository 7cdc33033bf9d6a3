/* The reports: a month's wellbeing report and a term's fairness, as the
 * actor may see them. The renderers (reports/render-*.c) and the command
 * print them. See service/service.h for the conventions (errors go to the
 * message sink, never printed). */
#ifndef ROTA_SERVICE_REPORTS_H
#define ROTA_SERVICE_REPORTS_H

#include <stddef.h>
#include <stdint.h>

#include "reports/monthly.h"
#include "scheduler/fairness.h"
#include "service/service.h"

/* The monthly report of YEAR-MONTH (reports/monthly.h). Anyone may read
 * it; pay follows rota pay's rule (service/pay.h): managers and root see
 * everyone's, anyone else only their own (others' pay is left empty).
 * Free *OUT with monthly_free (also after a failure). */
int report_monthly(const struct svc *s, int year, int month, struct monthly_report *out);
/* The same, with last month's report in OUT->prev, by the same rules
 * (the HTML page shows the change against it). */
int report_monthly_compared(const struct svc *s, int year, int month,
			    struct monthly_report *out);

/* Follow the sun: how many hours a week an out-of-hours rotation would be
 * on call with some of its offices (each alone, each pair, all of them). */
struct sun_row {
	char *offices;                  /* "Dublin + San Francisco", owned */
	size_t n_offices;
	double hours_a_week;
};

/* A term's fairness. */
struct fairness_view {
	struct term term;
	struct rotation rot;
	struct membership *members;     /* the term's members: rep's handles point here */
	size_t n_members;
	struct fair_report rep;         /* rep.members[i] is members[i] */
	int64_t *interruptions;         /* [i]: members[i]'s out-of-hours pages in the term */
	double balance_interruptions;   /* fair_balance of interruptions */
	struct sun_row *sun;            /* none unless out of hours with 2+ offices */
	size_t n_sun;
};

/* The fairness of term TERM: each shift weighed as the generator weighs
 * it (service/plan.h: the week load and holiday_weight), on call for the
 * hours its rotation is (service/oncall.h: for an out-of-hours rotation,
 * its windows inside the shift), and the members' interruptions in the
 * term. For an out-of-hours rotation with two or more offices, its hours
 * a week with each office alone, each pair of them and (three or more)
 * all of them, on average over the term: its holidays and DST weeks
 * included. Anyone may read it. EX_DATAERR for
 * an unknown term. Free *OUT with fairness_view_free (also after a
 * failure). */
int report_fairness(const struct svc *s, const char *term, struct fairness_view *out);
void fairness_view_free(struct fairness_view *v);

/* The name of the one current term (term_state) in NAME (LEN bytes), the
 * term a report on "the current term" is of; EX_USAGE listing every term
 * with its state when none or several are current. */
int report_current_term(const struct svc *s, char *name, size_t len);

#endif
