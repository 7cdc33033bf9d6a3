/* rota pay: what each person earned in a month, for people (an aligned
 * table), for payroll (CSV) and for scripts (JSON). */
#include "config.h"

#include <getopt.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cmd.h"
#include "cli/util.h"
#include "common/err.h"
#include "common/out.h"
#include "common/xalloc.h"
#include "reports/csv.h"
#include "reports/money.h"
#include "reports/month.h"
#include "reports/pay-month.h"

enum format { FORMAT_TEXT, FORMAT_CSV, FORMAT_JSON };

/* The CSV columns, in order: rota(1) documents them, payroll loads them. */
static const char csv_header[] =
	"month,person,name,email,currency,shifts,stipend,weekday,weekend,holiday,"
	"active_minutes,active,sleep_interruptions,sleep_bonus,toil_hours,capped,total";

static const char *
amount(int64_t v, int exponent, char *buf)
{
	return money_format(v, exponent, buf, MONEY_BUF);
}

static void
print_csv(const struct pay_month *m, const char *month)
{
	char b[8][MONEY_BUF];

	puts(csv_header);
	for (size_t i = 0; i < m->n_lines; i++) {
		const struct pay_line *l = &m->lines[i];
		const struct person *p = &m->persons[l->person];
		int e = l->exponent;

		printf("%s,", month);
		csv_put(stdout, p->handle);
		putchar(',');
		csv_put(stdout, p->name);
		putchar(',');
		csv_put(stdout, p->email);
		printf(",%s,%lld,%s,%s,%s,%s,%lld,%s,%lld,%s,%lld,%s,%s\n",
		       l->currency, (long long)l->shifts,
		       amount(l->stipend, e, b[0]), amount(l->weekday, e, b[1]),
		       amount(l->weekend, e, b[2]), amount(l->holiday, e, b[3]),
		       (long long)l->active_minutes, amount(l->active, e, b[4]),
		       (long long)l->sleep_interruptions, amount(l->sleep_bonus, e, b[5]),
		       (long long)l->toil_hours, amount(l->capped, e, b[6]),
		       amount(l->total, e, b[7]));
	}
}

static int
print_json(const struct pay_month *m, const char *month)
{
	json_t *a = json_array();
	int r = 0;

	for (size_t i = 0; i < m->n_lines; i++) {
		const struct pay_line *l = &m->lines[i];
		const struct person *p = &m->persons[l->person];

		json_array_append_new(a, json_pack(
			"{s:s, s:s, s:s, s:s, s:s, s:i, s:I, s:I, "
			"s:{s:I, s:I, s:I, s:I, s:I, s:I}, "
			"s:I, s:I, s:I, s:I}",
			"month", month, "person", p->handle, "name", p->name,
			"email", p->email, "currency", l->currency, "exponent", l->exponent,
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
			"toil_hours", (json_int_t)l->toil_hours));
	}
	if (json_dumpf(a, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER) != 0)
		r = rota_fail(EX_IOERR, "cannot write the output");
	putchar('\n');
	json_decref(a);
	return r;
}

/* Right-aligned columns; the totals per currency below. */
static void
print_text(const struct pay_month *m, const char *month)
{
	enum { NCOL = 14 };
	static const char *const head[NCOL] = {
		"PERSON", "CUR", "SHIFTS", "STIPEND", "WEEKDAY", "WEEKEND", "HOLIDAY",
		"ACTIVE MIN", "ACTIVE", "SLEEP", "SLEEP BONUS", "TOIL H", "CAPPED", "TOTAL",
	};
	size_t rows = m->n_lines, w[NCOL];
	char (*cell)[NCOL][MONEY_BUF + HANDLE_MAX] = xcalloc(rows + 1, sizeof *cell);

	printf("Pay for %s\n", month);
	if (rows == 0) {
		puts("nobody was paid (no shifts of a rotation with a policy, no paid work)");
		free(cell);
		return;
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
	for (size_t c = 0; c < NCOL; c++)
		printf(c == 0 ? "%-*s" : c == 1 ? "  %-*s" : "  %*s", (int)w[c], head[c]);
	putchar('\n');
	for (size_t i = 0; i < rows; i++) {
		for (size_t c = 0; c < NCOL; c++)
			printf(c == 0 ? "%-*s" : c == 1 ? "  %-*s" : "  %*s", (int)w[c], cell[i][c]);
		putchar('\n');
	}
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
		printf("Total %s: %s\n", l->currency, amount(sum, l->exponent, b));
	}
}

