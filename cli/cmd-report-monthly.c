/* rota report monthly: the month's wellbeing report, in four formats. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cmd.h"
#include "cli/setup.h"
#include "cli/util.h"
#include "common/atomic.h"
#include "common/err.h"
#include "common/out.h"
#include "reports/month.h"
#include "reports/monthly.h"
#include "service/reports.h"

enum format { FMT_TEXT, FMT_CSV, FMT_JSON, FMT_HTML };

/* STDOUT: F is standard output, coloured and fitted to the terminal as
 * every table (common/out.h); a file gets neither. */
static int
render(const struct monthly_report *r, enum format fmt, FILE *f, const char *name,
       bool is_stdout)
{
	switch (fmt) {
	case FMT_TEXT: return render_text(r, f, is_stdout && out_colour(),
					  is_stdout ? out_width() : 0);
	case FMT_CSV: return render_csv(r, f);
	case FMT_JSON: return render_json(r, f);
	case FMT_HTML: return render_html(r, f, name);
	}
	return EX_SOFTWARE;
}

/* Writes the report to PATH, replaced whole or not at all. */
static int
write_file(const struct monthly_report *r, enum format fmt, const char *path)
{
	struct atomic_file a;
	int ret;

	if ((ret = atomic_open(&a, path, ATOMIC_MODE_DEFAULT)) == 0 &&
	    (ret = render(r, fmt, a.f, path, false)) == 0)
		ret = atomic_commit(&a);
	atomic_discard(&a);
	return ret;
}

static int
exec_report_monthly(struct ctx *ctx, int argc, char **argv)
{
	static const char *const names[] = { "text", "csv", "json", "html" };
	const char *format = cmd_opt(ctx, "format"), *out = cmd_opt(ctx, "output");
	enum format fmt = ctx->json ? FMT_JSON : FMT_TEXT;
	struct svc s = cmd_svc(ctx);
	struct monthly_report r;
	int year, month, ret;

	if (format != NULL) {
		for (fmt = FMT_TEXT; fmt <= FMT_HTML && strcmp(format, names[fmt]) != 0; fmt++)
			;
		if (fmt > FMT_HTML)
			return cmd_usage_error(ctx, "unknown format '%s' (text, csv, json "
					       "or html)", format);
	}
	if ((ret = month_arg(ctx, argc, argv, &year, &month)) != 0)
		return ret;
	/* The page shows the change against last month. */
	if ((ret = (fmt == FMT_HTML ? report_monthly_compared : report_monthly)(&s, year, month,
										 &r)) != 0)
		return ret;
	if (out != NULL && strcmp(out, "-") != 0)
		ret = write_file(&r, fmt, out);
	else
		ret = render(&r, fmt, stdout, "standard output",
			     fmt == FMT_TEXT);
	monthly_free(&r);
	return ret;
}

const struct cmd_entry cmd_report_monthly_entry = {
	.name = "report monthly",
	.args = "[YYYY-MM]",
	.options = (const struct cmd_option[]){
		{ "format", 0, "text|csv|json|html", "text (the default; --json means json), "
		  "csv (one row per person), json (every figure) or html (one "
		  "self-contained page with charts)", 0, 0 },
		{ "output", 'o', "FILE", "write to FILE (atomically) instead of stdout", 0, 0 },
		{ NULL, 0, NULL, NULL, 0, 0 },
	},
	.summary = "the month's on-call load and burnout indicators",
	.help = "The team's out-of-hours interruptions against the goal ([report] goal)\n"
		"with a trend of up to six months (from the first with data) and, for the\n"
		"current month, a forecast; escalations; time to acknowledge and to\n"
		"resolve. Per person: shifts, on-call hours (on a rotation covering out of\n"
		"hours, only its on-call windows inside their shifts), out-of-hours and\n"
		"sleep interruptions, nights interrupted and the longest run, most pages in\n"
		"one shift, broken daily and weekly rest, share of the team's load (adding\n"
		"up to 100%), weeks since the last shift, shifts closer than the minimum\n"
		"gap, escalations to them; every member of a term overlapping the month is\n"
		"listed. The noisiest alerts, those resolved without anyone acting and\n"
		"those without a runbook. Each indicator is green, amber or red by\n"
		"[thresholds] in rota.conf(5), with a sentence saying why; a share or a\n"
		"time is grey, too few to judge, below its minimum count (the share from 5\n"
		"team out-of-hours interruptions, the medians from 5 pages, the 95th\n"
		"percentiles from 20, the forecast from 3 interruptions or a quarter of the\n"
		"month), and is never alerted on. A manager sees every person's row; anyone\n"
		"else the team's figures and their own row only (pay and wellbeing figures\n"
		"are private).\n",
	.exec = exec_report_monthly,
};
