/* rota person show: one person, and the history of their zone, office,
 * sleep hours and manager flag. */
#include "config.h"

#include <stdlib.h>

#include "cli/cmd.h"
#include "cli/people.h"
#include "cli/util.h"
#include "common/out.h"
#include "common/timefmt.h"
#include "service/team.h"

/* One entry of the history: from when (UTC; the first is in force from
 * the beginning: JSON null), and who made the change. */
static void
print_change(const struct person_attrs *a)
{
	char from[32], sleep[48];

	sleep_format(a->sleep_start, a->sleep_end, sleep, sizeof sleep);
	out_row_begin();
	if (a->from == 0) {
		out_null("from", NULL);
		out_str(NULL, "FROM", "the beginning");
	} else {
		time_format_utc(a->from, from, sizeof from);
		out_str("from", "FROM", from);
	}
	out_str("tz", "ZONE", a->tz);
	out_str("office", "OFFICE", a->office_id != 0 ? a->office : NULL);
	out_str("sleep", "SLEEP", sleep);
	out_bool("manager", "MANAGER", a->is_manager);
	out_str("by", "BY", a->by[0] ? a->by : NULL);
	out_row_end();
}

static int
exec_person_show(struct ctx *ctx, int argc, char **argv)
{
	struct svc s = cmd_svc(ctx);
	struct person_attrs *v;
	struct person p;
	size_t n;
	int r;

	if (argc != 2)
		return cmd_usage_error(ctx, "person show takes one HANDLE");
	if ((r = find_person(ctx, argv[1], &p)) != 0 ||
	    (r = person_history(&s, p.id, &v, &n)) != 0)
		return r;
	out_object_begin(NULL);
	print_person_fields(&p);
	out_list_begin("history", "History (times UTC):");
	for (size_t i = 0; i < n; i++)
		print_change(&v[i]);
	out_list_end();
	out_object_end();
	free(v);
	return 0;
}

const struct cmd_entry cmd_person_show_entry = {
	.name = "person show",
	.args = "HANDLE",
	.summary = "show a person and the history of their details",
	.help = "The history lists each change of the zone, office, sleep hours and manager\n"
		"flag: from when it applies (UTC) and who made it. Every past instant is\n"
		"judged by the values in force then (page classes, pay, reports).\n",
	.exec = exec_person_show,
};
