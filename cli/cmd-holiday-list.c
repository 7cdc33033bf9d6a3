/* rota holiday list: public holidays, by day. */
#include "config.h"

#include "cli/cmd.h"
#include "cli/setup.h"
#include "cli/util.h"
#include "common/out.h"
#include "common/timefmt.h"
#include "service/holiday.h"

/* How the table gives way on a narrow terminal (common/out-fit.h): the
 * day and its name stay, the name cut; the weekday goes first, then the
 * office. */
static const struct out_col columns[] = {
	{ "NAME", 0, OUT_CUT },
	{ "DAY", 2, OUT_KEEP },
	{ "OFFICE", 1, OUT_KEEP },
	{ NULL, 0, OUT_KEEP },
};

struct holiday_rows {
	const struct svc *s;
	const struct holiday_query *q;
};

static int
print_holiday_row(void *row, void *arg)
{
	const struct holiday *h = row;
	int hy, hm, hd;

	(void)arg;
	out_row_begin();
	out_int("id", "ID", h->id);
	out_str("office", "OFFICE", h->office);
	out_str("day", "DATE", h->day);
	if (date_parse(h->day, &hy, &hm, &hd) == 0)
		out_str(NULL, "DAY", weekday_name(civil_weekday(hy, hm, hd)));
	out_str("name", "NAME", h->name);
	out_row_end();
	return 0;
}

static int
holiday_rows(void *arg)
{
	const struct holiday_rows *hr = arg;

	return holiday_list_each(hr->s, hr->q, print_holiday_row, NULL);
}

static int
exec_holiday_list(struct ctx *ctx, int argc, char **argv)
{
	struct svc s = cmd_svc(ctx);
	const char *year = cmd_opt(ctx, "year");
	struct holiday_query q;
	struct holiday_rows hr = { &s, &q };
	size_t n;
	int r, y = 0;

	if (argc > 2)
		return cmd_usage_error(ctx, "holiday list takes at most one OFFICE");
	if ((year != NULL && (r = int_arg(ctx, "--year", year, 1900, 9999, &y)) != 0) ||
	    (r = holiday_list_query(&s, argc == 2 ? argv[1] : NULL, y, &q)) != 0)
		return r;
	/* Row by row, however many: never the whole table in memory. */
	out_columns(columns);
	if ((r = out_list_rows(NULL, NULL, holiday_rows, &hr, &n)) != 0)
		return r;
	if (n == 0)
		out_note("No public holidays%s%s %s %d: add them with rota holiday add.",
			 q.office.id ? " for " : "", q.office.name, year ? "in" : "from",
			 q.from_year);
	return 0;
}

const struct cmd_entry cmd_holiday_list_entry = {
	.name = "holiday list",
	.args = "[OFFICE]",
	.options = (const struct cmd_option[]){
		{ "year", 0, "YYYY", "only that year (default: from the start of this year on)",
		  0, 0 },
		{ NULL, 0, NULL, NULL, 0, 0 },
	},
	.summary = "list public holidays",
	.help = "  OFFICE       only this office's holidays (default: every office)\n",
	.flags = CMD_STREAM,
	.exec = exec_holiday_list,
};
