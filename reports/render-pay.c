/* rota pay's three forms: an aligned table for people, CSV for payroll
 * and JSON for scripts. See pay-month.h. */
#include "config.h"

#include <jansson.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/err.h"
#include "common/jsonx.h"
#include "common/out-fit.h"
#include "common/xalloc.h"
#include "reports/csv.h"
#include "reports/money.h"
#include "reports/pay-month.h"

/* The CSV columns, in order: rota(1) documents them, payroll loads them. */
static const char csv_header[] =
	"month,person,name,email,currency,shifts,stipend,weekday,weekend,holiday,"
	"active_minutes,active,sleep_interruptions,sleep_bonus,toil_hours,capped,total";

static const char *
amount(int64_t v, int exponent, char *buf)
{
	return money_format(v, exponent, buf, MONEY_BUF);
}

int
pay_render_csv(const struct pay_month *m, const char *month, FILE *f)
{
	char b[MONEY_BUF];

	fprintf(f, "%s\n", csv_header);
	for (size_t i = 0; i < m->n_lines; i++) {
		const struct pay_line *l = &m->lines[i];
		const struct person *p = &m->persons[l->person];
		const char *text[] = { month, p->handle, p->name, p->email, l->currency };
		/* The number columns, after currency: counts, and amounts
		 * written as decimals (money_format()). */
		const struct { int64_t v; bool money; } num[] = {
			{ l->shifts, false }, { l->stipend, true }, { l->weekday, true },
			{ l->weekend, true }, { l->holiday, true }, { l->active_minutes, false },
			{ l->active, true }, { l->sleep_interruptions, false },
			{ l->sleep_bonus, true }, { l->toil_hours, false }, { l->capped, true },
			{ l->total, true },
		};

		/* Text through csv_put(), numbers through csv_number() and
		 * csv_int(): the one rule of rota's CSV (csv.h). */
		for (size_t k = 0; k < sizeof text / sizeof text[0]; k++) {
			csv_put(f, text[k]);
			fputc(',', f);
		}
		for (size_t k = 0; k < sizeof num / sizeof num[0]; k++) {
			if (k > 0)
				fputc(',', f);
			if (num[k].money)
				csv_number(f, amount(num[k].v, l->exponent, b));
			else
				csv_int(f, num[k].v);
		}
		fputc('\n', f);
	}
	return 0;
}

int
pay_render_json(const struct pay_month *m, const char *month, FILE *f)
{
	json_t *a = json_array();
	int r = 0;

	for (size_t i = 0; i < m->n_lines; i++) {
		const struct pay_line *l = &m->lines[i];
		const struct person *p = &m->persons[l->person];
		json_t *o = json_pack(
			"{s:s, s:s, s:o, s:o, s:s, s:i, s:I, s:I, "
			"s:{s:I, s:I, s:I, s:I, s:I, s:I}, "
			"s:I, s:I, s:I, s:I}",
			"month", month, "person", p->handle, "name", jx_string(p->name),
			"email", jx_string(p->email), "currency", l->currency, "exponent", l->exponent,
			"total_minor", (json_int_t)l->total, "capped_minor", (json_int_t)l->capped,
			"components",
			"stipend_minor", (json_int_t)l->stipend,
			"weekday_minor", (json_int_t)l->weekday,
			"weekend_minor", (json_int_t)l->weekend,
			"holiday_minor", (json_int_t)l->holiday,
			"active_minor", (json_int_t)l->active,
			"sleep_bonus_minor", (json_int_t)l->sleep_bonus,
			"shifts", (json_int_t)l->shifts,
			"active_minutes", (json_int_t)l->active_minutes,
			"sleep_interruptions", (json_int_t)l->sleep_interruptions,
			"toil_hours", (json_int_t)l->toil_hours);

		/* Names and e-mails go through jx_string: text that is not valid
		 * UTF-8 shows U+FFFD, and nobody is left out of the array. */
		jx_append(a, o);
	}
	/* A failed write is stdout's owner's to report (out_finish()). */
	if (json_dumpf(a, f, JSON_INDENT(2) | JSON_PRESERVE_ORDER) != 0 && !ferror(f))
		r = rota_fail(EX_SOFTWARE, "jansson cannot write the pay");
	fputc('\n', f);
	json_decref(a);
	return r;
}

