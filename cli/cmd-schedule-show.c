/* rota schedule show: the shifts, in time order. */
#include "config.h"

#include <getopt.h>
#include <stdlib.h>

#include "cli/cmd.h"
#include "cli/util.h"
#include "common/out.h"

static int
exec_schedule_show(struct ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "rotation", required_argument, NULL, 'r' },
		{ "from", required_argument, NULL, 'f' },
		{ "to", required_argument, NULL, 't' },
		{ "person", required_argument, NULL, 'p' },
		{ NULL, 0, NULL, 0 },
	};
	const char *rotation = NULL, *from = NULL, *to = NULL, *handle = NULL;
	struct shift_filter f = { 0 };
	const struct tz_zone *zone = tz_utc();
	struct rotation rot;
	struct person p;
	struct shift *v;
	size_t n;
	int c, r;

	optind = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		switch (c) {
		case 'r': rotation = optarg; break;
		case 'f': from = optarg; break;
		case 't': to = optarg; break;
		case 'p': handle = optarg; break;
		default: return cmd_bad_option(ctx, c, argv);
		}
	}
	if (optind != argc)
		return cmd_usage_error(ctx, "schedule show takes no arguments besides its options");
	/* Dates are midnight in the rotation's zone, else the actor's. */
	if (rotation != NULL) {
		if ((r = find_rotation(ctx, rotation, &rot)) != 0)
			return r;
		f.rotation_id = rot.id;
		if (tz_lookup(rot.tz) != NULL)
			zone = tz_lookup(rot.tz);
	} else if (ctx->actor.known && tz_lookup(ctx->actor.person.tz) != NULL) {
		zone = tz_lookup(ctx->actor.person.tz);
	}
	f.from = ctx->now;
	if ((from != NULL && (r = time_arg(ctx, "--from", from, zone, &f.from)) != 0) ||
	    (to != NULL && (r = time_arg(ctx, "--to", to, zone, &f.to)) != 0))
		return r;
	if (to != NULL && f.to <= f.from)
		return cmd_usage_error(ctx, "--to %s is not after the start of the listing", to);
	if (handle != NULL) {
		if ((r = find_person(ctx, handle, &p)) != 0)
			return r;
		f.person_id = p.id;
	}
	if ((r = store_shift_list(ctx->db, &f, &v, &n)) != 0)
		return r;
	if (n == 0)
		out_note("no shifts%s", from == NULL ? " from now on (see --from)" : "");
	out_list_begin(NULL, NULL);
	for (size_t i = 0; i < n; i++)
		print_shift_row(&v[i]);
	out_list_end();
	free(v);
	return 0;
}

const struct cmd_entry cmd_schedule_show_entry = {
	.name = "schedule show",
	.args = "[--rotation R] [--from DATE] [--to DATE] [--person HANDLE]",
	.summary = "list shifts in time order",
	.help = "  --rotation R     only rotation R\n"
		"  --from DATE      shifts that end after DATE (default: now)\n"
		"  --to DATE        shifts that start before DATE (default: no end)\n"
		"  --person HANDLE  only HANDLE's shifts\n"
		"\n"
		"DATE is YYYY-MM-DD (midnight in the rotation's zone with --rotation,\n"
		"else in yours) or a full ISO 8601 time (2027-01-04T10:00:00Z).\n"
		"Shifts are shown in their rotation's wall clock; with --json, as an\n"
		"array of {id, rotation, tier, person, start, end, origin} with UTC\n"
		"times, sorted by start.\n",
	.exec = exec_schedule_show,
};
