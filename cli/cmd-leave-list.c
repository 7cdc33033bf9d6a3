/* rota leave list: recorded leave, yours or (for managers) everyone's. */
#include "config.h"

#include <stdlib.h>

#include "cli/cmd.h"
#include "cli/setup.h"
#include "cli/util.h"
#include "common/out.h"
#include "common/url.h"
#include "service/leave.h"

struct leave_rows {
	const struct svc *s;
	const struct leave_query *q;
};

static int
print_leave_row(void *row, void *arg)
{
	const struct leave_item *it = row;
	const struct leave *l = &it->leave;
	const struct tz_zone *wz = tz_lookup_or_utc(it->tz);
	char *source = url_shown(l->source);    /* a calendar's, without its secret */

	(void)arg;
	out_row_begin();
	out_int("id", "ID", l->id);
	out_str("person", "PERSON", l->handle);
	out_leave_span(l, wz, "FROM", "TO");
	out_str("tz", "ZONE", it->tz);
	out_str("reason", "REASON", l->reason[0] ? l->reason : NULL);
	out_str("source", NULL, source);
	out_row_end();
	free(source);
	return 0;
}

static int
leave_rows(void *arg)
{
	const struct leave_rows *lr = arg;

	return leave_list_each(lr->s, lr->q, print_leave_row, NULL);
}

/* How the table gives way on a narrow terminal (common/out-fit.h). */
static const struct out_col columns[] = {
	{ "REASON", 0, OUT_WRAP },
	{ "ZONE", 1, OUT_KEEP },
	{ NULL, 0, OUT_KEEP },
};

static int
exec_leave_list(struct ctx *ctx, int argc, char **argv)
{
	struct svc s = cmd_svc(ctx);
	const char *from = cmd_opt(ctx, "from"), *to = cmd_opt(ctx, "to");
	struct leave_query q;
	struct leave_rows lr = { &s, &q };
	size_t n;
	int r;

	if (argc > 2)
		return cmd_usage_error(ctx, "leave list takes at most one HANDLE");
	if ((r = usage_if(ctx, leave_list_query(&s, argc == 2 ? argv[1] : NULL, from, to,
						&q))) != 0)
		return r;
	/* Row by row, however many: never the whole table in memory. */
	out_columns(columns);
	if ((r = out_list_rows(NULL, NULL, leave_rows, &lr, &n)) != 0)
		return r;
	if (n == 0)
		out_note("No leave%s%s%s.", q.person.id ? " for " : "", q.person.handle,
			 from == NULL ? " from now on" : " in that time");
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
	.flags = CMD_STREAM,
	.exec = exec_leave_list,
};