/* Right-aligned columns; the totals per currency below. */
int
pay_render_text(const struct pay_month *m, const char *month, FILE *f, size_t width)
{
	enum { NCOL = 14 };
	static const char *const head[NCOL] = {
		"PERSON", "CUR", "SHIFTS", "STIPEND", "WEEKDAY", "WEEKEND", "HOLIDAY",
		"ACTIVE MIN", "ACTIVE", "SLEEP", "SLEEP BONUS", "TOIL H", "CAPPED", "TOTAL",
	};
	/* On a narrow terminal (common/out-fit.h): who, the currency and the
	 * total stay; the parts of the total go, the finest first. */
	static const int drop[NCOL] = { 0, 0, 3, 2, 8, 7, 9, 12, 4, 6, 5, 10, 11, 0 };
	struct out_fit_col fit[NCOL];
	char *shown[NCOL];
	size_t rows = m->n_lines, w[NCOL];
	char (*cell)[NCOL][MONEY_BUF + HANDLE_MAX] = xcalloc(rows + 1, sizeof *cell);

	fprintf(f, "Pay for %s\n", month);
	if (rows == 0) {
		out_write_prose(f, width, "nobody was paid (no shifts of a rotation with a policy, "
				"no paid work)");
		free(cell);
		return 0;
	}
	for (size_t c = 0; c < NCOL; c++)
		w[c] = strlen(head[c]);
	for (size_t i = 0; i < rows; i++) {
		const struct pay_line *l = &m->lines[i];
		int e = l->exponent;
		char b[MONEY_BUF];
		char (*r)[MONEY_BUF + HANDLE_MAX] = cell[i];

		snprintf(r[0], sizeof r[0], "%s", m->persons[l->person].handle);
		snprintf(r[1], sizeof r[1], "%s", l->currency);
		snprintf(r[2], sizeof r[2], "%lld", (long long)l->shifts);
		snprintf(r[3], sizeof r[3], "%s", amount(l->stipend, e, b));
		snprintf(r[4], sizeof r[4], "%s", amount(l->weekday, e, b));
		snprintf(r[5], sizeof r[5], "%s", amount(l->weekend, e, b));
		snprintf(r[6], sizeof r[6], "%s", amount(l->holiday, e, b));
		snprintf(r[7], sizeof r[7], "%lld", (long long)l->active_minutes);
		snprintf(r[8], sizeof r[8], "%s", amount(l->active, e, b));
		snprintf(r[9], sizeof r[9], "%lld", (long long)l->sleep_interruptions);
		snprintf(r[10], sizeof r[10], "%s", amount(l->sleep_bonus, e, b));
		snprintf(r[11], sizeof r[11], "%lld", (long long)l->toil_hours);
		snprintf(r[12], sizeof r[12], "%s", amount(l->capped, e, b));
		snprintf(r[13], sizeof r[13], "%s", amount(l->total, e, b));
		for (size_t c = 0; c < NCOL; c++)
			if (strlen(r[c]) > w[c])
				w[c] = strlen(r[c]);
	}
	for (size_t c = 0; c < NCOL; c++) {
		fit[c] = (struct out_fit_col){ .header = head[c], .drop = drop[c],
			.give = c == 0 ? OUT_CUT : OUT_KEEP, .right = c > 1, .width = w[c] };
		shown[c] = (char *)head[c];
	}
	out_fit(fit, NCOL, width);
	out_write_row(f, fit, NCOL, shown, NULL, NULL);
	for (size_t i = 0; i < rows; i++) {
		for (size_t c = 0; c < NCOL; c++)
			shown[c] = cell[i][c];
		out_write_row(f, fit, NCOL, shown, NULL, NULL);
	}
	out_write_left_out(f, fit, NCOL, width);
	free(cell);
	/* One total per currency, in the order they first appear. */
	for (size_t i = 0; i < rows; i++) {
		const struct pay_line *l = &m->lines[i];
		int64_t sum = 0;
		bool seen = false;
		char b[MONEY_BUF];

		for (size_t j = 0; j < i && !seen; j++)
			seen = strcmp(m->lines[j].currency, l->currency) == 0;
		if (seen)
			continue;
		for (size_t j = i; j < rows; j++)
			if (strcmp(m->lines[j].currency, l->currency) == 0)
				sum += m->lines[j].total;
		fprintf(f, "Total %s: %s\n", l->currency, amount(sum, l->exponent, b));
	}
	return 0;
}

