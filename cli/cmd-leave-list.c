/* rota leave list: recorded leave, yours or (for managers) everyone's. */
#include "config.h"

#include <stdlib.h>

#include "cli/cmd.h"
#include "cli/setup.h"
#include "cli/util.h"
#include "common/out.h"
#include "service/leave.h"

static int
exec_leave_list(struct ctx *ctx, int argc, char **argv)
{
	struct svc s = cmd_svc(ctx);
	const char *from = cmd_opt(ctx, "from"), *to = cmd_opt(ctx, "to");
	struct leave_item *v;
	struct person p;
	size_t n;
	int r;

	if (argc > 2)
		return cmd_usage_error(ctx, "leave list takes at most one HANDLE");
	if ((r = usage_if(ctx, leave_list(&s, argc == 2 ? argv[1] : NULL, from, to, &p,
					  &v, &n))) != 0)
		return r;
	if (n == 0)
		out_note("No leave%s%s%s.", p.id ? " for " : "", p.handle,
			 from == NULL ? " from now on" : " in that time");
	out_list_begin(NULL, NULL);
	for (size_t i = 0; i < n; i++) {
		const struct leave *l = &v[i].leave;
		const struct tz_zone *wz = tz_lookup_or_utc(v[i].tz);

		out_row_begin();
		out_int("id", "ID", l->id);
		out_str("person", "PERSON", l->handle);
		out_time("start", "FROM", l->start, wz);
		out_time("end", "UNTIL", l->end, wz);
		out_str("tz", "ZONE", v[i].tz);
		out_str("reason", "REASON", l->reason[0] ? l->reason : NULL);
		out_str("source", NULL, l->source);
		out_row_end();
	}
	out_list_end();
	free(v);
	return 0;
}

const struct cmd_entry cmd_leave_list_entry = {
	.name = "leave list",
	.args = "[HANDLE]",
	.options = (const struct cmd_option[]){
		{ "from", 0, "DATE", "leave that has not ended by DATE (default: now)", 0, 0 },
		{ "to", 0, "DATE", "leave that starts by the end of DATE", 0, 0 },
		{ NULL, 0, NULL, NULL, 0, 0 },
	},
	.summary = "list leave",
	.help = "  HANDLE       whose leave (default: yours; a manager sees everyone's)\n"
		"\n"
		"Dates are in the person's zone (for everyone: the manager's own zone).\n"
		"Times show in each person's zone; --json gives them in UTC.\n",
	.exec = exec_leave_list,
};
