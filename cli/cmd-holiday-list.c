/* rota holiday list: public holidays, by day. */
#include "config.h"

#include <stdlib.h>

#include "cli/cmd.h"
#include "cli/setup.h"
#include "cli/util.h"
#include "common/out.h"
#include "common/timefmt.h"
#include "service/holiday.h"

/* How the table gives way on a narrow terminal (common/out-fit.h). */
static const struct out_col columns[] = {
	{ "NAME", 0, OUT_CUT },
	{ "DAY", 1, OUT_KEEP },
	{ NULL, 0, OUT_KEEP },
};

static int
exec_holiday_list(struct ctx *ctx, int argc, char **argv)
{
	struct svc s = cmd_svc(ctx);
	const char *year = cmd_opt(ctx, "year");
	struct office o;
	struct holiday *v;
	size_t n;
	int r, y = 0;

	if (argc > 2)
		return cmd_usage_error(ctx, "holiday list takes at most one OFFICE");
	if ((year != NULL && (r = int_arg(ctx, "--year", year, 1900, 9999, &y)) != 0) ||
	    (r = holiday_list(&s, argc == 2 ? argv[1] : NULL, y, &o, &y, &v, &n)) != 0)
		return r;
	if (n == 0)
		out_note("No public holidays%s%s %s %d: add them with rota holiday add.",
			 o.id ? " for " : "", o.name, year ? "in" : "from", y);
	out_columns(columns);
	out_list_begin(NULL, NULL);
	for (size_t i = 0; i < n; i++) {
		int hy, hm, hd;

		out_row_begin();
		out_int("id", "ID", v[i].id);
		out_str("office", "OFFICE", v[i].office);
		out_str("day", "DATE", v[i].day);
		if (date_parse(v[i].day, &hy, &hm, &hd) == 0)
			out_str(NULL, "DAY", weekday_name(civil_weekday(hy, hm, hd)));
		out_str("name", "NAME", v[i].name);
		out_row_end();
	}
	out_list_end();
	free(v);
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
	.exec = exec_holiday_list,
};
