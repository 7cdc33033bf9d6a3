/* rota pay: what each person earned in a month, for people (an aligned
 * table), for payroll (CSV) and for scripts (JSON). */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "cli/cmd.h"
#include "cli/setup.h"
#include "cli/util.h"
#include "common/atomic.h"
#include "common/out.h"
#include "reports/month.h"
#include "service/pay.h"

typedef int (*renderer)(const struct pay_month *, const char *, FILE *);

/* The table, fitted to the terminal as every table is on stdout (a
 * file written with -o gets every column). */
static int
render_text(const struct pay_month *m, const char *month, FILE *f)
{
	return pay_render_text(m, month, f, f == stdout ? out_width() : 0);
}

static const struct {
	const char *name;
	renderer render;
} formats[] = {
	{ "text", render_text }, { "csv", pay_render_csv }, { "json", pay_render_json },
};

/* Writes M to PATH, replaced whole or not at all, as report monthly -o. */
static int
write_file(const struct pay_month *m, renderer render, const char *label,
	   const char *path)
{
	struct atomic_file a;
	int r;

	if ((r = atomic_open(&a, path, ATOMIC_MODE_DEFAULT)) == 0 &&
	    (r = render(m, label, a.f)) == 0)
		r = atomic_commit(&a);
	atomic_discard(&a);
	return r;
}

static int
exec_pay(struct ctx *ctx, int argc, char **argv)
{
	const char *format = cmd_opt(ctx, "format"), *out = cmd_opt(ctx, "output");
	renderer render = ctx->json ? pay_render_json : render_text;
	struct svc s = cmd_svc(ctx);
	struct pay_month m;
	int r, year, month;
	char label[8];

	if (format != NULL) {
		render = NULL;
		for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++)
			if (strcmp(format, formats[i].name) == 0)
				render = formats[i].render;
		if (render == NULL)
			return cmd_usage_error(ctx, "unknown format '%s' (text, csv or json)",
					       format);
	}
	if ((r = month_arg(ctx, argc, argv, &year, &month)) != 0)
		return r;
	snprintf(label, sizeof label, "%04d-%02d", year, month);
	if ((r = pay_view(&s, year, month, &m)) == 0) {
		if (out != NULL && strcmp(out, "-") != 0)
			r = write_file(&m, render, label, out);
		else
			r = render(&m, label, stdout);
	}
	pay_month_free(&m);
	return r;
}

const struct cmd_entry cmd_pay_entry = {
	.name = "pay",
	.args = "[YYYY-MM]",
	.options = (const struct cmd_option[]){
		{ "format", 0, "text|csv|json", "text: an aligned table and a total per "
		  "currency (the default); csv: one row per person and currency, for "
		  "payroll; json: an array of objects (also with --json)", 0, 0 },
		{ "output", 'o', "FILE", "write to FILE (atomically: replaced whole or "
		  "not at all) instead of stdout; - is stdout", 0, 0 },
		{ NULL, 0, NULL, NULL, 0, 0 },
	},
	.summary = "what each person earned in a month, for payroll",
	.help = "The CSV columns: month,person,name,email,currency,shifts,stipend,weekday,\n"
		"weekend,holiday,active_minutes,active,sleep_interruptions,sleep_bonus,\n"
		"toil_hours,capped,total (amounts as decimals). A text cell a spreadsheet\n"
		"would run as a formula (starting with = + - @, a tab or a carriage return)\n"
		"starts with an apostrophe; numbers, negative ones too, stay numbers.\n"
		"JSON gives {\"person\", \"currency\", \"total_minor\", \"components\":\n"
		"{\"stipend_minor\", ...}, \"toil_hours\", ...} per line, amounts in minor units.\n"
		"\n"
		"Months are calendar months in [report] timezone (without YYYY-MM, the\n"
		"current one). Each rotation is paid by\n"
		"the [policy] its [rotation] section names (rota.conf(5)): a stipend per\n"
		"weekly shift and day rates, pro-rated by the minutes held in the month;\n"
		"active out-of-hours work, rounded up to a step; a bonus and time off in\n"
		"lieu per sleep interruption; a monthly cap. Managers see everyone;\n"
		"others see their own pay.\n"
		"\n"
		"A week held in parts (an override or swap of part of it) pays each holder\n"
		"the share of the week's own length they held (72 of 168 hours: 72/168 of\n"
		"the stipend; a DST week is 167 or 169 hours), and a day held in parts the\n"
		"share of the day each held. Each piece of a week is rounded half away\n"
		"from zero cumulatively from the week's start, so the last piece takes\n"
		"the remainder and the pieces add up to the week's stipend to the cent.\n",
	.exec = exec_pay,
};
