/* rota volunteer leave: a person leaves a term. */
#include "config.h"

#include "cli/cmd.h"
#include "cli/setup.h"
#include "cli/util.h"
#include "common/out.h"
#include "service/team.h"

static int
exec_volunteer_leave(struct ctx *ctx, int argc, char **argv)
{
	struct svc s = cmd_svc(ctx);
	struct membership_change c;
	int r;

	if (argc != 2 && argc != 3)
		return cmd_usage_error(ctx, "volunteer leave takes TERM and an optional HANDLE");
	if ((r = volunteer_leave(&s, argv[1], argc == 3 ? argv[2] : NULL, &c)) != 0)
		return r;
	out_object_begin(NULL);
	out_str("term", "Term:", c.term.name);
	out_str("rotation", "Rotation:", c.rotation.name);
	out_str("person", "Left:", c.person.handle);
	out_time("left", "From:", c.at, tz_lookup_or_utc(c.rotation.tz));
	out_object_end();
	if (c.shifts_held > 0)
		out_note("%s still holds %zu shift%s of this term: generate the schedule "
			 "again to hand them on (see rota schedule check).", c.person.handle,
			 c.shifts_held, c.shifts_held == 1 ? "" : "s");
	return 0;
}

const struct cmd_entry cmd_volunteer_leave_entry = {
	.name = "volunteer leave",
	.args = "TERM [HANDLE]",
	.summary = "leave a term",
	.help = "  TERM    the term to leave\n"
		"  HANDLE  who leaves (default: you); for someone else, managers only.\n"
		"The membership is kept with the time it ended, for history.\n",
	.flags = CMD_WRITE,
	.exec = exec_volunteer_leave,
};