/* Keeps only the lines of PERSON_ID. */
static void
keep_person(struct pay_month *m, int64_t person_id)
{
	size_t n = 0;

	for (size_t i = 0; i < m->n_lines; i++)
		if (m->persons[m->lines[i].person].id == person_id)
			m->lines[n++] = m->lines[i];
	m->n_lines = n;
}

static int
exec_pay(struct ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 },
	};
	enum format format = ctx->json ? FORMAT_JSON : FORMAT_TEXT;
	struct pay_month m;
	int c, r, year, month;
	char label[8];

	optind = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		switch (c) {
		case 'f':
			if (strcmp(optarg, "text") == 0)
				format = FORMAT_TEXT;
			else if (strcmp(optarg, "csv") == 0)
				format = FORMAT_CSV;
			else if (strcmp(optarg, "json") == 0)
				format = FORMAT_JSON;
			else
				return cmd_usage_error(ctx, "unknown format '%s' (text, csv or json)",
						       optarg);
			break;
		default:
			return cmd_bad_option(ctx, c, argv);
		}
	}
	if (optind + 1 != argc)
		return cmd_usage_error(ctx, "pay takes one month, YYYY-MM");
	if (report_month_parse(argv[optind], &year, &month) < 0)
		return cmd_usage_error(ctx, "bad month '%s' (YYYY-MM, as in 2027-01)",
				       argv[optind]);
	snprintf(label, sizeof label, "%04d-%02d", year, month);
	/* Managers see everyone's pay; anyone else their own. */
	if (!ctx->actor.privileged && (r = require_person(ctx)) != 0)
		return r;
	r = pay_month_compute(ctx->db, ctx->cfg, year, month, &m);
	if (r == 0) {
		if (!ctx->actor.privileged)
			keep_person(&m, ctx->actor.person.id);
		switch (format) {
		case FORMAT_TEXT: print_text(&m, label); break;
		case FORMAT_CSV: print_csv(&m, label); break;
		case FORMAT_JSON: r = print_json(&m, label); break;
		}
	}
	pay_month_free(&m);
	return r;
}

const struct cmd_entry cmd_pay_entry = {
	.name = "pay",
	.args = "YYYY-MM [--format text|csv|json]",
	.summary = "what each person earned in a month, for payroll",
	.help = "  --format text   an aligned table and a total per currency (the default)\n"
		"  --format csv    one row per person and currency, for payroll:\n"
		"                  month,person,name,email,currency,shifts,stipend,weekday,\n"
		"                  weekend,holiday,active_minutes,active,sleep_interruptions,\n"
		"                  sleep_bonus,toil_hours,capped,total (amounts as decimals)\n"
		"  --format json   an array of {\"person\", \"currency\", \"total_minor\",\n"
		"                  \"components\": {\"stipend_minor\", ...}, \"toil_hours\", ...}\n"
		"                  (also with --json)\n"
		"\n"
		"Months are calendar months in [report] timezone. Each rotation is paid by\n"
		"the [policy] its [rotation] section names (rota.conf(5)): a stipend per\n"
		"weekly shift and day rates, pro-rated by the share of the shift in the\n"
		"month; active out-of-hours work, rounded up to a step; a bonus and time\n"
		"off in lieu per sleep interruption; a monthly cap. Managers see everyone;\n"
		"others see their own pay.\n",
	.exec = exec_pay,
};
