/* A month's pay for everybody: reads the policies from the configuration
 * and the shifts, people, holidays and pages from the store, and runs the
 * arithmetic of reports/pay.h. `rota pay` prints it; the monthly report
 * shows it per person.
 *
 * Which policy pays what:
 *  - a shift: the policy its rotation names ([rotation "NAME"] policy),
 *    by default "standard"; a rotation that names none, when there is no
 *    [policy "standard"], is not paid (naming one that does not exist is
 *    an error);
 *  - a piece of active work (acknowledge to resolve of the responder's
 *    pages, overlapping and back-to-back ones merged; its out-of-hours
 *    seconds by reports/classify.h) and a sleep-hour interruption (pages
 *    within 60 s merged, reports/interruptions.h; its class is its first
 *    page's): the policy of the shift the responder held at its start,
 *    else that of the page's rotation, else none (not paid). Both count
 *    in the month of their start.
 * Months are calendar months in [report] timezone (reports/month.h). Nothing
 * is written: pay is a read command, computed from the configuration in
 * force when it runs. */
#ifndef ROTA_PAY_MONTH_H
#define ROTA_PAY_MONTH_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "common/config.h"
#include "reports/pay.h"
#include "model/model.h"
#include "store/store.h"

/* Reads [policy "NAME"] into *out. REF_LINE is the line that named it
 * (0: none), for the error when there is no such section. 0, or
 * EX_CONFIG after printing "rota: FILE:LINE: ..." (unknown policy,
 * unknown currency (unset: EUR), an amount that is not a decimal of the
 * currency's minor unit, a negative amount, a bad whole number). */
int pay_policy_load(const struct config *cfg, const char *name, long ref_line,
		    struct pay_policy *out);

struct pay_month {
	int year, month;
	int64_t from, to;                 /* the month in the report zone, UTC */
	struct pay_policy *policies;      /* those of the rotations, by name */
	size_t n_policies;
	struct person *persons;           /* everyone paid, sorted by handle */
	size_t n_persons;
	struct pay_line *lines;           /* line.person indexes persons */
	size_t n_lines;                   /* sorted by handle, then currency */
};

/* Computes the pay of YEAR-MONTH. 0 or an exit status after printing
 * why. Free with pay_month_free() (also after a failure). */
int pay_month_compute(struct store *s, const struct config *cfg, int year, int month,
		      struct pay_month *out);
/* The same from ROWS (store_report_page_rows()) when they cover the pages
 * it reads ([from - 1 day, to) of the month), else (ROWS NULL too) from
 * its own query: the monthly report reads a month's pages once. */
int pay_month_compute_rows(struct store *s, const struct config *cfg, int year, int month,
			   const struct page_rows *rows, struct pay_month *out);
void pay_month_free(struct pay_month *m);

/* rota pay's forms of M (reports/render-pay.c), MONTH its "YYYY-MM": an
 * aligned table and a total per currency; CSV for payroll, one row per
 * person and currency (reports/csv.h's field rule); a JSON array, amounts
 * in minor units. 0, or EX_IOERR. The table is fitted to WIDTH columns
 * (common/out-fit.h; 0: every column). */
int pay_render_text(const struct pay_month *m, const char *month, FILE *f, size_t width);
int pay_render_csv(const struct pay_month *m, const char *month, FILE *f);
int pay_render_json(const struct pay_month *m, const char *month, FILE *f);

#endif
