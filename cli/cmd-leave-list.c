/* rota leave list: recorded leave, yours or (for managers) everyone's. */
#include "config.h"

#include <getopt.h>
#include <stdlib.h>

#include "cli/cmd.h"
#include "cli/setup.h"
#include "cli/util.h"
#include "common/out.h"
#include "common/timefmt.h"

static int
exec_leave_list(struct ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "from", required_argument, NULL, 'f' },
		{ "to", required_argument, NULL, 't' },
		{ NULL, 0, NULL, 0 },
	};
	const char *from = NULL, *to = NULL;
	struct person p = { 0 };
	const struct tz_zone *zone = tz_utc();
	int64_t start, end = INT64_MAX;
	struct leave *v;
	size_t n;
	int c, r;

	optind = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		switch (c) {
		case 'f': from = optarg; break;
		case 't': to = optarg; break;
		default: return cmd_bad_option(ctx, c, argv);
		}
	}
	if (argc - optind > 1)
		return cmd_usage_error(ctx, "leave list takes at most one HANDLE");
	if (argc - optind == 1 || !ctx->actor.privileged) {
		if ((r = subject_person(ctx, "leave list", argc - optind == 1 ?
					argv[optind] : NULL, &p)) != 0)
			return r;
		zone = tz_lookup_or_utc(p.tz);
	} else if (ctx->actor.known) {
		zone = tz_lookup_or_utc(ctx->actor.person.tz);
	}
	start = ctx->now;
	if (from != NULL && (r = day_arg(ctx, "--from", from, zone, false, &start)) != 0)
		return r;
	if (to != NULL && (r = day_arg(ctx, "--to", to, zone, true, &end)) != 0)
		return r;
	if (end <= start && from == NULL)
		return cmd_usage_error(ctx, "--to %s is in the past: give --from too", to);
	if (end <= start)
		return cmd_usage_error(ctx, "--to %s is before --from %s", to, from);
	if ((r = store_leave_list(ctx->db, p.id, start, end, &v, &n)) != 0)
		return r;
	if (n == 0)
		out_note("No leave%s%s%s.", p.id ? " for " : "", p.handle,
			 from == NULL ? " from now on" : " in that time");
	out_list_begin(NULL, NULL);
	for (size_t i = 0; i < n && r == 0; i++) {
		struct person who;
		const struct tz_zone *wz;

		if ((r = store_person_get_id(ctx->db, v[i].person_id, &who)) != 0)
			break;
		wz = tz_lookup_or_utc(who.tz);
		out_row_begin();
		out_int("id", "ID", v[i].id);
		out_str("person", "PERSON", v[i].handle);
		out_time("start", "FROM", v[i].start, wz);
		out_time("end", "UNTIL", v[i].end, wz);
		out_str("tz", "ZONE", who.tz);
		out_str("reason", "REASON", v[i].reason[0] ? v[i].reason : NULL);
		out_str("source", NULL, v[i].source);
		out_row_end();
	}
	out_list_end();
	free(v);
	return r;
}

const struct cmd_entry cmd_leave_list_entry = {
	.name = "leave list",
	.args = "[HANDLE] [--from DATE] [--to DATE]",
	.summary = "list leave",
	.help = "  HANDLE       whose leave (default: yours; a manager sees everyone's)\n"
		"  --from DATE  leave that has not ended by DATE (default: now)\n"
		"  --to DATE    leave that starts by the end of DATE\n"
		"Dates are in the person's zone (for everyone: the manager's own zone).\n"
		"Times show in each person's zone; --json gives them in UTC.\n",
	.exec = exec_leave_list,
};
