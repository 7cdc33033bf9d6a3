/* rota office list: offices with their people and this year's holidays. */
#include "config.h"

#include <stdlib.h>

#include "cli/cmd.h"
#include "cli/util.h"
#include "common/out.h"
#include "service/setup.h"

/* How the table gives way on a narrow terminal (common/out-fit.h): the
 * office, cut, stays; its holidays go first, then its people, its hours
 * and its zone. */
static const struct out_col columns[] = {
	{ "OFFICE", 0, OUT_CUT },
	{ "HOLIDAYS THIS YEAR", 4, OUT_KEEP },
	{ "PEOPLE", 3, OUT_KEEP },
	{ "HOURS", 2, OUT_KEEP },
	{ "ZONE", 1, OUT_KEEP },
	{ NULL, 0, OUT_KEEP },
};

static int
exec_office_list(struct ctx *ctx, int argc, char **argv)
{
	struct svc s = cmd_svc(ctx);
	struct office_item *v;
	size_t n;
	int r;

	(void)argv;
	if (argc > 1)
		return cmd_usage_error(ctx, "office list takes no arguments");
	if ((r = office_list(&s, &v, &n)) != 0)
		return r;
	if (n == 0)
		out_note("No offices yet: add one with rota office add.");
	out_columns(columns);
	out_list_begin(NULL, NULL);
	for (size_t i = 0; i < n; i++) {
		out_row_begin();
		out_str("name", "OFFICE", v[i].office.name);
		out_str("tz", "ZONE", v[i].office.tz);
		out_str("hours", "HOURS", v[i].office.hours);
		out_int("people", "PEOPLE", (int64_t)v[i].people);
		out_int("holidays_this_year", "HOLIDAYS THIS YEAR", (int64_t)v[i].holidays_this_year);
		out_row_end();
	}
	out_list_end();
	free(v);
	return 0;
}

const struct cmd_entry cmd_office_list_entry = {
	.name = "office list",
	.args = "",
	.summary = "list offices",
	.help = "  Shows each office's zone, business hours, number of people, and\n"
		"  public holidays in the current year (in the office's zone).\n",
	.exec = exec_office_list,
};
