/* rota next: someone's coming shifts and how long until each. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli/cmd.h"
#include "cli/util.h"
#include "common/out.h"
#include "common/timefmt.h"
#include "service/roster.h"

/* "3d 22h", "5h 30m", "12m": a duration as people say it. */
static void
duration(int64_t secs, char *buf, size_t len)
{
	int64_t m = (secs + 59) / 60;   /* round up: "in 0m" would mislead */

	if (m >= 24 * 60)
		snprintf(buf, len, "%lldd %lldh", (long long)(m / (24 * 60)),
			 (long long)(m / 60 % 24));
	else if (m >= 60)
		snprintf(buf, len, "%lldh %lldm", (long long)(m / 60), (long long)(m % 60));
	else
		snprintf(buf, len, "%lldm", (long long)m);
}

static int
exec_next(struct ctx *ctx, int argc, char **argv)
{
	struct svc s = cmd_svc(ctx);
	struct person p;
	struct shift *v;
	const struct tz_zone *zone;
	const char *count_opt = cmd_opt(ctx, "count");
	int64_t count = 5;
	size_t n;
	int r;

	if (count_opt != NULL && (r = id_arg(ctx, "--count", count_opt, &count)) != 0)
		return r;
	if (argc > 2)
		return cmd_usage_error(ctx, "next takes at most one HANDLE");
	if ((r = roster_next(&s, argc == 2 ? argv[1] : NULL, &p, &v, &n)) != 0)
		return r;
	zone = tz_lookup_or_utc(p.tz);
	if (n == 0)
		out_note("%s has no shifts to come", p.handle);
	out_list_begin(NULL, NULL);
	for (size_t i = 0; i < n && (int64_t)i < count; i++) {
		char start[32], end[32], when[48], left[64];

		out_row_begin();
		out_int("id", "ID", v[i].id);
		out_str("rotation", "ROTATION", v[i].rotation);
		out_str("tier", "TIER", tier_name(v[i].tier));
		out_str("person", NULL, v[i].handle);
		time_format_utc(v[i].start, start, sizeof start);
		time_format_utc(v[i].end, end, sizeof end);
		out_str("start", NULL, start);
		out_str("end", NULL, end);
		time_format_local(v[i].start, zone, start, sizeof start);
		time_format_local(v[i].end, zone, end, sizeof end);
		out_str(NULL, "START", start);
		out_str(NULL, "END", end);
		out_str(NULL, "ZONE", p.tz);
		out_str("origin", NULL, origin_name(v[i].origin));
		if (v[i].start <= ctx->now) {
			duration(v[i].end - ctx->now, when, sizeof when);
			out_int("starts_in_seconds", NULL, 0);
			snprintf(left, sizeof left, "now, %s left", when);
			out_str(NULL, "IN", left);
		} else {
			duration(v[i].start - ctx->now, when, sizeof when);
			out_int("starts_in_seconds", NULL, v[i].start - ctx->now);
			out_str(NULL, "IN", when);
		}
		out_row_end();
	}
	out_list_end();
	free(v);
	return 0;
}

const struct cmd_entry cmd_next_entry = {
	.name = "next",
	.args = "[HANDLE]",
	.options = (const struct cmd_option[]){
		{ "count", 0, "N", "show at most N shifts (default 5)", 0, 0 },
		{ NULL, 0, NULL, NULL, 0, 0 },
	},
	.summary = "your (or HANDLE's) next shifts and how long until each",
	.help = "  HANDLE      whose shifts (default: yours)\n"
		"\n"
		"Times are in the person's own zone; a shift in force now shows how\n"
		"long is left of it. With --json, an array of {id, rotation, tier,\n"
		"person, start, end, origin, starts_in_seconds} (UTC times).\n",
	.flags = CMD_LOOKUP,
	.exec = exec_next,
};
