/* rota office list: offices with their people and this year's holidays. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "cli/cmd.h"
#include "cli/setup.h"
#include "common/out.h"

static int
exec_office_list(struct ctx *ctx, int argc, char **argv)
{
	struct office *v;
	struct person *people;
	size_t n, npeople;
	int r;

	(void)argv;
	if (argc > 1)
		return cmd_usage_error(ctx, "office list takes no arguments");
	if ((r = store_office_list(ctx->db, &v, &n)) != 0)
		return r;
	if ((r = store_person_list(ctx->db, &people, &npeople)) != 0) {
		free(v);
		return r;
	}
	if (n == 0)
		out_note("No offices yet: add one with rota office add.");
	out_list_begin(NULL, NULL);
	for (size_t i = 0; i < n && r == 0; i++) {
		struct local_time lt;
		struct holiday *h;
		size_t nh, count = 0;
		char from[11], to[11];

		for (size_t k = 0; k < npeople; k++)
			count += people[k].office_id == v[i].id;
		/* This year: the office's own calendar year. */
		tz_to_local(tz_lookup_or_utc(v[i].tz), ctx->now, &lt);
		snprintf(from, sizeof from, "%04d-01-01", lt.year);
		snprintf(to, sizeof to, "%04d-12-31", lt.year);
		if ((r = store_holiday_list(ctx->db, v[i].id, from, to, &h, &nh)) != 0)
			break;
		free(h);
		out_row_begin();
		out_str("name", "OFFICE", v[i].name);
		out_str("tz", "ZONE", v[i].tz);
		out_str("hours", "HOURS", v[i].hours);
		out_int("people", "PEOPLE", (int64_t)count);
		out_int("holidays_this_year", "HOLIDAYS THIS YEAR", (int64_t)nh);
		out_row_end();
	}
	out_list_end();
	free(people);
	free(v);
	return r;
}

const struct cmd_entry cmd_office_list_entry = {
	.name = "office list",
	.args = "",
	.summary = "list offices",
	.help = "  Shows each office's zone, business hours, number of people, and\n"
		"  public holidays in the current year (in the office's zone).\n",
	.exec = exec_office_list,
};
