/* rota leave add: time a person is unavailable. */
#include "config.h"

#include "cli/cmd.h"
#include "cli/setup.h"
#include "cli/util.h"
#include "service/leave.h"

static int
exec_leave_add(struct ctx *ctx, int argc, char **argv)
{
	struct svc s = cmd_svc(ctx);
	const char *reason = cmd_opt(ctx, "reason");
	char buf[REASON_MAX];
	struct leave l;
	struct person p;
	int r;

	if (argc != 3 && argc != 4)
		return cmd_usage_error(ctx, "leave add takes an optional HANDLE, then FROM and TO");
	if ((r = text_arg(ctx, "--reason", reason ? reason : "", buf, sizeof buf)) != 0 ||
	    (r = usage_if(ctx, leave_add(&s, argc == 4 ? argv[1] : NULL, argv[argc - 2],
					 argv[argc - 1], buf, &l, &p))) != 0)
		return r;
	print_leave(&l, tz_lookup_or_utc(p.tz));
	return 0;
}

const struct cmd_entry cmd_leave_add_entry = {
	.name = "leave add",
	.args = "[HANDLE] FROM TO",
	.options = (const struct cmd_option[]){
		{ "reason", 0, "TEXT", "a note, e.g. holiday or conference", 0, 0 },
		{ NULL, 0, NULL, NULL, 0, 0 },
	},
	.summary = "record leave (yourself, or anyone as a manager)",
	.help = "  HANDLE         whose leave (default: you; someone else: managers)\n"
		"  FROM TO        dates YYYY-MM-DD are whole days in the person's own zone,\n"
		"                 both included: 2027-05-01 2027-05-31 runs from 1 May\n"
		"                 00:00 to 1 June 00:00; a full ISO 8601 time is an instant\n"
		"\n"
		"Leave may not overlap another leave of the same person.\n",
	.flags = CMD_WRITE,
	.exec = exec_leave_add,
};
