/* rota leave remove: forget a leave. */
#include "config.h"

#include "cli/cmd.h"
#include "cli/setup.h"
#include "cli/util.h"
#include "common/out.h"
#include "service/leave.h"

static int
exec_leave_remove(struct ctx *ctx, int argc, char **argv)
{
	struct svc s = cmd_svc(ctx);
	struct leave l;
	struct person p;
	int64_t id;
	int r;

	if (argc != 2)
		return cmd_usage_error(ctx, "leave remove takes one ID");
	if ((r = id_arg(ctx, "leave", argv[1], &id)) != 0 ||
	    (r = leave_remove(&s, id, &l, &p)) != 0)
		return r;
	print_leave(&l, tz_lookup_or_utc(p.tz));
	out_note("Removed.");
	return 0;
}

const struct cmd_entry cmd_leave_remove_entry = {
	.name = "leave remove",
	.args = "ID",
	.summary = "remove leave (its owner, or a manager)",
	.help = "  ID  the leave's id, from rota leave list\n",
	.flags = CMD_WRITE,
	.exec = exec_leave_remove,
};
