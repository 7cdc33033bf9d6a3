/* rota schedule show: the shifts, in time order. */
#include "config.h"

#include "cli/cmd.h"
#include "cli/util.h"
#include "common/out.h"
#include "service/roster.h"

struct shift_rows {
	const struct svc *s;
	const char *rotation, *handle;
	int64_t from, to;
};

static int
print_row(void *row, void *arg)
{
	(void)arg;
	print_shift_row(row);
	return 0;
}

static int
shift_rows(void *arg)
{
	const struct shift_rows *q = arg;

	return roster_show(q->s, q->rotation, q->handle, q->from, q->to, print_row, NULL);
}

/* How the table gives way on a narrow terminal (common/out-fit.h). */
static const struct out_col columns[] = {
	{ "PERSON", 0, OUT_CUT },
	{ "ORIGIN", 1, OUT_KEEP },
	{ "ZONE", 2, OUT_KEEP },
	{ "TIER", 3, OUT_KEEP },
	{ NULL, 0, OUT_KEEP },
};

static int
exec_schedule_show(struct ctx *ctx, int argc, char **argv)
{
	const char *rotation = cmd_opt(ctx, "rotation"), *from = cmd_opt(ctx, "from");
	const char *to = cmd_opt(ctx, "to"), *handle = cmd_opt(ctx, "person");
	struct svc s = cmd_svc(ctx);
	const struct tz_zone *zone = tz_utc();
	struct rotation rot;
	struct shift_rows q = { &s, rotation, handle, 0, 0 };
	size_t n;
	int r;

	if (argc != 1)
		return cmd_usage_error(ctx, "schedule show takes no arguments besides its options");
	/* Dates are midnight in the rotation's zone, else the actor's. */
	if (rotation != NULL) {
		if ((r = find_rotation(ctx, rotation, &rot)) != 0)
			return r;
		if (tz_lookup(rot.tz) != NULL)
			zone = tz_lookup(rot.tz);
	} else if (ctx->actor.known && tz_lookup(ctx->actor.person.tz) != NULL) {
		zone = tz_lookup(ctx->actor.person.tz);
	}
	q.from = ctx->now;
	if ((from != NULL && (r = time_arg(ctx, "--from", from, zone, &q.from)) != 0) ||
	    (to != NULL && (r = time_arg(ctx, "--to", to, zone, &q.to)) != 0))
		return r;
	if (to != NULL && q.to <= q.from)
		return cmd_usage_error(ctx, "--to %s is not after the start of the listing", to);
	/* Row by row, however many: never the whole schedule in memory. */
	out_columns(columns);
	if ((r = out_list_rows(NULL, NULL, shift_rows, &q, &n)) != 0)
		return r;
	if (n == 0)
		out_note("no shifts%s", from == NULL ? " from now on (see --from)" : "");
	return 0;
}

const struct cmd_entry cmd_schedule_show_entry = {
	.name = "schedule show",
	.args = "",
	.options = (const struct cmd_option[]){
		{ "rotation", 0, "R", "only rotation R", 0, 0 },
		{ "from", 0, "DATE", "shifts that end after DATE (default: now)", 0, 0 },
		{ "to", 0, "DATE", "shifts that start before DATE (default: no end)", 0, 0 },
		{ "person", 0, "HANDLE", "only HANDLE's shifts", 0, 0 },
		{ NULL, 0, NULL, NULL, 0, 0 },
	},
	.summary = "list shifts in time order",
	.help = "DATE is YYYY-MM-DD (midnight in the rotation's zone with --rotation,\n"
		"else in yours) or a full ISO 8601 time (2027-01-04T10:00:00Z).\n"
		"Shifts are shown in their rotation's wall clock; with --json, as an\n"
		"array of {id, rotation, tier, person, start, end, origin} with UTC\n"
		"times, sorted by start.\n",
	.exec = exec_schedule_show,
	.flags = CMD_STREAM,
};
