/* rota now: who is on call right now, in every rotation. */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli/cmd.h"
#include "cli/setup.h"
#include "cli/util.h"
#include "common/out.h"
#include "common/timefmt.h"

static const struct option opts[] = {
	{ "at", required_argument, NULL, 'a' },
	{ NULL, 0, NULL, 0 },
};

static int
exec_now(struct ctx *ctx, int argc, char **argv)
{
	struct shift *v;
	struct rotation *rots = NULL;
	size_t n, nr = 0;
	int64_t at = ctx->now;
	int c, r;

	optind = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		if (c != 'a')
			return cmd_bad_option(ctx, c, argv);
		/* A date is midnight in the acting person's own zone. */
		if ((r = time_arg(ctx, "--at", optarg, zone_or_utc(ctx->actor.known ?
				  ctx->actor.person.tz : NULL), &at)) != 0)
			return r;
	}
	if (optind < argc)
		return cmd_usage_error(ctx, "now takes no arguments");
	if ((r = store_shift_now(ctx->db, at, &v, &n)) != 0)
		return r;
	out_list_begin(NULL, NULL);
	for (size_t i = 0; i < n; i++) {
		icaltimezone *zone = tz_lookup(v[i].tz);
		char start[32], end[32], until[32 + TZ_MAX];

		if (zone == NULL)
			zone = icaltimezone_get_utc_timezone();
		out_row_begin();
		out_int("id", NULL, v[i].id);
		out_str("rotation", "ROTATION", v[i].rotation);
		out_str("tier", "TIER", tier_name(v[i].tier));
		out_str("person", "ON CALL", v[i].handle);
		if (out_json()) {       /* UTC times: JSON only, as they show nowhere else */
			time_format_utc(v[i].start, start, sizeof start);
			time_format_utc(v[i].end, end, sizeof end);
			out_str("start", NULL, start);
			out_str("end", NULL, end);
		} else {                /* the rotation's wall clock: text only */
			time_format_local(v[i].end, zone, end, sizeof end);
			snprintf(until, sizeof until, "%s %s", end, v[i].tz);
			out_str(NULL, "UNTIL", until);
		}
		out_str("origin", NULL, origin_name(v[i].origin));
		out_row_end();
	}
	out_list_end();
	/* Say which rotations nobody covers: silence would read as "all fine". */
	if (!out_json() && (r = store_rotation_list(ctx->db, &rots, &nr)) == 0) {
		/* Both lists are sorted by tier, then name: walk them together. */
		size_t k = 0;

		for (size_t i = 0; i < nr; i++) {
			if (k < n && v[k].rotation_id == rots[i].id) {
				k++;
				continue;
			}
			out_note("nobody is on call in %s rotation %s", tier_name(rots[i].tier),
				 rots[i].name);
		}
		if (nr == 0)
			out_note("no rotations yet: add one with rota rotation add");
	}
	free(rots);
	free(v);
	return r;
}

const struct cmd_entry cmd_now_entry = {
	.name = "now",
	.args = "[--at TIME]",
	.summary = "who is on call now, in every rotation",
	.help = "  --at TIME   who is (or was, or will be) on call then instead: a date\n"
		"              (midnight in your own zone) or an ISO 8601 time\n"
		"\n"
		"Lists the shift in force now in each rotation: who is on call in each\n"
		"tier and until when (the rotation's wall clock). Rotations nobody\n"
		"covers now are named below the table. With --json, an array of\n"
		"{id, rotation, tier, person, start, end, origin} (UTC times), as\n"
		"rota schedule show prints.\n",
	.exec = exec_now,
};
