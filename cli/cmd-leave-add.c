/* rota leave add: time a person is unavailable. */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli/cmd.h"
#include "cli/setup.h"
#include "cli/util.h"
#include "common/err.h"
#include "common/out.h"
#include "common/timefmt.h"

/* Refuses leave overlapping another leave of the same person. */
static int
check_overlap(struct ctx *ctx, const struct leave *l, const struct tz_zone *zone)
{
	struct leave *v;
	size_t n;
	int r;

	if ((r = store_leave_list(ctx->db, l->person_id, l->start, l->end, &v, &n)) != 0)
		return r;
	if (n > 0) {
		char start[32], end[32];

		time_format_local(v[0].start, zone, start, sizeof start);
		time_format_local(v[0].end, zone, end, sizeof end);
		r = rota_fail(EX_DATAERR, "this leave overlaps leave %lld of %s (%s to %s%s%s); "
			      "remove that first (rota leave remove %lld)", (long long)v[0].id,
			      l->handle, start, end, v[0].reason[0] ? ", " : "", v[0].reason,
			      (long long)v[0].id);
	}
	free(v);
	return r;
}

static int
exec_leave_add(struct ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "reason", required_argument, NULL, 'r' },
		{ NULL, 0, NULL, 0 },
	};
	const char *handle = NULL, *from, *to, *reason = "";
	struct leave l = { 0 };
	struct person p;
	const struct tz_zone *zone;
	char object[32];
	int c, r;

	optind = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		switch (c) {
		case 'r': reason = optarg; break;
		default: return cmd_bad_option(ctx, c, argv);
		}
	}
	if (argc - optind == 3)
		handle = argv[optind++];
	else if (argc - optind != 2)
		return cmd_usage_error(ctx, "leave add takes an optional HANDLE, then FROM and TO");
	from = argv[optind];
	to = argv[optind + 1];
	/* Dates are read in the person's zone, but checked first so that a
	 * mistyped date is a usage error before any question of who. */
	if ((r = time_arg(ctx, "FROM", from, tz_utc(), &l.start)) != 0 ||
	    (r = time_arg(ctx, "TO", to, tz_utc(), &l.end)) != 0 ||
	    (r = text_arg(ctx, "--reason", reason, l.reason, sizeof l.reason)) != 0 ||
	    (r = subject_person(ctx, "leave add", handle, &p)) != 0)
		return r;
	zone = tz_lookup_or_utc(p.tz);
	if ((r = day_arg(ctx, "FROM", from, zone, false, &l.start)) != 0 ||
	    (r = day_arg(ctx, "TO", to, zone, true, &l.end)) != 0)
		return r;
	if (l.end < l.start)
		return cmd_usage_error(ctx, "TO (%s) is before FROM (%s)", to, from);
	if (l.end == l.start)
		return cmd_usage_error(ctx, "leave from %s to %s is empty", from, to);
	l.person_id = p.id;
	snprintf(l.handle, sizeof l.handle, "%s", p.handle);
	if ((r = check_overlap(ctx, &l, zone)) != 0 ||
	    (r = store_leave_add(ctx->db, &l, ctx->now)) != 0)
		return r;
	snprintf(object, sizeof object, "leave %lld", (long long)l.id);
	if ((r = audit(ctx, "leave.add", object, NULL, leave_to_json(&l))) != 0)
		return r;
	print_leave(&l, zone);
	return 0;
}

const struct cmd_entry cmd_leave_add_entry = {
	.name = "leave add",
	.args = "[HANDLE] FROM TO [--reason TEXT]",
	.summary = "record leave (yourself, or anyone as a manager)",
	.help = "  HANDLE         whose leave (default: you; someone else: managers)\n"
		"  FROM TO        dates YYYY-MM-DD are whole days in the person's own zone,\n"
		"                 both included: 2027-05-01 2027-05-31 runs from 1 May\n"
		"                 00:00 to 1 June 00:00; a full ISO 8601 time is an instant\n"
		"  --reason TEXT  a note, e.g. holiday or conference\n"
		"Leave may not overlap another leave of the same person.\n",
	.flags = CMD_WRITE,
	.exec = exec_leave_add,
};
